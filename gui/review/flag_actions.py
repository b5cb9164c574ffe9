"""What the annotator does with flags and approvals: flag, walk, resolve, reply, edit, approve.

Every change is one store operation run through ``ctx.run`` (one undo step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from gui.lazy_import import lazy_module
from gui.review.panel import ReviewPanel
from model.errors import OperationFailed, TaiyakuError
from model.readmodel import SegmentView
from model.review import FlagItem, get_flag, list_flags, next_open_flag, next_segment_needing_review

if TYPE_CHECKING:  # pragma: no cover
    from gui.review import flag_dialog
    from model.ops import flags as flag_ops
else:  # imported when a flag changes or its dialog opens, after the first paint
    flag_ops = lazy_module("model.ops.flags")
    flag_dialog = lazy_module("gui.review.flag_dialog")

if TYPE_CHECKING:  # pragma: no cover
    from gui.models.transcript_model import TranscriptModel
    from gui.panes import BilingualPanes
    from gui.review.flag_dialog import FlagDialog
    from gui.window.context import AppContext
    from model.store import Store


class FlagActions(QObject):
    """The review menu's flag and approval commands, and the review panel's buttons."""

    def __init__(self, parent: QObject, ctx: AppContext, panes: BilingualPanes, model: TranscriptModel,
                 panel: ReviewPanel, dialog_parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panes = panes
        self.model = model
        self.panel = panel
        self.dialog_parent = dialog_parent
        self.current_flag_id: int | None = None  # the flag last gone to or decided
        self.last_dialog: FlagDialog | None = None
        self._approve_untranslated: tuple[int, ...] | None = None  # asked once; a second press approves
        panel.flagActivated.connect(self.go_flag)
        panel.actionRequested.connect(self._on_panel_action)

    # -- where we are -------------------------------------------------------------------
    @property
    def store(self) -> Store:
        return self.ctx.store

    def _status(self, text: str) -> None:
        self.ctx.statusMessage.emit(text)

    def current_segment_id(self) -> int | None:
        """The segment the panes point at, else the one last selected."""
        sid = self.panes.current_segment_id()
        return sid if sid is not None else self.ctx.selection.segment_id

    def segment(self, segment_id: int) -> SegmentView | None:
        """The segment as the transcript model has it (None when not on screen)."""
        row = self.model.row_of_segment(segment_id)
        return self.model.segment(row) if row is not None else None

    def _where(self, segment_id: int) -> str:
        row = self.model.row_of_segment(segment_id)
        if row is None:
            return ""
        turn = self.model.turn(row)
        return self.tr("Turn {turn}, segment {segment}").format(turn=turn.number, segment=row - turn.first_row + 1)

    # -- flagging -------------------------------------------------------------------------
    def flag_current(self) -> FlagDialog | None:
        """Open the flag dialog for the current segment (and the selected text, if any)."""
        sid = self.current_segment_id()
        if sid is None or self.ctx.transcript_id is None:
            self._status(self.tr("Select a segment to flag first."))
            return None
        sel = self.ctx.selection
        seg = self.segment(sid)
        span = sel.span if sel.segment_id == sid else None
        text = seg.corrected(sel.lang) if seg is not None else None
        span_text = text[span[0]:span[1]] if span and text else None
        dialog = flag_dialog.FlagDialog(self._where(sid), span_text, parent=self.dialog_parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The dialog is the sender and dies on close: the lambda cannot outlive it.
        dialog.accepted.connect(lambda: self._create_flag(sid, dialog, sel.lang, span))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _create_flag(self, sid: int, dialog: FlagDialog, lang: str, span: tuple[int, int] | None) -> None:
        category, note, span_only = dialog.values()
        self.create_flag(sid, category, note, lang=lang if span and span_only else None,
                         span=span if span_only else None)

    def create_flag(self, segment_id: int, category: str, note: str, lang: str | None = None,
                    span: tuple[int, int] | None = None) -> int | None:
        """Flag a segment (or a span of ``lang``) as one undo step."""
        start, end = span if span and lang else (None, None)
        return self.ctx.run(self.tr("Flag segment"), lambda: flag_ops.add_flag(
            self.store, segment_id, category, note, lang=lang, start=start, end=end))

    # -- navigating ----------------------------------------------------------------------------
    def go_flag(self, flag: FlagItem) -> None:
        """Show the flag's segment in the panes (its language's pane) and select it in the panel."""
        self.current_flag_id = flag.id
        self.panes.select_segment(flag.segment_id, flag.lang or None)
        self.panel.select_flag(flag.id)

    def next_flag(self, backwards: bool = False) -> FlagItem | None:
        """F8 / Shift+F8: the next / previous open flag after the current segment, wrapping."""
        tid = self.ctx.transcript_id
        if tid is None:
            return None
        sid = self.current_segment_id()
        after_flag = self.current_flag_id
        if after_flag is not None:
            try:
                if get_flag(self.store, after_flag).segment_id != sid:
                    after_flag = None
            except TaiyakuError:
                after_flag = None
        flag = next_open_flag(self.store, tid, sid, backwards, after_flag_id=after_flag)
        if flag is None:
            self._status(self.tr("No open flags in this transcript."))
            return None
        self.go_flag(flag)
        return flag

    def next_unreviewed(self, backwards: bool = False) -> int | None:
        """Go to the next (previous) segment that is not approved."""
        tid = self.ctx.transcript_id
        if tid is None:
            return None
        sid = next_segment_needing_review(self.store, tid, self.current_segment_id(), backwards)
        if sid is None:
            self._status(self.tr("Every segment is approved."))
            return None
        self.panes.select_segment(sid)
        return sid

    # -- deciding ---------------------------------------------------------------------------------
    def _flag_for_keyboard(self) -> FlagItem | None:
        """The flag a keyboard command acts on: the panel's, else the first on the current segment."""
        chosen = self.panel.current_flag()
        sid = self.current_segment_id()
        if chosen is not None and (sid is None or chosen.segment_id == sid or self.panel.view.hasFocus()):
            return chosen
        tid = self.ctx.transcript_id
        if tid is None or sid is None:
            return chosen
        on_segment = [f for f in list_flags(self.store, tid).flags if f.segment_id == sid]
        open_ones = [f for f in on_segment if f.is_open]
        if open_ones or on_segment:
            return (open_ones or on_segment)[0]
        return chosen

    def set_status(self, status: str, flag: FlagItem | None = None, note: str | None = None) -> int | None:
        """Resolve, close as won't fix, or reopen a flag (default: the one the keyboard points at)."""
        flag = flag or self._flag_for_keyboard()
        if flag is None:
            self._status(self.tr("No flag chosen."))
            return None
        text = self.panel.reply_edit.toPlainText() if note is None else note
        labels = {"resolved": self.tr("Resolve flag"), "wontfix": self.tr("Close flag (won't fix)"),
                  "open": self.tr("Reopen flag")}
        event = self.ctx.run(labels[status], lambda: flag_ops.set_flag_status(self.store, flag.id, status, text))
        if event is not None:
            self.panel.clear_reply()
            self.current_flag_id = flag.id
        return event

    def reply(self, flag: FlagItem, text: str) -> int | None:
        """Add a reply to a flag's thread (one undo step)."""
        event = self.ctx.run(self.tr("Reply to flag"), lambda: flag_ops.reply_to_flag(self.store, flag.id, text))
        if event is not None:
            self.panel.clear_reply()
        return event

    def edit_flag(self, flag: FlagItem) -> FlagDialog:
        """Open the flag dialog on an existing flag; accepting saves category and note (one undo step)."""
        where = self.tr("Turn {turn}, segment {segment}").format(turn=flag.turn, segment=flag.segment)
        dialog = flag_dialog.FlagDialog(where, None, flag.category, flag.note, parent=self.dialog_parent,
                                        title=self.tr("Edit flag"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def save() -> None:
            category, note, _span = dialog.values()
            self.ctx.run(self.tr("Edit flag"), lambda: flag_ops.edit_flag(self.store, flag.id, note, category))

        dialog.accepted.connect(save)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _on_panel_action(self, verb: str, flag: FlagItem, text: str) -> None:
        if verb == "reply":
            self.reply(flag, text)
        elif verb == "edit":
            self.edit_flag(flag)
        else:
            self.set_status(verb, flag, text)

    def _untranslated(self, segment_id: int) -> bool:
        row = self.model.row_of_segment(segment_id)
        return row is not None and _untranslated_in(self.model, row)

    def _approve_keys(self) -> str:
        """The approve shortcut as the annotator has it bound (Preferences may have changed it)."""
        registry = getattr(self.dialog_parent, "registry", None)
        try:
            seq = registry.get("approve_segment").shortcut() if registry is not None else QKeySequence()
        except KeyError:
            seq = QKeySequence()
        return seq.toString(QKeySequence.SequenceFormat.NativeText) or self.tr("Approve")

    def _forget_approve_question(self) -> None:
        self._approve_untranslated = None

    def approve_current(self) -> int | None:
        """Approve the selected segments (one undo step); with one segment, move to the next."""
        from model.ops.review_state import approve

        rows = sorted({i.row() for i in self.panes.selection_model.selectedRows()})
        ids = [sid for sid in (self.model.segment_id(r) for r in rows) if sid is not None]
        if not ids:
            sid = self.current_segment_id()
            ids = [sid] if sid is not None else []
        if not ids:
            self._status(self.tr("Select a segment to approve first."))
            return None
        pending = [sid for sid in ids if (seg := self.segment(sid)) is None or seg.review_state != "approved"]
        # Approving a segment without its translation is rarely meant: the first press asks, a second approves.
        if any(self._untranslated(sid) for sid in pending) and self._approve_untranslated != tuple(pending):
            self._approve_untranslated = tuple(pending)
            QTimer.singleShot(6000, self, self._forget_approve_question)
            keys = self._approve_keys()
            self._status(self.tr("This segment has no translation. Press {keys} again to approve it anyway.")
                         .format(keys=keys))
            return None
        self._approve_untranslated = None
        event = None
        if pending:
            text = self.tr("Approve segment") if len(pending) == 1 else self.tr("Approve segments")
            event = self.ctx.run(text, lambda: _event_or_fail(approve(self.store, pending),
                                                              self.tr("Already approved.")))
        else:
            self._status(self.tr("Already approved."))
        if len(ids) == 1:
            self.panes.step_segment(1)
        return event


def _untranslated_in(model: TranscriptModel, row: int) -> bool:
    seg = model.segment(row)
    return seg is not None and model.turn(row).kind == "speech" and \
        (seg.corrected("en") is None or seg.corrected("ja") is None)


def _event_or_fail(event_id: int | None, reason: str) -> int:
    """An operation that changed nothing returns None: no undo step, a one-line reason instead."""
    if event_id is None:
        raise OperationFailed(reason)
    return event_id
