"""QA checks on real-looking segments, the runner, dismissals and flags made from findings."""

from __future__ import annotations

import pytest

from model.errors import OperationFailed
from model.ops.findings import dismiss_finding, flag_finding, restore_finding
from model.qa import CHECKS, check_view, run_checks
from model.readmodel import load_transcript
from model.review import list_flags
from model.schema import Correction, Redaction, Segment, Speaker, Turn
from tests.helpers import make_transcript

OFFICIAL = "SENIOR ADMINISTRATION OFFICIAL"


def findings(store, tid, name):
    return [f for f in run_checks(store, tid) if f.check == name]


def one_segment(store, en, ja, label=OFFICIAL):
    return make_transcript(store, [(label, [(en, ja)])])


def test_every_builtin_check_is_registered():
    from model.qa import checks  # noqa: F401

    assert {"untranslated", "empty_turn", "unknown_speaker", "gap_count", "numbers", "redaction",
            "speaker_label"} <= set(CHECKS)


def test_untranslated(store):
    tid = make_transcript(store, [(OFFICIAL, [
        ("They just re-upped funding for food relief in Gaza.", None),
        ("So they are a global partner.", "だから彼らはグローバルパートナーです。"),
        (None, "ありがとうございます。")])])
    got = findings(store, tid, "untranslated")
    assert [(f.turn, f.segment, f.lang) for f in got] == [(1, 1, "ja"), (1, 3, "en")]


def test_untranslated_counts_a_correction_that_adds_the_translation(store):
    tid = one_segment(store, "Thank you.", None)
    sid = load_transcript(store, tid).turns[0].segments[0].id
    with store.operation("translate") as op:
        op.session.add(Correction(segment_id=sid, transcript_id=tid, lang="ja", start=0, end=0, before="",
                                  after="ありがとうございます。", annotator_id=op.annotator_id))
    assert findings(store, tid, "untranslated") == []


def test_a_title_line_in_one_language_is_not_untranslated(store):
    tid = make_transcript(store, [(None, [(None, "記者会見の背景   ホワイトハウス 2024/4/9")]),
                                  ("MODERATOR", [("Welcome.", None)])])
    with store.operation("mark title") as op:
        op.session.query(Turn).filter_by(transcript_id=tid, position=0).one().kind = "title"
    assert [(f.turn, f.lang) for f in findings(store, tid, "untranslated")] == [(2, "ja")]


def test_empty_turn_and_unknown_speaker(store):
    tid = make_transcript(store, [
        (None, [("So, look, I think it's fair to say that our partners have taken steps.", None)]),
        ("OPERATOR", [("   ", None)]),
        ("MODERATOR", [("Next question.", "次の質問です。")]),
    ])
    assert [(f.turn, f.segment) for f in findings(store, tid, "empty_turn")] == [(2, 1)]
    assert [f.turn for f in findings(store, tid, "unknown_speaker")] == [1]


def test_unknown_speaker_ignores_non_speech_turns(store):
    tid = make_transcript(store, [(None, [("6:22 P.M. EDT", "午後6時22分アメリカ東部夏時間")])])
    with store.operation("mark time") as op:
        for turn in op.session.query(Turn).filter_by(transcript_id=tid):
            turn.kind = "time"
    assert findings(store, tid, "unknown_speaker") == []


def test_gap_count(store):
    tid = make_transcript(store, [(OFFICIAL, [
        ("with Mitsubishi and (inaudible) Kawasaki building the transformers, close to (inaudible) dollars",
         "三菱と(聞き取れない)川崎が変圧器を建設しています。"),
        ("the U.S. and Japan have carefully honed public (inaudible) on Taiwan",
         "米国と日本が台湾に関する公的な(聞き取れない)ことを慎重に磨いてきた"),
    ])])
    got = findings(store, tid, "gap_count")
    assert [(f.segment, f.lang) for f in got] == [(1, "ja")]
    assert "2 inaudible gap(s) in English but 1 in Japanese" in got[0].message


def test_numbers_check_on_segments(store):
    tid = make_transcript(store, [(OFFICIAL, [
        ("I think it's close to $6- or $7 billion.", "60億ドルか70億ドルに近いと思います。"),
        ("The package is worth 120 billion yen.", "この支援は約１２００億円に相当します。"),
        ("The package is worth 120 billion yen.", "この支援は約１２０億円に相当します。"),
        ("They helped corral 8 out of the 10 ASEAN countries.", "ASEANの国々をまとめるのに協力しました。"),
        ("in the 21st century", "21世紀に"),
    ])])
    got = findings(store, tid, "numbers")
    assert [(f.segment, f.lang) for f in got] == [(3, "ja"), (3, "en"), (4, "ja"), (4, "ja")]
    assert "120 billion" in got[0].message and "１２０億" not in got[0].message
    assert got[2].key != got[3].key  # two numbers, two findings to decide on separately


def test_numbers_skip_untranslated_segments(store):
    tid = one_segment(store, "In March 2022 there was a U.N. resolution.", None)
    assert findings(store, tid, "numbers") == []


def add_redaction(store, tid, seg_index, lang, text):
    view = load_transcript(store, tid)
    seg = [s for _t, s in view.segments()][seg_index]
    at = (seg.original(lang) or "").index(text)
    with store.operation("redact") as op:
        op.session.add(Redaction(segment_id=seg.id, transcript_id=tid, lang=lang, start=at, end=at + len(text),
                                 text=text))


