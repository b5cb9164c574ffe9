"""Alignment: split/merge segments, move translations, split/merge turns; texts, corrections
and gaps follow, and undo restores every row."""

from __future__ import annotations

import pytest

from model.errors import OperationFailed
from model.ops.alignment import merge_segments, merge_turns, move_translation, split_segment, split_turn
from model.ops.corrections import accept_correction, edit_text, reject_correction
from model.readmodel import load_transcript
from model.store import Store
from tests.helpers import make_transcript

EN = "We spoke to Kyoto News. Then (inaudible) left early."
JA = "京都ニュースと話しました。その後(聞き取れない)が早く帰りました。"


pytestmark = pytest.mark.both_engines


@pytest.fixture
def tid(store: Store) -> int:
    return make_transcript(store, [
        ("OFFICIAL", [(EN, JA), ("Second paragraph.", None)]),
        ("Q", [("A question.", "質問です。"), ("Another one.", None)]),
    ])


def _rows(store: Store, tid: int) -> list[tuple]:
    """What a reader sees: (turn position, speaker, segment position, en, ja, gap texts)."""
    out = []
    for turn in load_transcript(store, tid).turns:
        for seg in turn.segments:
            gaps = tuple((g.lang, (seg.corrected(g.lang) or "")[g.start:g.end]) for g in seg.gaps)
            out.append((turn.position, turn.speaker.display_name if turn.speaker else None, seg.position,
                        seg.en, seg.ja, gaps))
    return out


def _segs(store: Store, tid: int):
    return [s for _t, s in load_transcript(store, tid).segments()]


def test_split_segment_moves_corrections_and_gaps_with_their_text(store: Store, tid: int) -> None:
    sid = _segs(store, tid)[0].id
    edit_text(store, sid, "en", EN.replace("Kyoto", "Kyodo"))
    edit_text(store, sid, "en", EN.replace("Kyoto", "Kyodo").replace("early", "at noon"))
    before = _rows(store, tid)
    cut = EN.index("Then")
    event = split_segment(store, sid, "en", cut, other_position=JA.index("その後"))
    first, second = _segs(store, tid)[:2]
    assert first.en == "We spoke to Kyodo News. " and second.en == "Then (inaudible) left at noon."
    assert first.ja == "京都ニュースと話しました。" and second.ja == "その後(聞き取れない)が早く帰りました。"
    assert first.en_orig == "We spoke to Kyoto News. " and second.en_orig == "Then (inaudible) left early."
    assert [len(first.corrections), len(second.corrections)] == [1, 1]
    assert sorted(g.lang for g in second.gaps) == ["en", "ja"] and first.gaps == []
    assert second.en[second.gaps_in("en")[0].start:second.gaps_in("en")[0].end] == "(inaudible)"
    assert [s.position for s in _segs(store, tid)[:3]] == [0, 1, 2]
    reject_correction(store, second.corrections[0].id)  # a moved correction still reviews normally
    assert _segs(store, tid)[1].en == "Then (inaudible) left early."
    store.undo(event + 1)
    store.undo(event)
    assert _rows(store, tid) == before
    store.redo(event)
    assert _segs(store, tid)[1].en == "Then (inaudible) left at noon."


def test_split_leaves_the_translation_with_the_first_part_by_default(store: Store, tid: int) -> None:
    sid = _segs(store, tid)[0].id
    split_segment(store, sid, "ja", JA.index("その後"))
    first, second = _segs(store, tid)[:2]
    assert (first.en, first.ja) == (EN, "京都ニュースと話しました。")
    assert (second.en, second.ja) == (None, "その後(聞き取れない)が早く帰りました。")


