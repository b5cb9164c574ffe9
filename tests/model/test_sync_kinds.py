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


# -- one test per kind of offline change; each also undone offline, and undone and redone ---------

def _undo_last(store: Store, tid: int) -> None:
    store.undo(store.history(tid)[0]["id"])


def _undo_redo_last(store: Store, tid: int) -> None:
    last = store.history(tid)[0]["id"]
    store.undo(last)
    store.redo(last)


FOLLOW_UPS: dict[str, Callable[[Store, int], None] | None] = {
    "as made": None, "undone": _undo_last, "undone and redone": _undo_redo_last}


def _read(url: str | Path, query: Callable[[Any], Any]) -> Any:
    store = Store.open(url, annotator="reader")
    try:
        with store.read() as s:
            return query(s)
    finally:
        store.close()


def _run_offline(out: Path, tid: int, follow_up: str, *actions: Callable[[Store], Any]) -> bool:
    """Run ``actions`` in the file as alice, the last one then undone (and redone) as ``follow_up``
    says; returns whether the last action is in force in the end."""
    store = Store.open(out, annotator="alice")
    try:
        for action in actions:
            action(store)
        then = FOLLOW_UPS[follow_up]
        if then is not None:
            then(store, tid)
    finally:
        store.close()
    return follow_up != "undone"


@pytest.mark.parametrize("follow_up", list(FOLLOW_UPS))
def test_offline_gap_fill_and_a_gap_marked_offline(briefing, follow_up):
    from model.ops.gaps import fill_gap, mark_gap
    from model.schema import Gap

    url, out, tid, segs, _q = briefing
    gap = _read(url, lambda s: s.scalar(select(Gap.id).where(Gap.lang == "en")))
    kept = _run_offline(out, tid, follow_up,
                        lambda s: fill_gap(s, gap, "Ken Moriyasu", "certain"),
                        lambda s: mark_gap(s, segs[0], "en", 0, len("Sentence")))
    sync_twice(out, url)
    gaps = _read(url, lambda s: sorted((g.segment_id, g.text, g.status, g.proposed_text)
                                       for g in s.scalars(select(Gap).where(Gap.lang == "en"))))
    expected = [(segs[2], "(inaudible)", "filled", "Ken Moriyasu")]
    if kept:
        expected.insert(0, (segs[0], "Sentence", "open", None))
    assert gaps == expected


@pytest.mark.parametrize("follow_up", list(FOLLOW_UPS))
def test_offline_flags_replies_and_resolutions(briefing, follow_up):
    from model.ops.flags import add_flag, reply_to_flag, resolve_flag
    from model.schema import FlagReply

    url, out, tid, segs, _q = briefing
    older = as_(url, "boss", lambda s: add_flag(s, segs[1], "terminology", "check this term"))
    older_flag = _read(url, lambda s: s.scalar(select(Flag.id).where(Flag.note == "check this term")))
    assert older
    made: list[int] = []

    def flag_and_reply(s: Store) -> None:
        add_flag(s, segs[0], "speaker", "who is this?")
        made.append(_read(out, lambda r: r.scalar(select(func.max(Flag.id)))))
        reply_to_flag(s, made[0], "the operator says: Ken")

    # the server's flag must be in the file: check out again
    out.unlink()
    checkout(url, tid, out)
    kept = _run_offline(out, tid, follow_up, flag_and_reply,
                        lambda s: resolve_flag(s, older_flag, "fixed offline"))
    sync_twice(out, url)
    flags = _read(url, lambda s: sorted((f.note, f.status, f.resolution_note) for f in s.scalars(select(Flag))))
    expected_older = ("check this term", "resolved", "fixed offline") if kept else ("check this term", "open", None)
    assert flags == sorted([expected_older, ("who is this?", "open", None)])
    replies = _read(url, lambda s: s.execute(select(Flag.note, FlagReply.text).join(
        Flag, Flag.id == FlagReply.flag_id)).all())
    assert [tuple(r) for r in replies] == [("who is this?", "the operator says: Ken")]


