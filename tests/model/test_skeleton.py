"""The transcript skeleton the window opens with: rows in reading order, turns, empty turns."""

from __future__ import annotations

import pytest
from helpers import make_transcript

from model.schema import Segment, Turn
from model.skeleton import load_skeleton, transcript_ids

pytestmark = pytest.mark.both_engines


def test_rows_follow_turn_and_segment_positions_not_ids(store):
    tid = make_transcript(store, [("OPERATOR", [("a", None), ("b", None)]), ("Q", [("c", "し")])])
    with store.operation("Insert a turn between") as op:
        turns = op.session.query(Turn).filter_by(transcript_id=tid).order_by(Turn.position).all()
        turns[1].position = 5  # the later turn moves after a new one
        new = Turn(transcript_id=tid, position=3, speaker_id=None)
        op.session.add(new)
        op.session.flush()
        op.session.add(Segment(turn_id=new.id, transcript_id=tid, position=0, en_orig="inserted", ja_orig=None))
        first = op.session.query(Segment).filter_by(turn_id=turns[0].id).order_by(Segment.position).all()
        first[0].position, first[1].position = 1, 0  # swap the first turn's segments
    sk = load_skeleton(store, tid)
    with store.read() as s:
        text = {seg.id: seg.en_orig for seg in s.query(Segment)}
    assert [text[sid] for sid in sk.segment_ids] == ["b", "a", "inserted", "c"]
    assert [t.number for t in sk.turns] == [1, 2, 3]
    assert [(t.first_row, t.row_count) for t in sk.turns] == [(0, 2), (2, 1), (3, 1)]
    assert list(sk.row_turn) == [0, 0, 1, 2]
    assert sk.turns[1].speaker_id is None
    assert transcript_ids(store) == [tid]
    # Ids out of row order: the lookup sorts them (in row order it bisects the ids themselves).
    assert [sk.row_of(sid) for sid in sk.segment_ids] == [0, 1, 2, 3]
    assert sk.row_of(max(sk.segment_ids.ids) + 1) is None


def test_row_of_with_ids_in_row_order(store):
    tid = make_transcript(store, [("OPERATOR", [("a", None), ("b", None)]), ("Q", [("c", "し")])])
    sk = load_skeleton(store, tid)
    assert [sk.row_of(sid) for sid in sk.segment_ids] == [0, 1, 2]
    assert sk._sorted_rows is None  # the ids themselves, no index built


def test_an_empty_turn_still_gets_a_row(store):
    tid = make_transcript(store, [("OPERATOR", [("Hello.", None)]), ("Q", [])])
    sk = load_skeleton(store, tid)
    assert sk.segment_ids[-1] is None and sk.turns[-1].row_count == 1
    assert sk.segment_count == 1
