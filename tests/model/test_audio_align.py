"""Sync with a real recording made by espeak-ng and sox: paragraphs with pauses, an operator's
hold message that is not in the text, words spoken where the text says (inaudible), a call
that starts before the transcript does, numbers written as digits, background noise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from model.audio import ops
from model.audio.align import AlignCancelled, align
from model.audio.pcm import decode, identify
from model.schema import Gap, Segment, Transcript, Turn
from model.store import Store
from tests.audio_fixture import Piece, Truth, make_recording, tools_or_skip

ROOT = Path(__file__).resolve().parents[2]

INTRO = "Good afternoon and welcome to today's call. At this time all participants are in listen only mode."
HOLD = ("Please hold while we connect the next caller. Your call is important to us. "
        "Thank you for waiting, the conference will resume shortly.")
# (text in the transcript, what is spoken: the same unless the text has a gap)
PARAGRAPHS = [
    ("So, look, I think it's fair to say that our Japanese partners and allies have taken substantial steps "
     "on information security and procedures that protect the most sensitive of information.", None),
    ("As I indicated, there is still more work to do. I think we believe that there are legislative steps, "
     "as well as executive actions, that are possible.", None),
    ("You will see over the course of the next few days that we are stepping up our intelligence cooperation. "
     "And I think some of those steps have been deeply successful.", None),
    ("The U.S. and Japan have carefully honed public (inaudible) on Taiwan that we worked through together "
     "a few years ago.",
     ("The U.S. and Japan have carefully honed public", "statements and language",
      "on Taiwan that we worked through together a few years ago.")),
    ("They helped corral 8 out of the 10 ASEAN countries to vote in favor in March 2022, and it is close "
     "to $6 billion in support.", None),
    ("Ken, you've been following this, so it's not a surprise. Day one they've been a full partner on the "
     "sanctions. There hasn't been any equivocation there.", None),
]
UNSPOKEN = "This paragraph is in the transcript but nobody reads it aloud during the call at all."


@pytest.fixture(scope="session")
def call_recording(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[float], tuple[float, float]]:
    """The recording, each paragraph's true start (s), and the true span of the words behind (inaudible)."""
    tools_or_skip()
    pieces: list[Piece] = [Piece(pause_s=0.6), Piece(INTRO, voice="en+f3"), Piece(pause_s=1.0)]
    starts: list[int] = []
    hidden: int = -1
    for i, (text, spoken) in enumerate(PARAGRAPHS):
        starts.append(len(pieces))
        if spoken is None:
            pieces.append(Piece(text))
        else:
            pieces.append(Piece(spoken[0]))
            hidden = len(pieces)
            pieces += [Piece(spoken[1]), Piece(spoken[2])]
        pieces.append(Piece(pause_s=0.5 + 0.3 * (i % 3)))
        if i == 1:  # the operator's hold message, not in the transcript
            pieces += [Piece(HOLD, voice="en+f3"), Piece(pause_s=0.7)]
    out = tmp_path_factory.mktemp("audio") / "call.wav"
    truths: list[Truth] = make_recording(pieces, out, noise=0.02)
    return out, [truths[k].start for k in starts], (truths[hidden].start, truths[hidden].end)


def make_call(store: Store, with_unspoken: bool = False) -> tuple[int, list[int], int]:
    """The call's transcript (English and Japanese per segment); returns (id, segment ids, gap id)."""
    texts = [t for t, _ in PARAGRAPHS]
    if with_unspoken:
        texts.insert(3, UNSPOKEN)
    with store.operation("Make") as op:
        t = Transcript(title="Call", lead_lang="en")
        op.session.add(t)
        op.session.flush()
        op.transcript_id = t.id
        ids, gap_id = [], 0
        for i, text in enumerate(texts):
            turn = Turn(transcript_id=t.id, position=i)
            op.session.add(turn)
            op.session.flush()
            seg = Segment(turn_id=turn.id, transcript_id=t.id, position=0, en_orig=text, ja_orig="日本語の訳。")
            op.session.add(seg)
            op.session.flush()
            ids.append(seg.id)
            if "(inaudible)" in text:
                at = text.index("(inaudible)")
                gap = Gap(segment_id=seg.id, transcript_id=t.id, lang="en", start=at, end=at + 11,
                          text="(inaudible)")
                op.session.add(gap)
                op.session.flush()
                gap_id = gap.id
                seg.ja_orig = "公的な(聞き取れない)を慎重に磨いてきました。"
                op.session.add(Gap(segment_id=seg.id, transcript_id=t.id, lang="ja", start=3, end=11,
                                   text="(聞き取れない)", counterpart_id=gap.id))
    return t.id, ids, gap_id


