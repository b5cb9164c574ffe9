"""The JSON export: the contract keys, offsets that point at the right text, and annotations."""

from __future__ import annotations

import json

import pytest

from model.errors import NotFound
from model.export import get_exporter
from model.importer import import_file
from model.ops.corrections import edit_text
from model.ops.flags import add_flag, reply_to_flag, resolve_flag
from model.ops.gaps import fill_gap
from model.ops.review_state import approve
from model.readmodel import load_transcript
from model.store import Store
from tests.factory import make_transcript

SPEAKER_KEYS = {"label", "name", "role", "affiliation"}
SEGMENT_KEYS = {"en", "ja", "en_corrected", "ja_corrected", "gaps"}
GAP_KEYS = {"lang", "start", "end", "text", "status"}


pytestmark = pytest.mark.both_engines


def export(store: Store, tid: int) -> dict:
    text = get_exporter("json")(store, tid)
    assert isinstance(text, str) and text.endswith("\n")
    return json.loads(text)


def assert_contract(data: dict) -> None:
    assert isinstance(data["title"], str) and isinstance(data["turns"], list)
    for turn in data["turns"]:
        assert set(turn["speaker"]) >= SPEAKER_KEYS
        for seg in turn["segments"]:
            assert set(seg) >= SEGMENT_KEYS
            for gap in seg["gaps"]:
                assert set(gap) >= GAP_KEYS
                assert gap["lang"] in ("en", "ja")
                # Gap offsets index the corrected text of their language.
                assert seg[f"{gap['lang']}_corrected"][gap["start"]:gap["end"]] == gap["text"]


def test_the_real_press_call_keeps_the_contract(store: Store, press_call):
    tid = import_file(store, press_call)
    data = export(store, tid)
    assert_contract(data)
    segments = [seg for turn in data["turns"] for seg in turn["segments"]]
    assert all(seg["en_corrected"] == seg["en"] and seg["ja_corrected"] == seg["ja"] for seg in segments)
    assert any(seg["en"] and seg["ja"] is None for seg in segments)  # English without translation: null
    gaps = [g for seg in segments for g in seg["gaps"]]
    source = press_call.read_text(encoding="utf-8")
    assert sum(g["lang"] == "en" for g in gaps) == source.lower().count("(inaudible)") == 17
    assert sum(g["lang"] == "ja" for g in gaps) == source.count("(聞き取れない)") == 5
    labels = {turn["speaker"]["label"] for turn in data["turns"]}
    assert {"SENIOR ADMINISTRATION OFFICIAL", "OPERATOR"} <= labels
    # The text before the first label belongs to nobody known.
    first_speech = next(t for t in data["turns"] if t["kind"] == "speech")
    assert first_speech["speaker"]["name"] is None
    assert data["lead_lang"] == "en" and data["id"] == tid


