"""``Next transcript`` with real processes racing: nobody is ever handed a transcript someone
else got, on SQLite and on PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from model.assignment.ops import list_work
from model.store import Store
from tests.helpers import make_transcript

WORKER = Path(__file__).resolve().parents[1] / "claim_worker.py"
PROCESSES = 6
TRANSCRIPTS = 30


def test_processes_claiming_at_once_never_get_the_same_transcript(any_db, tmp_path):
    store = Store.open(any_db, annotator="admin")
    try:
        ids = [make_transcript(store, [("Q", [(f"Sentence {i}.", None)])], title=f"Call {i}")
               for i in range(TRANSCRIPTS)]
    finally:
        store.close()
    start = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, str(WORKER), str(any_db), f"worker{i}", str(start)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(PROCESSES)]
    for proc in procs:  # every worker has opened the database before anyone claims
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.stderr
    start.touch()
    claims: dict[str, list[int]] = {}
    for i, proc in enumerate(procs):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        claims[f"worker{i}"] = [int(line) for line in out.split()]
    counted = Counter(tid for got in claims.values() for tid in got)
    assert [tid for tid, n in counted.items() if n > 1] == []  # nobody got what another one got
    assert sorted(counted) == ids  # and every transcript went to someone
    assert sum(1 for got in claims.values() if got) >= 2, claims  # it really was a race
    store = Store.open(any_db, annotator="admin")
    try:
        work = {w.transcript_id: w for w in list_work(store)}
    finally:
        store.close()
    for name, got in claims.items():
        for tid in got:
            assert work[tid].annotator == name and work[tid].state == "submitted"
