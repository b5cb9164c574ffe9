"""A crash loses at most the edit in flight: kill -9 a process doing edits, then check the file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from model.readmodel import load_transcript
from model.store import Store

WORKER = Path(__file__).parents[1] / "crash_worker.py"


def test_every_acknowledged_edit_survives_sigkill(db_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, str(WORKER), str(db_path)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    acked: list[tuple[int, int, int]] = []
    try:
        assert proc.stdout.readline().strip() == "ready"
        while len(acked) < 60:
            line = proc.stdout.readline()
            assert line.startswith("ack "), f"worker stopped: {line!r}"
            event, seg, n = map(int, line.split()[1:])
            acked.append((event, seg, n))
        os.kill(proc.pid, signal.SIGKILL)  # mid-run: the worker never stops editing by itself
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        events = {row[0] for row in conn.execute("SELECT id FROM change_event")}
    finally:
        conn.close()
    assert {e for e, _s, _n in acked} <= events

    store = Store.open(db_path, annotator="checker")
    try:
        view = load_transcript(store, 1)
        texts = {s.id: s.en for _t, s in view.segments()}
        for _event, seg, n in acked:
            if n % 7 != 3:
                assert f" edit{n}" in texts[seg], f"acknowledged edit {n} is missing"
        gaps = sum(1 for _t, s in view.segments() for g in s.gaps if g.lang == "ja")
        assert gaps >= sum(1 for _e, _s, n in acked if n % 7 == 3)
    finally:
        store.close()
