"""The recording beside a transcript: attach/detach/relink, stamps, nudges, estimated times (no aligner)."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from model.audio import ops
from model.audio.pcm import AudioError, decode, identify
from model.audio.tables import Recording
from model.audio.timing import parse_timestamp
from model.errors import NotFound, OperationFailed
from model.schema import Segment, Transcript, Turn
from model.store import Store
from tests.factory import make_transcript


def write_tone(path: Path, seconds: float, rate: int = 22050, channels: int = 1) -> Path:
    """A real WAV file: a 440 Hz tone."""
    t = np.arange(int(seconds * rate)) / rate
    wave_data = (np.sin(2 * np.pi * 440 * t) * 8000).astype("<i2")
    if channels == 2:
        wave_data = np.repeat(wave_data, 2)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(wave_data.tobytes())
    return path


def plain_transcript(store: Store, texts: list[str], stamps: dict[int, str] | None = None) -> tuple[int, list[int]]:
    """A transcript with one turn per text (turn i gets timestamp stamps[i] if given)."""
    stamps = stamps or {}
    with store.operation("Make") as op:
        t = Transcript(title="Call", lead_lang="en")
        op.session.add(t)
        op.session.flush()
        op.transcript_id = t.id
        ids = []
        for i, text in enumerate(texts):
            turn = Turn(transcript_id=t.id, position=i, timestamp=stamps.get(i))
            op.session.add(turn)
            op.session.flush()
            seg = Segment(turn_id=turn.id, transcript_id=t.id, position=0, en_orig=text, ja_orig="日本語")
            op.session.add(seg)
            op.session.flush()
            ids.append(seg.id)
    return t.id, ids


def test_pcm_reads_wav_of_any_rate_and_channels_to_16k_mono(tmp_path: Path):
    stereo = decode(write_tone(tmp_path / "s.wav", 2.0, rate=44100, channels=2))
    assert stereo.dtype == np.int16 and abs(len(stereo) - 32000) <= 2
    assert 5000 < np.abs(stereo).max() <= 8100  # the tone survives resampling at its level


def test_a_file_that_is_not_audio_is_refused_in_one_line(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PATH", "")  # no FFmpeg: only WAV can be read
    junk = tmp_path / "notes.wav"
    junk.write_text("this is not audio")
    with pytest.raises(AudioError, match="not a WAV file"):
        identify(junk)
    with pytest.raises(AudioError, match="does not exist"):
        identify(tmp_path / "missing.wav")


def test_attach_stores_identity_not_media_and_undo_removes_it(store: Store, tmp_path: Path):
    tid = make_transcript(store)
    info = identify(write_tone(tmp_path / "call.wav", 3.0))
    event = ops.attach_recording(store, tid, info)
    rec = ops.recording_of(store, tid)
    assert rec is not None and rec.duration_ms == 3000 and rec.size == (tmp_path / "call.wav").stat().st_size
    assert rec.sha256 == info.sha256 and len(rec.sha256) == 64 and rec.available
    with store.read() as s:  # only the identity is stored
        assert s.scalar(select(Recording.path)) == str((tmp_path / "call.wav").resolve())
    assert event is not None
    store.undo(event)
    assert ops.recording_of(store, tid) is None


def test_a_moved_recording_is_found_again_by_sha256(store: Store, tmp_path: Path):
    tid = make_transcript(store)
    ops.attach_recording(store, tid, identify(write_tone(tmp_path / "call.wav", 1.0)))
    elsewhere = tmp_path / "archive" / "2024"
    elsewhere.mkdir(parents=True)
    write_tone(elsewhere / "same-size-other.wav", 1.0, rate=22050)  # same size, other content
    (elsewhere / "same-size-other.wav").write_bytes(b"x" * (tmp_path / "call.wav").stat().st_size)
    shutil.move(tmp_path / "call.wav", elsewhere / "renamed.wav")
    assert not ops.recording_of(store, tid).available  # type: ignore[union-attr]
    ops.relink_recording(store, tid, tmp_path / "archive")
    rec = ops.recording_of(store, tid)
    assert rec is not None and rec.path == str((elsewhere / "renamed.wav").resolve()) and rec.available
    (elsewhere / "renamed.wav").unlink()
    with pytest.raises(NotFound, match="no file in"):
        ops.relink_recording(store, tid, tmp_path / "archive")


def test_without_anything_known_there_are_no_times(store: Store):
    tid, _ = plain_transcript(store, ["One.", "Two."])
    assert ops.segment_times(store, tid) == []


def test_estimates_share_time_between_known_starts_by_text_length(store: Store, tmp_path: Path):
    tid, ids = plain_transcript(store, ["a" * 100, "b" * 300, "c" * 100, "d" * 100])
    ops.attach_recording(store, tid, identify(write_tone(tmp_path / "c.wav", 60.0)))
    ops.stamp_segment(store, ids[0], 10_000)
    ops.stamp_segment(store, ids[2], 30_000)
    times = {t.segment_id: t for t in ops.segment_times(store, tid)}
    assert [times[i].kind for i in ids] == ["stamped", "estimated", "stamped", "estimated"]
    # 20 s between the stamps, shared 10:30 by text length: the long segment starts after 5 s.
    assert times[ids[1]].start_ms == 15_000
    assert times[ids[0]].end_ms == 15_000 and times[ids[1]].end_ms == 30_000
    # After the last stamp, at the speaking rate seen between the stamps (400 characters in 20 s).
    assert times[ids[3]].start_ms == 35_000


def test_timestamps_in_the_imported_text_are_anchors(store: Store, tmp_path: Path):
    tid, ids = plain_transcript(store, ["Hello there.", "More words here.", "Last."],
                                stamps={0: "00:00:02", 2: "00:01:10"})
    times = {t.segment_id: t for t in ops.segment_times(store, tid)}
    assert (times[ids[0]].kind, times[ids[0]].start_ms) == ("imported", 0)  # no recording: from the first
    assert (times[ids[2]].kind, times[ids[2]].start_ms) == ("imported", 68_000)
    ops.attach_recording(store, tid, identify(write_tone(tmp_path / "c.wav", 80.0)))
    times = {t.segment_id: t for t in ops.segment_times(store, tid)}
    assert times[ids[0]].start_ms == 2_000 and times[ids[2]].start_ms == 70_000  # they fit: offsets
    assert times[ids[1]].kind == "estimated" and 2_000 < times[ids[1]].start_ms < 70_000
    assert parse_timestamp("14:05") == (14 * 3600 + 5 * 60) * 1000  # hours and minutes, a clock time
    assert parse_timestamp("1:02:03.5") == 3_723_500


def test_stamp_and_nudge_are_one_undo_step_each(store: Store, tmp_path: Path):
    tid, ids = plain_transcript(store, ["First one.", "Second one.", "Third."])
    ops.attach_recording(store, tid, identify(write_tone(tmp_path / "c.wav", 30.0)))
    estimated = {t.segment_id: t.start_ms for t in ops.segment_times(store, tid)}[ids[1]]
    nudge = ops.nudge_segment(store, ids[1], +100)  # an estimated time, nudged: now stamped
    times = {t.segment_id: t for t in ops.segment_times(store, tid)}
    assert (times[ids[1]].kind, times[ids[1]].start_ms) == ("stamped", estimated + 100)
    stamp = ops.stamp_segment(store, ids[1], 12_345)
    ops.nudge_segment(store, ids[1], -100)
    assert {t.segment_id: t.start_ms for t in ops.segment_times(store, tid)}[ids[1]] == 12_245
    with store.read() as s:  # the last two steps undone in order
        from model.schema import ChangeEvent
        last = s.scalar(select(ChangeEvent.id).order_by(ChangeEvent.id.desc()))
    assert last is not None
    store.undo(last)
    assert {t.segment_id: t.start_ms for t in ops.segment_times(store, tid)}[ids[1]] == 12_345
    assert stamp is not None and nudge is not None
    store.undo(stamp)
    store.undo(nudge)
    times = {t.segment_id: t for t in ops.segment_times(store, tid)}
    assert (times[ids[1]].kind, times[ids[1]].start_ms) == ("estimated", estimated)
    with pytest.raises(OperationFailed, match="before the start"):
        ops.stamp_segment(store, ids[1], -5)


def test_detach_drops_the_times_found_in_that_recording_and_undo_restores_them(store: Store, tmp_path: Path):
    tid, ids = plain_transcript(store, ["First one.", "Second one."])
    ops.attach_recording(store, tid, identify(write_tone(tmp_path / "c.wav", 10.0)))
    ops.stamp_segment(store, ids[1], 4_000)
    event = ops.detach_recording(store, tid)
    assert ops.recording_of(store, tid) is None and ops.segment_times(store, tid) == []
    assert event is not None
    store.undo(event)
    assert {t.segment_id: t.kind for t in ops.segment_times(store, tid)}[ids[1]] == "stamped"
    with pytest.raises(OperationFailed, match="no recording"):
        ops.detach_recording(store, tid + 1)


def test_the_bundled_sample_comes_with_its_recording(store: Store):
    from model.samples import ensure_sample

    tid = ensure_sample(store)
    rec = ops.recording_of(store, tid)
    assert rec is not None and rec.available and rec.path.endswith(".ogg")
    assert 300_000 < rec.duration_ms < 400_000  # read from the Ogg headers, no decoding
    assert Path(rec.path).stat().st_size < 700_000  # kept small in the repository
    times = ops.segment_times(store, tid)
    assert times and times[-1].start_ms <= rec.duration_ms


def test_matching_stays_in_order_when_the_transcript_repeats_itself():
    import itertools
    import random

    from model.audio.align import match_in_order

    # 15 paragraphs said four times over (a long call repeats itself), a hold message every tenth.
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(300)]
    paragraphs = [[rng.choice(vocabulary) for _ in range(60)] for _ in range(15)] * 4
    text = [w for p in paragraphs for w in p]
    heard: list[str] = []
    truth: dict[int, int] = {}  # where each paragraph starts: in the text -> in what was heard
    at = 0
    for k, p in enumerate(paragraphs):
        if k % 10 == 9:
            heard += ["please", "hold", "while", "we", "connect"] * 5
        truth[at] = len(heard)
        heard += p
        at += len(p)
    pairs = match_in_order(text, heard)
    assert all(a1 + n1 <= a2 and b1 + n1 <= b2 for (a1, b1, n1), (a2, b2, _) in itertools.pairwise(pairs))
    paired = {a + i: b + i for a, b, n in pairs for i in range(n)}
    # One global longest-match (difflib over everything) paired 4 of these 60 starts correctly.
    assert all(paired.get(a) == b for a, b in truth.items())
