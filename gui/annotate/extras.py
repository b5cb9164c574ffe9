"""The annotator's day (issue 14): row status in the gutter and its legend, next open gap,
the pane filter, per-segment comments. Installed through ``gui.window.features`` after review, so
its Go and Help entries sit beside review's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from gui.annotate.common import tr
from gui.annotate.row_status import LegendDialog, paint_row_status
from gui.window.keyboard import CtrlEnterAccepts
from model.ops import comments

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow


class DayFeature(QObject):
    """Small helpers of an annotator's day, wired to the window."""

    def __init__(self, window: FeatureWindow, ctx: AppContext) -> None:
        super().__init__(window.widget())
        self.window = window
        self.ctx = ctx
        self.panes = window.panes
        self.legend: LegendDialog | None = None
        self.panes.metrics.add_gutter_painter(paint_row_status)
        from gui.annotate.filters import PaneFilter

        self.filter = PaneFilter(window, ctx)
        reg = window.registry
        reg.add("row_legend", tr("&Row colours"), self.show_legend, menu="help", icon_name="mdi6.palette-outline",
                tip=tr("What the marks beside the rows and the gap colours mean"))
        reg.add("comment", tr("Co&mment on segment…"), self.edit_comment, menu="annotate", shortcut="Ctrl+Alt+N",
                icon_name="mdi6.comment-text-outline",
                tip=tr("Your own note on the selected segment (not a review flag); shown in the details, exported"))
        self.comment_dialog: QInputDialog | None = None
        self._apply_preferences()  # last: every action is registered

    def _apply_preferences(self) -> None:
        # Last of the features: every action is registered, so rebound shortcuts reach them all.
        from gui.preferences import appearance, apply_appearance, font_choice
        from gui.preferences.shortcuts import apply_shortcuts

        settings = self.window.settings
        if appearance(settings) != "system":  # "system": leave the palette the app started with
            apply_appearance(appearance(settings))
        self.panes.metrics.set_font_choices({lang: font_choice(settings, lang) for lang in ("en", "ja")})
        apply_shortcuts(self.window.registry, settings)

    def edit_comment(self) -> None:
        """Ctrl+Alt+M: write, change or (emptied) remove the selected segment's comment."""
        row = self.panes.current_row()
        seg = self.window.transcript_model.segment(row) if row >= 0 else None
        if seg is None:
            self.ctx.report_error(tr("Select a segment first."))
            return
        dialog = QInputDialog(self.window.widget())
        dialog.setObjectName("comment_dialog")
        dialog.setWindowTitle(tr("Comment on segment"))
        dialog.setLabelText(tr("Your note on this segment (empty: no comment). Ctrl+Enter saves."))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput, True)
        dialog.setTextValue(seg.comment or "")
        sid = seg.id
        dialog.textValueSelected.connect(lambda text: self.ctx.run(
            tr("Comment"), lambda: comments.set_comment(self.ctx.store, sid, text)))
        CtrlEnterAccepts(dialog)
        self.comment_dialog = dialog
        dialog.open()

    def show_legend(self) -> LegendDialog:
        """Help > Row colours."""
        self.legend = LegendDialog(self.panes.metrics.theme, self.window.widget())
        self.legend.open()
        return self.legend


def install(window: FeatureWindow, ctx: AppContext) -> DayFeature:
    """Plug the helpers into the window (kept in ``window.features["extras"]``)."""
    return DayFeature(window, ctx)
