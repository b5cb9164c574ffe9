"""Assignment: the states, who may move them, undo, announcements -- on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from model.assignment.ops import assign, claim_next, list_work, transition
from model.assignment.tables import AssignmentChanged
from model.errors import NotFound, OperationFailed
from model.people import add_person
from model.store import Changes, Store
from tests.helpers import make_transcript

pytestmark = pytest.mark.both_engines


def _people(store: Store, *names: tuple[str, str]) -> None:
    with store.engine.begin() as conn:
        for name, role in names:
            add_person(conn, name, role, None)


def _state(store: Store, tid: int) -> tuple[str, str | None, str | None]:
    work = {w.transcript_id: w for w in list_work(store)}[tid]
    return work.state, work.annotator, work.reviewer


def test_a_transcript_goes_from_assigned_to_approved_and_back_when_rejected(store):
    tid = make_transcript(store, [("Q", [("Hello.", "こんにちは。")])])
    _people(store, ("aya", "annotator"), ("rita", "reviewer"))
    assert _state(store, tid) == ("unassigned", None, None)
    heard: list[Changes] = []
    store.subscribe(heard.append)
    assign(store, tid, "aya")
    assert _state(store, tid) == ("assigned", "aya", None)
    assert heard[-1].action == "Assign transcript" and heard[-1].transcript_ids == {tid}
    assert heard[-1].touches("assignment")
    transition(store, tid, "start")
    transition(store, tid, "submit")
    assign(store, tid, "rita", review=True)
    assert _state(store, tid) == ("submitted", "aya", "rita")
    transition(store, tid, "review")
    transition(store, tid, "reject", note="Speaker names are wrong")
    assert _state(store, tid) == ("in_progress", "aya", "rita")
    assert {w.transcript_id: w for w in list_work(store)}[tid].note == "Speaker names are wrong"
    transition(store, tid, "submit")
    transition(store, tid, "review")
    transition(store, tid, "approve")
    assert _state(store, tid) == ("approved", "aya", "rita")
    assert [h["action"] for h in store.history(tid)][:3] == ["Approve transcript", "Take for review",
                                                             "Submit for review"]


def test_a_step_from_the_wrong_state_is_refused_in_one_line_and_changes_nothing(store):
    tid = make_transcript(store, [("Q", [("Hello.", None)])])
    _people(store, ("aya", "annotator"))
    with pytest.raises(OperationFailed, match="cannot submit work: transcript .* is unassigned, not in progress"):
        transition(store, tid, "submit")
    assign(store, tid, "aya")
    with pytest.raises(OperationFailed, match="cannot approve work: .* is assigned, not in review"):
        transition(store, tid, "approve")
    with pytest.raises(NotFound, match="nobody called 'ken'"):
        assign(store, tid, "ken")
    with pytest.raises(NotFound, match="no transcript 999"):
        transition(store, 999, "start")
    assert _state(store, tid) == ("assigned", "aya", None)
    assert len(store.history(tid)) == 2  # made, assigned: the refusals wrote nothing


def test_undo_takes_a_step_back_but_not_over_someone_elses_later_step(store):
    tid = make_transcript(store, [("Q", [("Hello.", None)])])
    _people(store, ("aya", "annotator"), ("ken", "annotator"))
    first = assign(store, tid, "aya")
    second = assign(store, tid, "ken")  # reassigned
    store.undo(second)
    assert _state(store, tid) == ("assigned", "aya", None)
    store.redo(second)
    with pytest.raises(AssignmentChanged, match="assignment has changed since"):
        store.undo(first)  # ken has it now: undoing aya's assignment must not take it from him
    assert _state(store, tid) == ("assigned", "ken", None)


def test_next_hands_my_assigned_work_first_then_what_nobody_has(store):
    one = make_transcript(store, [("Q", [("One.", None)])], title="One")
    two = make_transcript(store, [("Q", [("Two.", None)])], title="Two")
    three = make_transcript(store, [("Q", [("Three.", None)])], title="Three")
    _people(store, ("tester", "annotator"), ("aya", "annotator"))
    assign(store, three, "tester")
    assign(store, one, "aya")
    claimed, _event = claim_next(store) or (None, None)
    assert claimed == three and _state(store, three) == ("in_progress", "tester", None)
    claimed, event = claim_next(store) or (None, None)
    assert claimed == two and _state(store, two) == ("in_progress", "tester", None)
    assert claim_next(store) is None  # aya has the last one
    assert [w.transcript_id for w in list_work(store, mine=True)] == [two, three]
    store.undo(event)  # a claim undone gives the transcript back
    assert _state(store, two) == ("unassigned", None, None)
    assert [w.transcript_id for w in list_work(store, mine=True)] == [three]


def test_deleting_a_transcript_takes_its_assignment_and_undo_brings_it_back(store):
    from model.ops.transcripts import delete_transcript

    tid = make_transcript(store, [("Q", [("Hello.", None)])])
    _people(store, ("aya", "annotator"))
    assign(store, tid, "aya")
    event = delete_transcript(store, tid)
    assert list_work(store) == []
    store.undo(event)
    assert _state(store, tid) == ("assigned", "aya", None)
