"""Corrections: editing text, reviewing, reverting -- each one undoable step, gaps kept on their text."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from model.errors import NotFound, OperationFailed
from model.ops.corrections import accept_correction, edit_text, reject_correction, revert_segment
from model.readmodel import load_segment, load_transcript
from model.schema import ChangeEvent, Correction
from model.store import Store
from tests.helpers import make_transcript

EN = "Ken Moriyasu from (inaudible) Asia asked about Kyoto News."
JA = "日経(聞き取れない)の森安さんが質問しました。"


pytestmark = pytest.mark.both_engines


@pytest.fixture
def seg_id(store: Store) -> int:
    tid = make_transcript(store, [("OPERATOR", [(EN, JA), ("Next caller.", None)])])
    return load_transcript(store, tid).turns[0].segments[0].id


def _events(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(ChangeEvent))


def _gap_texts(store: Store, sid: int, lang: str) -> list[str]:
    view = load_segment(store, sid)
    text = view.corrected(lang)
    return [text[g.start:g.end] for g in view.gaps_in(lang)]


def test_edit_records_one_correction_and_keeps_the_original(store: Store, seg_id: int) -> None:
    event = edit_text(store, seg_id, "en", EN.replace("Kyoto", "Kyodo"), category="mishearing", note="agency name")
    view = load_segment(store, seg_id)
    assert view.en == EN.replace("Kyoto", "Kyodo")
    assert view.en_orig == EN
    [c] = view.corrections
    assert (c.before, c.after, c.category, c.note, c.annotator) == ("t", "d", "mishearing", "agency name", "tester")
    assert view.review_state == "edited"
    assert store.history(load_transcript(store, 1).id)[0]["id"] == event


def test_edit_before_a_gap_moves_it_and_undo_redo_restore(store: Store, seg_id: int) -> None:
    new = "Mr. " + EN
    event = edit_text(store, seg_id, "en", new)
    assert _gap_texts(store, seg_id, "en") == ["(inaudible)"]
    store.undo(event)
    view = load_segment(store, seg_id)
    assert (view.en, view.review_state, view.corrections) == (EN, "not_reviewed", [])
    assert _gap_texts(store, seg_id, "en") == ["(inaudible)"]
    store.redo(event)
    assert load_segment(store, seg_id).en == new
    assert _gap_texts(store, seg_id, "en") == ["(inaudible)"]


def test_japanese_edit_and_an_untranslated_segment_gets_a_translation(store: Store, seg_id: int) -> None:
    edit_text(store, seg_id, "ja", JA.replace("森安", "森安健"))
    assert load_segment(store, seg_id).ja == "日経(聞き取れない)の森安健さんが質問しました。"
    assert _gap_texts(store, seg_id, "ja") == ["(聞き取れない)"]
    other = seg_id + 1
    assert load_segment(store, other).ja is None
    edit_text(store, other, "ja", "次の方どうぞ。")
    assert load_segment(store, other).ja == "次の方どうぞ。"


def test_unchanged_text_records_nothing(store: Store, seg_id: int) -> None:
    before = _events(store)
    assert edit_text(store, seg_id, "en", EN) is None
    assert _events(store) == before


def test_bad_edits_fail_in_one_line_and_change_nothing(store: Store, seg_id: int) -> None:
    before = _events(store)
    with pytest.raises(NotFound, match="^segment 999 does not exist$"):
        edit_text(store, 999, "en", "x")
    with pytest.raises(OperationFailed, match="unknown language 'fr'"):
        edit_text(store, seg_id, "fr", "x")
    with pytest.raises(OperationFailed, match="unknown correction category"):
        edit_text(store, seg_id, "en", "x", category="grammar")
    assert _events(store) == before
    assert load_segment(store, seg_id).en == EN


def test_typing_over_the_marker_keeps_the_gap_on_the_new_words(store: Store, seg_id: int) -> None:
    edit_text(store, seg_id, "en", EN.replace("(inaudible)", "Nikkei"))
    assert _gap_texts(store, seg_id, "en") == ["Nikkei"]


def test_deleting_the_marker_removes_the_gap_and_undo_brings_it_back(store: Store, seg_id: int) -> None:
    event = edit_text(store, seg_id, "en", EN.replace("(inaudible) ", ""))
    assert _gap_texts(store, seg_id, "en") == []
    store.undo(event)
    assert _gap_texts(store, seg_id, "en") == ["(inaudible)"]


def test_reject_drops_a_correction_and_gaps_follow(store: Store, seg_id: int) -> None:
    edit_text(store, seg_id, "en", "Operator: " + EN)
    edit_text(store, seg_id, "en", "Operator: " + EN.replace("Kyoto", "Kyodo"))
    first = load_segment(store, seg_id).corrections[0]
    store.set_annotator("reviewer")
    event = reject_correction(store, first.id)
    view = load_segment(store, seg_id)
    assert view.en == EN.replace("Kyoto", "Kyodo")  # the later correction still applies
    assert _gap_texts(store, seg_id, "en") == ["(inaudible)"]
    with store.read() as s:
        row = s.get(Correction, first.id)
        assert row.status == "rejected" and row.reviewed_by_id is not None and row.reviewed_at is not None
    with pytest.raises(OperationFailed, match="already rejected"):
        reject_correction(store, first.id)
    store.undo(event)
    assert load_segment(store, seg_id).en == "Operator: " + EN.replace("Kyoto", "Kyodo")
    assert _gap_texts(store, seg_id, "en") == ["(inaudible)"]


def test_accepting_keeps_the_text_and_brings_back_a_rejected_correction(store: Store, seg_id: int) -> None:
    edit_text(store, seg_id, "en", EN.replace("Kyoto", "Kyodo"))
    cid = load_segment(store, seg_id).corrections[0].id
    accept_correction(store, cid)
    assert load_segment(store, seg_id).corrections[0].status == "accepted"
    with pytest.raises(OperationFailed, match="already accepted"):
        accept_correction(store, cid)
    reject_correction(store, cid)
    assert load_segment(store, seg_id).en == EN
    accept_correction(store, cid)
    assert load_segment(store, seg_id).en == EN.replace("Kyoto", "Kyodo")


def test_rejecting_an_inserted_marker_removes_its_gap_only(store: Store, seg_id: int) -> None:
    from model.ops.gaps import insert_gap

    at = EN.index("asked")
    insert_gap(store, seg_id, "en", at)
    assert _gap_texts(store, seg_id, "en") == ["(inaudible)", "(inaudible)"]
    view = load_segment(store, seg_id)
    imported = [g.id for g in view.gaps_in("en") if g.origin == "import"]
    reject_correction(store, view.corrections[0].id)
    view = load_segment(store, seg_id)
    assert view.en == EN
    assert [g.id for g in view.gaps_in("en")] == imported
    assert _gap_texts(store, seg_id, "en") == ["(inaudible)"]


def test_revert_brings_back_the_original_and_gap_positions(store: Store, seg_id: int) -> None:
    edit_text(store, seg_id, "en", "So, " + EN)
    edit_text(store, seg_id, "en", "So, " + EN.replace("Asia", "Asia newspaper"))
    edit_text(store, seg_id, "ja", "はい、" + JA)
    event = revert_segment(store, seg_id, "en")
    view = load_segment(store, seg_id)
    assert view.en == EN and view.ja == "はい、" + JA
    assert [(g.start, g.end) for g in view.gaps_in("en")] == [(EN.index("("), EN.index(")") + 1)]
    assert view.review_state == "edited"  # the Japanese edit still counts
    assert revert_segment(store, seg_id, "en") is None  # nothing left to revert
    revert_segment(store, seg_id)
    view = load_segment(store, seg_id)
    assert (view.ja, view.review_state) == (JA, "not_reviewed")
    assert _gap_texts(store, seg_id, "ja") == ["(聞き取れない)"]
    store.undo(event + 1)
    store.undo(event)
    assert load_segment(store, seg_id).en == "So, " + EN.replace("Asia", "Asia newspaper")
    assert _gap_texts(store, seg_id, "en") == ["(inaudible)"]


def test_edits_are_attributed_to_the_acting_annotator(store: Store, seg_id: int) -> None:
    store.set_annotator("Aiko")
    edit_text(store, seg_id, "en", EN + " Thanks.")
    [c] = load_segment(store, seg_id).corrections
    assert c.annotator == "Aiko" and c.created_at is not None
    assert store.history(1)[0]["annotator"] == "Aiko"


def test_category_and_note_can_be_set_afterwards(store: Store, seg_id: int) -> None:
    from model.ops.corrections import set_correction_details

    edit_text(store, seg_id, "en", EN.replace("Kyoto", "Kyodo"))
    cid = load_segment(store, seg_id).corrections[0].id
    event = set_correction_details(store, cid, category="mishearing", note=" the agency ")
    c = load_segment(store, seg_id).corrections[0]
    assert (c.category, c.note) == ("mishearing", "the agency")
    assert set_correction_details(store, cid, category="mishearing", note="the agency") is None
    with pytest.raises(OperationFailed, match="unknown correction category"):
        set_correction_details(store, cid, category="nonsense")
    store.undo(event)
    assert load_segment(store, seg_id).corrections[0].category is None


def test_rejecting_one_of_two_inserted_markers_keeps_the_other_ones_gap(store: Store) -> None:
    from model.ops.gaps import insert_gap

    tid = make_transcript(store, [("Q", [("We met the minister.", None)])])
    sid = load_transcript(store, tid).turns[0].segments[0].id
    insert_gap(store, sid, "en", len("We met the minister."))
    insert_gap(store, sid, "en", len("We met the minister.(inaudible)"))
    view = load_segment(store, sid)
    assert view.en == "We met the minister.(inaudible)(inaudible)"
    later = max(view.gaps_in("en"), key=lambda g: g.start)
    reject_correction(store, view.corrections[0].id)
    view = load_segment(store, sid)
    assert view.en == "We met the minister.(inaudible)"
    [gap] = view.gaps_in("en")
    assert (gap.id, view.en[gap.start:gap.end]) == (later.id, "(inaudible)")