def test_paragraph_starts_land_within_half_a_second_of_the_truth(store: Store, call_recording):
    path, truth, hidden = call_recording
    tid, ids, gap_id = make_call(store, with_unspoken=True)
    ops.attach_recording(store, tid, identify(path))
    result = align(decode(path), ops.paragraphs_to_align(store, tid))
    event = ops.apply_alignment(store, tid, result)
    times = {t.segment_id: t for t in ops.segment_times(store, tid)}
    spoken = [sid for k, sid in enumerate(ids) if k != 3]
    errors = [abs(times[sid].start_ms / 1000 - true) for sid, true in zip(spoken, truth, strict=True)]
    assert [times[sid].kind for sid in spoken] == ["aligned"] * len(spoken)
    assert max(errors) <= 0.5, errors  # including the paragraph right after the hold message
    # A paragraph nobody reads is never claimed as aligned; its time is estimated between its neighbours.
    unspoken = times[ids[3]]
    assert unspoken.kind == "estimated"
    assert times[ids[2]].start_ms <= unspoken.start_ms <= times[ids[4]].start_ms
    # The words behind (inaudible) give the gap its time span.
    gap_times = ops.gap_times(store, tid)
    g_start, g_end = gap_times[gap_id]
    assert abs(g_start / 1000 - hidden[0]) <= 0.5 and abs(g_end / 1000 - hidden[1]) <= 0.5
    assert sorted(gap_times.values()) == [(g_start, g_end)] * 2  # the Japanese gap takes the English one's time
    # One undo step takes the whole sync back.
    assert event is not None
    store.undo(event)
    assert {t.kind for t in ops.segment_times(store, tid)} == {"estimated"}
    assert ops.gap_times(store, tid) == {}


def test_stamps_by_ear_survive_a_sync(store: Store, call_recording):
    path, _truth, _ = call_recording
    tid, ids, _ = make_call(store)
    ops.attach_recording(store, tid, identify(path))
    ops.stamp_segment(store, ids[0], 1234)
    ops.apply_alignment(store, tid, align(decode(path), ops.paragraphs_to_align(store, tid)))
    times = {t.segment_id: t for t in ops.segment_times(store, tid)}
    assert (times[ids[0]].kind, times[ids[0]].start_ms) == ("stamped", 1234)
    assert times[ids[1]].kind == "aligned"


def test_a_cancelled_sync_changes_nothing(store: Store, call_recording):
    path, _truth, _ = call_recording
    tid, _ids, _ = make_call(store)
    seen: list[float] = []
    with pytest.raises(AlignCancelled):
        align(decode(path), ops.paragraphs_to_align(store, tid), seen.append, cancelled=lambda: len(seen) >= 1)
    assert seen == [0.0]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_command_line_attach_align_detach(tmp_path: Path, call_recording):
    path, _truth, _ = call_recording
    db = tmp_path / "cli.sqlite3"
    store = Store.open(db, annotator="tester")
    tid, _ids, _ = make_call(store)
    store.close()
    junk = tmp_path / "notes.wav"
    junk.write_text("not audio at all")
    bad = run_cli("audio", "attach", str(tid), str(junk), "--db", str(db))
    assert bad.returncode == 2 and bad.stderr.startswith("taiyaku: error: ") and bad.stderr.count("\n") == 1
    assert "Traceback" not in bad.stderr
    attached = run_cli("audio", "attach", str(tid), str(path), "--db", str(db))
    assert attached.returncode == 0, attached.stderr
    assert "attached" in attached.stdout and "1:" in attached.stdout  # about a minute and a half
    aligned = run_cli("audio", "align", str(tid), "--db", str(db))
    assert aligned.returncode == 0, aligned.stderr
    assert aligned.stdout.strip() == f"{len(PARAGRAPHS)} segments aligned, 0 estimated"
    detached = run_cli("audio", "detach", str(tid), "--db", str(db))
    assert detached.returncode == 0 and "detached" in detached.stdout
    again = run_cli("audio", "align", str(tid), "--db", str(db))
    assert again.returncode == 2 and "has no recording" in again.stderr
