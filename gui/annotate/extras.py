"""The annotator's day (issue 14): row status in the gutter and its legend, next open gap,
the pane filter, per-segment comments. Installed through ``gui.features`` after review, so
its Go and Help entries sit beside review's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from gui.annotate.common import tr
from gui.annotate.row_status import LegendDialog, paint_row_status

if TYPE_CHECKING:  # pragma: no cover
    from gui.context import AppContext
    from gui.main_window import MainWindow


class DayFeature(QObject):
    """Small helpers of an annotator's day, wired to the window."""

    def __init__(self, window: MainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.panes = window.panes
        self.legend: LegendDialog | None = None
        self.panes.metrics.add_gutter_painter(paint_row_status)
        self._apply_preferences()
        reg = window.registry
        reg.add("row_legend", tr("&Row colours"), self.show_legend, menu="help", icon_name="mdi6.palette-outline",
                tip=tr("What the marks beside the rows and the gap colours mean"))

    def _apply_preferences(self) -> None:
        # Last of the features: every action is registered, so rebound shortcuts reach them all.
        from gui.preferences import appearance, apply_appearance, font_choice
        from gui.preferences.shortcuts import apply_shortcuts

        settings = self.window.settings
        if appearance(settings) != "system":  # "system": leave the palette the app started with
            apply_appearance(appearance(settings))
        self.panes.metrics.set_font_choices({lang: font_choice(settings, lang) for lang in ("en", "ja")})
        apply_shortcuts(self.window.registry, settings)

    def show_legend(self) -> LegendDialog:
        """Help > Row colours."""
        self.legend = LegendDialog(self.panes.metrics.theme, self.window)
        self.legend.open()
        return self.legend


def install(window: MainWindow, ctx: AppContext) -> DayFeature:
    """Plug the helpers into the window (kept as ``window.day``)."""
    feature = DayFeature(window, ctx)
    window.day = feature  # type: ignore[attr-defined]
    return feature
