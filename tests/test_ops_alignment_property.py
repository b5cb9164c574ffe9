"""Property: splitting a corrected segment anywhere allowed keeps every character of the
corrected text, and merging the parts back gives it again (joined as documented)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.errors import OperationFailed
from model.ops.alignment import merge_segments, split_segment
from model.ops.corrections import edit_text, reject_correction
from model.readmodel import load_transcript
from tests.helpers import make_transcript

WORDS = ["the", "alliance", "Kyoto", "News", "(inaudible)", "said", "on", "Monday,", "we", "expect"]


@st.composite
def cases(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=9))
    edits = draw(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 6), st.sampled_from(["", "X", "new words "])),
                          max_size=4))
    reject = draw(st.one_of(st.none(), st.integers(0, 3)))
    cut = draw(st.integers(1, 200))
    return " ".join(words), edits, reject, cut


def _split_then_merge(store, case):
    text, edits, reject, cut = case
    tid = make_transcript(store, [("Q", [(text, "日本語の訳。"), ("Next.", None)])])
    sid = load_transcript(store, tid).turns[0].segments[0].id
    current = text
    for at, length, new in edits:
        at = at % (len(current) + 1)
        current = current[:at] + new + current[at + length:]
        edit_text(store, sid, "en", current)
    cors = [c for c in load_transcript(store, tid).turns[0].segments[0].corrections]
    if reject is not None and reject < len(cors):
        reject_correction(store, cors[reject].id)
    seg = load_transcript(store, tid).turns[0].segments[0]
    before, gaps_before = seg.en, sorted(seg.en[g.start:g.end] for g in seg.gaps_in("en"))
    cut = cut % len(before) if len(before) > 1 else 0
    try:
        split_segment(store, sid, "en", cut)
    except OperationFailed:
        return  # inside a gap, a corrected passage, or at an end: refused, nothing changed
    first, second = load_transcript(store, tid).turns[0].segments[:2]
    assert (first.en or "") + (second.en or "") == before
    assert sorted([first.en[g.start:g.end] for g in first.gaps_in("en")]
                  + [second.en[g.start:g.end] for g in second.gaps_in("en")]) == gaps_before
    merge_segments(store, sid)
    merged = load_transcript(store, tid).turns[0].segments[0]
    left, right = first.en_orig or "", second.en_orig or ""
    sep = " " if left and right and not left[-1].isspace() and not right[0].isspace() else ""
    assert merged.en == (first.en or "") + sep + (second.en or "")
    assert sorted(merged.en[g.start:g.end] for g in merged.gaps_in("en")) == gaps_before


def test_split_then_merge_keeps_the_corrected_text(store):
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(cases().filter(lambda case: case[2] is None))
    def check(case):
        _split_then_merge(store, case)

    check()


@pytest.mark.xfail(strict=True, reason="known bug: after a correction in the middle of a chain is rejected, "
                   "a later correction is relocated by text search, and split+merge can relocate it elsewhere")
def test_split_then_merge_after_a_rejected_correction(store):
    _split_then_merge(store, ("Kyoto News", [(97, 0, "X"), (0, 0, "new words "), (2, 2, "")], 1, 162))