def test_split_refuses_a_cursor_in_a_gap_or_correction_or_at_an_end(store: Store, tid: int) -> None:
    sid = _segs(store, tid)[0].id
    edit_text(store, sid, "en", EN.replace("Kyoto News", "Kyodo News agency"))
    before = _rows(store, tid)
    with pytest.raises(OperationFailed, match="inside a gap"):
        split_segment(store, sid, "en", EN.index("(inaudible)") + 11 + 3)
    with pytest.raises(OperationFailed, match="inside a corrected passage"):
        split_segment(store, sid, "en", EN.index("News") + 3)
    with pytest.raises(OperationFailed, match="inside the text"):
        split_segment(store, sid, "en", 0)
    assert _rows(store, tid) == before


def test_merge_joins_with_a_space_and_split_merge_round_trips(store: Store, tid: int) -> None:
    sid = _segs(store, tid)[0].id
    split_segment(store, sid, "en", EN.index("Then"), other_position=JA.index("その後"))
    second = _segs(store, tid)[1]
    edit_text(store, second.id, "en", second.en.replace("early", "late"))  # a later id on the right part
    edit_text(store, sid, "en", "So we spoke to Kyoto News. ")            # and after it, on the left part
    event = merge_segments(store, sid)
    merged = _segs(store, tid)[0]
    assert merged.en == "So we spoke to Kyoto News. Then (inaudible) left late."
    assert merged.en_orig == EN and merged.ja == JA
    assert sorted(merged.corrected(g.lang)[g.start:g.end] for g in merged.gaps) == ["(inaudible)", "(聞き取れない)"]
    assert [s.position for s in _segs(store, tid)[:2]] == [0, 1]
    store.undo(event)
    assert _segs(store, tid)[1].en == "Then (inaudible) left late."


def test_merge_two_paragraphs_adds_a_space_in_english_only(store: Store, tid: int) -> None:
    sid = _segs(store, tid)[2].id
    merge_segments(store, sid)
    seg = _segs(store, tid)[2]
    assert (seg.en, seg.ja) == ("A question. Another one.", "質問です。")
    with pytest.raises(OperationFailed, match="last segment of its turn"):
        merge_segments(store, sid)


def test_move_translation_down_into_an_untranslated_segment_and_back(store: Store, tid: int) -> None:
    first = _segs(store, tid)[0]
    edit_text(store, first.id, "ja", JA.replace("京都", "共同"))
    before = _rows(store, tid)
    event = move_translation(store, first.id, +1)
    a, b = _segs(store, tid)[:2]
    assert (a.en, a.ja) == (EN, None)
    assert (b.en, b.ja) == ("Second paragraph.", JA.replace("京都", "共同"))
    assert b.ja[b.gaps_in("ja")[0].start:b.gaps_in("ja")[0].end] == "(聞き取れない)"
    move_translation(store, b.id, -1)
    assert _rows(store, tid)[0][3:] == before[0][3:]
    store.undo(event + 1)
    store.undo(event)
    assert _rows(store, tid) == before
    with pytest.raises(OperationFailed, match="no segment above"):
        move_translation(store, first.id, -1)


def test_move_translation_crosses_turns(store: Store, tid: int) -> None:
    segs = _segs(store, tid)
    move_translation(store, segs[2].id, -1)
    segs = _segs(store, tid)
    assert (segs[1].ja, segs[2].ja) == ("質問です。", None)


def test_split_and_merge_turns(store: Store, tid: int) -> None:
    before = _rows(store, tid)
    second = _segs(store, tid)[1]
    event = split_turn(store, second.id)
    rows = _rows(store, tid)
    assert [(r[0], r[1], r[2]) for r in rows] == [(0, "OFFICIAL", 0), (1, "OFFICIAL", 0), (2, "Q", 0), (2, "Q", 1)]
    with pytest.raises(OperationFailed, match="already starts its turn"):
        split_turn(store, second.id)
    turns = load_transcript(store, tid).turns
    merge_turns(store, turns[1].id)  # OFFICIAL's second half absorbs Q's turn
    rows = _rows(store, tid)
    assert [(r[0], r[1], r[2]) for r in rows] == [(0, "OFFICIAL", 0), (1, "OFFICIAL", 0), (1, "OFFICIAL", 1),
                                                  (1, "OFFICIAL", 2)]
    with pytest.raises(OperationFailed, match="last turn"):
        merge_turns(store, load_transcript(store, tid).turns[-1].id)
    store.undo(event + 1)
    store.undo(event)
    assert _rows(store, tid) == before


