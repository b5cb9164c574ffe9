"""The window's QA run, in a process of its own: it finds what the command line finds, the panel
fills in as it goes, edits made while it runs are not lost nor left with stale findings, a
killed process is told in one line, and a closed window leaves no process behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time

from gui_helpers import long_briefing, make_window

import gui.review.qa_worker as qa_worker
from model.ops.corrections import edit_text
from model.qa import run_checks
from model.qa.scan import iter_checks
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


def test_edits_while_the_checks_run_are_checked(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path, turns=long_briefing(40))
    review = window.review
    qtbot.waitUntil(lambda: review.checks_started and not review.checking, timeout=20_000)
    runner = review.checks
    runner.hold_at = 4  # the next run's process waits after checking its fourth turn
    behind = window.transcript_model.segment_id(2)  # the first paragraph of turn 2: checked already
    ahead = window.transcript_model.segment_id(window.transcript_model.rowCount() - 2)  # not reached yet (has Japanese)
    runner.rerun()  # the Run checks button
    worker = runner._worker
    assert worker is not None
    qtbot.waitUntil(worker.held.is_set, timeout=20_000)
    assert review.checking
    edit_text(store, behind, "en", "Turn 2 first paragraph: 7 ships, not 8.")
    edit_text(store, ahead, "en", "The last paragraph: 12 destroyers.")
    t = time.monotonic()
    qtbot.waitUntil(lambda: not runner._checks_timer.isActive())  # the edits' debounce ran out meanwhile
    assert review.checking and time.monotonic() - t < 5
    worker.go_on()
    qtbot.waitUntil(lambda: not review.checking, timeout=20_000)
    assert review.findings == run_checks(store, tid)  # what a fresh run finds: nothing stale
    assert {f.check for f in review.findings if f.segment_id == behind} == {"numbers"}
    assert {f.check for f in review.findings if f.segment_id == ahead} == {"numbers"}
    # After the run, an edit is checked again by the same process.
    edit_text(store, behind, "en", "Turn 2 first paragraph, without a number now.")
    qtbot.waitUntil(lambda: not review.checking and not any(f.segment_id == behind for f in review.findings),
                    timeout=20_000)
    assert runner._worker is worker
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
    """At exit Qt deletes the worker's C++ side while its process may still talk (seen in the
    packaged app): its next signal raises, and the thread must end, and stop the process, without a traceback."""
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
            worker._thread.join(30)
    finally:
        threading.excepthook = previous
    assert not worker._thread.is_alive()
    assert escaped == []
    assert [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")] == []
    assert worker.service.process is not None and not worker.service.process.is_alive()


def test_a_killed_checks_process_says_so_in_one_line_and_the_window_goes_on(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path, turns=long_briefing(20))
    review = window.review
    qtbot.waitUntil(lambda: review.checks_started and not review.checking, timeout=20_000)
    runner = review.checks
    runner.hold_at = 3
    runner.rerun()
    worker = runner._worker
    assert worker is not None
    qtbot.waitUntil(worker.held.is_set, timeout=20_000)
    assert worker.service.pid is not None
    os.kill(worker.service.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: not review.checking, timeout=10_000)
    summary = review.findings_panel.summary.text()
    assert summary == "The checks stopped: their process ended unexpectedly (signal 9)"
    # The window works on: an edit is saved and shown, and the checks run again on demand.
    seg = window.transcript_model.segment_id(2)
    edit_text(store, seg, "en", "Still editing: 3 ships.")
    qtbot.waitUntil(lambda: "3 ships" in (window.transcript_model.segment(2).corrected("en") or ""), timeout=5_000)
    runner.hold_at = None
    runner.rerun()
    qtbot.waitUntil(lambda: not review.checking, timeout=20_000)
    assert review.findings == run_checks(store, tid)


def test_closing_the_window_leaves_no_checks_process(qtbot, store, tmp_path):
    window, _tid = make_window(qtbot, store, tmp_path, turns=long_briefing(20), closed_by_qtbot=False)
    review = window.review
    qtbot.waitUntil(lambda: review.checks_started and not review.checking, timeout=20_000)
    process = review.checks._worker.service.process
    assert process is not None and process.is_alive()  # it waits for rechecks
    window.close()
    qtbot.waitUntil(lambda: not process.is_alive(), timeout=10_000)
    assert not any(p.name == "taiyaku-qa" for p in multiprocessing.active_children())
    window.deleteLater()


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


def test_a_worker_is_let_go_on_the_windows_thread_not_its_own(qtbot, store):
    # A worker whose last reference went with its thread was destroyed in that thread; ~QObject
    # then waited for the GIL under a Qt signal lock the window's thread, holding the GIL, could be
    # waiting for (connecting a signal): the window froze, as the test suite once did.
    from PySide6.QtCore import Qt

    tid = generated(store, turns=10)
    destroyed_in: list[str] = []
    worker = qa_worker.QaWorker(store, tid, 1)
    worker.destroyed.connect(lambda *_: destroyed_in.append(threading.current_thread().name),
                             Qt.ConnectionType.DirectConnection)
    thread, finished = worker._thread, worker._done
    worker.start()
    qtbot.waitUntil(finished.is_set, timeout=20_000)
    worker.stop(wait_s=0)
    del worker  # the window let go of it (a rerun, a closed window) while its thread still ran
    thread.join(20)
    assert not thread.is_alive()
    assert destroyed_in == []  # not in its thread: still held
    follower = qa_worker.QaWorker(store, tid, 2)
    follower.start()  # lets go of the ended one, here
    assert destroyed_in == [threading.current_thread().name]
    follower.stop()


# Opens a database in the app as a user would; from the first paint on, notes which thread imports
# the checks' client (multiprocessing and the protocol) until the checks have run.
IMPORTS_SCRIPT = """
import json, sys, threading, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui import app as gapp
WATCHED = ("model.qa.service", "model.qa.service_protocol", "multiprocessing.connection")
importers = {}
CTX = []

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name in WATCHED:
            importers.setdefault(name, threading.current_thread().name)
        return None

def painted():
    sys.meta_path.insert(0, Watch())
    review, deadline = CTX[0].window.review, time.monotonic() + 60
    def later():
        if not (review.checks_started and not review.checking) and time.monotonic() < deadline:
            QTimer.singleShot(20, later)
            return
        print("RESULT", json.dumps({"importers": importers, "findings": len(review.findings)}), flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, later)

def started(ctx):
    CTX.append(ctx)
    ctx.firstPainted.connect(painted)

sys.exit(gapp.run(["--db", sys.argv[1]], started=started))
"""


def test_starting_the_checks_imports_nothing_on_the_windows_thread(tmp_path):
    # Imported on the window's thread as the checks started after the first paint, the checks'
    # client (multiprocessing, the protocol) took 30-40 ms there, and a keystroke waited for it.
    import json
    import subprocess
    import sys
    from pathlib import Path

    from model.store import Store

    db = tmp_path / "lib.sqlite3"
    store = Store.open(db, annotator="tester")
    generated(store, turns=12)
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", IMPORTS_SCRIPT, str(db)], capture_output=True, text=True,
                            timeout=180, env=env, cwd=Path(__file__).resolve().parents[2])
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert result.returncode == 0 and lines, result.stdout + result.stderr[-3000:]
    out = json.loads(lines[0].split(" ", 1)[1])
    assert out["findings"] > 0  # the checks ran
    assert "model.qa.service" in out["importers"]  # imported after the paint, as the checks started
    assert "MainThread" not in out["importers"].values(), out["importers"]