@pytest.mark.parametrize("follow_up", list(FOLLOW_UPS))
def test_offline_speaker_details_split_and_turn_speaker(briefing, follow_up):
    from model.ops.speakers import set_speaker_details, set_turn_speaker, split_speaker

    url, out, tid, segs, q = briefing
    turns = _read(url, lambda s: list(s.scalars(select(Turn.id).where(Turn.transcript_id == tid)
                                                .order_by(Turn.position))))
    a = _read(url, lambda s: s.scalar(select(Speaker.id).where(Speaker.label_en == "A")))
    kept = _run_offline(out, tid, follow_up,
                        lambda s: set_speaker_details(s, q, role="journalist", affiliation="Nikkei"),
                        lambda s: set_turn_speaker(s, turns[1], q),
                        lambda s: split_speaker(s, q, [turns[2]], "Second questioner"))
    sync_twice(out, url)
    speakers = _read(url, lambda s: {t.id: (sp.name, sp.role, sp.affiliation) if sp else None
                                     for t, sp in s.execute(select(Turn, Speaker).outerjoin(
                                         Speaker, Speaker.id == Turn.speaker_id))})
    q_now = (None, "journalist", "Nikkei")
    assert speakers[turns[0]] == q_now and speakers[turns[1]] == q_now
    assert speakers[turns[2]] == (("Second questioner", "journalist", "Nikkei") if kept else q_now)
    count = _read(url, lambda s: s.scalar(select(func.count()).select_from(Speaker)))
    assert count == (3 if kept else 2)  # A stays, without turns
    assert _read(url, lambda s: s.get(Speaker, a).label_en) == "A"


@pytest.mark.parametrize("follow_up", list(FOLLOW_UPS))
def test_offline_speaker_merge(briefing, follow_up):
    from model.ops.speakers import merge_speakers

    url, out, tid, _segs, q = briefing
    a = _read(url, lambda s: s.scalar(select(Speaker.id).where(Speaker.label_en == "A")))
    kept = _run_offline(out, tid, follow_up, lambda s: merge_speakers(s, q, a))
    sync_twice(out, url)
    by_turn = _read(url, lambda s: sorted(s.scalars(select(Turn.speaker_id))))
    assert by_turn == ([q, q, q] if kept else sorted([q, q, a]))
    assert _read(url, lambda s: s.get(Speaker, a) is None) == kept


@pytest.mark.parametrize("follow_up", list(FOLLOW_UPS))
def test_offline_assignment_steps_start_and_submit(briefing, follow_up):
    from model.assignment.ops import assign, transition, work_of

    url, out, tid, _segs, _q = briefing
    as_(url, "alice", lambda s: s.annotator_id)  # alice exists on the server
    as_(url, "boss", lambda s: assign(s, tid, "alice"))
    out.unlink()
    checkout(url, tid, out)
    kept = _run_offline(out, tid, follow_up, lambda s: transition(s, tid, "start"),
                        lambda s: transition(s, tid, "submit"))
    sync_twice(out, url)
    item = as_(url, "reader", lambda s: work_of(s, [tid])[tid])
    assert (item.state, item.annotator) == ("submitted" if kept else "in_progress", "alice")


def test_an_offline_assignment_of_a_transcript_nobody_had_reaches_the_server(briefing):
    """The file makes the transcript's assignment row on demand (not journaled): the server's row,
    made on demand too, has another id -- the offline step must still land on it."""
    from model.assignment.ops import assign, transition, work_of

    url, out, tid, _segs, _q = briefing
    as_(url, "alice", lambda s: s.annotator_id)
    as_(url, "carol", lambda s: s.annotator_id)
    other = as_(url, "boss", lambda s: make_transcript(s, [("Q", [("Other.", "他。")])], title="Other"))
    as_(url, "boss", lambda s: assign(s, other, "carol"))  # the server's rows now exist, with other ids
    _run_offline(out, tid, "as made", lambda s: assign(s, tid, "alice"), lambda s: transition(s, tid, "start"))
    report = sync_twice(out, url)
    assert report.notes == [] and report.sent == 2
    item = as_(url, "reader", lambda s: work_of(s, [tid])[tid])
    assert (item.state, item.annotator) == ("in_progress", "alice")
    assert as_(url, "reader", lambda s: work_of(s, [other])[other]).annotator == "carol"


