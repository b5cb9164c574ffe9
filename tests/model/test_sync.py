"""Offline take-out and sync back, against a real PostgreSQL server and real files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from model.ops._base import current_text
from model.ops.corrections import edit_text
from model.ops.flags import add_flag
from model.ops.review_state import approve
from model.schema import Annotator, ChangeEvent, Correction, Flag, Segment
from model.store import Store
from model.sync.tables import Checkout
from model.sync.takeout import checkout, sync
from tests.helpers import make_transcript
from tests.model.test_team_concurrency import check_nothing_lost_count

WORKER = Path(__file__).resolve().parents[2] / "benchmarks" / "team_worker.py"


def _server(url: str | Path, count: int = 3) -> tuple[int, list[int]]:
    store = Store.open(url, annotator="boss")
    try:
        tid = make_transcript(store, [("Q", [(f"Sentence {i}.", f"文{i}。") for i in range(count)])])
        with store.read() as s:
            segs = list(s.scalars(select(Segment.id).where(Segment.transcript_id == tid).order_by(Segment.id)))
        return tid, segs
    finally:
        store.close()


def _texts(url: str | Path, segs: list[int], lang: str = "en") -> list[str]:
    store = Store.open(url, annotator="reader")
    try:
        with store.read() as s:
            return [current_text(s, s.get(Segment, sid), lang) for sid in segs]
    finally:
        store.close()


def _edit(url: str | Path, who: str, seg: int, text: str, lang: str = "en") -> None:
    store = Store.open(url, annotator=who)
    try:
        edit_text(store, seg, lang, text)
    finally:
        store.close()


@pytest.fixture
def taken(pg_url: str, tmp_path: Path) -> tuple[str, Path, int, list[int]]:
    tid, segs = _server(pg_url)
    _edit(pg_url, "colleague", segs[0], "Sentence 0, before the checkout.")
    out = tmp_path / "offline.sqlite3"
    checkout(pg_url, tid, out)
    return pg_url, out, tid, segs


@pytest.mark.pg
def test_checkout_copies_the_transcript_with_its_history_and_remembers_its_source(taken):
    url, out, tid, segs = taken
    assert _texts(out, segs) == _texts(url, segs)
    local = Store.open(out)
    try:
        with local.read() as s:
            info = s.scalar(select(Checkout))
            assert info.transcript_id == tid and info.source_url == url  # the fixture's URL has no password
            history = [e.action for e in s.scalars(select(ChangeEvent).order_by(ChangeEvent.id))]
            assert history == ["Create test transcript", "Edit text"]
            assert info.base_event >= 2
            who = s.scalar(select(Annotator.name).join(Correction, Correction.annotator_id == Annotator.id))
            assert who == "colleague"
    finally:
        local.close()


@pytest.mark.pg
def test_edits_that_do_not_overlap_merge_attributed_to_their_authors(taken):
    url, out, _tid, segs = taken
    _edit(out, "alice", segs[1], "Sentence 1, fixed offline.")
    _edit(out, "alice", segs[2], "文2、オフラインで。", lang="ja")
    _edit(url, "colleague", segs[2], "Sentence 2, fixed on the server.")  # same segment, other language
    report = sync(out)
    assert report.sent == 2 and report.conflicts == 0 and report.flags == 0 and report.refreshed
    assert _texts(url, segs) == ["Sentence 0, before the checkout.", "Sentence 1, fixed offline.",
                                 "Sentence 2, fixed on the server."]
    assert _texts(url, segs, "ja")[2] == "文2、オフラインで。"
    store = Store.open(url)
    try:
        with store.read() as s:
            authors = {c.after: name for c, name in s.execute(
                select(Correction, Annotator.name).join(Annotator, Annotator.id == Correction.annotator_id))}
            assert authors[", fixed offline"] == "alice" and authors[", fixed on the server"] == "colleague"
        history = store.history(_tid)
        assert [h["annotator"] for h in history[:2]] == ["alice", "alice"]
    finally:
        store.close()
    # The file received the server's change too.
    assert _texts(out, segs) == _texts(url, segs)


@pytest.mark.pg
def test_overlapping_edits_keep_the_offline_text_as_a_competing_correction_with_a_conflict_flag(taken):
    url, out, _tid, segs = taken
    _edit(out, "alice", segs[1], "Sentence 1, alice's version.")
    _edit(url, "bob", segs[1], "Sentence 1, bob's version.")
    report = sync(out)
    assert report.conflicts == 1 and report.flags == 1
    assert _texts(url, segs)[1] == "Sentence 1, bob's version."  # the server's text stays in force
    store = Store.open(url)
    try:
        with store.read() as s:
            competing = s.scalars(select(Correction).where(Correction.status == "competing")).all()
            assert len(competing) == 1 and competing[0].segment_id == segs[1]
            assert "Sentence 1, alice's version." in competing[0].note
            flag = s.scalars(select(Flag).where(Flag.category == "conflict")).one()
            assert flag.segment_id == segs[1] and flag.status == "open"
            assert "alice's version" in flag.note
    finally:
        store.close()
    # Nothing lost on the file's side either: it now shows the flag and the competing text.
    local = Store.open(out)
    try:
        with local.read() as s:
            assert s.scalar(select(func.count()).select_from(Flag).where(Flag.category == "conflict")) == 1
            assert s.scalar(select(func.count()).select_from(Correction).where(Correction.status == "competing")) == 1
    finally:
        local.close()


def _counts(url: str | Path) -> tuple[int, int, int]:
    store = Store.open(url)
    try:
        with store.read() as s:
            return (s.scalar(select(func.count()).select_from(ChangeEvent)) or 0,
                    s.scalar(select(func.count()).select_from(Correction)) or 0,
                    s.scalar(select(func.count()).select_from(Flag)) or 0)
    finally:
        store.close()


@pytest.mark.pg
def test_syncing_twice_changes_nothing_the_second_time(taken):
    url, out, _tid, segs = taken
    _edit(out, "alice", segs[1], "Sentence 1, alice.")
    _edit(out, "alice", segs[0], "Sentence 0, alice.")
    _edit(url, "bob", segs[0], "Sentence 0, bob.")
    first = sync(out)
    assert first.sent == 1 and first.conflicts == 1
    after_first = _counts(url)
    second = sync(out)
    assert second.sent == 0 and second.conflicts == 0 and second.flags == 0
    assert _counts(url) == after_first


@pytest.mark.pg
def test_a_sync_cut_off_before_refreshing_sends_nothing_twice(taken):
    url, out, _tid, segs = taken
    _edit(out, "alice", segs[1], "Sentence 1, alice.")
    add_flag_local = Store.open(out, annotator="alice")
    try:
        add_flag(add_flag_local, segs[2], "terminology", "check this term")
    finally:
        add_flag_local.close()
    first = sync(out, refresh=False)  # as if the connection dropped after sending
    assert first.sent == 2 and not first.refreshed
    counts = _counts(url)
    again = sync(out)
    assert again.sent == 0 and again.already == 2 and again.refreshed
    assert _counts(url) == counts


@pytest.mark.pg
def test_an_offline_approval_of_text_that_changed_on_the_server_is_not_applied(taken):
    url, out, _tid, segs = taken
    reviewer = Store.open(out, annotator="rita")
    try:
        approve(reviewer, segs[2])
    finally:
        reviewer.close()
    _edit(url, "bob", segs[2], "Sentence 2, changed meanwhile.")
    report = sync(out)
    assert report.flags == 1
    store = Store.open(url)
    try:
        with store.read() as s:
            assert s.get(Segment, segs[2]).review_state == "edited"
            assert "approval" in s.scalars(select(Flag.note).where(Flag.category == "conflict")).one()
    finally:
        store.close()


@pytest.mark.pg
def test_a_sync_while_another_process_edits_the_server_loses_nothing(pg_url, tmp_path):
    tid, segs = _server(pg_url, 6)
    out = tmp_path / "offline.sqlite3"
    checkout(pg_url, tid, out)
    local = Store.open(out, annotator="alice")
    mine = []
    try:
        for i in range(24):
            sid = segs[i % len(segs)]
            with local.read() as s:
                text = current_text(s, s.get(Segment, sid), "en")
            edit_text(local, sid, "en", f"{text} <alice.{i}>")
            mine.append(f"<alice.{i}>")
    finally:
        local.close()
    ids = ",".join(map(str, segs))
    worker = subprocess.Popen([sys.executable, str(WORKER), pg_url, "bob", "edit", ids, "150", "7"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = worker.stdout.readline()  # bob is editing now
    report = sync(out)
    ended = time.time()
    stdout, stderr = worker.communicate(timeout=300)
    assert worker.returncode == 0, stderr
    results = [json.loads(line) for line in (first + stdout).splitlines()]
    during = sum(1 for r in results if r["at"] < ended) - 1
    assert during > 0, "bob's edits did not overlap the sync"
    lost, applied, kept = check_nothing_lost_count(pg_url, results)
    assert lost == 0 and applied + kept == 150
    # Every offline edit is either in the text or in a competing correction kept for the reviewer.
    store = Store.open(pg_url)
    try:
        with store.read() as s:
            every = [current_text(s, seg, "en") for seg in s.scalars(select(Segment))]
            texts = " ".join(every)
            competing = " ".join(c.note or "" for c in s.scalars(select(Correction)
                                                                  .where(Correction.status == "competing")))
    finally:
        store.close()
    assert [tag for tag in mine if tag not in texts and tag not in competing] == []
    # No edit was applied over a text it was not based on (that would splice the tags together).
    assert [t for t in every if not re.fullmatch(r"Sentence \d\.( <(alice|bob)\.\d+>)*", t)] == []
    assert report.sent + report.conflicts >= 1


@pytest.mark.pg
def test_a_source_that_cannot_be_reached_is_one_line_and_changes_nothing(taken, tmp_path):
    from model.errors import TaiyakuError

    url, out, tid, segs = taken
    _edit(out, "alice", segs[1], "Sentence 1, alice.")
    before = out.read_bytes()
    unreachable = "postgresql://nobody@127.0.0.1:1/taiyaku"
    with pytest.raises(TaiyakuError) as caught:
        sync(out, unreachable)
    assert "\n" not in str(caught.value) and "reach" in str(caught.value)
    assert out.read_bytes() == before
    with pytest.raises(TaiyakuError):
        checkout(unreachable, tid, tmp_path / "never.sqlite3")
    assert not (tmp_path / "never.sqlite3").exists()
    assert [p.name for p in tmp_path.iterdir() if "never" in p.name] == []


def _segments_of(url: str | Path, tid: int) -> list[tuple[int, str]]:
    store = Store.open(url)
    try:
        with store.read() as s:
            rows = s.scalars(select(Segment).where(Segment.transcript_id == tid)).all()
            return sorted(((seg.turn_id, seg.position), current_text(s, seg, "en")) for seg in rows)  # type: ignore[misc]
    finally:
        store.close()


def _two_sentences_checked_out(pg_url: str, tmp_path: Path) -> tuple[int, list[int], Path]:
    """A server transcript whose first segment holds two sentences, checked out to a file:
    (transcript id, segment ids, the file)."""
    store = Store.open(pg_url, annotator="boss")
    try:
        tid = make_transcript(store, [("Q", [("First half. Second half.", "前半。後半。"), ("Sentence 1.", "文1。")])])
        with store.read() as s:
            segs = list(s.scalars(select(Segment.id).order_by(Segment.id)))
    finally:
        store.close()
    out = tmp_path / "offline.sqlite3"
    checkout(pg_url, tid, out)
    return tid, segs, out


@pytest.mark.pg
def test_an_offline_split_reaches_the_server_and_later_edits_follow_the_new_segment(pg_url, tmp_path):
    from model.ops.alignment import split_segment

    tid, segs, out = _two_sentences_checked_out(pg_url, tmp_path)
    local = Store.open(out, annotator="alice")
    try:
        split_segment(local, segs[0], "en", len("First half. "))
        with local.read() as s:
            new = s.scalar(select(func.max(Segment.id)))
        edit_text(local, new, "en", "Second half, edited offline.")
    finally:
        local.close()
    _edit(pg_url, "bob", segs[1], "Sentence 1, bob.")  # elsewhere: no overlap
    report = sync(out)
    assert report.sent == 2 and report.flags == 0 and report.notes == []
    assert [text for _, text in _segments_of(pg_url, tid)] == ["First half. ", "Second half, edited offline.",
                                                                "Sentence 1, bob."]
    assert _segments_of(out, tid) == _segments_of(pg_url, tid)


@pytest.mark.pg
def test_an_offline_undo_of_a_change_made_before_the_checkout_is_undone_on_the_server(taken):
    url, out, tid, segs = taken
    local = Store.open(out, annotator="alice")
    try:
        last = local.history(tid)[0]
        assert last["action"] == "Edit text"
        local.undo(last["id"])
    finally:
        local.close()
    report = sync(out)
    assert report.undos == 1
    assert _texts(url, segs)[0] == "Sentence 0."
    assert sync(out).undos == 0  # not twice


@pytest.mark.pg
def test_an_offline_split_of_a_segment_edited_on_the_server_is_kept_for_the_reviewer(pg_url, tmp_path):
    from model.ops.alignment import split_segment

    tid, segs, out = _two_sentences_checked_out(pg_url, tmp_path)
    local = Store.open(out, annotator="alice")
    try:
        split_segment(local, segs[0], "en", len("First half. "))
    finally:
        local.close()
    _edit(pg_url, "bob", segs[0], "First half. Second half, bob.")
    report = sync(out)
    assert report.sent == 0 and report.flags >= 1
    texts = [text for _, text in _segments_of(pg_url, tid)]
    assert texts == ["First half. Second half, bob.", "Sentence 1."]  # the server's outline and text stand
    store = Store.open(pg_url)
    try:
        with store.read() as s:
            notes = " ".join(s.scalars(select(Flag.note).where(Flag.category == "conflict")))
    finally:
        store.close()
    assert "Split segment by alice" in notes and "Second half." in notes  # what was done offline is said


@pytest.mark.pg
def test_rows_made_offline_get_server_ids_and_what_refers_to_them_follows(pg_url, tmp_path):
    from model.ops.flags import reply_to_flag
    from model.ops.gaps import fill_gap
    from model.schema import FlagReply, Gap

    store = Store.open(pg_url, annotator="boss")
    try:
        tid = make_transcript(store, [("Q", [("We spoke with (inaudible) today.", "今日(聞き取れない)と話した。")])])
        with store.read() as s:
            seg = s.scalar(select(Segment.id))
            gap = s.scalar(select(Gap.id).where(Gap.lang == "en"))
        add_flag(store, seg, "other", "an older flag")
        with store.read() as s:
            server_flag = s.scalar(select(Flag.id))
    finally:
        store.close()
    out = tmp_path / "offline.sqlite3"
    checkout(pg_url, tid, out)
    local = Store.open(out, annotator="alice")
    try:
        add_flag(local, seg, "speaker", "who is this?")
        with local.read() as s:
            mine = s.scalar(select(func.max(Flag.id)))
        reply_to_flag(local, mine, "the operator says: Ken Moriyasu")
        fill_gap(local, gap, "Ken Moriyasu", "certain")
    finally:
        local.close()
    bob = Store.open(pg_url, annotator="bob")
    try:
        add_flag(bob, seg, "other", "made on the server meanwhile")  # takes the id the file gave its flag
        reply_to_flag(bob, server_flag, "a reply on the server")
    finally:
        bob.close()
    report = sync(out)
    assert report.sent == 3 and report.flags == 0 and report.notes == []
    check = Store.open(pg_url)
    try:
        with check.read() as s:
            flag = s.scalars(select(Flag).where(Flag.note == "who is this?")).one()
            replies = s.scalars(select(FlagReply.text).where(FlagReply.flag_id == flag.id)).all()
            assert replies == ["the operator says: Ken Moriyasu"]
            filled = s.get(Gap, gap)
            assert (filled.status, filled.proposed_text) == ("filled", "Ken Moriyasu")
            assert s.scalar(select(func.count()).select_from(Flag)) == 3
    finally:
        check.close()
