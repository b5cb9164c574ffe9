"""The review feature's controller: its docks and menu, and keeping its views current.

The work is done by three helpers: ``FlagActions`` (flag, walk, decide, approve),
``QaRunner`` (the QA checks and the findings panel) and ``StripMarks`` (the
overview strip). Views refresh from the store's ``Changes``
(``ctx.bridge.changed``), debounced so a burst of edits costs one refresh.
"""

from __future__ import annotations

import logging
from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from gui.review.findings_panel import FindingsPanel
from gui.review.flag_actions import FlagActions
from gui.review.marks import decorate_spans, paint_gutter
from gui.review.names import category_name, lang_name, status_colour, status_name
from gui.review.note_view import NoteView
from gui.review.panel import ReviewPanel
from gui.review.qa_runner import QaRunner
from gui.review.review_reader import ReviewReader, ReviewSnapshot
from gui.review.strip_marks import StripMarks
from model.errors import TaiyakuError
from model.notes import render_note
from model.review import FlagItem, FlagList, filter_flags, get_flag, list_flags, progress
from model.store import Changes

if TYPE_CHECKING:  # pragma: no cover
    from gui.review.flag_dialog import FlagDialog
    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow
    from model.qa import Finding
    from model.store import Store

log = logging.getLogger(__name__)


