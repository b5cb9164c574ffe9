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


def test_carried_spans_at_the_very_start_and_end_of_a_text():
    """Spans at either end of the text, whose characters no longer show under other review
    decisions (a marker inserted at the start, its correction rejected)."""
    import pytest

    from model.text import carry_spans, history, single_edit

    class C:
        def __init__(self, id: int, start: int, end: int, before: str, after: str) -> None:
            self.id, self.start, self.end, self.before, self.after = id, start, end, before, after
            self.status = "proposed"

    original = "said the official"
    marker = "(inaudible) "
    h0 = history(original, [])
    start, end, before, after = single_edit(h0.text, marker + original)
    cor = C(1, *h0.anchor(start, end), before, after)
    live = history(original, [cor])
    assert live.text == marker + original
    cor.status = "rejected"
    rejected = history(original, [cor])
    # The gap over the inserted marker goes with it; one over the first word stays on it.
    assert carry_spans(live, rejected, [(0, len(marker) - 1)]) == [(0, 0)]
    assert carry_spans(live, rejected, [(len(marker), len(marker) + 4)]) == [(0, 4)]
    last = len(live.text)
    assert carry_spans(live, rejected, [(last - 8, last)]) == [(len(original) - 8, len(original))]
    # A replaced first word and a replaced last word, rejected: each span falls back on what comes
    # back in its place; a span reaching past a replaced word keeps only what still shows of it.
    first = C(1, 0, 3, "bad", "good")
    words = history("bad said so", [first])
    assert words.text == "good said so"
    first.status = "rejected"
    back = history("bad said so", [first])
    assert carry_spans(words, back, [(0, 4)]) == [(0, 3)]  # "good" -> "bad"
    assert carry_spans(words, back, [(0, 9)]) == [(3, 8)]  # "good said" -> " said"
    end = C(1, 9, 11, "so", "too")
    tail = history("bad said so", [end])
    assert tail.text == "bad said too"
    end.status = "rejected"
    assert carry_spans(tail, history("bad said so", [end]), [(9, 12)]) == [(9, 11)]  # "too" -> "so"
    with pytest.raises(ValueError, match="^not the same history$"):
        carry_spans(live, history("other", []), [(0, 1)])


def test_row_images_keep_dates_and_times_through_the_journal():
    """The journal stores row images as JSON: a date and a datetime come back as themselves (no
    table has a plain date column yet, so only this says the date branch works)."""
    import json
    from datetime import date, datetime

    from model.journal import _from_json, _to_json

    for value in (date(2024, 4, 9), datetime(2024, 4, 9, 18, 22, 5), "2024-04-09", None, 7):
        assert _from_json(json.loads(json.dumps(_to_json(value)))) == value
    assert type(_from_json(_to_json(date(2024, 4, 9)))) is date
