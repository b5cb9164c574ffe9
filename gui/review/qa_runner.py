"""The QA checks of the open transcript: when they run, and the findings panel they fill.

A transcript is checked a short step at a time once the panes have painted it
(``model.qa.scan.Scan``: a long one never freezes the window); after an edit only
the turns holding the touched segments are checked again, debounced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QInputDialog, QWidget

from gui.helpers.names import fix_label
from gui.review.findings_panel import FindingsPanel
from model.errors import OperationFailed
from model.ops.findings import dismiss_finding, flag_finding, restore_finding
from model.qa import Finding, settled_keys
from model.qa.fixes import apply_fix
from model.qa.registry import Fix
from model.qa.scan import Scan
from model.readmodel import TranscriptView
from model.store import Changes

if TYPE_CHECKING:  # pragma: no cover
    from gui.panes import BilingualPanes
    from gui.window.context import AppContext
    from model.store import Store

REVIEW_TABLES = ("flag", "flag_reply", "finding_dismissal")
TEXT_TABLES = frozenset({"segment", "correction", "gap", "redaction"})
STEP_S = 0.02  # the work of one step of a sliced run: the window stays smooth meanwhile


DATABASE_WIDE_TABLES = ("glossary_entry", "dictionary_word", "variant_preference")


class QaRunner(QObject):
    """Runs the QA checks on the open transcript and keeps the findings panel and its dock current."""

    def __init__(self, parent: QObject, ctx: AppContext, panes: BilingualPanes, panel: FindingsPanel,
                 dock: QDockWidget, dialog_parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panes = panes
        self.panel = panel
        self.dock = dock
        self.dialog_parent = dialog_parent
        self.raw_findings: list[Finding] = []  # every finding, settled ones too
        self.findings: list[Finding] = []  # those neither dismissed nor flagged
        self._scan: Scan | None = None  # the last run: its outline and where each segment is
        self._pending_segments: set[int] = set()
        self._pending_turns: set[int] = set()
        self._pending_full = False
        self._checks_timer = QTimer(self, singleShot=True, interval=120)
        self._checks_timer.timeout.connect(self._run_pending_checks)
        self._scan_timer = QTimer(self, interval=0)
        self._scan_timer.timeout.connect(self._scan_step)
        panel.findingActivated.connect(self.go_finding)
        panel.flagRequested.connect(self.flag_from_finding)
        panel.dismissRequested.connect(self.dismiss)
        panel.rerunRequested.connect(self.rerun)
        panel.restoreRequested.connect(self.restore)
        panel.fixRequested.connect(self.fix_finding)
        panel.showSettledChanged.connect(self.refilter)

    @property
    def store(self) -> Store:
        return self.ctx.store

    @property
    def view(self) -> TranscriptView | None:
        """The outline of the transcript as the checks last read it (turns, speakers; no segments)."""
        return self._scan.view if self._scan is not None else None

    # -- the panel's actions -----------------------------------------------------------------------
    def go_finding(self, finding: Finding) -> None:
        """Show the finding's segment in its language's pane."""
        if finding.segment_id is not None:
            self.panes.select_segment(finding.segment_id, finding.lang)

    def flag_from_finding(self, finding: Finding) -> int | None:
        """Turn a finding into a flag (one undo step); the finding then counts as settled."""
        return self.ctx.run(self.tr("Flag finding"), lambda: flag_finding(self.store, finding))

    def dismiss(self, finding: Finding, reason: str | None = None) -> int | None:
        """Dismiss a finding with a reason (asked for when not given)."""
        if reason is None:
            reason, ok = QInputDialog.getText(self.dialog_parent, self.tr("Dismiss finding"),
                                              self.tr("Why is this not a problem?\n{message}").format(
                                                  message=finding.message))
            if not ok:
                return None
        tid = self.ctx.transcript_id
        if tid is None:
            return None
        return self.ctx.run(self.tr("Dismiss finding"), lambda: dismiss_finding(self.store, tid, finding.key, reason))

    def fix_finding(self, finding: Finding, fix: Fix) -> int | None:
        """Carry out a correction the finding offers, as one undo step."""
        def perform() -> int:
            event = apply_fix(self.store, finding, fix)
            if event is None:
                raise OperationFailed(self.tr("nothing to change: the text already reads so"))
            return event

        return self.ctx.run(fix_label(fix), perform)

    def restore(self, finding: Finding) -> int | None:
        """Take back a dismissal: the finding is listed again."""
        tid = self.ctx.transcript_id
        if tid is None:
            return None
        return self.ctx.run(self.tr("Restore finding"), lambda: restore_finding(self.store, tid, finding.key))

    # -- running -------------------------------------------------------------------------------------
    def rerun(self) -> None:
        """The panel's "run again" button and the menu action: a full run, a step at a time."""
        self.run_all_checks(sliced=True)

    def run_all_checks(self, sliced: bool = False) -> list[Finding]:
        """Run every check on the open transcript (on open, and on demand).

        ``sliced``: check a slice of turns per event-loop turn, so a long
        transcript never freezes the window; the panel fills in when done.
        """
        tid = self.ctx.transcript_id
        self._scan_timer.stop()
        self._pending_full = False
        self._pending_segments.clear()
        self._pending_turns.clear()
        if tid is None:
            self._scan, self.raw_findings = None, []
            self.refilter()
            return self.findings
        self._scan = Scan(self.store, tid, step_s=STEP_S)
        if sliced:  # a step per event-loop turn (_scan_step): no pause of seconds
            self.panel.summary.setText(self.tr("Checking…"))
            self._scan_timer.start()
            return self.findings
        self.raw_findings = list(self._scan.run())
        self.refilter()
        return self.findings

    def run_sliced(self) -> None:
        """A full run a slice at a time (see ``run_all_checks``)."""
        self.run_all_checks(sliced=True)

    def _scan_step(self) -> None:
        scan = self._scan
        if scan is None:
            self._scan_timer.stop()
            return
        if scan.step():
            self._scan_timer.stop()
            self.raw_findings = list(scan.findings)
            self.refilter()
            if self._pending_segments or self._pending_turns:  # edited while it ran
                self._checks_timer.start()

    @property
    def checking(self) -> bool:
        """Whether a sliced run of the checks is still going."""
        return self._scan_timer.isActive()

    def forget(self) -> None:
        """A transcript is opening: drop the old findings; the checks wait for its first paint."""
        self._scan_timer.stop()
        self._scan, self.raw_findings = None, []
        self.panel.summary.setText(self.tr("Checking…"))

    def refilter(self, *_args: object) -> None:
        """Show the findings again after a dismissal, a flag, or the "show settled" box changed."""
        tid = self.ctx.transcript_id
        if tid is None:
            self.findings = []
            self.panel.show_findings([])
        else:
            dismissed, flagged = settled_keys(self.store, tid)
            self.findings = [f for f in self.raw_findings if f.key not in dismissed and f.key not in flagged]
            if self.panel.show_settled.isChecked():
                self.panel.show_findings(self.raw_findings, dismissed, flagged)
            else:
                self.panel.show_findings(self.findings)
        self.dock.setWindowTitle(self.tr("Findings ({n})").format(n=len(self.findings)))

    # -- after a change -------------------------------------------------------------------------------
    def note_changes(self, changes: Changes) -> None:
        """Schedule what a change of the open transcript needs: a full run, some segments, or a refilter."""
        # The glossary, the dictionary or a preferred spelling: every segment may read differently.
        if changes.touches("turn", "speaker", "transcript", *DATABASE_WIDE_TABLES):
            self._pending_full = True
            self._checks_timer.start()
        elif changes.tables & TEXT_TABLES and changes.segment_ids:
            self._pending_segments |= set(changes.segment_ids)
            self._pending_turns |= set(changes.turn_ids)  # a segment moved: both its turns
            self._checks_timer.start()
        elif changes.touches(*REVIEW_TABLES):
            self.refilter()

    def _run_pending_checks(self) -> None:
        # A full run, a step at a time: a 50,000-segment transcript takes about a second.
        if self._pending_full or self._scan is None:
            self.run_all_checks(sliced=True)
            return
        if self.checking:  # the edited turns are checked again once the run is over (_scan_step)
            return
        segments, turns = set(self._pending_segments), set(self._pending_turns)
        self._pending_segments.clear()
        self._pending_turns.clear()
        if not self._scan.recheck(segments, turns):  # a new segment: structure changed
            self.run_all_checks(sliced=True)
            return
        self.raw_findings = list(self._scan.findings)
        self.refilter()
