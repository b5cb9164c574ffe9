"""The window's QA run, in a thread of its own: it finds what the command line finds, the panel
fills in as it goes, and edits made while it runs are not lost nor left with stale findings."""

from __future__ import annotations

import threading
import time

from gui_helpers import long_briefing, make_window

import gui.review.qa_worker as qa_worker
from model.ops.corrections import edit_text
from model.qa import run_checks
from model.qa.scan import Scan, iter_checks
from tests.model.test_qa_scan import generated


def test_the_window_lists_what_the_command_line_finds(qtbot, store, tmp_path):
    tid = generated(store, turns=40)
    expected = list(iter_checks(store, tid))  # what `taiyaku qa` prints
    assert {f.check for f in expected} >= {"numbers", "spelling", "variants", "glossary", "untranslated"}
    window, _ = make_window(qtbot, store, tmp_path, turns=[("Q", [("Hello.", "こんにちは。")])])
    window.ctx.set_transcript(tid)
    review = window.review
    qtbot.waitUntil(lambda: review.checks_started and not review.checking, timeout=20_000)
    assert review.findings == expected
    panel = review.findings_panel
    assert panel.all_findings == expected
    assert panel.model.items == expected
    assert str(len(expected)) in review.findings_dock.windowTitle()


class _SteppedScan(Scan):
    """A scan that stops after checking its fourth turn until the test lets it go on."""

    reached = threading.Event()
    go_on = threading.Event()

    def step(self) -> bool:
        self.span = 1
        done = super().step()
        if self.at == 4:
            self.reached.set()
            self.go_on.wait(20)
        return done


def test_edits_while_the_checks_run_are_checked(qtbot, store, tmp_path, monkeypatch):
    window, tid = make_window(qtbot, store, tmp_path, turns=long_briefing(40))
    review = window.review
    qtbot.waitUntil(lambda: review.checks_started and not review.checking, timeout=20_000)
    runner = review.checks
    _SteppedScan.reached.clear()
    _SteppedScan.go_on.clear()
    monkeypatch.setattr(qa_worker, "Scan", _SteppedScan)
    behind = window.transcript_model.segment_id(2)  # the first paragraph of turn 2: checked already
    ahead = window.transcript_model.segment_id(window.transcript_model.rowCount() - 2)  # not reached yet (has Japanese)
    runner.rerun()  # the Run checks button
    qtbot.waitUntil(_SteppedScan.reached.is_set, timeout=20_000)
    assert review.checking
    edit_text(store, behind, "en", "Turn 2 first paragraph: 7 ships, not 8.")
    edit_text(store, ahead, "en", "The last paragraph: 12 destroyers.")
    t = time.monotonic()
    qtbot.waitUntil(lambda: not runner._checks_timer.isActive())  # the edits' debounce ran out meanwhile
    assert review.checking and time.monotonic() - t < 5
    _SteppedScan.go_on.set()
    qtbot.waitUntil(lambda: not review.checking, timeout=20_000)
    assert review.findings == run_checks(store, tid)  # what a fresh run finds: nothing stale
    assert {f.check for f in review.findings if f.segment_id == behind} == {"numbers"}
    assert {f.check for f in review.findings if f.segment_id == ahead} == {"numbers"}
    # After the run, an edit is checked again by the same thread.
    edit_text(store, behind, "en", "Turn 2 first paragraph, without a number now.")
    qtbot.waitUntil(lambda: not review.checking and not any(f.segment_id == behind for f in review.findings),
                    timeout=20_000)
    assert review.findings == run_checks(store, tid)
    assert review.findings_panel.all_findings == review.findings
    assert review.findings_panel.model.items == review.findings


def test_one_list_of_findings_while_nothing_is_settled(qtbot, store, tmp_path):
    # 200,000 findings were held in five lists of references; nothing dismissed or flagged, the
    # open findings are the raw ones, and the panel's model lists the panel's own list.
    window, tid = make_window(qtbot, store, tmp_path, turns=long_briefing(12))
    review = window.review
    qtbot.waitUntil(lambda: review.checks_started and not review.checking, timeout=20_000)
    runner, panel = review.checks, review.findings_panel
    assert review.findings and runner.findings is runner.raw_findings
    assert runner._worker is not None and runner._worker.scan is not None
    assert runner._worker.scan.findings == []  # handed over to the window, not kept in the thread too
    assert panel.model.items is panel.all_findings and panel.all_findings == review.findings
    first = review.findings[0]
    panel.set_check_filter(first.check)  # one check: the model's own list
    assert panel.model.items is not panel.all_findings
    assert all(f.check == first.check for f in panel.model.items)
    panel.set_check_filter(None)
    assert panel.model.items is panel.all_findings
    review.dismiss(first, "fine")  # settled: the open findings are a list of their own
    qtbot.waitUntil(lambda: first not in review.findings, timeout=10_000)
    assert runner.findings is not runner.raw_findings and first in runner.raw_findings
    assert review.findings == run_checks(store, tid)


def test_a_worker_whose_window_went_at_exit_ends_quietly(qtbot, store, caplog):
    """At exit Qt deletes the worker's C++ side while a long step may still run (seen in the
    packaged app): its next signal raises, and the thread must end without a traceback."""
    import shiboken6

    tid = generated(store, turns=12)
    worker = qa_worker.QaWorker(store, tid, generation=1)
    shiboken6.delete(worker)  # what the interpreter's exit does to a parentless QObject
    escaped: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: escaped.append(args.exc_value)  # type: ignore[assignment]
    try:
        with caplog.at_level("DEBUG", logger="gui.review.qa_worker"):
            worker.start()
            worker._thread.join(20)
    finally:
        threading.excepthook = previous
    assert not worker._thread.is_alive()
    assert escaped == []
    assert [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")] == []


def test_the_findings_columns_are_fitted_when_the_findings_tab_is_shown(qtbot, store, tmp_path, monkeypatch):
    # Behind the Review tab the fitting measured a hundred rows' cells while the first input waited.
    window, _tid = make_window(qtbot, store, tmp_path, turns=long_briefing(12))
    review = window.review
    panel = review.findings_panel
    fitted: list[int] = []
    real = panel.view.resizeColumnToContents
    monkeypatch.setattr(panel.view, "resizeColumnToContents", lambda col: (fitted.append(col), real(col)))
    # The first run's layout: Review and Findings share the right side as tabs, Review in front.
    qtbot.waitUntil(lambda: review.checks_started and not review.checking and bool(review.findings), timeout=20_000)
    assert panel.visibleRegion().isEmpty() and fitted == []
    review.findings_dock.raise_()
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty(), timeout=5_000)
    assert fitted == [0, 1, 2]
    assert panel.view.columnWidth(1) >= panel.view.header().sectionSizeHint(1)
