"""Live: another program's change is announced in an open store within about a second."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from model.store import Changes, Store
from tests.helpers import make_transcript

ROOT = Path(__file__).resolve().parents[2]
UNDO = ("import sys; from model.store import Store; s = Store.open(sys.argv[1], annotator='ken'); "
        "s.undo(int(sys.argv[2])); s.close()")


def _wait_for(heard: list[Changes], event: threading.Event, timeout: float = 5.0) -> float:
    started = time.monotonic()
    assert event.wait(timeout), f"nothing heard in {timeout} s: {heard}"
    return time.monotonic() - started


@pytest.mark.parametrize("how", ["replace", "undo"])
def test_another_programs_change_is_announced_within_a_second(any_db, how):
    store = Store.open(any_db, annotator="aya")
    tid = make_transcript(store, [("Q", [("The ship left on Monday.", None)])])
    heard: list[Changes] = []
    got = threading.Event()

    def listener(changes: Changes) -> None:
        heard.append(changes)
        got.set()

    watcher = store.watch_others()
    store.subscribe(listener)
    try:
        db = str(any_db)
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), "replace", str(tid), "Monday", "Friday",
                                 "--db", db], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        took = _wait_for(heard, got)
        assert took < 1.5
        assert heard[-1].action == "Replace all" and heard[-1].transcript_ids == {tid} and heard[-1].segment_ids
        if how == "undo":
            got.clear()
            undone = heard[-1].event_id
            # Another program's undo: on SQLite no change event is added (an old one is flagged
            # undone), which the data_version poll alone did not find.
            result = subprocess.run([sys.executable, "-c", UNDO, db, str(undone)], capture_output=True, text=True,
                                    timeout=120, cwd=ROOT)
            assert result.returncode == 0, result.stderr
            took = _wait_for(heard, got)
            assert took < 1.5
            assert (heard[-1].kind, heard[-1].event_id, heard[-1].transcript_ids) == ("undo", undone, {tid})
            assert heard[-1].segment_ids
        # Our own changes are announced once, not again by the watcher.
        got.clear()
        count = len(heard)
        make_transcript(store, [("A", [("Another.", None)])], title="Mine")
        time.sleep(0.8)
        assert len(heard) == count + 1
        history = store.history(tid)
        assert history[0]["annotator"] in ("tester", "aya", "ken", Path.home().name) or history[0]["annotator"]
    finally:
        watcher.stop()
        store.close()


@pytest.mark.pg
def test_a_change_committed_after_a_later_one_is_still_announced(pg_url):
    """Change ids are handed out at insert, but commits come in any order: a watcher that saw
    change N+1 first must still announce change N when it commits."""
    import psycopg

    from model.ops.corrections import edit_text
    from model.schema import Segment

    store = Store.open(pg_url, annotator="aya")
    tid = make_transcript(store, [("Q", [("The ship left on Monday.", None)])])
    with store.read() as s:
        seg = s.query(Segment.id).filter_by(transcript_id=tid).scalar()
    heard: list[Changes] = []
    got = threading.Event()
    store.subscribe(lambda changes: (heard.append(changes), got.set()))
    watcher = store.watch_others()
    slow = psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://"))
    try:
        # A slow program's change takes its id, and has not committed yet...
        slow_id = slow.execute(
            "INSERT INTO change_event (transcript_id, annotator_id, created_at, action, description, rows, undone) "
            "VALUES (%s, %s, now(), 'Slow change', '', '[]', false) RETURNING id", (tid, store.annotator_id)
        ).fetchone()[0]
        # ...when someone else's later change commits and is announced.
        ken = Store.open(pg_url, annotator="ken")
        later = edit_text(ken, seg, "en", "The boat left on Monday.")
        ken.close()
        _wait_for(heard, got)
        assert later > slow_id and [c.event_id for c in heard] == [later]
        got.clear()
        slow.execute("SELECT pg_notify('taiyaku_changes', '{}')")
        slow.commit()
        _wait_for(heard, got)
        assert [c.event_id for c in heard] == [later, slow_id] and heard[-1].action == "Slow change"
    finally:
        slow.close()
        watcher.stop()
        store.close()
