"""Sync back, per kind of offline change beyond text corrections, against a real PostgreSQL
server and a real checked-out file: each test makes offline changes through the model's own
operations, syncs, compares the server with what it should hold, and syncs again (nothing changes).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from model.schema import Flag, Segment, Speaker, Transcript, Turn
from model.store import Store
from model.sync.takeout import checkout, sync
from model.tables import Base
from tests.helpers import make_transcript

pytestmark = pytest.mark.pg

_VOLATILE = {"created_at", "updated_at", "resolved_at", "decided_at", "reviewed_at", "undone_at", "imported_at",
             "checked_out_at", "synced_at", "at"}


def server_state(url: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (times left out), to tell whether a second sync changed anything."""
    store = Store.open(url, annotator="reader")
    try:
        with store.read() as s:
            out = {}
            for table in Base.metadata.sorted_tables:
                cols = [c for c in table.c if c.name not in _VOLATILE]
                rows = s.execute(select(*cols)).all()
                out[table.name] = sorted(tuple(repr(v) for v in r) for r in rows)
            return out
    finally:
        store.close()


@pytest.fixture
def briefing(pg_url: str, tmp_path: Path) -> tuple[str, Path, int, list[int], int]:
    """A server transcript (two turns by speaker Q, one by A) checked out to a file:
    (url, file, transcript, segments, speaker Q)."""
    store = Store.open(pg_url, annotator="boss")
    try:
        tid = make_transcript(store, [("Q", [("Sentence 0.", "文0。"), ("Sentence 1.", "文1。")]),
                                      ("A", [("We spoke with (inaudible) today.", "今日(聞き取れない)と話した。")]),
                                      ("Q", [("Sentence 3.", "文3。")])])
        with store.read() as s:
            segs = list(s.scalars(select(Segment.id).where(Segment.transcript_id == tid).order_by(Segment.id)))
            q = s.scalar(select(Speaker.id).where(Speaker.label_en == "Q"))
    finally:
        store.close()
    out = tmp_path / "offline.sqlite3"
    checkout(pg_url, tid, out)
    return pg_url, out, tid, segs, int(q)


def as_(url: str | Path, who: str, action: Callable[[Store], Any]) -> Any:
    """Run one model operation on ``url`` as ``who``."""
    store = Store.open(url, annotator=who)
    try:
        return action(store)
    finally:
        store.close()


def sync_twice(out: Path, url: str) -> Any:
    """Sync, then sync again and check that the second changed nothing on the server."""
    first = sync(out)
    assert first.refreshed
    after = server_state(url)
    second = sync(out)
    assert (second.sent, second.flags, second.conflicts, second.undos, second.refused) == (0, 0, 0, 0, [])
    assert server_state(url) == after
    return first


def conflict_flags(url: str | Path) -> list[Flag]:
    """The "conflict" flags of a database, oldest first (detached, loaded)."""
    store = Store.open(url, annotator="reader")
    try:
        with store.read() as s:
            flags = list(s.scalars(select(Flag).where(Flag.category == "conflict").order_by(Flag.id)))
            s.expunge_all()
            return flags
    finally:
        store.close()


def test_a_speaker_renamed_offline_and_on_the_server_gives_one_conflict_flag_and_keeps_both_names(briefing):
    from model.ops.speakers import rename_speaker

    url, out, _tid, segs, q = briefing
    as_(url, "bob", lambda s: rename_speaker(s, q, "Ann Able"))
    as_(out, "alice", lambda s: rename_speaker(s, q, "Bea Bold"))
    report = sync_twice(out, url)
    assert report.flags == 1 and report.sent == 0
    flags = conflict_flags(url)
    assert len(flags) == 1
    flag = flags[0]
    assert flag.segment_id == segs[0] and flag.status == "open"  # the speaker's first turn
    assert "Bea Bold" in flag.note and "Ann Able" in flag.note and "alice" in flag.note
    store = Store.open(url)
    try:
        with store.read() as s:
            assert s.get(Speaker, q).name == "Ann Able"  # the server's name stays in force
    finally:
        store.close()
    # The file now holds the server's state: the flag with the offline name is there too.
    assert ["Bea Bold" in f.note for f in conflict_flags(out)] == [True]


def test_a_transcript_title_changed_offline_and_on_the_server_is_flagged_on_its_first_segment(briefing):
    from model.ops.transcripts import rename_transcript

    url, out, tid, segs, _q = briefing
    as_(url, "bob", lambda s: rename_transcript(s, tid, "Briefing (server)"))
    as_(out, "alice", lambda s: rename_transcript(s, tid, "Briefing (offline)"))
    report = sync_twice(out, url)
    assert report.flags == 1
    (flag,) = conflict_flags(url)
    assert flag.segment_id == segs[0] and "Briefing (offline)" in flag.note and "title" in flag.note
    store = Store.open(url)
    try:
        with store.read() as s:
            assert s.get(Transcript, tid).title == "Briefing (server)"
    finally:
        store.close()


def test_a_speaker_renamed_offline_only_is_renamed_on_the_server_without_a_flag(briefing):
    from model.ops.speakers import rename_speaker

    url, out, _tid, _segs, q = briefing
    as_(out, "alice", lambda s: rename_speaker(s, q, "Bea Bold"))
    report = sync_twice(out, url)
    assert report.sent == 1 and report.flags == 0
    store = Store.open(url)
    try:
        with store.read() as s:
            assert s.get(Speaker, q).name == "Bea Bold"
            assert s.scalar(select(func.count()).select_from(Turn).where(Turn.speaker_id == q)) == 2
    finally:
        store.close()
