"""Speakers: rename, details, merge, split, turn speaker, suggestions -- with undo."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from model.errors import NotFound, OperationFailed
from model.ops.speakers import (
    accept_all_suggestions,
    accept_suggestion,
    dismiss_all_suggestions,
    dismiss_suggestion,
    merge_speakers,
    rename_speaker,
    set_speaker_details,
    set_turn_speaker,
    split_speaker,
)
from model.readmodel import load_transcript
from model.schema import SpeakerSuggestion
from model.store import Store
from tests.helpers import make_transcript

pytestmark = pytest.mark.both_engines


@pytest.fixture
def tid(store: Store) -> int:
    return make_transcript(store, [
        ("OPERATOR", [("Next, Ken Moriyasu from Nikkei Asia.", "次は日経アジアの森安さん。")]),
        ("Q", [("Thank you. My question is about the summit.", "ありがとう。首脳会談について。")]),
        ("OFFICIAL", [("Thanks, Ken.", "ケンさん、ありがとう。")]),
        ("OPERATOR", [("Next, (inaudible) from Kyodo.", "次は共同通信の(聞き取れない)さん。")]),
        ("Q", [("Hi, a follow-up on AUKUS.", "AUKUSについて。")]),
        ("Q", [("And one more.", "もう一つ。")]),
    ])


def _speakers(store: Store, tid: int) -> list[str]:
    return [t.speaker.display_name if t.speaker else "?" for t in load_transcript(store, tid).turns]


def _add_suggestions(store: Store, tid: int) -> list[int]:
    turns = load_transcript(store, tid).turns
    with store.operation("Suggest") as op:
        rows = [SpeakerSuggestion(transcript_id=tid, turn_id=turns[1].id, source_turn_id=turns[0].id,
                                  name="Ken Moriyasu", affiliation="Nikkei Asia"),
                SpeakerSuggestion(transcript_id=tid, turn_id=turns[4].id, source_turn_id=turns[3].id,
                                  name=None, affiliation="Kyodo")]
        op.session.add_all(rows)
        op.session.flush()
        return [r.id for r in rows]


def test_rename_applies_to_every_turn_and_undo(store: Store, tid: int) -> None:
    q = load_transcript(store, tid).turns[1].speaker
    event = rename_speaker(store, q.id, " Journalists ")
    assert _speakers(store, tid) == ["OPERATOR", "Journalists", "OFFICIAL", "OPERATOR", "Journalists", "Journalists"]
    rename_speaker(store, q.id, "")
    assert _speakers(store, tid)[1] == "Q"  # empty name: the label again
    store.undo(event + 1)
    store.undo(event)
    assert _speakers(store, tid)[1] == "Q"
    with pytest.raises(NotFound, match="speaker 999 does not exist"):
        rename_speaker(store, 999, "x")


def test_details_role_affiliation_and_japanese_label(store: Store, tid: int) -> None:
    sp = load_transcript(store, tid).turns[2].speaker
    set_speaker_details(store, sp.id, role="official", affiliation="NSC", label_ja="政府高官")
    got = load_transcript(store, tid).speakers[sp.id]
    assert (got.role, got.affiliation, got.label_ja) == ("official", "NSC", "政府高官")
    assert set_speaker_details(store, sp.id, role="official") is None  # no change, no step
    with pytest.raises(OperationFailed, match="unknown role 'boss'"):
        set_speaker_details(store, sp.id, role="boss")


def test_merge_moves_turns_and_deletes_the_other(store: Store, tid: int) -> None:
    view = load_transcript(store, tid)
    op_id, off_id = view.turns[0].speaker.id, view.turns[2].speaker.id
    event = merge_speakers(store, off_id, op_id)
    view = load_transcript(store, tid)
    assert op_id not in view.speakers
    assert [t.speaker.id for t in view.turns if t.speaker.id == off_id] == [off_id] * 3
    store.undo(event)
    view = load_transcript(store, tid)
    assert _speakers(store, tid)[0] == "OPERATOR" and view.turns[0].speaker.id == op_id
    with pytest.raises(OperationFailed, match="two different speakers"):
        merge_speakers(store, op_id, op_id)


def test_split_moves_chosen_turns_to_a_new_speaker(store: Store, tid: int) -> None:
    turns = load_transcript(store, tid).turns
    q = turns[1].speaker.id
    event = split_speaker(store, q, [turns[4].id, turns[5].id], name="Kyodo reporter")
    assert _speakers(store, tid) == ["OPERATOR", "Q", "OFFICIAL", "OPERATOR", "Kyodo reporter", "Kyodo reporter"]
    new = load_transcript(store, tid).turns[4].speaker
    assert (new.label_en, new.role) == ("Q", "other")
    with pytest.raises(OperationFailed, match="only turns of this speaker"):
        split_speaker(store, q, [turns[0].id])
    store.undo(event)
    assert _speakers(store, tid)[4] == "Q"
    assert len(load_transcript(store, tid).speakers) == 3


def test_change_the_speaker_of_a_turn(store: Store, tid: int) -> None:
    turns = load_transcript(store, tid).turns
    event = set_turn_speaker(store, turns[5].id, turns[2].speaker.id)
    assert _speakers(store, tid)[5] == "OFFICIAL"
    assert set_turn_speaker(store, turns[5].id, turns[2].speaker.id) is None
    set_turn_speaker(store, turns[5].id, None)
    assert _speakers(store, tid)[5] == "?"
    store.undo(event + 1)
    store.undo(event)
    assert _speakers(store, tid)[5] == "Q"


def test_accepting_a_suggestion_splits_a_shared_label(store: Store, tid: int) -> None:
    ken, inaudible = _add_suggestions(store, tid)
    store.set_annotator("Mika")
    event = accept_suggestion(store, ken)
    assert _speakers(store, tid) == ["OPERATOR", "Ken Moriyasu", "OFFICIAL", "OPERATOR", "Q", "Q"]
    view = load_transcript(store, tid)
    assert view.turns[1].speaker.affiliation == "Nikkei Asia"
    assert view.turns[1].suggestions[0].status == "accepted"
    with store.read() as s:
        assert s.get(SpeakerSuggestion, ken).decided_by_id is not None
    with pytest.raises(OperationFailed, match="already accepted"):
        accept_suggestion(store, ken)
    with pytest.raises(OperationFailed, match="name was inaudible"):
        accept_suggestion(store, inaudible)
    store.undo(event)
    assert _speakers(store, tid)[1] == "Q"
    assert len(load_transcript(store, tid).speakers) == 3


def test_accepting_for_the_only_turn_of_a_speaker_renames_it(store: Store, tid: int) -> None:
    turns = load_transcript(store, tid).turns
    split_speaker(store, turns[1].speaker.id, [turns[1].id])
    ken, _ = _add_suggestions(store, tid)
    before = len(load_transcript(store, tid).speakers)
    accept_suggestion(store, ken)
    assert len(load_transcript(store, tid).speakers) == before
    assert _speakers(store, tid)[1] == "Ken Moriyasu"


def test_accept_all_and_dismiss_all_are_one_step_each(store: Store, tid: int) -> None:
    ken, inaudible = _add_suggestions(store, tid)
    event = accept_all_suggestions(store, tid)
    view = load_transcript(store, tid)
    assert [s.status for t in view.turns for s in t.suggestions] == ["accepted", "pending"]
    assert accept_all_suggestions(store, tid) is None  # only the nameless one is left
    dismiss_all_suggestions(store, tid)
    assert [s.status for t in load_transcript(store, tid).turns for s in t.suggestions] == ["accepted", "dismissed"]
    assert dismiss_all_suggestions(store, tid) is None
    store.undo(event + 1)
    store.undo(event)
    assert [s.status for t in load_transcript(store, tid).turns for s in t.suggestions] == ["pending", "pending"]
    dismiss_suggestion(store, ken)
    with store.read() as s:
        assert s.scalar(select(SpeakerSuggestion.status).where(SpeakerSuggestion.id == ken)) == "dismissed"
