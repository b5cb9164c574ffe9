"""The annotation feature: in-place editing, view modes, corrections, gaps, speakers,
find and replace, alignment, history. Installed through ``gui.window.features``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from gui.annotate.feature import AnnotateFeature
    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow


def install(window: FeatureWindow, ctx: AppContext) -> AnnotateFeature:
    """Plug the annotation feature into the main window (kept in ``window.features["annotate"]``)."""
    from gui.annotate.feature import AnnotateFeature

    return AnnotateFeature(window, ctx)

