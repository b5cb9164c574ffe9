"""SRT and WebVTT are written as they are made (bounded memory), giving the file that sorting
every cue first gives; times that overlap fall back to sorting."""

from __future__ import annotations

import re
from pathlib import Path

from model.audio import ops
from model.audio.pcm import identify
from model.export import EXPORTERS, ExportOptions, load_builtin_exporters
from model.export.subtitles import export_srt, export_vtt
from model.store import Store
from tests.model.test_audio_export import LONG
from tests.model.test_audio_model import plain_transcript, write_tone


def _stamped(store: Store, tmp_path: Path, starts: list[int]) -> int:
    tid, ids = plain_transcript(store, ["Good morning.", LONG, "Next question --> here.", "Last one."])
    ops.attach_recording(store, tid, identify(write_tone(tmp_path / "c.wav", 60.0)))
    for sid, ms in zip(ids, starts, strict=True):
        ops.stamp_segment(store, sid, ms)
    return tid


def _written(store: Store, tid: int, fmt: str, tmp_path: Path, options: ExportOptions) -> str:
    load_builtin_exporters()
    out = tmp_path / f"out.{fmt}"
    EXPORTERS[fmt].write_file(store, tid, out, options)
    return out.read_text(encoding="utf-8")


def test_streamed_subtitles_are_the_sorted_ones(store: Store, tmp_path: Path):
    tid = _stamped(store, tmp_path, [1_000, 3_000, 30_000, 40_000])
    for options in (ExportOptions(langs=("en",)), ExportOptions()):
        srt = _written(store, tid, "srt", tmp_path, options)
        assert srt == export_srt(store, tid, options)
        assert [c.splitlines()[0] for c in srt.strip().split("\n\n")] == ["1", "2", "3", "4", "5", "6"]
        vtt = _written(store, tid, "vtt", tmp_path, options)
        assert vtt == export_vtt(store, tid, options)
        assert vtt.startswith("WEBVTT\n\n00:00:01.000 --> ") and "→ here." in vtt


def test_overlapping_times_are_still_written_in_time_order(store: Store, tmp_path: Path):
    # The last segment was stamped before the third: written as made, its cue would come last.
    tid = _stamped(store, tmp_path, [1_000, 3_000, 30_000, 20_000])
    srt = _written(store, tid, "srt", tmp_path, ExportOptions(langs=("en",)))
    assert srt == export_srt(store, tid, ExportOptions(langs=("en",)))
    starts = [re.match(r"(\S+) -->", c.splitlines()[1]).group(1)  # type: ignore[union-attr]
              for c in srt.strip().split("\n\n")]
    assert starts == sorted(starts)
    assert srt.index("Last one.") < srt.index("Next question")
