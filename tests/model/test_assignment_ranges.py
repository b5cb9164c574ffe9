"""Assigning a range of turns: carved out of unassigned turns, never overlapping, handed out by
"Next transcript" once each -- on SQLite and PostgreSQL (real processes racing for the claims)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from model.assignment.ops import assign, claim_next_range, list_work, my_range, transition
from model.assignment.tables import AssignmentChanged
from model.errors import NotFound, OperationFailed
from model.people import add_person
from model.store import Store
from tests.helpers import make_transcript

WORKER = Path(__file__).resolve().parents[1] / "claim_worker.py"


def _briefing(store: Store, turns: int = 6, title: str = "Briefing") -> int:
    return make_transcript(store, [(f"S{i % 2}", [(f"Turn {i + 1}.", f"第{i + 1}。")]) for i in range(turns)], title)


def _pieces(store: Store, tid: int) -> list[tuple[str, str, str | None]]:
    return [(w.turns or "all", w.state, w.annotator) for w in list_work(store) if w.transcript_id == tid]


@pytest.mark.both_engines
def test_a_range_is_carved_out_of_unassigned_turns_and_overlaps_are_refused(store):
    tid = _briefing(store)
    with store.engine.begin() as conn:
        for name in ("aya", "ken", "bob"):
            add_person(conn, name, "annotator", None)
    assign(store, tid, "aya", turns=(2, 4))
    assert _pieces(store, tid) == [("1-1", "unassigned", None), ("2-4", "assigned", "aya"),
                                   ("5-6", "unassigned", None)]
    with pytest.raises(OperationFailed, match=rf"turns 4-5 overlap turns 2-4 of transcript {tid} \(assigned to aya\)"):
        assign(store, tid, "ken", turns=(4, 5))
    with pytest.raises(OperationFailed, match="has 6 turns; turns 5-9 are not all there"):
        assign(store, tid, "ken", turns=(5, 9))
    with pytest.raises(OperationFailed, match="is split into ranges of turns .*--turns"):
        assign(store, tid, "ken")
    assign(store, tid, "ken", turns=(5, 6))  # exactly a piece nobody has: given as it is
    assert _pieces(store, tid)[2] == ("5-6", "assigned", "ken")
    # Next transcript: one's own range first, else a range nobody has.
    store.set_annotator("aya")
    assert claim_next_range(store)[::2] == (tid, (2, 4))  # type: ignore[index]
    assert my_range(store, tid) == (2, 4)
    store.set_annotator("bob")
    got = claim_next_range(store)
    assert got is not None and got[0] == tid and got[2] == (1, 1)
    assert claim_next_range(store) is None
    transition(store, tid, "submit")  # bob's own piece, found without --turns
    store.set_annotator("aya")
    transition(store, tid, "submit")
    assert [p[1] for p in _pieces(store, tid)] == ["submitted", "submitted", "assigned"]
    with pytest.raises(NotFound, match="has no work on turns 3-4"):
        transition(store, tid, "start", turns=(3, 4))
    transition(store, tid, "start", turns=(5, 6))  # an admin (no roles on SQLite) names the range


@pytest.mark.both_engines
def test_undoing_a_range_puts_the_turns_back_unless_someone_claimed_a_piece(store):
    tid = _briefing(store)
    with store.engine.begin() as conn:
        add_person(conn, "aya", "annotator", None)
    first = assign(store, tid, "aya", turns=(3, 4))
    store.undo(first)
    assert _pieces(store, tid) == [("all", "unassigned", None)]
    store.redo(first)
    assert len(_pieces(store, tid)) == 3
    store.set_annotator("ken")
    assert claim_next_range(store) is not None  # ken takes turns 1-2
    with pytest.raises(AssignmentChanged, match="cannot undo this"):
        store.undo(first)
    assert _pieces(store, tid)[0] == ("1-2", "in_progress", "ken")  # his claim stands


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_processes_claiming_ranges_at_once_never_get_the_same_turns(engine, tmp_path, request):
    db = str(tmp_path / "ranges.sqlite3") if engine == "sqlite" else request.getfixturevalue("pg_url")
    store = Store.open(db, annotator="admin")
    try:
        ids = [_briefing(store, 5, f"Call {i}") for i in range(8)]
        for tid in ids:
            assign(store, tid, "admin", turns=(3, 3))  # leaves turns 1-2 and 4-5 for anyone
    finally:
        store.close()
    start = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, str(WORKER), db, f"worker{i}", str(start), "ranges"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(4)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.stderr
    start.touch()
    claims: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        claims += out.split()
    counted = Counter(claims)
    assert [c for c, n in counted.items() if n > 1] == []  # nobody got turns another one got
    assert sorted(counted) == sorted(f"{tid}:{a}-{b}" for tid in ids for a, b in ((1, 2), (4, 5)))


@pytest.mark.pg
def test_two_admins_carving_the_same_free_turns_at_once_never_overlap(pg_url):
    import threading
    import time

    import psycopg

    store = Store.open(pg_url, annotator="admin")
    tid = _briefing(store, 10)
    with store.engine.begin() as conn:
        for name in ("aya", "ken"):
            add_person(conn, name, "annotator", None)
    assign(store, tid, "admin", turns=(1, 4))  # leaves turns 5-10 free, in one row
    # A third connection holds the free row, so both admins' carvings queue behind it and then
    # run one right after the other.
    holder = psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://"))
    holder.execute("SELECT id FROM assignment WHERE transcript_id = %s AND first_turn = 5 FOR UPDATE", (tid,))
    outcomes: dict[str, object] = {}

    def carve(name: str, turns: tuple[int, int]) -> None:
        other = Store.open(pg_url, annotator="admin")
        try:
            outcomes[name] = assign(other, tid, name, turns=turns)
        except OperationFailed as exc:
            outcomes[name] = exc
        finally:
            other.close()

    threads = [threading.Thread(target=carve, args=("aya", (5, 6))),
               threading.Thread(target=carve, args=("ken", (8, 9)))]
    for thread in threads:
        thread.start()
    time.sleep(1.5)  # both are waiting now
    holder.rollback()
    holder.close()
    for thread in threads:
        thread.join(60)
    assert all(isinstance(v, int) for v in outcomes.values()), outcomes
    pieces = [(w.first_turn, w.last_turn, w.annotator) for w in list_work(store) if w.transcript_id == tid]
    store.close()
    covered = [t for first, last, _who in pieces for t in range(first, (last or 10) + 1)]
    assert sorted(covered) == list(range(1, 11))  # every turn in exactly one piece
    assert ("aya" in {p[2] for p in pieces}) and ("ken" in {p[2] for p in pieces})
