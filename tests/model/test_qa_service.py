"""The QA checks in a process of their own find what the checks find in this process, check
again what an edit touched, say in one line when their process is killed, and leave no
process behind once stopped."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time

import pytest

from model.errors import OperationFailed
from model.ops.alignment import split_segment
from model.ops.corrections import edit_text
from model.qa import Finding, service_warm
from model.qa.scan import Scan
from model.qa.service import Ended, QaService
from model.qa.service_protocol import Batch, Failed, Finished, Held, Outlined, Recheck, Rechecked, Rescan
from model.qa.service_warm import forkserver_imports_ours, model_root
from model.readmodel import load_transcript
from tests.model.test_qa_scan import generated

pytestmark = pytest.mark.both_engines


def _database(store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def _until(service: QaService, kind: type, timeout: float = 60) -> tuple[list[object], list[Finding]]:
    """Replies up to the first of ``kind`` (included), and the findings of the batches among them."""
    replies: list[object] = []
    found: list[Finding] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        reply = service.receive(timeout=1)
        if reply is None:
            continue
        replies.append(reply)
        if isinstance(reply, Batch):
            found.extend(reply.findings)
        if isinstance(reply, kind | Ended | Failed):
            return replies, found
    raise AssertionError(f"no {kind.__name__} in {timeout} s: {replies}")


def _gone(pid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_the_process_finds_what_a_scan_here_finds_and_rechecks_edits(store):
    tid = generated(store, turns=40)
    expected = Scan(store, tid).run()
    assert {f.check for f in expected} >= {"numbers", "spelling", "variants", "glossary", "untranslated"}
    service = QaService(_database(store), tid, step_s=0.001)  # many small steps: many batches
    service.start()
    try:
        replies, found = _until(service, Finished)
        assert isinstance(replies[0], Outlined) and replies[0].turns == 40
        assert isinstance(replies[-1], Finished) and replies[-1].peak_mb > 0
        assert found == expected
        # An edit: its turn is checked again, the findings are the fresh ones.
        view = load_transcript(store, tid)
        turn_no, turn = next((i, t) for i, t in enumerate(view.turns, 1)
                             if any(f.turn == i and f.check == "numbers" for f in expected))
        seg = next(s for s in turn.segments if any(f.segment_id == s.id and f.check == "numbers" for f in expected))
        edit_text(store, seg.id, "en", "Nothing to count here.")
        edit_text(store, seg.id, "ja", "数えるものはない。")
        assert service.send(Recheck(frozenset({seg.id}), frozenset()))
        replies, _ = _until(service, Rechecked)
        answer = replies[-1]
        assert isinstance(answer, Rechecked) and answer.served == 1
        fresh = Scan(store, tid).run()
        assert [(t, fs) for t, fs in answer.changed] == [(turn_no, [f for f in fresh if f.turn == turn_no])]
        assert not any(f.segment_id == seg.id and f.check == "numbers" for f in fresh)
        # A segment the scan never saw (a split made one): the window must scan again.
        for candidate in (s for _t, s in view.segments()):
            try:
                split_segment(store, candidate.id, "en", 2)
                break
            except OperationFailed:  # no text to split there, or a gap under the cursor
                continue
        new = max(s.id for _t, s in load_transcript(store, tid).segments())
        service.send(Recheck(frozenset({new}), frozenset()))
        replies, _ = _until(service, Rescan)
        assert isinstance(replies[-1], Rescan)
        assert isinstance(_until(service, Ended)[0][-1], Ended)  # it ends after a rescan
    finally:
        service.stop()
    assert service.pid is not None and _gone(service.pid)


def test_a_killed_process_is_told_and_stop_leaves_none(store):
    tid = generated(store, turns=30)
    service = QaService(_database(store), tid, hold_at=3)  # waits at turn 3: alive, mid-scan
    service.start()
    try:
        replies, _ = _until(service, Held)
        assert isinstance(replies[-1], Held) and replies[-1].at == 3
        assert service.pid is not None
        os.kill(service.pid, signal.SIGKILL)
        ended = _until(service, Ended, timeout=10)[0][-1]
        assert ended == Ended(-signal.SIGKILL) and ended.describe() == "signal 9"
        assert service.receive(timeout=0.1) == Ended(-signal.SIGKILL)  # never a wait on a dead process
        assert not service.send(Recheck(frozenset(), frozenset()))
    finally:
        service.stop()
    other = QaService(_database(store), tid, hold_at=3)
    other.start()
    _until(other, Held)
    pid = other.pid
    assert pid is not None
    other.stop(wait_s=2)  # a scan held (not reading its pipe between steps): terminated
    assert _gone(pid)


def test_the_process_imports_the_windows_own_model(tmp_path):
    # A copy of the code in the working directory (a benchmark's snapshot) must not be the one run:
    # a forkserver started there would import it (and an editable install may point elsewhere).
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "__init__.py").write_text("")
    assert not forkserver_imports_ours(str(tmp_path))
    assert forkserver_imports_ours(model_root())
    # (From a folder without a copy, site-packages decide: an editable install of this checkout is
    # ours, one of another checkout is not -- it depends on the machine, so it is not asserted.)


def test_a_spawned_process_runs_the_windows_own_model(store, tmp_path, monkeypatch):
    (tmp_path / "model").mkdir()  # a decoy in the working directory: it would fail at once
    (tmp_path / "model" / "__init__.py").write_text("raise ImportError('the wrong copy of model')\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])  # the spawned process takes this path
    monkeypatch.setattr(service_warm, "_chosen", [multiprocessing.get_context("spawn")])
    tid = generated(store, turns=12)
    service = QaService(_database(store), tid)
    service.start()
    try:
        replies, found = _until(service, Finished)
        assert isinstance(replies[-1], Finished)
        assert found == Scan(store, tid).run()
    finally:
        service.stop()


def test_a_failure_in_the_process_is_told_in_one_line(store, tmp_path):
    service = QaService(_database(store), 999_999)  # no such transcript
    service.start()
    try:
        replies, _ = _until(service, Failed)
        assert isinstance(replies[-1], Failed) and "\n" not in replies[-1].message
    finally:
        service.stop()
    broken = QaService(str(tmp_path / "missing" / "no.sqlite3"), 1)  # a file that cannot be opened
    broken.start()
    try:
        replies, _ = _until(broken, Failed)
        assert isinstance(replies[-1], Failed), replies
        assert isinstance(_until(broken, Ended)[0][-1], Ended)  # then it ends, having said why
    finally:
        broken.stop()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads have their own priority on Linux")
def test_the_checks_process_and_its_forkserver_run_at_a_lower_priority(store):
    """Started right after the window's first paint, the forkserver's imports ran at the window's
    priority and took a core from it on a 2-core machine."""
    import multiprocessing.forkserver as forkserver

    tid = generated(store, turns=10)
    service = QaService(_database(store), tid, hold_at=3)
    service.start()
    try:
        _until(service, Held)
        assert service.pid is not None and os.getpriority(os.PRIO_PROCESS, service.pid) >= 10
        server = getattr(forkserver._forkserver, "_forkserver_pid", None)  # None: started by spawn
        if service_warm.context().get_start_method() == "forkserver":
            assert server is not None and os.getpriority(os.PRIO_PROCESS, server) >= 10
    finally:
        service.stop()
