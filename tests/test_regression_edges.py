"""Edges that planted bugs slipped past (issue #12, item 6: surviving mutants), each checked by
what a user would notice: a label, a paragraph, a gap's text, an undo, a count, a speaker."""

from __future__ import annotations

from helpers import make_transcript
from sqlalchemy import select

from model.importer import import_text
from model.ops import gaps, review_state, speakers
from model.ops.corrections import edit_text
from model.readmodel import list_transcripts, load_segment, load_transcript
from model.schema import Segment
from model.store import Store
from model.text import shift_span


def _outline(store: Store, tid: int) -> list[tuple[str | None, list[str | None]]]:
    view = load_transcript(store, tid)
    return [(t.speaker.label_en if t.speaker else None, [s.en for s in t.segments]) for t in view.turns]


def test_the_answer_label_a_starts_a_turn_of_its_own(store: Store):
    tid = import_text(store, "Q: Is it true?\n\nA: It is.\n", filename="qa.txt")
    assert _outline(store, tid) == [("Q", ["Is it true?"]), ("A", ["It is."])]


def test_three_labelled_lines_without_blank_lines_are_three_turns_as_with_blank_lines(store: Store):
    tight = import_text(store, "Q: First question?\nA: An answer.\nQ: Second question?\n", filename="a.txt")
    loose = import_text(store, "Q: First question?\n\nA: An answer.\n\nQ: Second question?\n", filename="b.txt")
    expected = [("Q", ["First question?"]), ("A", ["An answer."]), ("Q", ["Second question?"])]
    assert _outline(store, tight) == expected
    assert _outline(store, loose) == expected


def test_text_typed_right_at_a_gaps_start_stays_outside_the_gap(store: Store):
    # The span arithmetic: an insertion at either edge of a span stays outside it.
    assert shift_span((5, 10), 5, 5, 3) == (8, 13)
    assert shift_span((5, 10), 10, 10, 3) == (5, 10)
    assert shift_span((5, 10), 4, 5, 0) == (4, 9)  # a deletion just before
    assert shift_span((5, 10), 6, 8, 4) == (5, 12)  # a replacement inside stretches it
    # And as the annotator sees it: the gap still covers "(inaudible)", not the typed word.
    tid = make_transcript(store, [("Q", [("We heard (inaudible) today.", None)])])
    seg = load_transcript(store, tid).turns[0].segments[0]
    edit_text(store, seg.id, "en", "We heard really (inaudible) today.")
    [gap] = load_segment(store, seg.id).gaps_in("en")
    assert "We heard really (inaudible) today."[gap.start:gap.end] == "(inaudible)"


def _reviewed(store: Store, segment_id: int) -> tuple[str, object, object]:
    with store.read() as s:
        row = s.execute(select(Segment.review_state, Segment.reviewed_by_id, Segment.reviewed_at)
                        .where(Segment.id == segment_id)).one()
    return row[0], row[1], row[2]


def test_undo_of_an_approval_restores_who_and_when_and_redo_brings_them_back(store: Store):
    tid = make_transcript(store, [("Q", [("Hello.", "こんにちは。")])])
    seg = load_transcript(store, tid).turns[0].segments[0].id
    before = _reviewed(store, seg)
    event = review_state.approve(store, seg)
    assert event is not None
    approved = _reviewed(store, seg)
    assert approved[0] == "approved" and approved[1] is not None and approved[2] is not None
    store.undo(event)
    assert _reviewed(store, seg) == before
    store.redo(event)
    assert _reviewed(store, seg) == approved


def test_the_library_counts_only_open_gaps(store: Store):
    tid = make_transcript(store, [("Q", [("One (inaudible) two (inaudible) three (inaudible).", None)])])
    seg = load_transcript(store, tid).turns[0].segments[0]
    first, second, _third = load_segment(store, seg.id).gaps_in("en")
    assert [t.open_gaps for t in list_transcripts(store)] == [3]
    gaps.fill_gap(store, first.id, "four")
    gaps.mark_unrecoverable(store, second.id)
    assert [t.open_gaps for t in list_transcripts(store)] == [1]


def test_a_speaker_merge_keeps_the_details_only_the_other_speaker_had(store: Store):
    tid = make_transcript(store, [("MODERATOR", [("Next caller.", None)]), ("KEN", [("My question.", None)])])
    view = load_transcript(store, tid)
    keep, other = view.turns[0].speaker, view.turns[1].speaker
    assert keep is not None and other is not None
    speakers.set_speaker_details(store, other.id, affiliation="Nikkei Asia", name="Ken Moriyasu")
    speakers.merge_speakers(store, keep.id, other.id)
    merged = load_transcript(store, tid).speakers[keep.id]
    assert (merged.affiliation, merged.name) == ("Nikkei Asia", "Ken Moriyasu")
    assert other.id not in load_transcript(store, tid).speakers
    # A detail the kept speaker has is not overwritten.
    tid2 = make_transcript(store, [("A", [("x.", None)]), ("B", [("y.", None)])])
    v2 = load_transcript(store, tid2)
    a, b = v2.turns[0].speaker, v2.turns[1].speaker
    assert a is not None and b is not None
    speakers.set_speaker_details(store, a.id, affiliation="Kyodo News")
    speakers.set_speaker_details(store, b.id, affiliation="Nikkei Asia")
    speakers.merge_speakers(store, a.id, b.id)
    assert load_transcript(store, tid2).speakers[a.id].affiliation == "Kyodo News"