def test_rejecting_the_middle_of_three_corrections_then_split_and_merge_keeps_the_others_in_place(
        store: Store) -> None:
    text = "Officials from Kyoto met us. Later Kyoto News asked about Kyoto again."
    tid = make_transcript(store, [("Q", [(text, None), ("Next.", None)])])
    sid = _segs(store, tid)[0].id
    first = text.replace("Officials", "Two officials")
    second = first.replace("Later ", "Later, after the break, ")
    third = second.replace("Kyoto News", "Kyodo News")  # recorded as the single letter t -> d
    for step in (first, second, third):
        edit_text(store, sid, "en", step)
    middle = _segs(store, tid)[0].corrections[1].id
    reject_correction(store, middle)
    shown = "Two officials from Kyoto met us. Later Kyodo News asked about Kyoto again."
    assert _segs(store, tid)[0].en == shown  # not "asked aboud": the t -> d stays on Kyoto News
    split_segment(store, sid, "en", shown.index("Later"))
    assert [s.en for s in _segs(store, tid)[:2]] == ["Two officials from Kyoto met us. ",
                                                     "Later Kyodo News asked about Kyoto again."]
    merge_segments(store, sid)
    merged = _segs(store, tid)[0]
    assert (merged.en, merged.en_orig, merged.conflicts) == (shown, text, ())
    accept_correction(store, middle)  # the rejected one comes back where it was made, too
    assert _segs(store, tid)[0].en == third


def test_split_with_the_translation_cut_at_its_start_moves_all_of_it_to_the_second_part(store: Store, tid: int):
    sid = _segs(store, tid)[0].id
    edit_text(store, sid, "ja", JA.replace("京都", "共同"))
    split_segment(store, sid, "en", EN.index("Then"), other_position=0)
    first, second = _segs(store, tid)[:2]
    assert (first.en, second.en) == ("We spoke to Kyoto News. ", "Then (inaudible) left early.")
    assert not first.ja and second.ja == JA.replace("京都", "共同")
    assert [len(first.corrections), len(second.corrections)] == [0, 1]


DOUBTFUL = ("The harbour board met for three hours this morning and agreed on the timetable, the fares, the "
            "inspectors, the training budget, the southern route study, and the date of the next meeting, "
            "which will be held in the autumn once the parliaments have approved the fund.\n\n"
            "はい。\n\n"
            "The board also thanked the inspectors.\n\n"
            "OFFICIAL: Thank you.\n\n"
            "高官：ありがとうございます。\n")


@pytest.mark.parametrize("repair", ["split", "move"])
def test_re_pairing_a_doubtful_pair_answers_its_check_this_pairing_finding(store: Store, repair: str) -> None:
    from model.importer import import_text
    from model.qa import run_checks

    tid = import_text(store, DOUBTFUL)
    doubtful = next(s for _, s in load_transcript(store, tid).segments() if s.confidence is not None
                    and s.confidence < 0.5)
    assert [f.segment_id for f in run_checks(store, tid) if f.check == "pairing"] == [doubtful.id]
    if repair == "split":
        event = split_segment(store, doubtful.id, "en", 40)
    else:
        event = move_translation(store, doubtful.id, 1, "en")  # its Japanese now faces the next English
    assert [f for f in run_checks(store, tid) if f.check == "pairing"] == []
    # The import's record stays: how the segment was paired and how sure the importer was.
    after = next(s for _, s in load_transcript(store, tid).segments() if s.id == doubtful.id)
    assert (after.pairing, after.confidence) == (doubtful.pairing, doubtful.confidence)
    store.undo(event)  # one step: the re-pairing and the answered doubt go back together
    assert [f.segment_id for f in run_checks(store, tid) if f.check == "pairing"] == [doubtful.id]