@pytest.mark.parametrize("kind", ["speaker", "flag", "gap", "assignment"])
def test_an_offline_undo_of_a_change_made_before_the_checkout_is_undone_on_the_server(pg_url, tmp_path, kind):
    from model.assignment.ops import assign, work_of
    from model.ops.flags import add_flag
    from model.ops.gaps import fill_gap
    from model.ops.speakers import rename_speaker
    from model.schema import Gap

    store = Store.open(pg_url, annotator="boss")
    try:
        tid = make_transcript(store, [("Q", [("We spoke with (inaudible) today.", "今日話した。")])])
        with store.read() as s:
            seg = s.scalar(select(Segment.id))
            q = s.scalar(select(Speaker.id))
            gap = s.scalar(select(Gap.id))
        as_(pg_url, "alice", lambda s: s.annotator_id)
        {"speaker": lambda: rename_speaker(store, q, "Ann Able"),
         "flag": lambda: add_flag(store, seg, "other", "a flag"),
         "gap": lambda: fill_gap(store, gap, "Ken", "certain"),
         "assignment": lambda: assign(store, tid, "alice")}[kind]()
    finally:
        store.close()
    before = server_state(pg_url)
    out = tmp_path / "offline.sqlite3"
    checkout(pg_url, tid, out)
    _run_offline(out, tid, "undone")
    report = sync_twice(out, pg_url)
    assert report.undos == 1 and report.notes == []
    state = {"speaker": lambda s: s.get(Speaker, q).name,
             "flag": lambda s: s.scalar(select(func.count()).select_from(Flag)),
             "gap": lambda s: s.get(Gap, gap).status}
    if kind == "assignment":
        assert as_(pg_url, "reader", lambda s: work_of(s, [tid])[tid]).state == "unassigned"
    else:
        assert _read(pg_url, state[kind]) == {"speaker": None, "flag": 0, "gap": "open"}[kind]
    assert server_state(pg_url) != before


def _person(url: str, name: str, role: str, login: str | None) -> None:
    from model.people import add_person

    store = Store.open(url, annotator="boss")
    try:
        with store.engine.begin() as conn:
            add_person(conn, name, role, login)
    finally:
        store.close()


def test_an_annotators_offline_steps_that_their_role_does_not_allow_are_refused_and_the_rest_lands(
        pg_server, briefing):
    """Roles live on the server: on the laptop Ben (an annotator) can press anything; on sync his
    approval of the transcript is refused and said, his text edit lands, nothing is lost."""
    from model.assignment.ops import assign, transition, work_of
    from model.ops.corrections import edit_text
    from tests.cli.test_team_cli import _login

    url, out, tid, segs, _q = briefing
    ben_url = _login(pg_server, "ben", url)
    _person(url, "Ben", "annotator", "ben")
    as_(url, "boss", lambda s: assign(s, tid, "Ben"))
    out.unlink()
    checkout(ben_url, tid, out)
    _run_offline(out, tid, "as made", lambda s: transition(s, tid, "start"),
                 lambda s: transition(s, tid, "submit"), lambda s: transition(s, tid, "review"),
                 lambda s: edit_text(s, segs[0], "en", "Sentence 0, Ben."),
                 lambda s: transition(s, tid, "approve"))
    first = sync(out, ben_url)
    assert first.sent == 3 and len(first.refused) == 2
    assert "Take for review" in first.refused[0] and "only a reviewer" in first.refused[0]
    assert "Approve transcript" in first.refused[1]
    item = as_(url, "reader", lambda s: work_of(s, [tid])[tid])
    assert (item.state, item.annotator, item.reviewer) == ("submitted", "Ben", None)
    from tests.model.test_sync import _texts

    assert _texts(url, segs)[0] == "Sentence 0, Ben."
    again = sync(out, ben_url)
    assert (again.sent, again.refused) == (0, [])


def test_an_offline_change_the_servers_own_rules_refuse_is_reported_and_the_rest_lands(pg_server, briefing):
    """A server may refuse a write by its own rules (a trigger or a missing right: another
    developer's role triggers do): that change is refused and said, the others land, and a
    second sync does not try it again."""
    from model.ops.corrections import edit_text
    from model.ops.speakers import rename_speaker
    from tests.cli.test_team_cli import _login
    from tests.model.test_sync import _texts

    url, out, tid, segs, q = briefing
    ben_url = _login(pg_server, "ben", url)
    _person(url, "Ben", "annotator", "ben")
    store = Store.open(url)
    try:
        with store.engine.begin() as conn:
            from sqlalchemy import text

            conn.execute(text("CREATE FUNCTION no_renames() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                              "IF current_user = 'ben' THEN RAISE EXCEPTION 'only a reviewer may rename speakers' "
                              "USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$"))
            conn.execute(text("CREATE TRIGGER no_renames BEFORE UPDATE ON speaker FOR EACH ROW "
                              "EXECUTE FUNCTION no_renames()"))
    finally:
        store.close()
    _run_offline(out, tid, "as made", lambda s: edit_text(s, segs[0], "en", "Sentence 0, Ben."),
                 lambda s: rename_speaker(s, q, "Bea Bold"),
                 lambda s: edit_text(s, segs[1], "en", "Sentence 1, Ben."))
    first = sync(out, ben_url, refresh=False)
    assert first.sent == 2 and len(first.refused) == 1
    assert "Rename speaker" in first.refused[0] and "only a reviewer may rename speakers" in first.refused[0]
    assert _texts(url, segs)[:2] == ["Sentence 0, Ben.", "Sentence 1, Ben."]
    again = sync(out, ben_url, refresh=False)
    assert (again.sent, again.refused, again.already) == (0, [], 3)
    # Nothing lost: the file still holds the refused rename (it was not refreshed).
    assert _read(out, lambda s: s.get(Speaker, q).name) == "Bea Bold"


