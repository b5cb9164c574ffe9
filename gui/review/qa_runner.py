"""The QA checks of the open transcript: when they run, and the findings panel they fill.

A transcript is checked in a process of its own once the panes have painted it
(``gui.review.qa_worker``: a long one never freezes the window), and the panel fills
in as the findings arrive; after an edit only the turns holding the touched segments
are checked again, debounced, by the same process.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QInputDialog, QWidget

from gui.helpers.names import fix_label
from gui.lazy_import import lazy_module
from gui.review.findings_panel import FindingsPanel
from model.errors import OperationFailed
from model.store import Changes

if TYPE_CHECKING:  # pragma: no cover
    from gui.review import qa_worker
    from model import qa
    from model.ops import findings as finding_ops
    from model.qa import fixes, scan
else:  # the checks' code: imported when they run or a finding is acted on, after the first paint
    qa = lazy_module("model.qa")
    finding_ops = lazy_module("model.ops.findings")
    fixes = lazy_module("model.qa.fixes")
    scan = lazy_module("model.qa.scan")
    # The checks' process's client: imported as the first run starts (after the first paint), not
    # as the window installs its features.
    qa_worker = lazy_module("gui.review.qa_worker")

if TYPE_CHECKING:  # pragma: no cover
    from gui.panes import BilingualPanes
    from gui.review.qa_worker import QaWorker
    from gui.window.context import AppContext
    from model.qa import Finding
    from model.qa.registry import Fix
    from model.store import Store

REVIEW_TABLES = ("flag", "flag_reply", "finding_dismissal")
TEXT_TABLES = frozenset({"segment", "correction", "gap", "redaction"})


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
        # Those neither dismissed nor flagged: ``raw_findings`` itself while nothing is settled
        # (most often: one list, not two copies of 200,000 references, ``_share_when_unsettled``).
        self.findings: list[Finding] = []
        self._worker: QaWorker | None = None  # the run of the open transcript (and its rechecks)
        self._generation = 0  # tells the current run's signals from an abandoned run's
        self._running = False  # the first pass has not been delivered entirely yet
        self._rechecks_out = 0  # recheck requests the worker has not answered yet
        self._settled: tuple[dict[str, str], set[str]] = ({}, set())
        self._pending_segments: set[int] = set()
        self._pending_turns: set[int] = set()
        self._pending_full = False
        self._checks_timer = QTimer(self, singleShot=True, interval=120)
        self._checks_timer.timeout.connect(self._run_pending_checks)
        self._closed = False  # the window closed: no run starts any more
        self.hold_at: int | None = None  # tests: the next run's scan waits after so many turns (QaWorker)
        app = QCoreApplication.instance()
        if app is not None:  # the store closes after the event loop: the process stops first
            app.aboutToQuit.connect(self.shutdown)
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
    def checks_started(self) -> bool:
        """Whether the current run's process has read the transcript's outline (it checks it now, or has)."""
        return qa_worker.outline_of(self._worker) is not None if self._worker is not None else False

    # -- the panel's actions -----------------------------------------------------------------------
    def go_finding(self, finding: Finding) -> None:
        """Show the finding's segment in its language's pane."""
        if finding.segment_id is not None:
            self.panes.select_segment(finding.segment_id, finding.lang)

    def flag_from_finding(self, finding: Finding) -> int | None:
        """Turn a finding into a flag (one undo step); the finding then counts as settled."""
        return self.ctx.run(self.tr("Flag finding"), lambda: finding_ops.flag_finding(self.store, finding))

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
        return self.ctx.run(self.tr("Dismiss finding"),
                            lambda: finding_ops.dismiss_finding(self.store, tid, finding.key, reason))

    def fix_finding(self, finding: Finding, fix: Fix) -> int | None:
        """Carry out a correction the finding offers, as one undo step."""
        def perform() -> int:
            event = fixes.apply_fix(self.store, finding, fix)
            if event is None:
                raise OperationFailed(self.tr("nothing to change: the text already reads so"))
            return event

        return self.ctx.run(fix_label(fix), perform)

    def restore(self, finding: Finding) -> int | None:
        """Take back a dismissal: the finding is listed again."""
        tid = self.ctx.transcript_id
        if tid is None:
            return None
        return self.ctx.run(self.tr("Restore finding"),
                            lambda: finding_ops.restore_finding(self.store, tid, finding.key))

    # -- running -------------------------------------------------------------------------------------
    def rerun(self) -> None:
        """The panel's "run again" button and the menu action: a full run."""
        self.run_all_checks()

    def run_all_checks(self, sliced: bool = True) -> list[Finding]:
        """Run every check on the open transcript (on open, and on demand), in the background.

        The panel fills in as findings arrive (``checking`` meanwhile); ``sliced`` is
        kept for callers of the time the checks ran on the UI thread in slices.
        """
        tid = None if self._closed else self.ctx.transcript_id
        self._stop_worker()
        self._pending_full = False
        self._pending_segments.clear()
        self._pending_turns.clear()
        self.raw_findings, self.findings = [], []
        if tid is None:
            self.refilter()
            return self.findings
        self._settled = qa.settled_keys(self.store, tid)
        self._share_when_unsettled()
        self._show([])
        self.panel.set_checking(True)
        self._generation += 1
        worker = self._worker = qa_worker.QaWorker(self.store, tid, self._generation, hold_at=self.hold_at)
        worker.batch.connect(self._on_batch)
        worker.finished.connect(self._on_finished)
        worker.rechecked.connect(self._on_rechecked)
        worker.rescan.connect(self._on_rescan)
        worker.failed.connect(self._on_failed)
        self.destroyed.connect(worker.cancel)  # the window goes (or is rebuilt): the process stops
        self._running = True
        worker.start()
        return self.findings

    def run_sliced(self) -> None:
        """A full run in the background (see ``run_all_checks``)."""
        self.run_all_checks()

    def _stop_worker(self) -> None:
        worker, self._worker = self._worker, None
        self._running, self._rechecks_out = False, 0
        self.panel.set_checking(False)
        if worker is not None:
            worker.stop(wait_s=0)  # it stops after its current step; its late signals are ignored

    def shutdown(self, wait_s: float = 1.0) -> None:
        """The window goes: stop the checks' process (waiting ``wait_s`` for its current step)."""
        worker, self._worker = self._worker, None
        self._closed = True
        self._running, self._rechecks_out = False, 0
        self._checks_timer.stop()
        if worker is not None:
            worker.stop(wait_s)

    def _on_batch(self, generation: int, batch: list[Finding]) -> None:
        if generation != self._generation:
            return
        self.raw_findings.extend(batch)
        dismissed, flagged = self._settled
        open_ones = [f for f in batch if f.key not in dismissed and f.key not in flagged]
        if self.findings is not self.raw_findings:
            self.findings.extend(open_ones)
        self.panel.add_findings(batch if self.panel.show_settled.isChecked() else open_ones)
        self._title()
        # The findings live as long as the transcript is open: out of the collector's full sweeps
        # (hundreds of thousands of them made each sweep, and whatever waited for it, 0.1-0.8 s).
        # The price: cyclic garbage made while the checks run is never collected -- a run's worth.
        gc.freeze()

    def _on_finished(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._running = False
        self.panel.set_checking(False)
        self._title()
        if self._pending_segments or self._pending_turns or self._pending_full:  # edited while it ran
            self._checks_timer.start()

    def _on_rechecked(self, generation: int, served: int, changed: list[tuple[int, list[Finding]]]) -> None:
        if generation != self._generation:
            return
        self._rechecks_out = max(0, self._rechecks_out - served)
        dismissed, flagged = self._settled
        for turn, fresh in changed:
            scan.splice_turn(self.raw_findings, turn, fresh)
            open_ones = [f for f in fresh if f.key not in dismissed and f.key not in flagged]
            if self.findings is not self.raw_findings:
                scan.splice_turn(self.findings, turn, open_ones)
            self.panel.replace_turn(turn, fresh if self.panel.show_settled.isChecked() else open_ones)
        self._title()

    def _on_rescan(self, generation: int) -> None:
        if generation == self._generation:  # a new segment: the structure changed
            self.run_all_checks()

    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._running, self._rechecks_out = False, 0
        self.panel.set_checking(False)
        self.panel.summary.setText(self.tr("The checks stopped: {message}").format(message=message))

    @property
    def checking(self) -> bool:
        """Whether a run of the checks (or a recheck after an edit) is still going."""
        return self._running or self._rechecks_out > 0 or self._checks_timer.isActive()

    def forget(self) -> None:
        """A transcript is opening: drop the old findings; the checks wait for its first paint."""
        self._stop_worker()
        self.raw_findings, self.findings = [], []
        self.panel.show_findings([])
        self.panel.set_checking(True)

    def _show(self, findings: list[Finding]) -> None:
        dismissed, flagged = self._settled
        if self.panel.show_settled.isChecked():
            self.panel.show_findings(findings, dismissed, flagged)
        else:
            self.panel.show_findings(findings)

    def _share_when_unsettled(self) -> None:
        """Nothing dismissed or flagged: the open findings are every finding, the same list."""
        dismissed, flagged = self._settled
        if not dismissed and not flagged:
            self.findings = self.raw_findings

    def _title(self) -> None:
        self.dock.setWindowTitle(self.tr("Findings ({n})").format(n=len(self.findings)))

    def refilter(self, *_args: object) -> None:
        """Show the findings again after a dismissal, a flag, or the "show settled" box changed."""
        tid = self.ctx.transcript_id
        if tid is None:
            self.findings = []
            self._settled = ({}, set())
            self.panel.show_findings([])
        else:
            self._settled = dismissed, flagged = qa.settled_keys(self.store, tid)
            self.findings = [f for f in self.raw_findings if f.key not in dismissed and f.key not in flagged]
            self._share_when_unsettled()
            self._show(self.raw_findings if self.panel.show_settled.isChecked() else self.findings)
        self._title()

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
        if self._pending_full or self._worker is None:
            self.run_all_checks()
            return
        if self._running:  # the edited turns are checked again once the run is over (_on_finished)
            return
        segments, turns = set(self._pending_segments), set(self._pending_turns)
        self._pending_segments.clear()
        self._pending_turns.clear()
        self._rechecks_out += 1
        self._worker.recheck(segments, turns)
