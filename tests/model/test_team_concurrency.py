"""Many real processes on one PostgreSQL transcript: nothing is lost, a killed writer leaves
nothing behind, a reviewer's approval never covers text written after it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from model.ops._base import corrections_of, current_text
from model.ops.corrections import edit_text
from model.schema import Correction, Segment
from model.store import Store
from model.text import history
from tests.helpers import make_transcript

pytestmark = pytest.mark.pg
WORKER = Path(__file__).resolve().parents[2] / "benchmarks" / "team_worker.py"


def _segments(url: str, count: int) -> list[int]:
    store = Store.open(url, annotator="setup")
    try:
        tid = make_transcript(store, [("Q", [(f"Sentence {i}.", f"文{i}。") for i in range(count)])])
        with store.read() as s:
            return list(s.scalars(select(Segment.id).where(Segment.transcript_id == tid).order_by(Segment.id)))
    finally:
        store.close()


def _run(url: str, name: str, mode: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WORKER), url, name, mode, *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _results(procs: list[subprocess.Popen[str]]) -> list[dict[str, object]]:
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr
        out += [json.loads(line) for line in stdout.splitlines()]
    return out


def check_nothing_lost(url: str, results: list[dict[str, object]]) -> tuple[int, int]:
    """Every applied edit is in its segment's text, every stale one in a competing correction."""
    lost, applied, kept = check_nothing_lost_count(url, results)
    assert lost == 0
    return applied, kept


def check_nothing_lost_count(url: str, results: list[dict[str, object]]) -> tuple[int, int, int]:
    """(lost, applied, kept): lost counts edits in neither place (benchmarks/team_bench.py too)."""
    store = Store.open(url, annotator="checker")
    try:
        with store.read() as s:
            texts = {seg.id: current_text(s, seg, "en") for seg in s.scalars(select(Segment))}
            # What a reviewer gets by accepting each competing correction (the loser's text).
            would_be: dict[int, list[str]] = {}
            for seg in s.scalars(select(Segment)):
                cors = [SimpleNamespace(id=c.id, start=c.start, end=c.end, before=c.before, after=c.after,
                                        status=c.status) for c in corrections_of(s, seg.id, "en")]
                for c in cors:
                    if c.status == "competing":
                        accepted = [SimpleNamespace(**{**vars(o), "status": "accepted"}) if o is c else o
                                    for o in cors]
                        would_be.setdefault(seg.id, []).append(history(seg.en_orig or "", accepted).text)
    finally:
        store.close()
    applied = [r for r in results if r["outcome"] == "applied"]
    kept = [r for r in results if r["outcome"] == "kept"]
    lost = [r["tag"] for r in applied if str(r["tag"]) not in texts[int(r["segment"])]]
    lost += [r["tag"] for r in kept if not any(str(r["tag"]) in text for text in would_be.get(int(r["segment"]), []))]
    return len(lost), len(applied), len(kept)


def test_many_writers_on_one_segment_lose_nothing(pg_url):
    (seg,) = _segments(pg_url, 1)
    procs = [_run(pg_url, f"w{i}", "edit", seg, 15, i) for i in range(6)]
    results = _results(procs)
    applied, kept = check_nothing_lost(pg_url, results)
    assert applied + kept == 90
    assert applied >= 1 and kept >= 1  # they really raced (and the losers were kept)


def test_many_writers_on_one_transcript_lose_nothing(pg_url):
    segs = _segments(pg_url, 8)
    procs = [_run(pg_url, f"w{i}", "edit", ",".join(map(str, segs)), 20, i) for i in range(6)]
    applied, kept = check_nothing_lost(pg_url, _results(procs))
    assert applied + kept == 120


def test_a_writer_killed_mid_transaction_leaves_nothing_and_releases_the_segment(pg_url):
    (seg,) = _segments(pg_url, 1)
    proc = _run(pg_url, "doomed", "hold", seg)
    assert json.loads(proc.stdout.readline())["outcome"] == "holding"  # inside its transaction, lock held
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    store = Store.open(pg_url, annotator="survivor")
    try:
        started = time.monotonic()
        edit_text(store, seg, "en", "Sentence 0, edited after the crash.")
        assert time.monotonic() - started < 10  # the server rolled the dead one back and let go
        with store.read() as s:
            text = current_text(s, s.get(Segment, seg), "en")
            assert "HALF-DONE" not in text and s.query(Correction).count() == 1
        assert text == "Sentence 0, edited after the crash."
    finally:
        store.close()


def test_the_others_go_on_while_a_writer_is_killed_mid_transaction(pg_url):
    segs = _segments(pg_url, 3)
    doomed = _run(pg_url, "doomed", "hold", segs[0])
    assert json.loads(doomed.stdout.readline())["outcome"] == "holding"  # segment 0 locked, half-written
    elsewhere = [_run(pg_url, f"e{i}", "edit", f"{segs[1]},{segs[2]}", 10, i) for i in range(2)]
    waiting = [_run(pg_url, f"w{i}", "edit", segs[0], 5, i) for i in range(2)]
    done_elsewhere = _results(elsewhere)  # they finish while segment 0 is still held
    assert doomed.poll() is None and all(proc.poll() is None for proc in waiting)
    os.kill(doomed.pid, signal.SIGKILL)
    doomed.wait(10)
    done_waiting = _results(waiting)  # the server rolled the dead one back; they go on
    applied, kept = check_nothing_lost(pg_url, done_elsewhere + done_waiting)
    assert applied + kept == 30
    store = Store.open(pg_url, annotator="checker")
    try:
        with store.read() as s:
            assert not any("HALF-DONE" in c.after for c in s.scalars(select(Correction)))
    finally:
        store.close()


def test_a_reviewer_approving_while_an_annotator_edits_never_approves_unseen_text(pg_url):
    segs = _segments(pg_url, 3)
    ids = ",".join(map(str, segs))
    procs = [_run(pg_url, "annotator", "edit", ids, 40, 1), _run(pg_url, "reviewer", "approve", ids, 40, 2)]
    _results(procs)
    store = Store.open(pg_url, annotator="checker")
    try:
        with store.read() as s:
            for seg in s.scalars(select(Segment)):
                # The last correction that shows: a save refused because the approval came first
                # is kept as a competing correction, not applied -- the approved text stays the text.
                last = s.scalar(select(Correction.created_at).where(Correction.segment_id == seg.id,
                                                                    Correction.status != "competing")
                                .order_by(Correction.id.desc()).limit(1))
                if seg.review_state == "approved":  # then it was approved after the last edit
                    assert last is None or seg.reviewed_at >= last
                else:
                    assert seg.review_state == "edited" and seg.reviewed_at is None
    finally:
        store.close()