def test_annotations_are_all_there(store: Store):
    tid = make_transcript(store)
    view = load_transcript(store, tid)
    greeting, question = view.turns[1].segments[0], view.turns[2].segments[0]
    edit_text(store, greeting.id, "ja", "おはようございます。[港湾当局者]が最初に話します。", category="mistranslation")
    fill_gap(store, question.gaps[0].id, "new terminal", confidence="certain")
    add_flag(store, question.id, "inaudible", "Check the **recording** at 00:00:12", lang="en", start=14, end=26)
    flag_id = load_transcript(store, tid).turns[2].segments[0].flags[0].id
    reply_to_flag(store, flag_id, "Listened twice: <b>terminal</b>.")
    resolve_flag(store, flag_id, "confirmed")
    approve(store, [greeting.id])

    data = export(store, tid)
    assert_contract(data)
    title, first, second = data["turns"]
    assert title["kind"] == "title" and title["speaker"]["label"] is None
    assert first["speaker"] == first["speaker"] | {"label": "MODERATOR", "label_ja": "司会", "role": "moderator"}
    assert first["timestamp"] == "00:00:05"
    seg = first["segments"][0]
    assert seg["ja"] == "ようこそ。[港湾当局者]が最初に話します。"  # the original stays
    assert seg["ja_corrected"] == "おはようございます。[港湾当局者]が最初に話します。"
    assert seg["en_corrected"] == "Good morning. [harbour official] will speak first."
    assert seg["en_prefix"] == "[00:00:05] MODERATOR: "
    assert seg["review_state"] == "approved" and seg["reviewed_by"] == "tester"
    assert [(c["lang"], c["before"], c["after"], c["annotator"]) for c in seg["corrections"]] == [
        ("en", "Welcome", "Good morning", "tester"), ("ja", "ようこそ", "おはようございます", "tester")]
    assert seg["redactions"] == [{"id": seg["redactions"][0]["id"], "lang": "en", "start": 9, "end": 27,
                                  "text": "[harbour official]"}]
    q = second["segments"][0]
    assert q["ja"] is None and q["ja_corrected"] is None
    assert [(g["status"], g["proposed_text"], g["confidence"]) for g in q["gaps"]] == [
        ("filled", "new terminal", "certain")]
    [flag] = q["flags"]
    assert (flag["status"], flag["resolution_note"], flag["resolved_by"]) == ("resolved", "confirmed", "tester")
    assert flag["note"] == "Check the **recording** at 00:00:12"
    assert [r["text"] for r in flag["replies"]] == ["Listened twice: <b>terminal</b>."]
    [suggestion] = second["speaker_suggestions"]
    assert suggestion["name"] is None and suggestion["affiliation"] == "Harbour Times"
    assert suggestion["source_turn_id"] == first["id"]


def test_any_text_survives_exactly(store: Store):
    nasty = 'He said "<script>alert(1)</script>" \\ and **bold** \x07 \u2028 終わり'
    tid = make_transcript(store, nasty)
    data = export(store, tid)
    assert data["title"] == nasty
    assert data["turns"][0]["segments"][0]["en"] == nasty


def test_a_missing_transcript_is_not_found(store: Store):
    with pytest.raises(NotFound, match="transcript 12 does not exist"):
        get_exporter("json")(store, 12)


def test_one_turn_per_line_and_the_same_data_as_plain_json(store: Store):
    from model.export.json_export import build, dumps

    tid = make_transcript(store)
    data = build(store, tid)
    text = dumps(data)
    assert json.loads(text) == data
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert sum(line.startswith('    {"id": ') and '"segments": ' in line for line in lines) == len(data["turns"])
    assert dumps({"title": "t", "turns": []}) == '{\n  "title": "t",\n  "turns": []\n}\n'


def test_each_segment_says_how_the_importer_paired_it_and_how_sure_it_was(store: Store, tmp_path, monkeypatch):
    from model.export import stream
    from model.importer import import_text
    from model.ops.alignment import split_segment

    text = ("The harbour board met for three hours this morning and agreed on the timetable, the fares, the "
            "inspectors, the training budget, the southern route study, and the date of the next meeting, "
            "which will be held in the autumn once the parliaments have approved the fund.\n\n"
            "はい。\n\n"
            "OFFICIAL: Thank you.\n\n"
            "高官：ありがとうございます。\n\n"
            "(Laughter.)\n\n"
            "OFFICIAL: The ferry runs twice a day.\n")
    tid = import_text(store, text)
    view = load_transcript(store, tid)
    expected = [(s.pairing, s.confidence) for _, s in view.segments()]
    assert [p for p, _ in expected] == ["interleaved", "label", "marker", "single"]
    assert expected[0][1] < 0.5 <= expected[1][1]
    monkeypatch.setattr(stream, "BATCH_SEGMENTS", 1)  # streamed a segment at a time: the same keys
    monkeypatch.setattr(stream, "FIRST_TURNS", 1)
    segs = [seg for turn in export(store, tid)["turns"] for seg in turn["segments"]]
    assert [(s["pairing"], s["confidence"]) for s in segs] == expected
    # a segment made after the import was paired by nobody: null, not a guess
    last = [s for _, s in view.segments()][-1]
    split_segment(store, last.id, "en", 4)
    segs = [seg for turn in export(store, tid)["turns"] for seg in turn["segments"]]
    assert (segs[-1]["pairing"], segs[-1]["confidence"]) == (None, None)
    assert segs[-2]["pairing"] == "single"
