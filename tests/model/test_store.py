"""The store: journaled operations, undo/redo, announcements, and the read model."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from model.errors import NotFound, OperationFailed
from model.readmodel import list_transcripts, load_segment, load_transcript
from model.schema import Correction, Gap, Segment, Speaker
from model.store import Store
from model.text import Derived, derive, shift_span, single_edit
from tests.helpers import make_transcript

pytestmark = pytest.mark.both_engines


def _one_transcript(store: Store) -> int:
    return make_transcript(store, [
        ("Q", [("Is the (inaudible) agreement signed?", "(聞き取れない)協定は署名されましたか?")]),
        ("OFFICIAL", [("Yes, on Monday.", "はい、月曜日に。"), ("More next week.", None)]),
    ])


def test_operation_is_announced_and_attributed(store: Store) -> None:
    seen = []
    store.subscribe(seen.append)
    tid = _one_transcript(store)
    view = load_transcript(store, tid)
    speaker = view.turns[0].speaker
    with store.operation("Rename speaker") as op:
        op.get(Speaker, speaker.id).name = "Aiko Tanaka"
    assert seen[-1].speaker_ids == {speaker.id}
    assert seen[-1].transcript_ids == {tid}
    history = store.history(tid)
    assert history[0]["action"] == "Rename speaker"
    assert history[0]["annotator"] == "tester"


def test_undo_and_redo_restore_rows(store: Store) -> None:
    tid = _one_transcript(store)
    seg = load_transcript(store, tid).turns[0].segments[0]
    with store.operation("Delete segment") as op:
        op.session.delete(op.get(Segment, seg.id))
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Gap)) == 0  # the gaps went with it
    store.undo(op.event_id)
    restored = load_segment(store, seg.id)
    assert restored.en_orig == "Is the (inaudible) agreement signed?"
    assert len(restored.gaps) == 2
    store.redo(op.event_id)
    with pytest.raises(NotFound):
        load_segment(store, seg.id)
    with pytest.raises(OperationFailed, match="already done"):
        store.redo(op.event_id)


def test_failed_operation_changes_nothing(store: Store) -> None:
    tid = _one_transcript(store)
    before = store.history(tid)
    with pytest.raises(NotFound, match="speaker 999 does not exist"), store.operation("Rename speaker") as op:
        seg = op.get(Segment, load_transcript(store, tid).turns[0].segments[0].id)
        seg.review_state = "approved"  # would be written if the operation went through
        op.get(Speaker, 999)
    assert store.history(tid) == before
    assert load_transcript(store, tid).turns[0].segments[0].review_state == "not_reviewed"


def test_corrected_text_is_derived_and_rejection_drops_a_correction(store: Store) -> None:
    tid = _one_transcript(store)
    seg = load_transcript(store, tid).turns[1].segments[0]
    with store.operation("Edit") as op:
        op.session.add(Correction(segment_id=seg.id, transcript_id=tid, lang="en", start=13, end=14,
                                  before="y", after="y, 14 March", annotator_id=op.annotator_id))
    with store.operation("Edit") as op:
        op.session.add(Correction(segment_id=seg.id, transcript_id=tid, lang="en", start=0, end=3,
                                  before="Yes", after="Yes indeed", annotator_id=op.annotator_id))
    view = load_segment(store, seg.id)
    assert view.en == "Yes indeed, on Monday, 14 March."
    assert view.en_orig == "Yes, on Monday."  # the original never changes
    first = view.corrections[0]
    with store.operation("Reject") as op:
        op.get(Correction, first.id).status = "rejected"
    assert load_segment(store, seg.id).en == "Yes indeed, on Monday."


def test_library_lists_sizes(store: Store) -> None:
    _one_transcript(store)
    [summary] = list_transcripts(store)
    assert (summary.title, summary.turns, summary.segments, summary.open_gaps) == ("Test briefing", 2, 3, 2)


def test_derive_keeps_a_correction_where_it_was_made_and_reports_a_lost_one() -> None:
    class C:
        def __init__(self, id, start, end, before, after, status="proposed"):
            self.id, self.start, self.end, self.before, self.after, self.status = id, start, end, before, after, status

    # The second correction was made after the first (which inserted 6 characters), and the first is
    # now rejected: offsets index the history ("Well, From Kyoto News."), so the second stays put.
    cs = [C(1, 0, 0, "", "Well, ", "rejected"), C(2, 11, 16, "Kyoto", "Kyodo")]
    assert derive("From Kyoto News.", cs).text == "From Kyodo News."
    assert derive("From Tokyo News.", cs).conflicts == (2,)
    # Its text elsewhere is not its place: nothing is searched for.
    assert derive("From Tokyo News. Kyoto!", cs) == Derived("From Tokyo News. Kyoto!", (2,))


def test_single_edit_and_span_shifting() -> None:
    assert single_edit("from Kyoto News", "from Kyodo News") == (8, 9, "t", "d")
    assert single_edit("same", "same") is None
    gap = (10, 21)  # "(inaudible)" in "Mitsubishi (inaudible) Kawasaki"[...]
    assert shift_span(gap, 0, 0, 4) == (14, 25)      # insertion before moves it
    assert shift_span(gap, 25, 30, 0) == (10, 21)    # edit after leaves it
    assert shift_span(gap, 12, 15, 1) == (10, 19)    # edit inside shrinks it
    assert shift_span(gap, 5, 12, 0) == (5, 14)      # edit over its start clips it


def test_announcements_tell_whether_the_outline_changed(store: Store) -> None:
    """An edit or an approval leaves turns and segments in place: views skip re-reading the outline."""
    from model.ops import alignment, corrections, review_state, speakers

    seen = []
    store.subscribe(seen.append)
    tid = _one_transcript(store)
    view = load_transcript(store, tid)
    first = view.turns[0].segments[0]
    corrections.edit_text(store, first.id, "en", "Is the trade agreement signed?")
    assert not seen[-1].restructured
    review_state.approve(store, first.id)
    assert not seen[-1].restructured
    event = alignment.split_segment(store, first.id, "en", 7)
    assert seen[-1].restructured
    store.undo(event)
    assert seen[-1].restructured
    speakers.set_turn_speaker(store, view.turns[1].id, view.turns[0].speaker.id)
    assert seen[-1].restructured  # the turn's header shows another speaker
    with store.operation("Retitle") as op:
        from model.schema import Transcript

        op.get(Transcript, tid).title = "Harbour briefing, second day"
    assert seen[-1].restructured
