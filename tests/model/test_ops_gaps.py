"""Gaps: mark, insert, fill, unrecoverable, reopen, link across languages -- with undo."""

from __future__ import annotations

import pytest

from model.errors import NotFound, OperationFailed
from model.ops.gaps import (
    fill_gap,
    insert_gap,
    link_gaps,
    link_proposed,
    mark_gap,
    mark_unrecoverable,
    propose_counterparts,
    remove_gap,
    reopen_gap,
    unlink_gap,
)
from model.readmodel import load_segment, load_transcript
from model.store import Store
from tests.helpers import make_transcript

EN = "We met (inaudible) and then (inaudible) in Tokyo."
JA = "私たちは(聞き取れない)と会い、東京で(聞き取れない)。"


pytestmark = pytest.mark.both_engines


@pytest.fixture
def sid(store: Store) -> int:
    tid = make_transcript(store, [("OFFICIAL", [(EN, JA), ("Thank you.", "ありがとう。")])])
    return load_transcript(store, tid).turns[0].segments[0].id


def test_mark_selected_text_as_a_gap_and_undo(store: Store, sid: int) -> None:
    other = sid + 1
    event = mark_gap(store, other, "en", 0, 5)
    [gap] = load_segment(store, other).gaps
    assert (gap.text, gap.status, gap.origin, gap.lang) == ("Thank", "open", "annotator", "en")
    with pytest.raises(OperationFailed, match="overlaps the gap 'Thank'"):
        mark_gap(store, other, "en", 3, 8)
    with pytest.raises(OperationFailed, match="select some text"):
        mark_gap(store, other, "en", 4, 4)
    store.undo(event)
    assert load_segment(store, other).gaps == []


def test_insert_gap_adds_the_marker_as_a_correction(store: Store, sid: int) -> None:
    other = sid + 1
    event = insert_gap(store, other, "ja", 0)
    view = load_segment(store, other)
    assert view.ja == "(聞き取れない)ありがとう。"
    assert view.ja_orig == "ありがとう。"
    [gap] = view.gaps_in("ja")
    assert (gap.start, gap.end, gap.origin) == (0, 8, "annotator")
    store.undo(event)
    view = load_segment(store, other)
    assert (view.ja, view.gaps, view.corrections) == ("ありがとう。", [], [])
    store.redo(event)
    assert load_segment(store, other).ja == "(聞き取れない)ありがとう。"


def test_insert_gap_before_an_existing_gap_moves_it(store: Store, sid: int) -> None:
    insert_gap(store, sid, "en", 0)
    view = load_segment(store, sid)
    assert view.en == "(inaudible)" + EN
    assert [view.en[g.start:g.end] for g in view.gaps_in("en")] == ["(inaudible)"] * 3
    with pytest.raises(OperationFailed, match="inside a gap"):
        insert_gap(store, sid, "en", 3)
    with pytest.raises(OperationFailed, match="outside the text"):
        insert_gap(store, sid, "en", 999)


def test_fill_unrecoverable_reopen(store: Store, sid: int) -> None:
    gap = load_segment(store, sid).gaps_in("en")[0]
    store.set_annotator("Ken")
    e1 = fill_gap(store, gap.id, " the Prime Minister ", "certain")
    g = load_segment(store, sid).gaps_in("en")[0]
    assert (g.status, g.proposed_text, g.confidence) == ("filled", "the Prime Minister", "certain")
    assert load_segment(store, sid).en == EN  # the text is unchanged: a filled gap stays visible
    with pytest.raises(OperationFailed, match="unknown confidence"):
        fill_gap(store, gap.id, "x", "sure")
    with pytest.raises(OperationFailed, match="type what was said"):
        fill_gap(store, gap.id, "  ")
    mark_unrecoverable(store, gap.id)
    assert load_segment(store, sid).gaps_in("en")[0].status == "unrecoverable"
    with pytest.raises(OperationFailed, match="already marked unrecoverable"):
        mark_unrecoverable(store, gap.id)
    reopen_gap(store, gap.id)
    assert load_segment(store, sid).gaps_in("en")[0].status == "open"
    with pytest.raises(OperationFailed, match="already open"):
        reopen_gap(store, gap.id)
    with pytest.raises(NotFound, match="gap 999 does not exist"):
        fill_gap(store, 999, "x")
    store.undo(e1 + 2)
    store.undo(e1 + 1)
    assert load_segment(store, sid).gaps_in("en")[0].status == "filled"


def test_counterparts_are_proposed_by_order_and_linked(store: Store, sid: int) -> None:
    view = load_segment(store, sid)
    en, ja = view.gaps_in("en"), view.gaps_in("ja")
    assert propose_counterparts(view) == [(en[0].id, ja[0].id), (en[1].id, ja[1].id)]
    link_gaps(store, en[0].id, ja[1].id)
    view = load_segment(store, sid)
    assert {g.id: g.counterpart_id for g in view.gaps} == {en[0].id: ja[1].id, ja[1].id: en[0].id,
                                                          en[1].id: None, ja[0].id: None}
    assert propose_counterparts(view) == [(en[1].id, ja[0].id)]
    link_gaps(store, en[0].id, ja[0].id)  # relinking drops the old partner's link
    view = load_segment(store, sid)
    assert {g.id: g.counterpart_id for g in view.gaps}[ja[1].id] is None
    with pytest.raises(OperationFailed, match="other language"):
        link_gaps(store, en[0].id, en[1].id)
    unlink_gap(store, en[0].id)
    assert all(g.counterpart_id is None for g in load_segment(store, sid).gaps)
    with pytest.raises(OperationFailed, match="no counterpart"):
        unlink_gap(store, en[0].id)
    link_proposed(store, [sid])
    view = load_segment(store, sid)
    assert {g.id: g.counterpart_id for g in view.gaps}[en[1].id] == ja[1].id


def test_gaps_in_different_segments_cannot_be_linked(store: Store, sid: int) -> None:
    mark_gap(store, sid + 1, "ja", 0, 2)
    other = load_segment(store, sid + 1).gaps[0]
    with pytest.raises(OperationFailed, match="same segment"):
        link_gaps(store, load_segment(store, sid).gaps_in("en")[0].id, other.id)


def test_remove_gap_leaves_the_text(store: Store, sid: int) -> None:
    gap = load_segment(store, sid).gaps_in("en")[0]
    event = remove_gap(store, gap.id)
    view = load_segment(store, sid)
    assert view.en == EN and len(view.gaps_in("en")) == 1
    store.undo(event)
    assert len(load_segment(store, sid).gaps_in("en")) == 2