def test_redaction_on_one_side_only(store):
    tid = make_transcript(store, [(OFFICIAL, [
        ("Thanks, [senior administration official]. You know, the only thing",
         "[SENIOR ADMINISTRATION OFFICIAL]さん、ありがとうございます。"),
        ("I think [senior administration official] said that Japan was worried.",
         "(政府高官は)日本は心配していたと言ったと思います。"),
    ])])
    add_redaction(store, tid, 0, "en", "[senior administration official]")
    add_redaction(store, tid, 0, "ja", "[SENIOR ADMINISTRATION OFFICIAL]")
    add_redaction(store, tid, 1, "en", "[senior administration official]")
    got = findings(store, tid, "redaction")
    assert [(f.segment, f.lang) for f in got] == [(2, "ja")]


def test_speaker_label_names_someone_else(store):
    tid = make_transcript(store, [
        ("MODERATOR", [("Our next question.", "次の質問です。")]),
        (OFFICIAL, [("Thanks. You know, the only thing", "ありがとう。私が知っているのは"),
                    ("Day one they've been a full partner.", "初日から、彼らは全面的なパートナーでした。")]),
    ])
    view = load_transcript(store, tid)
    segs = [s for _t, s in view.segments()]
    with store.operation("labels") as op:
        for sp in op.session.query(Speaker).filter_by(transcript_id=tid):
            sp.label_ja = "司会" if sp.label_en == "MODERATOR" else "政府高官"
        op.get(Segment, segs[1].id).en_prefix = f"{OFFICIAL}: "
        op.get(Segment, segs[1].id).ja_prefix = "政府高官: "       # matches the turn's speaker
        op.get(Segment, segs[2].id).en_prefix = "[00:01:12] SENIOR ADMINISTRATION OFFICIAL: "
        op.get(Segment, segs[2].id).ja_prefix = "司会："           # the moderator's label: wrong
    got = findings(store, tid, "speaker_label")
    assert [(f.turn, f.segment, f.lang) for f in got] == [(2, 2, "ja")]
    assert "司会" in got[0].message


def test_two_speakers_sharing_a_label_are_no_contradiction(store):
    tid = make_transcript(store, [(OFFICIAL, [("One.", "一つ。")]), ("OFFICIAL 2", [("Two.", "二つ。")])])
    segs = [s for _t, s in load_transcript(store, tid).segments()]
    with store.operation("labels") as op:
        for sp in op.session.query(Speaker).filter_by(transcript_id=tid):
            sp.label_ja = "政府高官"
        op.get(Segment, segs[1].id).ja_prefix = "政府高官: "
    assert findings(store, tid, "speaker_label") == []


def test_run_on_some_segments_only(store):
    tid = make_transcript(store, [(OFFICIAL, [("A", None), ("B", None)])])
    view = load_transcript(store, tid)
    second = view.turns[0].segments[1].id
    got = check_view(view, [second])
    assert {(f.check, f.segment) for f in got} == {("untranslated", 2)}


def test_dismissal_is_recorded_filtered_and_undoable(store):
    tid = one_segment(store, "Thank you.", None)
    finding = findings(store, tid, "untranslated")[0]
    store.set_annotator("reviewer")
    ev = dismiss_finding(store, tid, finding.key, "closing courtesy, no need to translate")
    assert findings(store, tid, "untranslated") == []
    assert run_checks(store, tid, include_settled=True)[0].key == finding.key
    with pytest.raises(OperationFailed):
        dismiss_finding(store, tid, finding.key, "again")
    store.undo(ev)
    assert findings(store, tid, "untranslated") == [finding]
    dismiss_finding(store, tid, finding.key, "ok")
    restore_finding(store, tid, finding.key)
    assert findings(store, tid, "untranslated") == [finding]


def test_finding_becomes_a_flag(store):
    tid = one_segment(store, "They helped corral 8 out of the 10 ASEAN countries.", "10か国すべてをまとめました。")
    finding = findings(store, tid, "numbers")[0]
    flag_finding(store, finding)
    flag = list_flags(store, tid).flags[0]
    assert (flag.category, flag.lang, flag.finding_key, flag.segment_id) == (
        "mistranslation", "ja", finding.key, finding.segment_id)
    assert "8" in flag.note
    assert findings(store, tid, "numbers") == []  # now tracked as a flag


def test_findings_serialise_with_positions_from_one(store):
    tid = one_segment(store, "Thank you.", None)
    d = run_checks(store, tid)[0].to_dict()
    assert {"check", "turn", "segment", "lang", "message"} <= set(d)
    assert (d["turn"], d["segment"], d["lang"]) == (1, 1, "ja")


def test_checks_on_the_real_press_call(store, press_call):
    from model.importer import import_file

    tid = import_file(store, press_call)
    found = run_checks(store, tid)
    view = load_transcript(store, tid)
    by_check: dict[str, list] = {}
    for f in found:
        by_check.setdefault(f.check, []).append(f)
    # The call starts mid-speech with no label: its speaker is unknown.
    assert [f.turn for f in by_check["unknown_speaker"]][:1] == [2]
    # "I think [senior administration official] said" is rendered "(政府高官は)": redacted in English only.
    red = by_check["redaction"]
    assert len(red) == 1 and red[0].lang == "ja"
    seg = view.turns[red[0].turn - 1].segments[red[0].segment - 1]
    assert "(政府高官は)" in seg.ja
    # Only the translator's note "(注;日本との時差は13時間)" and "UTC-4" carry numbers English lacks;
    # "議題の1つ"/"第2の柱" (one of the topics / pillar two) and "G7", "北極圏2" are matched.
    nums = by_check.get("numbers", [])
    assert {f.message.split("”")[0].lstrip("“") for f in nums} == {"4", "13"}
    assert all("注" in view.turns[f.turn - 1].segments[f.segment - 1].ja for f in nums)
    # Every translated pair keeps its inaudible gaps.
    assert "gap_count" not in by_check
    assert all(f.lang == "ja" for f in by_check["untranslated"])
