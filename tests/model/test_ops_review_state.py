"""Review state: approve and withdraw approval; editing an approved segment needs review again."""

from __future__ import annotations

import pytest

from model.errors import NotFound, OperationFailed
from model.ops.corrections import edit_text
from model.ops.review_state import approve, set_review_state, unapprove
from model.readmodel import load_transcript
from model.store import Store
from tests.helpers import make_transcript

pytestmark = pytest.mark.both_engines


def test_approve_edit_and_unapprove(store: Store) -> None:
    tid = make_transcript(store, [("Q", [("One.", "一。"), ("Two.", "二。")])])
    a, b = (s.id for _t, s in load_transcript(store, tid).segments())
    event = approve(store, [a, b])
    assert [s.review_state for _t, s in load_transcript(store, tid).segments()] == ["approved", "approved"]
    assert approve(store, a) is None
    edit_text(store, a, "en", "One!")
    assert [s.review_state for _t, s in load_transcript(store, tid).segments()] == ["edited", "approved"]
    unapprove(store, b)
    assert [s.review_state for _t, s in load_transcript(store, tid).segments()] == ["edited", "not_reviewed"]
    store.undo(event + 2)
    store.undo(event + 1)
    store.undo(event)
    assert [s.review_state for _t, s in load_transcript(store, tid).segments()] == ["not_reviewed"] * 2
    with pytest.raises(OperationFailed, match="unknown review state"):
        set_review_state(store, a, "done")
    with pytest.raises(NotFound):
        approve(store, [a, 999])
    assert load_transcript(store, tid).turns[0].segments[0].review_state == "not_reviewed"