class ReviewController(QObject):
    """Flags, review queue, QA findings and the overview strip of one main window."""

    def __init__(self, window: FeatureWindow, ctx: AppContext) -> None:
        parent = window.widget()
        super().__init__(parent)
        self.setObjectName("review_controller")
        self.window = window
        self.ctx = ctx
        self.panes = window.panes
        self.model = window.transcript_model
        self._shown_tid: int | None = None  # the transcript whose first paint we have seen
        self.panel = ReviewPanel(parent)
        self.findings_panel = FindingsPanel(parent)
        self.review_dock = window.add_dock(self.panel, self.tr("Review"), Qt.DockWidgetArea.RightDockWidgetArea,
                                           "review_dock")
        self.findings_dock = window.add_dock(self.findings_panel, self.tr("Findings"),
                                             Qt.DockWidgetArea.RightDockWidgetArea, "findings_dock")
        self._arrange_docks()
        self.flags_tab = NoteView(parent)
        self.flags_tab.setObjectName("details_flags")
        window.add_details_tab(self.flags_tab, self.tr("Flags"))
        self.flags = FlagActions(self, ctx, self.panes, self.model, self.panel, parent)
        self.checks = QaRunner(self, ctx, self.panes, self.findings_panel, self.findings_dock, parent)
        self.findings_dock.visibilityChanged.connect(self._findings_visibility)
        self.marks = StripMarks(self, ctx, self.panes, self.model, parent)
        self.strip = self.marks.strip
        self._build_actions()
        self.panes.metrics.add_decorator(decorate_spans)
        add_gutter = getattr(self.panes.metrics, "add_gutter_painter", None)
        if add_gutter is not None:
            add_gutter(paint_gutter)
        # Refreshing: flags list and strip share one debounce.
        self._refresh_timer = QTimer(self, singleShot=True, interval=80)
        self._refresh_timer.timeout.connect(self._apply_refresh)
        self._dirty_flags = True
        self._dirty_strip: set[int] | None = None  # None: every row
        # The whole-transcript reads (flags, progress, every row's marks) run in a thread.
        self.reader = ReviewReader(self)
        self.reader.read.connect(self._on_read)
        self._reading = (False, False)  # what the read under way covers: (flags, every mark)
        self._listing: FlagList | None = None  # the last listing read, unfiltered (filters re-apply it)
        ctx.transcriptChanged.connect(self._on_transcript)
        ctx.transcriptShown.connect(self._on_transcript_shown)
        ctx.bridge.changed.connect(self._on_changes)
        self.panel.filtersChanged.connect(self._refilter_flags)
        self.panel.currentFlagChanged.connect(self._load_thread)
        self.panel.thread_view.linkClicked.connect(self._link_clicked)
        self.model.modelReset.connect(self._structure_changed)
        # Bound methods, not lambdas: Qt drops these connections when the controller goes.
        ctx.selectionChanged.connect(self.show_segment_flags)
        self.model.dataChanged.connect(self.show_segment_flags)
        self.flags_tab.linkClicked.connect(self._link_clicked)
        if ctx.transcript_id is not None:  # installed on a window already showing one
            self._on_transcript_shown(ctx.transcript_id)

    def _findings_visibility(self, visible: bool) -> None:
        if visible:  # its tab chosen: what waited for it (fitting the columns) now
            self.findings_panel.shown()

    # -- building ----------------------------------------------------------------------
    def _arrange_docks(self) -> None:
        """Share the right side with other features' docks as tabs, not as thin slices."""
        window = self.window.widget()
        others = [d for d in self.window.docks_in(Qt.DockWidgetArea.RightDockWidgetArea)
                  if d not in (self.review_dock, self.findings_dock)]
        if others:
            window.tabifyDockWidget(others[-1], self.review_dock)
        window.tabifyDockWidget(self.review_dock, self.findings_dock)
        if not others:
            self.review_dock.raise_()
        window.resizeDocks([self.review_dock], [380], Qt.Orientation.Horizontal)

    def _build_actions(self) -> None:
        reg, flags = self.window.registry, self.flags
        reg.menu("review", self.tr("&Review"))
        reg.add("flag_segment", self.tr("&Flag for review…"), flags.flag_current, menu="review",
                shortcut="Ctrl+Shift+F", icon_name="mdi6.flag-outline", toolbar=True,
                tip=self.tr("Flag the current segment, or the selected text, for review"))
        reg.add("next_flag", self.tr("&Next open flag"), partial(flags.next_flag, False), menu="review",
                shortcut="F8", icon_name="mdi6.skip-next-circle-outline", toolbar=True)
        reg.add("prev_flag", self.tr("&Previous open flag"), partial(flags.next_flag, True), menu="review",
                shortcut="Shift+F8", icon_name="mdi6.skip-previous-circle-outline")
        reg.add("resolve_flag", self.tr("&Resolve flag"), partial(flags.set_status, "resolved"), menu="review",
                shortcut="Ctrl+Alt+R", icon_name="mdi6.flag-checkered",
                tip=self.tr("Resolve the chosen flag (the reply box becomes its resolution note)"))
        reg.add("wontfix_flag", self.tr("Close flag as &won't fix"), partial(flags.set_status, "wontfix"),
                menu="review", shortcut="Ctrl+Alt+W", icon_name="mdi6.flag-remove-outline")
        reg.add("reopen_flag", self.tr("Re&open flag"), partial(flags.set_status, "open"), menu="review",
                shortcut="Ctrl+Alt+O", icon_name="mdi6.restore")
        self.window.menu_separator("review")
        reg.add("approve_segment", self.tr("&Approve segment"), flags.approve_current, menu="review",
                shortcut="Ctrl+Shift+A", icon_name="mdi6.check-decagram-outline", toolbar=True,
                tip=self.tr("Approve the selected segments and move on"))
        reg.add("next_needing_review", self.tr("Next segment needing re&view"), partial(flags.next_unreviewed, False),
                menu="review", shortcut="Ctrl+F8", icon_name="mdi6.page-next-outline")
        reg.add("prev_needing_review", self.tr("Previous segment needing revie&w"),
                partial(flags.next_unreviewed, True), menu="review", shortcut="Ctrl+Shift+F8")
        self.window.menu_separator("review")
        reg.add("run_checks", self.tr("Run &QA checks"), self.checks.rerun, menu="review",
                icon_name="mdi6.text-box-search-outline")
        for dock in (self.review_dock, self.findings_dock):
            reg.menu("review").addAction(dock.toggleViewAction())

    # -- the feature's face: what other code and the tests call -----------------------------
    @property
    def store(self) -> Store:
        return self.ctx.store

    def window_closed(self) -> None:
        """The window closed: the checks' process stops (it does not wait for the window's deletion)."""
        self.checks.shutdown(wait_s=0)

    @property
    def checks_started(self) -> bool:
        """Whether the checks of the open transcript have started reading it (not before its first paint)."""
        return self.checks.checks_started

    @property
    def findings(self) -> list[Finding]:
        """The open findings: neither dismissed nor flagged."""
        return self.checks.findings

    @property
    def checking(self) -> bool:
        """Whether a sliced run of the checks is still going."""
        return self.checks.checking

    @property
    def last_dialog(self) -> FlagDialog | None:
        return self.flags.last_dialog

    def run_all_checks(self, sliced: bool = False) -> list[Finding]:
        """Run every check on the open transcript (see ``QaRunner.run_all_checks``)."""
        return self.checks.run_all_checks(sliced)

    def dismiss(self, finding: Finding, reason: str | None = None) -> int | None:
        """Dismiss a finding with a reason (asked for when not given)."""
        return self.checks.dismiss(finding, reason)

    def flag_from_finding(self, finding: Finding) -> int | None:
        """Turn a finding into a flag (one undo step)."""
        return self.checks.flag_from_finding(finding)

    def go_flag(self, flag: FlagItem) -> None:
        """Show the flag's segment in the panes and select it in the panel."""
        self.flags.go_flag(flag)

    def next_flag(self, backwards: bool = False) -> FlagItem | None:
        """F8 / Shift+F8: the next / previous open flag, wrapping."""
        return self.flags.next_flag(backwards)

    # -- refreshing ----------------------------------------------------------------------------------
    def _on_transcript(self, transcript_id: int | None) -> None:
        self.flags.current_flag_id = None
        self._shown_tid = None
        self._listing = None
        self.reader.cancel()
        self._reading = (False, False)
        if transcript_id is None:
            self.refresh_review()
            self.checks.run_all_checks()
            return
        # Flags, strip and checks read the whole transcript (seconds on 50,000 segments):
        # only once the panes have painted it (ctx.transcriptShown), never before.
        self.checks.forget()

    def _on_transcript_shown(self, transcript_id: int) -> None:
        if transcript_id != self.ctx.transcript_id:
            return
        self._shown_tid = transcript_id
        self._dirty_flags, self._dirty_strip = True, None
        self._apply_refresh()  # in the background: a keystroke right after the paint must not wait
        # With a context object: Qt drops the call if the window goes first (a lambda would run on a dead one).
        QTimer.singleShot(0, self.checks, self.checks.run_sliced)

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
        self.checks.note_changes(changes)

    def refresh_review(self) -> None:
        """Flags list, counts, progress and the whole strip, from the store, at once (in this thread)."""
        self.reader.cancel()
        self._reading = (False, False)
        self._dirty_flags, self._dirty_strip = False, set()
        self._refresh_timer.stop()
        self.refresh_flags()
        tid = self.ctx.transcript_id
        if tid is not None:
            try:
                self.panel.show_progress(progress(self.store, tid))
            except TaiyakuError as exc:
                log.info("progress: %s", exc)
        self.marks.refresh()

    def _structure_changed(self) -> None:
        self._dirty_flags, self._dirty_strip = True, None
        if self._shown_tid == self.ctx.transcript_id:  # else transcriptShown refreshes, after the first paint
            self._refresh_timer.start()

    def _apply_refresh(self) -> None:
        """What the changes since the last refresh need: a few segments' marks here, the rest
        (flags, progress, every row's marks) read in a thread and shown when read (``_on_read``)."""
        self._refresh_timer.stop()
        tid = self.ctx.transcript_id
        if tid is None:
            self.refresh_review()
            return
        flags, whole_strip = self._dirty_flags, self._dirty_strip is None
        if not whole_strip and self._dirty_strip:
            self.marks.update_rows(self._dirty_strip)
        if self.reader.reading:  # a new read replaces the one under way: it covers what that one did
            flags, whole_strip = flags or self._reading[0], whole_strip or self._reading[1]
        self._dirty_flags, self._dirty_strip = False, set()
        self._reading = (flags, whole_strip)
        self.reader.request(self.store, tid, self.model.skeleton, self.model.row_of_segment,
                            flags=flags, marks=whole_strip)

    def _on_read(self, result: ReviewSnapshot | BaseException) -> None:
        self._reading = (False, False)
        if isinstance(result, TaiyakuError):
            log.info("review: %s", result)
            return
        if isinstance(result, BaseException):
            raise result
        if result.transcript_id != self.ctx.transcript_id:
            return
        if result.flags is not None:
            self._show_listing(result.flags)
        if result.progress is not None:
            self.panel.show_progress(result.progress)
        if result.marks is not None:
            if result.skeleton is self.model.skeleton:
                self.marks.apply(result.marks)
            else:  # the rows moved while it read: read again
                self._dirty_strip = None
                self._refresh_timer.start()

    def refresh_flags(self) -> None:
        """The review panel's list of flags, filtered as the panel says."""
        tid = self.ctx.transcript_id
        if tid is None:
            self._listing = None
            self.panel.model.set_items([])
            return
        self._show_listing(list_flags(self.store, tid))

    def _refilter_flags(self) -> None:
        if self._listing is None or self._reading[0]:
            self.refresh_flags()
        else:
            self._show_listing(self._listing)

    def _show_listing(self, listing: FlagList) -> None:
        self._listing = listing
        self.panel.set_authors(sorted({f.author for f in listing.flags}))
        shown = FlagList(filter_flags(listing.flags, **self.panel.filters()), listing.by_status,
                         listing.by_category, listing.total)
        self.panel.show_flags(shown, keep_flag=self.flags.current_flag_id)

    def show_segment_flags(self, *_args: object) -> None:
        """The details tab: every flag of the selected segment, its note rendered safely."""
        sid = self.flags.current_segment_id()
        seg = self.flags.segment(sid) if sid is not None else None
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

    def _link_clicked(self, url: str) -> None:
        self._status(self.tr("Link copied, not opened: {url}").format(url=url))

    def _status(self, text: str) -> None:
        self.ctx.statusMessage.emit(text)


def install(window: FeatureWindow, ctx: AppContext) -> ReviewController:
    """Feature entry point (``gui.window.features``); its strings come with the app's (``gui.window.i18n``)."""
    return ReviewController(window, ctx)


__all__ = ["ReviewController", "install"]
