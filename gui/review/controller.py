"""The review feature's controller: actions, docks, marks in the panes, and keeping them current.

Reads go through ``model.review``/``model.qa``; every change is one store
operation run through ``ctx.run`` (one undo step). Views refresh from the
store's ``Changes`` (``ctx.bridge.changed``), debounced so a burst of edits
costs one refresh.
"""

from __future__ import annotations

import logging
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHBoxLayout, QInputDialog

from gui.review.findings_panel import FindingsPanel
from gui.review.flag_dialog import FlagDialog
from gui.review.marks import decorate_spans, paint_gutter
from gui.review.names import (
    category_name,
    lang_name,
    status_colour,
    status_name,
)
from gui.review.overview import APPROVED, EDIT, FLAG, GAP, OverviewStrip
from gui.review.note_view import NoteView
from gui.review.panel import ReviewPanel
from model.errors import OperationFailed, TaiyakuError
from model.notes import render_note
from model.ops import flags as flag_ops
from model.ops.findings import dismiss_finding, flag_finding, restore_finding
from model.qa import CHECKS, Finding, check_turns, check_view, settled_keys
from model.readmodel import SegmentView, TranscriptView, fill_turns, load_segments, load_transcript
from model.review import FlagItem, filter_flags, get_flag, list_flags, markers, next_open_flag, \
    next_segment_needing_review, progress
from model.store import Changes

if TYPE_CHECKING:  # pragma: no cover
    from gui.context import AppContext
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)
REVIEW_TABLES = ("flag", "flag_reply", "finding_dismissal")
SCAN_TURNS = 150  # turns checked per slice when a transcript opens (~20-60 ms)


