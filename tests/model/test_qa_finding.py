"""A QA finding as a value: its fields, key, equality and pickling, and how little a long run of them takes."""

from __future__ import annotations

import pickle
import tracemalloc

import pytest

from model.qa import Finding, check_view, segment_finding_key
from model.readmodel import load_transcript
from tests.helpers import make_transcript


def gap(turn: int, segment: int | None, segment_id: int | None, turn_id: int) -> Finding:
    return Finding("gap_count", turn, segment, "ja", "1 inaudible gap(s) in English but 0 in Japanese",
                   segment_id, "1-0", turn_id, "inaudible", (("en", "1"), ("ja", "0")))


@pytest.mark.parametrize(("turn", "segment", "segment_id", "turn_id"), [
    (1, 1, 1, 1), (0, 0, 0, 0), (3, None, None, 7), (142_991, 3, 500_000, 142_991),
    (2, 1, 2**40 + 5, 2**33), (10**6, 4_000, 3, 2**62)])
def test_a_finding_gives_back_the_place_it_was_made_with(turn, segment, segment_id, turn_id):
    f = gap(turn, segment, segment_id, turn_id)
    assert (f.turn, f.segment, f.segment_id, f.turn_id) == (turn, segment, segment_id, turn_id)
    assert (f.check, f.lang, f.detail, f.category, f.per_turn) == ("gap_count", "ja", "1-0", "inaudible", False)
    assert f.params == (("en", "1"), ("ja", "0"))
    assert pickle.loads(pickle.dumps(f)) == f


def test_a_negative_place_is_refused():
    with pytest.raises(ValueError):
        gap(1, 1, -5, 1)


def test_keys_name_the_segment_or_the_turn():
    assert gap(4, 2, 77, 9).key == segment_finding_key("gap_count", 77, "ja", "1-0") == "gap_count:s77:ja:1-0"
    per_turn = Finding("empty_turn", 4, None, None, "the turn has no text", None, "", 9, per_turn=True)
    assert per_turn.key == "empty_turn:t9:-:"
    assert per_turn.to_dict()["segment"] is None


def test_findings_compare_and_hash_by_their_fields_and_cannot_be_changed():
    a, b = gap(4, 2, 77, 9), gap(4, 2, 77, 9)
    assert a == b and hash(a) == hash(b) and len({a, b, gap(4, 3, 78, 9)}) == 2
    assert a != gap(4, 2, 77, 10)
    assert a != Finding("gap_count", 4, 2, "en", a.message, 77, "1-0", 9, "inaudible", a.params)
    with pytest.raises(AttributeError):
        a.turn = 5  # type: ignore[misc]
    assert "turn=4" in repr(a) and "segment_id=77" in repr(a)


def test_a_run_of_findings_shares_what_reads_the_same(store):
    # 2,000 untranslated paragraphs: their findings differ only in place, and a window keeps them
    # all (half a million at 500,000 segments), so each costs its place and a reference.
    tid = make_transcript(store, [("OFFICIAL", [(f"Paragraph {i} in English only.", None)
                                                 for i in range(2_000)])])
    found = [f for f in check_view(load_transcript(store, tid)) if f.check == "untranslated"]
    assert len(found) == 2_000
    assert len({id(f.message) for f in found}) == 1
    # Sent to the window a batch at a time, and kept there: what each finding takes.
    # (The eleven-field dataclass it was: 33 bytes pickled, 245 bytes unpickled, at these small ids.)
    sent = pickle.dumps(found)
    assert len(sent) / len(found) < 25
    tracemalloc.start()
    try:
        received = pickle.loads(sent)
        kept = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert received == found
    assert kept / len(found) < 130