# -- offline work on something the server removed meanwhile ------------------------------------

def test_an_offline_reply_to_a_flag_deleted_on_the_server_is_kept_in_a_conflict_flag(briefing):
    """The reply cannot land (its flag is gone): it must neither stop every later sync nor be lost."""
    from model.ops.corrections import edit_text
    from model.ops.flags import add_flag, delete_flag, reply_to_flag
    from tests.model.test_sync import _texts

    url, out, tid, segs, _q = briefing
    as_(url, "boss", lambda s: add_flag(s, segs[1], "terminology", "check this term"))
    out.unlink()
    checkout(url, tid, out)
    flag = _read(url, lambda s: s.scalar(select(Flag.id)))
    as_(url, "boss", lambda s: delete_flag(s, flag))
    _run_offline(out, tid, "as made", lambda s: reply_to_flag(s, flag, "Kyodo, not Kyoto."),
                 lambda s: edit_text(s, segs[0], "en", "Sentence 0, alice."))
    report = sync_twice(out, url)
    assert report.sent == 1 and report.flags == 1
    assert _texts(url, segs)[0] == "Sentence 0, alice."
    (kept,) = conflict_flags(url)
    assert kept.segment_id == segs[1] and "Kyodo, not Kyoto." in kept.note


def test_an_offline_edit_of_a_segment_merged_away_on_the_server_is_kept_in_a_conflict_flag(briefing):
    from model.ops.alignment import merge_segments
    from model.ops.corrections import edit_text
    from tests.model.test_sync import _texts

    url, out, tid, segs, _q = briefing
    as_(url, "bob", lambda s: merge_segments(s, segs[0]))  # segs[1] goes into segs[0]
    _run_offline(out, tid, "as made", lambda s: edit_text(s, segs[1], "en", "Sentence 1, alice."),
                 lambda s: edit_text(s, segs[3], "en", "Sentence 3, alice."))
    report = sync_twice(out, url)
    assert report.sent == 1
    assert _texts(url, [segs[3]]) == ["Sentence 3, alice."]
    notes = " ".join(f.note for f in conflict_flags(url))
    assert "Sentence 1, alice." in notes


def test_an_offline_resolution_of_a_flag_deleted_on_the_server_is_kept_in_a_conflict_flag(briefing):
    from model.ops.flags import add_flag, delete_flag, resolve_flag

    url, out, tid, segs, _q = briefing
    as_(url, "boss", lambda s: add_flag(s, segs[2], "terminology", "check this term"))
    out.unlink()
    checkout(url, tid, out)
    flag = _read(url, lambda s: s.scalar(select(Flag.id)))
    as_(url, "boss", lambda s: delete_flag(s, flag))
    _run_offline(out, tid, "as made", lambda s: resolve_flag(s, flag, "Kyodo is right; fixed."))
    report = sync_twice(out, url)
    assert report.flags == 1 and report.notes == []
    (kept,) = conflict_flags(url)
    assert kept.segment_id == segs[2] and "Kyodo is right; fixed." in kept.note


def test_an_offline_step_on_work_reassigned_on_the_server_meanwhile_is_not_applied_but_noted(briefing):
    from model.assignment.ops import assign, transition, work_of

    url, out, tid, segs, _q = briefing
    as_(url, "alice", lambda s: s.annotator_id)
    as_(url, "carol", lambda s: s.annotator_id)
    as_(url, "boss", lambda s: assign(s, tid, "alice"))
    out.unlink()
    checkout(url, tid, out)
    as_(url, "boss", lambda s: assign(s, tid, "carol"))  # reassigned while alice is offline
    _run_offline(out, tid, "as made", lambda s: transition(s, tid, "start"))
    report = sync_twice(out, url)
    assert report.sent == 0 and report.flags == 1
    item = as_(url, "reader", lambda s: work_of(s, [tid])[tid])
    assert (item.state, item.annotator) == ("assigned", "carol")  # carol's work was not started by alice
    (flag,) = conflict_flags(url)
    assert flag.segment_id == segs[0] and "Start work by alice" in flag.note and "assigned now" in flag.note
