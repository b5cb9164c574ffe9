"""The annotation feature: in-place editing, view modes, corrections, gaps, speakers,
find and replace, alignment, history. Installed through ``gui.features``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from gui.annotate.feature import AnnotateFeature
    from gui.context import AppContext
    from gui.main_window import MainWindow


def install(window: MainWindow, ctx: AppContext) -> AnnotateFeature:
    """Plug the annotation feature into the main window (kept as ``window.annotate``)."""
    from gui.annotate.feature import AnnotateFeature

    feature = AnnotateFeature(window, ctx)
    window.annotate = feature  # type: ignore[attr-defined]
    return feature

