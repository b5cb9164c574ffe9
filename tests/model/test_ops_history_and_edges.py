"""What the History tab lists for each operation (its name, on the transcript's own list), the
one-line refusals, and edges of operations that mutation testing found untested (docs/mutation.md)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from model.errors import OperationFailed
from model.ops import alignment, comments, flags, gaps, review_state, speakers
from model.ops.find_replace import replace_all
from model.readmodel import load_transcript
from model.schema import Flag, SpeakerSuggestion
from model.store import Store
from tests.helpers import make_transcript

EN = "Then (inaudible) left early."
JA = "その後(聞き取れない)が早く帰りました。"


@pytest.fixture
def tid(store: Store) -> int:
    return make_transcript(store, [
        ("OFFICIAL", [(EN, JA), ("Second paragraph.", None)]),
        ("Q", [("NHK asked a question.", "NHKが質問しました。")]),
    ])


def _last(store: Store, tid: int) -> dict:
    return store.history(tid)[0]


def _flag_id(store: Store, sid: int) -> int:
    with store.read() as s:
        return s.scalars(select(Flag.id).where(Flag.segment_id == sid).order_by(Flag.id.desc())).first()


def test_each_operation_is_listed_by_name_in_its_transcripts_history(store: Store, tid: int) -> None:
    view = load_transcript(store, tid)
    (t1, t2) = view.turns
    s1, s2, s3 = t1.segments[0], t1.segments[1], t2.segments[0]
    gap = s1.gaps_in("en")[0]

    gaps.fill_gap(store, gap.id, "the minister")
    assert _last(store, tid)["action"] == "Fill gap"
    gaps.remove_gap(store, gap.id)
    assert _last(store, tid)["action"] == "Remove gap"
    speakers.set_turn_speaker(store, t2.id, t1.speaker.id)
    assert _last(store, tid)["action"] == "Change speaker of turn"
    speakers.split_speaker(store, t1.speaker.id, [t2.id], name="Aya Mori")
    assert _last(store, tid)["action"] == "Split speaker"
    alignment.move_translation(store, s1.id, 1)
    assert _last(store, tid)["action"] == "Move translation down"
    alignment.move_translation(store, s2.id, -1)
    assert _last(store, tid)["action"] == "Move translation up"
    review_state.approve(store, [s1.id])
    assert _last(store, tid)["action"] == "Approve segment"
    review_state.approve(store, [s2.id, s3.id])
    assert _last(store, tid)["action"] == "Approve segments"
    flags.add_flag(store, s3.id, "other", "Check the name")
    fid = _flag_id(store, s3.id)
    flags.reply_to_flag(store, fid, "It is NHK.")
    assert _last(store, tid)["action"] == "Reply to flag"
    flags.wontfix_flag(store, fid)
    assert _last(store, tid)["action"] == "Close flag (won't fix)"
    comments.set_comment(store, s3.id, "Ask the desk")
    comments.set_comment(store, s3.id, None)
    assert (_last(store, tid)["action"], _last(store, tid)["description"]) == ("Comment", f"segment {s3.id}: removed")


def test_dismissing_all_suggestions_is_listed_by_name(store: Store) -> None:
    from tests.factory import make_transcript as make_with_suggestion

    tid = make_with_suggestion(store)
    speakers.dismiss_all_suggestions(store, tid)
    assert _last(store, tid)["action"] == "Dismiss all speaker suggestions"


def test_refusals_are_one_plain_line(store: Store, tid: int) -> None:
    s1 = load_transcript(store, tid).turns[0].segments[0]
    with pytest.raises(OperationFailed, match=r"^select some text to mark as a gap$"):
        gaps.mark_gap(store, s1.id, "en", 3, 3)
    flags.add_flag(store, s1.id, "other", "Check")
    fid = _flag_id(store, s1.id)
    with pytest.raises(OperationFailed, match=r"^a reply cannot be empty$"):
        flags.reply_to_flag(store, fid, "   ")
    with pytest.raises(OperationFailed, match=r"^a reply is limited to 10,000 characters; this one has 10,001$"):
        flags.reply_to_flag(store, fid, "x" * 10_001)


def test_resolving_a_flag_without_a_note_leaves_no_note(store: Store, tid: int) -> None:
    s1 = load_transcript(store, tid).turns[0].segments[0]
    flags.add_flag(store, s1.id, "other", "Check")
    fid = _flag_id(store, s1.id)
    flags.resolve_flag(store, fid)
    with store.read() as s:
        assert s.get(Flag, fid).resolution_note is None


def test_replace_all_in_english_only_leaves_the_japanese_alone(store: Store, tid: int) -> None:
    replace_all(store, tid, "NHK", "N.H.K.", langs=["en"])
    seg = load_transcript(store, tid).turns[1].segments[0]
    assert (seg.en, seg.ja) == ("N.H.K. asked a question.", "NHKが質問しました。")


def test_counterparts_are_proposed_pair_by_pair_when_one_language_has_more_gaps(store: Store) -> None:
    tid = make_transcript(store, [("Q", [("(inaudible) and (inaudible)", "(聞き取れない)です。")])])
    seg = load_transcript(store, tid).turns[0].segments[0]
    pairs = gaps.propose_counterparts(seg)
    assert pairs == [(seg.gaps_in("en")[0].id, seg.gaps_in("ja")[0].id)]


def test_accepting_a_suggested_name_that_an_earlier_speaker_has_reuses_that_speaker(store: Store) -> None:
    tid = make_transcript(store, [("Q", [("First question.", None)]), ("Q2", [("Second question.", None)])])
    t1, t2 = load_transcript(store, tid).turns
    speakers.rename_speaker(store, t1.speaker.id, "Aya Mori")
    with store.operation("Suggest a name") as op:
        op.transcript_id = tid
        sug = SpeakerSuggestion(transcript_id=tid, turn_id=t2.id, source_turn_id=t1.id, name="aya mori")
        op.session.add(sug)
        op.session.flush()
        sug_id = sug.id
    speakers.accept_suggestion(store, sug_id)
    t1, t2 = load_transcript(store, tid).turns
    assert t2.speaker.id == t1.speaker.id


def test_moving_a_translation_down_crosses_into_the_next_turn(store: Store, tid: int) -> None:
    t1 = load_transcript(store, tid).turns[0]
    alignment.move_translation(store, t1.segments[0].id, 1)  # to "Second paragraph." of the same turn
    alignment.move_translation(store, t1.segments[1].id, 1)  # on down, swapped across the turn boundary
    t1, t2 = load_transcript(store, tid).turns
    assert [s.ja for s in t1.segments] == [None, "NHKが質問しました。"]
    assert (t2.segments[0].en, t2.segments[0].ja) == ("NHK asked a question.", JA)


def test_deleting_keeps_its_json_copy_even_when_the_backup_folder_does_not_exist_yet(store: Store, tid: int,
                                                                                        tmp_path) -> None:
    from model.ops.transcripts import backup_before_delete

    folder = tmp_path / "new profile" / "deleted transcripts"
    path = backup_before_delete(store, tid, folder)
    assert path.parent == folder and path.read_text(encoding="utf-8").startswith("{")


def _three_turns(store: Store) -> int:
    return make_transcript(store, [
        ("A", [("First. Second.", None), ("Third.", None)]),
        ("B", [("Fourth. Fifth.", None), ("Sixth.", None)]),
        ("C", [("Seventh.", None)]),
    ])


def test_merging_segments_keeps_the_less_reviewed_state(store: Store) -> None:
    from model.ops.corrections import edit_text

    tid = make_transcript(store, [("Q", [("One.", None), ("Two.", None), ("Three.", None), ("Four.", None)])])
    s1, s2, s3, s4 = load_transcript(store, tid).turns[0].segments
    review_state.approve(store, [s1.id, s3.id])
    edit_text(store, s2.id, "en", "Two, edited.")
    alignment.merge_segments(store, s1.id)  # approved + edited
    alignment.merge_segments(store, s3.id)  # approved + not reviewed
    merged = load_transcript(store, tid).turns[0].segments
    assert [s.review_state for s in merged] == ["edited", "not_reviewed"]


def test_reverting_a_segment_is_not_reviewed_whatever_other_segments_hold(store: Store) -> None:
    from model.ops.corrections import edit_text, revert_segment

    tid = make_transcript(store, [("Q", [("One.", None), ("Two.", None)])])
    s1, s2 = load_transcript(store, tid).turns[0].segments
    edit_text(store, s1.id, "en", "One, edited.")
    edit_text(store, s2.id, "en", "Two, edited.")
    revert_segment(store, s1.id)
    s1, s2 = load_transcript(store, tid).turns[0].segments
    assert (s1.en, s1.review_state, s2.review_state) == ("One.", "not_reviewed", "edited")


def test_withdrawing_one_approval_says_one_segment(store: Store, tid: int) -> None:
    sid = load_transcript(store, tid).turns[0].segments[0].id
    review_state.approve(store, [sid])
    review_state.unapprove(store, [sid])
    assert (_last(store, tid)["action"], _last(store, tid)["description"]) == ("Withdraw approval", "1 segment")


def test_a_gap_cannot_be_marked_in_a_missing_translation(store: Store, tid: int) -> None:
    untranslated = load_transcript(store, tid).turns[0].segments[1]
    with pytest.raises(OperationFailed, match=r"^select some text to mark as a gap$"):
        gaps.mark_gap(store, untranslated.id, "ja", 0, 2)


def test_merging_turns_keeps_the_reading_order_and_numbers_the_turns_again(store: Store) -> None:
    tid = _three_turns(store)
    t1, t2, _t3 = load_transcript(store, tid).turns
    alignment.split_segment(store, t2.segments[0].id, "en", len("Fourth. "))  # "Fifth." is the newest row
    alignment.merge_turns(store, t1.id)
    turns = load_transcript(store, tid).turns
    assert [s.en for s in turns[0].segments] == ["First. Second.", "Third.", "Fourth. ", "Fifth.", "Sixth."]
    assert [t.position for t in turns] == [0, 1]
    alignment.split_turn(store, turns[0].segments[2].id)  # positions still make sense to later operations
    assert [[s.en for s in t.segments] for t in load_transcript(store, tid).turns] == [
        ["First. Second.", "Third."], ["Fourth. ", "Fifth.", "Sixth."], ["Seventh."]]


def test_a_speaker_made_from_an_accepted_suggestion_is_listed_after_the_others(store: Store) -> None:
    tid = make_transcript(store, [("MODERATOR", [("Next question.", None)]), ("Q", [("Hello.", None)]),
                                  (None, [("Thank you.", None)])])
    t1, _t2, t3 = load_transcript(store, tid).turns
    with store.operation("Suggest a name") as op:
        op.transcript_id = tid
        sug = SpeakerSuggestion(transcript_id=tid, turn_id=t3.id, source_turn_id=t1.id, name="Aya Mori")
        op.session.add(sug)
        op.session.flush()
        sug_id = sug.id
    speakers.accept_suggestion(store, sug_id)
    listed = sorted(load_transcript(store, tid).speakers.values(), key=lambda sp: sp.position)
    assert [sp.name or sp.label_en for sp in listed] == ["MODERATOR", "Q", "Aya Mori"]