class ReviewController(QObject):
    """Flags, review queue, QA findings and the overview strip of one main window."""

    def __init__(self, window: MainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.setObjectName("review_controller")
        self.window = window
        self.ctx = ctx
        self.panes = window.panes
        self.model = window.transcript_model
        self.current_flag_id: int | None = None
        self.last_dialog: FlagDialog | None = None
        self.view: TranscriptView | None = None
        self.raw_findings: list[Finding] = []
        self.findings: list[Finding] = []
        self._pending_segments: set[int] = set()
        self._pending_full = False
        self._shown_tid: int | None = None  # the transcript whose first paint we have seen
        self.panel = ReviewPanel(window)
        self.findings_panel = FindingsPanel(window)
        self.review_dock = window.add_dock(self.panel, self.tr("Review"), Qt.DockWidgetArea.RightDockWidgetArea,
                                           "review_dock")
        self.findings_dock = window.add_dock(self.findings_panel, self.tr("Findings"),
                                             Qt.DockWidgetArea.RightDockWidgetArea, "findings_dock")
        # Share the right side with other features' docks as tabs, not as thin slices.
        others = [d for d in window.findChildren(QDockWidget)
                  if d not in (self.review_dock, self.findings_dock) and not d.isFloating()
                  and window.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea]
        if others:
            window.tabifyDockWidget(others[-1], self.review_dock)
        window.tabifyDockWidget(self.review_dock, self.findings_dock)
        if not others:
            self.review_dock.raise_()
        window.resizeDocks([self.review_dock], [380], Qt.Orientation.Horizontal)
        self.flags_tab = NoteView(window)
        self.flags_tab.setObjectName("details_flags")
        window.add_details_tab(self.flags_tab, self.tr("Flags"))
        self.strip = OverviewStrip(window)
        self._place_strip()
        self._build_actions()
        self.panes.metrics.add_decorator(decorate_spans)
        add_gutter = getattr(self.panes.metrics, "add_gutter_painter", None)
        if add_gutter is not None:
            add_gutter(paint_gutter)
        # Refreshing.
        self._refresh_timer = QTimer(self, singleShot=True, interval=80)
        self._refresh_timer.timeout.connect(self._apply_refresh)
        self._dirty_flags = True
        self._dirty_strip: set[int] | None = None  # None: every row
        self._checks_timer = QTimer(self, singleShot=True, interval=120)
        self._checks_timer.timeout.connect(self._run_pending_checks)
        self._scan_timer = QTimer(self, interval=0)
        self._scan_timer.timeout.connect(self._scan_step)
        ctx.transcriptChanged.connect(self._on_transcript)
        ctx.transcriptShown.connect(self._on_transcript_shown)
        ctx.bridge.changed.connect(self._on_changes)
        self.panel.filtersChanged.connect(self.refresh_flags)
        self.panel.flagActivated.connect(self.go_flag)
        self.panel.currentFlagChanged.connect(self._load_thread)
        self.panel.actionRequested.connect(self._on_panel_action)
        self.panel.thread.linkClicked.connect(self._link_clicked)
        self.findings_panel.findingActivated.connect(self.go_finding)
        self.findings_panel.flagRequested.connect(self.flag_from_finding)
        self.findings_panel.dismissRequested.connect(self.dismiss)
        self.findings_panel.rerunRequested.connect(lambda: self.run_all_checks())
        self.findings_panel.restoreRequested.connect(self.restore)
        self.findings_panel.showSettledChanged.connect(lambda _on: self._refilter_findings())
        self.strip.rowClicked.connect(self._strip_jump)
        pane = self.panes.pane("en")
        pane.verticalScrollBar().valueChanged.connect(lambda _v: self._update_visible())
        pane.verticalScrollBar().rangeChanged.connect(lambda *_: self._update_visible())
        self.panes.currentRowChanged.connect(lambda _r: self._update_visible())
        self.model.modelReset.connect(self._structure_changed)
        ctx.selectionChanged.connect(lambda _sel: self.show_segment_flags())
        self.model.dataChanged.connect(lambda *_: self.show_segment_flags())
        self.flags_tab.linkClicked.connect(self._link_clicked)
        if ctx.transcript_id is not None:  # installed on a window already showing one
            self._on_transcript_shown(ctx.transcript_id)

    # -- building ----------------------------------------------------------------------
    def _place_strip(self) -> None:
        """Put the strip at the right of the panes, level with their scroll bars."""
        layout = self.panes.layout()
        layout.removeWidget(self.panes.splitter)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.panes.splitter, 1)
        row.addWidget(self.strip)
        layout.addLayout(row)
        titles = getattr(self.panes, "titles", {})
        if "ja" in titles:
            self.strip.top_margin = titles["ja"].minimumHeight()

    def _build_actions(self) -> None:
        reg = self.window.registry
        reg.menu("review", self.tr("&Review"))
        reg.add("flag_segment", self.tr("&Flag for review…"), self.flag_current, menu="review",
                shortcut="Ctrl+Shift+F", icon_name="mdi6.flag-outline", toolbar=True,
                tip=self.tr("Flag the current segment, or the selected text, for review"))
        reg.add("next_flag", self.tr("&Next open flag"), lambda: self.next_flag(False), menu="review",
                shortcut="F8", icon_name="mdi6.skip-next-circle-outline", toolbar=True)
        reg.add("prev_flag", self.tr("&Previous open flag"), lambda: self.next_flag(True), menu="review",
                shortcut="Shift+F8", icon_name="mdi6.skip-previous-circle-outline")
        reg.add("resolve_flag", self.tr("&Resolve flag"), lambda: self.set_status("resolved"), menu="review",
                shortcut="Ctrl+Alt+R", icon_name="mdi6.flag-checkered",
                tip=self.tr("Resolve the chosen flag (the reply box becomes its resolution note)"))
        reg.add("wontfix_flag", self.tr("Close flag as &won't fix"), lambda: self.set_status("wontfix"),
                menu="review", shortcut="Ctrl+Alt+W", icon_name="mdi6.flag-remove-outline")
        reg.add("reopen_flag", self.tr("Re&open flag"), lambda: self.set_status("open"), menu="review",
                shortcut="Ctrl+Alt+O", icon_name="mdi6.restore")
        self.window.menu_separator("review")
        reg.add("approve_segment", self.tr("&Approve segment"), self.approve_current, menu="review",
                shortcut="Ctrl+Shift+A", icon_name="mdi6.check-decagram-outline", toolbar=True,
                tip=self.tr("Approve the selected segments and move on"))
        reg.add("next_needing_review", self.tr("Next segment needing re&view"), lambda: self.next_unreviewed(False),
                menu="review", shortcut="Ctrl+F8", icon_name="mdi6.page-next-outline")
        reg.add("prev_needing_review", self.tr("Previous segment needing revie&w"),
                lambda: self.next_unreviewed(True), menu="review", shortcut="Ctrl+Shift+F8")
        self.window.menu_separator("review")
        reg.add("run_checks", self.tr("Run &QA checks"), lambda: self.run_all_checks(), menu="review",
                icon_name="mdi6.text-box-search-outline")
        for dock in (self.review_dock, self.findings_dock):
            reg.menu("review").addAction(dock.toggleViewAction())

    # -- where we are -------------------------------------------------------------------
    @property
    def store(self):  # type: ignore[no-untyped-def]
        return self.ctx.store

    def _status(self, text: str) -> None:
        self.ctx.statusMessage.emit(text)

    def current_segment_id(self) -> int | None:
        sid = self.panes.current_segment_id()
        return sid if sid is not None else self.ctx.selection.segment_id

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
        row = self.model.row_of_segment(sid)
        seg = self.model.segment(row) if row is not None else None
        span = sel.span if sel.segment_id == sid else None
        text = seg.corrected(sel.lang) if seg is not None else None
        span_text = text[span[0]:span[1]] if span and text else None
        dialog = FlagDialog(self._where(sid), span_text, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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

    def go_finding(self, finding: Finding) -> None:
        if finding.segment_id is not None:
            self.panes.select_segment(finding.segment_id, finding.lang)

    def _strip_jump(self, row: int) -> None:
        self.panes.go_row(row, QAbstractItemView.ScrollHint.PositionAtCenter)

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
        return (open_ones or on_segment or [chosen])[0]

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
        event = self.ctx.run(self.tr("Reply to flag"), lambda: flag_ops.reply_to_flag(self.store, flag.id, text))
        if event is not None:
            self.panel.clear_reply()
        return event

    def edit_flag(self, flag: FlagItem) -> FlagDialog:
        """Open the flag dialog on an existing flag; accepting saves category and note (one undo step)."""
        dialog = FlagDialog(self.tr("Turn {turn}, segment {segment}").format(turn=flag.turn, segment=flag.segment),
                            None, flag.category, flag.note, parent=self.window, title=self.tr("Edit flag"))
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
        pending = [sid for sid in ids if (seg := self._segment(sid)) is None or seg.review_state != "approved"]
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

    def _segment(self, segment_id: int) -> SegmentView | None:
        row = self.model.row_of_segment(segment_id)
        return self.model.segment(row) if row is not None else None

    # -- findings -------------------------------------------------------------------------------
    def flag_from_finding(self, finding: Finding) -> int | None:
        return self.ctx.run(self.tr("Flag finding"), lambda: flag_finding(self.store, finding))

    def dismiss(self, finding: Finding, reason: str | None = None) -> int | None:
        """Dismiss a finding with a reason (asked for when not given)."""
        if reason is None:
            reason, ok = QInputDialog.getText(self.window, self.tr("Dismiss finding"),
                                              self.tr("Why is this not a problem?\n{message}").format(
                                                  message=finding.message))
            if not ok:
                return None
        tid = self.ctx.transcript_id
        if tid is None:
            return None
        return self.ctx.run(self.tr("Dismiss finding"), lambda: dismiss_finding(self.store, tid, finding.key, reason))

    def restore(self, finding: Finding) -> int | None:
        """Take back a dismissal: the finding is listed again."""
        tid = self.ctx.transcript_id
        if tid is None:
            return None
        return self.ctx.run(self.tr("Restore finding"), lambda: restore_finding(self.store, tid, finding.key))

    def run_all_checks(self, sliced: bool = False) -> list[Finding]:
        """Run every check on the open transcript (on open, and on demand).

        ``sliced``: check a slice of turns per event-loop turn, so a long
        transcript never freezes the window; the panel fills in when done.
        """
        tid = self.ctx.transcript_id
        self._scan_timer.stop()
        self._pending_full = False
        self._pending_segments.clear()
        if tid is None:
            self.view, self.raw_findings = None, []
            self._refilter_findings()
            return self.findings
        self._scan_found: list[Finding] = []
        self._scan_at = 0
        if sliced:  # turns now, their segments a slice at a time (_scan_step): no pause of seconds
            self.view = load_transcript(self.store, tid, segments=False)
            self.findings_panel.summary.setText(self.tr("Checking…"))
            self._scan_timer.start()
            return self.findings
        self.view = load_transcript(self.store, tid)
        self.raw_findings = check_view(self.view)
        self._refilter_findings()
        return self.findings

    def _scan_step(self) -> None:
        view = self.view
        if view is None:
            self._scan_timer.stop()
            return
        stop = self._scan_at + SCAN_TURNS
        fill_turns(self.store, view.turns[self._scan_at:stop])
        self._scan_found.extend(check_turns(view, self._scan_at, stop))
        self._scan_at = stop
        if stop >= len(view.turns):
            self._scan_timer.stop()
            self.raw_findings = self._scan_found
            self._refilter_findings()

    @property
    def checking(self) -> bool:
        """Whether a sliced run of the checks is still going."""
        return self._scan_timer.isActive()

    def _refilter_findings(self) -> None:
        tid = self.ctx.transcript_id
        if tid is None:
            self.findings = []
            self.findings_panel.show_findings([])
        else:
            dismissed, flagged = settled_keys(self.store, tid)
            self.findings = [f for f in self.raw_findings if f.key not in dismissed and f.key not in flagged]
            if self.findings_panel.show_settled.isChecked():
                self.findings_panel.show_findings(self.raw_findings, dismissed, flagged)
            else:
                self.findings_panel.show_findings(self.findings)
        self.findings_dock.setWindowTitle(self.tr("Findings ({n})").format(n=len(self.findings)))

    def _run_pending_checks(self) -> None:
        if self.checking:  # a full run is on its way; it will see this change
            self.run_all_checks(sliced=True)
            return
        if self._pending_full or self.view is None:
            self.run_all_checks()
            return
        changed = set(self._pending_segments)
        self._pending_segments.clear()
        where = {seg.id: (t_i, s_i) for t_i, turn in enumerate(self.view.turns)
                 for s_i, seg in enumerate(turn.segments)}
        if any(sid not in where for sid in changed):  # a new segment: structure changed
            self.run_all_checks()
            return
        for sid, seg in load_segments(self.store, changed).items():
            t_i, s_i = where[sid]
            self.view.turns[t_i].segments[s_i] = seg
        turns = {self.view.turns[where[sid][0]].id for sid in changed}
        keep = [f for f in self.raw_findings
                if f.segment_id not in changed and not (f.turn_id in turns and CHECKS[f.check].scope == "turn")]
        fresh = check_view(self.view, changed)
        order = {seg.id: n for n, (_t, seg) in enumerate(self.view.segments())}
        self.raw_findings = sorted(keep + fresh, key=lambda f: (f.turn, order.get(f.segment_id or -1, -1)))
        self._refilter_findings()

    # -- refreshing ----------------------------------------------------------------------------------
    def _on_transcript(self, transcript_id: int | None) -> None:
        self.current_flag_id = None
        self._shown_tid = None
        if transcript_id is None:
            self.refresh_review()
            self.run_all_checks()
            return
        # Flags, strip and checks read the whole transcript (seconds on 50,000 segments):
        # only once the panes have painted it (ctx.transcriptShown), never before.
        self._scan_timer.stop()
        self.view, self.raw_findings = None, []
        self.findings_panel.summary.setText(self.tr("Checking…"))

    def _on_transcript_shown(self, transcript_id: int) -> None:
        if transcript_id != self.ctx.transcript_id:
            return
        self._shown_tid = transcript_id
        self.refresh_review()
        QTimer.singleShot(0, lambda: self.run_all_checks(sliced=True))

    def _on_changes(self, changes: Changes) -> None:
        tid = self.ctx.transcript_id
        if tid is None or (changes.transcript_ids and tid not in changes.transcript_ids):
            return
        # What to refresh: the flag list only when flags changed (rows moving reset the
        # model, see _structure_changed); the strip only for the segments touched.
        if changes.touches("flag", "flag_reply"):
            self._dirty_flags = True
        if changes.touches("turn"):
            self._dirty_strip = None
        elif self._dirty_strip is not None:
            self._dirty_strip |= set(changes.segment_ids)
        self._refresh_timer.start()
        text_tables = {"segment", "correction", "gap", "redaction"}
        if changes.touches("turn", "speaker", "transcript"):
            self._pending_full = True
            self._checks_timer.start()
        elif changes.tables & text_tables and changes.segment_ids:
            self._pending_segments |= set(changes.segment_ids)
            self._checks_timer.start()
        elif changes.touches(*REVIEW_TABLES):
            self._refilter_findings()

    def refresh_review(self) -> None:
        """Flags list, counts, progress and the whole strip, from the store."""
        self._dirty_flags, self._dirty_strip = True, None
        self._apply_refresh()

    def _structure_changed(self) -> None:
        self._dirty_flags, self._dirty_strip = True, None
        if self._shown_tid == self.ctx.transcript_id:  # else transcriptShown refreshes, after the first paint
            self._refresh_timer.start()

    def _apply_refresh(self) -> None:
        self._refresh_timer.stop()
        if self._dirty_flags:
            self.refresh_flags()
        tid = self.ctx.transcript_id
        if tid is not None:
            try:
                self.panel.show_progress(progress(self.store, tid))
            except TaiyakuError as exc:
                log.info("progress: %s", exc)
        if self._dirty_strip is None:
            self.refresh_strip()
        elif self._dirty_strip:
            self._update_strip(self._dirty_strip)
        self._dirty_flags, self._dirty_strip = False, set()

    def _update_strip(self, segment_ids: set[int]) -> None:
        tid = self.ctx.transcript_id
        if tid is None:
            return
        marks = dict(self.strip.marks)
        for row, bits in self._mark_bits(tid, segment_ids):
            if bits:
                marks[row] = bits
            else:
                marks.pop(row, None)
        self.strip.set_marks(self.model.rowCount(), marks)

    def _mark_bits(self, tid: int, segment_ids: set[int] | None = None) -> list[tuple[int, int]]:
        """(row, strip bits) of these segments (every segment when None) that are on screen."""
        out = []
        for sid, flagged, gapped, edited, approved in markers(self.store, tid, segment_ids):
            row = self.model.row_of_segment(sid)
            if row is not None:
                out.append((row, _bits(flagged, gapped, edited, approved)))
        return out

    def refresh_flags(self) -> None:
        tid = self.ctx.transcript_id
        if tid is None:
            self.panel.model.set_items([])
            return
        listing = list_flags(self.store, tid)
        self.panel.set_authors(sorted({f.author for f in listing.flags}))
        listing.flags = filter_flags(listing.flags, **self.panel.filters())
        self.panel.show_flags(listing, keep_flag=self.current_flag_id)

    def show_segment_flags(self) -> None:
        """The details tab: every flag of the selected segment, its note rendered safely."""
        sid = self.current_segment_id()
        seg = self._segment(sid) if sid is not None else None
        if seg is None or not seg.flags:
            self.flags_tab.setHtml(f"<p style='color:gray'>{escape(self.tr('No flags on this segment.'))}</p>")
            return
        parts = []
        for f in seg.flags:
            colour = status_colour(f.status).name()
            span = ""
            text = seg.corrected(f.lang) if f.lang else None
            if text and f.start is not None and f.end is not None:
                span = f" · “{escape(text[f.start:f.end])}”"
            parts.append(f"<p><b style='color:{colour}'>{escape(status_name(f.status))}</b> · "
                         f"{escape(category_name(f.category))} · {escape(lang_name(f.lang))}{span} "
                         f"<span style='color:gray'>— {escape(f.author)}, "
                         f"{f.created_at.strftime('%Y-%m-%d %H:%M')}</span></p>{render_note(f.note)}")
        self.flags_tab.setHtml("<hr>".join(parts))

    def _load_thread(self, flag: FlagItem | None) -> None:
        if flag is None:
            return
        try:
            self.panel.set_thread(get_flag(self.store, flag.id))
        except TaiyakuError:
            self.panel.set_thread(None)

    def refresh_strip(self) -> None:
        tid = self.ctx.transcript_id
        if tid is None or self.model.skeleton is None:
            self.strip.set_marks(0, {})
            return
        marks = {row: bits for row, bits in self._mark_bits(tid) if bits}
        self.strip.set_marks(self.model.rowCount(), marks)
        self._update_visible()

    def _update_visible(self) -> None:
        pane = self.panes.pane("en")
        n = self.model.rowCount()
        if n == 0:
            self.strip.set_visible_rows(0, -1)
            return
        first = pane.indexAt(QPoint(1, 1)).row()
        last_index = pane.indexAt(QPoint(1, pane.viewport().height() - 2))
        last = last_index.row() if last_index.isValid() else n - 1
        self.strip.set_visible_rows(max(0, first), last, self.panes.current_row())

    def _link_clicked(self, url: str) -> None:
        self._status(self.tr("Link copied, not opened: {url}").format(url=url))


def _event_or_fail(event_id: int | None, reason: str) -> int:
    """An operation that changed nothing returns None: no undo step, a one-line reason instead."""
    if event_id is None:
        raise OperationFailed(reason)
    return event_id


def _bits(flagged: bool, gapped: bool, edited: bool, approved: bool) -> int:
    return (FLAG if flagged else 0) | (GAP if gapped else 0) | (EDIT if edited else 0) | (APPROVED if approved else 0)


def install(window: MainWindow, ctx: AppContext) -> ReviewController:
    """Feature entry point (``gui.features``); its strings come with the app's (``gui.i18n``)."""
    controller = ReviewController(window, ctx)
    window.review = controller  # type: ignore[attr-defined]
    return controller


__all__ = ["ReviewController", "install"]
