"""Times in exports: JSON's recording and timings, SRT and WebVTT subtitles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from model.audio import ops
from model.audio.pcm import identify
from model.export import EXPORTERS, ExportFailed, ExportOptions, load_builtin_exporters
from model.store import Store
from tests.model.test_audio_model import plain_transcript, write_tone

LONG = ("This is the first sentence of a long answer that goes on for a while. "
        "Here is a second sentence with more detail about the plan. "
        "And a third one closes the answer for now.")


@pytest.fixture
def timed(store: Store, tmp_path: Path) -> tuple[Store, int, list[int]]:
    tid, ids = plain_transcript(store, ["Good morning.", LONG, "Next question."])
    ops.attach_recording(store, tid, identify(write_tone(tmp_path / "c.wav", 40.0)))
    ops.stamp_segment(store, ids[0], 1_000)
    ops.stamp_segment(store, ids[1], 3_000)
    ops.stamp_segment(store, ids[2], 30_000)
    return store, tid, ids


def test_json_carries_the_recording_and_every_segments_time(timed):
    store, tid, ids = timed
    load_builtin_exporters()
    data = json.loads(EXPORTERS["json"](store, tid, ExportOptions()))
    rec = data["recording"]
    assert rec["duration_ms"] == 40_000 and len(rec["sha256"]) == 64 and rec["path"].endswith("c.wav")
    segs = [s for t in data["turns"] for s in t["segments"]]
    assert [(s["start_ms"], s["timing"]) for s in segs] == [(1000, "stamped"), (3000, "stamped"),
                                                            (30000, "stamped")]
    assert segs[1]["end_ms"] == 30_000


def test_srt_splits_long_segments_at_sentence_ends_in_time_order(timed):
    store, tid, _ids = timed
    load_builtin_exporters()
    srt = EXPORTERS["srt"](store, tid, ExportOptions(langs=("en",)))
    assert isinstance(srt, str)
    cues = srt.strip().split("\n\n")
    assert len(cues) == 5  # the long answer became three cues
    first = cues[0].splitlines()
    assert first == ["1", "00:00:01,000 --> 00:00:03,000", "Good morning."]
    texts = [c.splitlines()[2] for c in cues]
    assert texts[1].startswith("This is the first sentence") and texts[1].endswith("for a while.")
    assert texts[3] == "And a third one closes the answer for now."
    times = [re.match(r"(\S+) --> (\S+)", c.splitlines()[1]).groups() for c in cues]  # type: ignore[union-attr]
    starts = [t[0] for t in times]
    assert starts == sorted(starts) and times[3][1] == "00:00:30,000" and starts[4] == "00:00:30,000"


def test_vtt_with_both_languages_has_two_lines_per_cue(timed):
    store, tid, _ids = timed
    load_builtin_exporters()
    vtt = EXPORTERS["vtt"](store, tid, ExportOptions(langs=("en", "ja")))
    assert isinstance(vtt, str) and vtt.startswith("WEBVTT\n\n")
    first = vtt.split("\n\n")[1].splitlines()
    assert first == ["00:00:01.000 --> 00:00:03.000", "Good morning.", "日本語"]


def test_subtitles_need_some_time_to_go_by(store: Store):
    tid, _ = plain_transcript(store, ["Hello."])
    load_builtin_exporters()
    with pytest.raises(ExportFailed, match="no times yet"):
        EXPORTERS["srt"](store, tid, ExportOptions())


def test_text_exports_can_start_each_paragraph_with_its_time(timed, tmp_path: Path):
    store, tid, _ids = timed
    load_builtin_exporters()
    plain = EXPORTERS["txt"](store, tid, ExportOptions(langs=("en",)))
    assert "[00:00" not in plain
    txt = EXPORTERS["txt"](store, tid, ExportOptions(langs=("en",), extra={"timestamps": True}))
    assert isinstance(txt, str)
    assert txt.splitlines()[0] == "[00:00:01] Good morning."
    assert "[00:00:30] Next question." in txt
    md = EXPORTERS["md"](store, tid, ExportOptions(extra={"timestamps": True}))
    assert isinstance(md, str) and r"\[00:00:03\] This is the first sentence" in md  # escaped: no link
    html = EXPORTERS["html"](store, tid, ExportOptions(extra={"timestamps": True}))
    assert isinstance(html, str) and "[00:00:30] Next question." in html
    # Imported again, the times come back as the segments' imported times.
    from model.importer.load import import_file

    path = tmp_path / "again.txt"
    path.write_text(txt, encoding="utf-8")
    again = import_file(store, path)
    times = [(t.start_ms, t.kind) for t in ops.segment_times(store, again)]
    assert times[0] == (0, "imported") and (29_000, "imported") in times


def test_a_sentence_longer_than_a_cue_is_cut_at_a_comma_or_a_space(store: Store, tmp_path: Path):
    # One 250-character sentence: the old exporter wrote it as a single cue of 250 characters.
    sentence = ("We met the cooperatives three times in January, and the final design moves the ferry berth "
                "two hundred meters east of the fish market, so that the boats keep their moorings and the "
                "morning auction is never interrupted by the sailings")
    tid, ids = plain_transcript(store, [sentence + ".", "Next question."])
    ops.attach_recording(store, tid, identify(write_tone(tmp_path / "c.wav", 40.0)))
    ops.stamp_segment(store, ids[0], 1_000)
    ops.stamp_segment(store, ids[1], 20_000)
    load_builtin_exporters()
    vtt = EXPORTERS["vtt"](store, tid, ExportOptions(langs=("en",)))
    assert isinstance(vtt, str)
    cues = [c.splitlines() for c in vtt.split("\n\n")[1:] if c.strip()]
    texts = [c[1] for c in cues]
    assert len(texts) >= 4 and all(len(t) <= 84 for t in texts), texts
    assert " ".join(texts[:-1]) == sentence + "."  # nothing lost, nothing repeated
    assert texts[0].endswith("in January,")  # cut after the comma, not inside a clause
    starts = [c[0].split(" --> ")[0] for c in cues]
    assert starts == sorted(starts) and starts[0] == "00:00:01.000"


def test_a_one_sentence_translation_is_shared_over_the_cues_of_its_english(store: Store, tmp_path: Path):
    from model.export.subtitles import split_segment

    english = ("We met the cooperatives three times in January, and the final design moves the ferry berth "
               "two hundred meters east of the fish market, so that the boats keep their moorings.")
    japanese = ("漁協とは1月に3回会合を持ち、最終設計ではフェリーの岸壁を魚市場から200メートル東に移すことで、"
                "漁船が係留場所を維持できるようにしました。")
    cues = list(split_segment(0, 12_000, [english, japanese]))
    assert len(cues) >= 2 and all(len(c.lines) == 2 for c in cues)  # a Japanese line under every English one
    assert "".join(c.lines[1] for c in cues) == japanese
