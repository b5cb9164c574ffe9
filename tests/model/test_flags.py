"""Flags, replies and review navigation through the store."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from model.errors import NotFound, OperationFailed
from model.ops import flags as ops
from model.readmodel import load_transcript
from model.review import get_flag, list_flags, markers, next_open_flag, next_segment_needing_review, progress
from model.schema import Segment
from tests.helpers import make_transcript

pytestmark = pytest.mark.both_engines


@pytest.fixture
def tid(store):
    return make_transcript(store, [
        ("MODERATOR", [("Good afternoon, everyone.", "皆さん、こんにちは。")]),
        ("OFFICIAL", [("We signed (inaudible) agreements.", "私たちは協定に署名しました。"),
                      ("The budget is 120 billion yen.", "予算は約１２００億円です。")]),
        ("Q", [("Thank you.", None)]),
    ])


def seg_ids(store, tid):
    return [s.id for _t, s in load_transcript(store, tid).segments()]


def test_flag_round_trip_with_span_replies_and_resolution(store, tid):
    sids = seg_ids(store, tid)
    ops.add_flag(store, sids[2], "terminology", "Is **億** right?", lang="ja", start=3, end=10)
    flag = list_flags(store, tid).flags[0]
    assert (flag.segment_id, flag.category, flag.lang, flag.start, flag.end) == (sids[2], "terminology", "ja", 3, 10)
    assert (flag.turn, flag.segment, flag.status, flag.author) == (2, 2, "open", "tester")
    ops.reply_to_flag(store, flag.id, "first")
    store.set_annotator("reviewer")
    ops.reply_to_flag(store, flag.id, "second")
    ops.resolve_flag(store, flag.id, "Checked against the *Nikkei* article.")
    got = get_flag(store, flag.id)
    assert [(r.author, r.text) for r in got.replies] == [("tester", "first"), ("reviewer", "second")]
    assert (got.status, got.resolved_by, got.resolution_note) == ("resolved", "reviewer",
                                                                  "Checked against the *Nikkei* article.")
    assert got.resolved_at is not None and got.reply_count == 2


def test_reopen_clears_resolution_and_keeps_reason_as_reply(store, tid):
    sid = seg_ids(store, tid)[0]
    ops.add_flag(store, sid, "other", "check tone")
    fid = list_flags(store, tid).flags[0].id
    ops.wontfix_flag(store, fid, "fine as is")
    ops.reopen_flag(store, fid, "No, the tone is too casual.")
    got = get_flag(store, fid)
    assert (got.status, got.resolved_by, got.resolution_note) == ("open", None, None)
    assert [r.text for r in got.replies] == ["No, the tone is too casual."]
    with pytest.raises(OperationFailed):
        ops.reopen_flag(store, fid)


def test_each_flag_action_is_one_undo_step(store, tid):
    sid = seg_ids(store, tid)[0]
    ev = ops.add_flag(store, sid, "speaker", "who is this?")
    fid = list_flags(store, tid).flags[0].id
    ev2 = ops.resolve_flag(store, fid)
    store.undo(ev2)
    assert get_flag(store, fid).status == "open"
    store.undo(ev)
    assert list_flags(store, tid).total == 0
    store.redo(ev)
    assert list_flags(store, tid).flags[0].note == "who is this?"
    ev3 = ops.delete_flag(store, fid)
    assert list_flags(store, tid).total == 0
    store.undo(ev3)
    assert get_flag(store, fid).category == "speaker"


def test_bad_input_is_refused_and_changes_nothing(store, tid):
    sid = seg_ids(store, tid)[0]
    with pytest.raises(OperationFailed, match="category"):
        ops.add_flag(store, sid, "typo")
    with pytest.raises(OperationFailed, match="outside"):
        ops.add_flag(store, sid, "other", lang="en", start=5, end=500)
    with pytest.raises(OperationFailed, match="span"):
        ops.add_flag(store, sid, "other", start=1, end=2)
    with pytest.raises(NotFound):
        ops.add_flag(store, 9999, "other")
    with pytest.raises(OperationFailed):
        ops.reply_to_flag(store, 1, "   ")
    assert list_flags(store, tid).total == 0


def test_filters_and_counts(store, tid):
    sids = seg_ids(store, tid)
    ops.add_flag(store, sids[0], "mistranslation", "a", lang="ja")
    ops.add_flag(store, sids[1], "inaudible", "b")
    store.set_annotator("reviewer")
    ops.add_flag(store, sids[2], "mistranslation", "c", lang="en", start=0, end=3)
    fid = list_flags(store, tid, category="inaudible").flags[0].id
    ops.resolve_flag(store, fid)
    listing = list_flags(store, tid, status="open")
    assert [f.note for f in listing.flags] == ["a", "c"]
    assert listing.by_status == {"open": 2, "resolved": 1} and listing.by_category["mistranslation"] == 2
    assert [f.note for f in list_flags(store, tid, lang="ja").flags] == ["a"]
    assert [f.note for f in list_flags(store, tid, lang="").flags] == ["b"]
    assert [f.note for f in list_flags(store, tid, author="reviewer").flags] == ["c"]
    assert list_flags(store, tid, category="speaker").flags == []


def test_next_open_flag_wraps_both_ways(store, tid):
    sids = seg_ids(store, tid)
    for sid in (sids[1], sids[3]):
        ops.add_flag(store, sid, "other", f"on {sid}")
    assert next_open_flag(store, tid, sids[0]).segment_id == sids[1]
    assert next_open_flag(store, tid, sids[1]).segment_id == sids[3]
    assert next_open_flag(store, tid, sids[3]).segment_id == sids[1]  # wraps
    assert next_open_flag(store, tid, sids[2], backwards=True).segment_id == sids[1]
    assert next_open_flag(store, tid, sids[1], backwards=True).segment_id == sids[3]
    first = list_flags(store, tid).flags[0]
    ops.resolve_flag(store, first.id)
    assert next_open_flag(store, tid, sids[0]).segment_id == sids[3]  # resolved ones are skipped
    ops.resolve_flag(store, list_flags(store, tid, status="open").flags[0].id)
    assert next_open_flag(store, tid, sids[0]) is None


def test_next_segment_needing_review_skips_approved(store, tid):
    sids = seg_ids(store, tid)
    with store.operation("approve two") as op:
        for sid in (sids[1], sids[2]):
            op.get(Segment, sid).review_state = "approved"
    assert next_segment_needing_review(store, tid, sids[0]) == sids[3]
    assert next_segment_needing_review(store, tid, sids[3]) == sids[0]
    assert next_segment_needing_review(store, tid, sids[3], backwards=True) == sids[0]
    p = progress(store, tid)
    assert (p.segments, p.approved, p.open_gaps) == (4, 2, 1) and p.share_approved == 0.5


def test_markers_show_flags_gaps_and_edits(store, tid):
    sids = seg_ids(store, tid)
    ops.add_flag(store, sids[3], "other", "x")
    got = {sid: (f, g, e, a) for sid, f, g, e, a in markers(store, tid)}
    assert got[sids[1]] == (False, True, False, False)
    assert got[sids[3]] == (True, False, False, False)
    assert progress(store, tid).open_flags == 1



def test_markers_of_a_whole_transcript_leave_out_unmarked_segments_but_a_recheck_clears_a_mark(store, tid):
    sids = seg_ids(store, tid)
    ops.add_flag(store, sids[3], "other", "x")
    marked = {sid for sid, *_ in markers(store, tid)}
    assert sids[3] in marked and sids[1] in marked  # a flag, a gap
    assert sids[0] not in marked
    ops.resolve_flag(store, list_flags(store, tid).flags[0].id)
    again = {sid: bits for sid, *bits in markers(store, tid, [sids[0], sids[3]])}
    assert set(again) == {sids[0], sids[3]}  # asked for: answered, marked or not, so the strip clears a mark
    assert again[sids[3]] == [False, False, False, False]


def test_marker_bits_or_every_mark_of_a_segment_in_one_query(store, tid):
    from model.ops.corrections import edit_text
    from model.ops.review_state import approve
    from model.review import APPROVED, EDITED, FLAGGED, GAPPED, marker_bits

    sids = seg_ids(store, tid)
    ops.add_flag(store, sids[1], "other", "x")
    ops.add_flag(store, sids[1], "terminology", "twice: still one bit")
    edit_text(store, sids[2], "en", "The budget is 130 billion yen.")
    approve(store, [sids[3]])
    paced: list[int] = []
    got = dict(marker_bits(store, tid, pace=lambda: paced.append(1)))
    assert got == {sids[1]: FLAGGED | GAPPED, sids[2]: EDITED, sids[3]: APPROVED}
    assert paced  # the reader was given a chance to wait
    assert dict(marker_bits(store, tid, [sids[0], sids[1]])) == {sids[0]: 0, sids[1]: FLAGGED | GAPPED}
    assert marker_bits(store, tid + 1000) == []


def test_the_marks_of_a_long_transcript_come_in_batches_as_they_are_read(store):
    # The overview strip's marks of every segment are read in the background after the first paint;
    # at 500,000 marked segments the session fetched them all before the first batch (120 MB).
    import tracemalloc

    from sqlalchemy import insert

    from model.review import GAPPED, marker_bit_batches
    from model.schema import Gap, Transcript, Turn

    with store.engine.begin() as conn:
        tid = conn.execute(insert(Transcript).values(title="Long", lead_lang="en")).inserted_primary_key[0]
        turn = conn.execute(insert(Turn).values(transcript_id=tid, position=0)).inserted_primary_key[0]
        conn.execute(insert(Segment), [{"turn_id": turn, "transcript_id": tid, "position": p, "en_prefix": "",
                                        "ja_prefix": "", "en_orig": "We (inaudible) it.", "ja_orig": None}
                                       for p in range(30_000)])
        sids = [r[0] for r in conn.execute(select(Segment.id).where(Segment.transcript_id == tid))]
        conn.execute(insert(Gap), [{"segment_id": sid, "transcript_id": tid, "lang": "en", "start": 3, "end": 14,
                                    "text": "(inaudible)"} for sid in sids])
    batches = marker_bit_batches(store, tid)
    tracemalloc.start()
    try:
        first = next(batches)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(first) == 5_000 and {bits for _sid, bits in first} == {GAPPED}
    assert peak < 2_500_000  # a batch read, not the 30,000 rows (4-5 MB)
    rest = [mark for batch in batches for mark in batch]
    assert len(first) + len(rest) == 30_000
    assert {sid for sid, _bits in first + rest} == set(sids)


def test_flagged_span_follows_its_text_through_edits_and_rejection(store, tid):
    from model.ops.corrections import edit_text, reject_correction
    from model.readmodel import load_segment

    sid = seg_ids(store, tid)[2]  # "The budget is 120 billion yen."
    text = load_segment(store, sid).en
    at = text.index("120 billion")
    ops.add_flag(store, sid, "terminology", "check the amount", lang="en", start=at, end=at + 11)
    edit_text(store, sid, "en", "Next year, the budget is 120 billion yen.")
    seg = load_segment(store, sid)
    flag = list_flags(store, tid).flags[0]
    assert seg.en[flag.start:flag.end] == "120 billion"
    cor_id = seg.corrections[-1].id
    reject_correction(store, cor_id)
    flag = list_flags(store, tid).flags[0]
    assert load_segment(store, sid).en[flag.start:flag.end] == "120 billion"
    edit_text(store, sid, "en", "The budget is yen.")  # the flagged words are gone
    flag = list_flags(store, tid).flags[0]
    assert (flag.lang, flag.start, flag.end, flag.status) == ("en", None, None, "open")
