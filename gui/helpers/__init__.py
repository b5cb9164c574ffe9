"""The translator's helpers in the window: the Glossary dock, "add to glossary", suggestions from
earlier corrections in the details area, and the Statistics view. Installed through ``gui.window.features``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from gui.helpers.feature import HelpersFeature
    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow


def install(window: FeatureWindow, ctx: AppContext) -> HelpersFeature:
    """Plug the helpers into the main window (kept in ``window.features["helpers"]``)."""
    from gui.helpers.feature import HelpersFeature

    return HelpersFeature(window, ctx)
