"""model.filters: which segments a pane filter shows, and the next open gap in reading order."""

from __future__ import annotations

import pytest

from model.filters import count_open_gap_segments, matching_segments, next_open_gap
from model.ops.corrections import edit_text
from model.ops.flags import add_flag
from model.ops.review_state import approve
from model.readmodel import load_transcript
from tests.factory import make_transcript


@pytest.fixture
def segs(store):
    tid = make_transcript(store)
    return tid, [s.id for _t, s in load_transcript(store, tid).segments()]


def test_each_filter(store, segs):
    tid, (title, welcome, question) = segs
    assert matching_segments(store, tid, "untranslated") == {question}  # the title is not speech
    assert matching_segments(store, tid, "open_gaps") == {question}
    assert matching_segments(store, tid, "corrected") == {welcome}
    assert matching_segments(store, tid, "flagged") == set()
    add_flag(store, question, "other", "check")
    assert matching_segments(store, tid, "flagged") == {question}
    approve(store, [welcome])
    assert matching_segments(store, tid, "unapproved") == {title, question}
    edit_text(store, question, "ja", "いつ開きますか。")  # a translation given: no longer untranslated
    assert matching_segments(store, tid, "untranslated") == set()
    assert matching_segments(store, tid, "corrected", among=[question]) == {question}
    with pytest.raises(ValueError):
        matching_segments(store, tid, "nonsense")


def test_next_open_gap_wraps_and_skips(store, segs):
    tid, (title, welcome, question) = segs
    assert next_open_gap(store, tid, title) == (question, "en")
    assert next_open_gap(store, tid, question) == (question, "en")  # the only one: wraps onto itself
    assert next_open_gap(store, tid, welcome, backwards=True) == (question, "en")
    assert next_open_gap(store, tid, None) == (question, "en")
    assert next_open_gap(store, tid, title, skip={question}) is None
    assert count_open_gap_segments(store, tid) == 1
