"""Real test recordings, made with espeak-ng and sox (never taken from outside).

``make_recording`` speaks a script of pieces -- transcript paragraphs, speech that is
not in the transcript (an operator's hold message), pauses -- into one 16-bit mono WAV
with optional background noise, and returns the true start and end of every piece.
The truth comes from the lengths of the pieces as they were concatenated.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import pytest

RATE = 22050  # espeak-ng's own rate; sox keeps it


@dataclass(frozen=True)
class Piece:
    """One stretch of the recording: ``spoken`` words in ``voice``, or a pause when ``spoken`` is ''."""

    spoken: str = ""
    pause_s: float = 0.0
    voice: str = "en-us+m3"
    speed: int = 160


@dataclass(frozen=True)
class Truth:
    """Where a piece really is in the recording (seconds)."""

    piece: Piece
    start: float
    end: float


def tools_or_skip() -> None:
    """Skip the test when espeak-ng or sox is missing; in CI (CI=true) fail instead."""
    missing = [t for t in ("espeak-ng", "sox") if shutil.which(t) is None]
    if missing:
        message = f"{' and '.join(missing)} not installed (Debian: apt-get install espeak-ng sox)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


def _frames(path: Path) -> int:
    with wave.open(str(path)) as w:
        return w.getnframes()


def make_recording(pieces: list[Piece], out: Path, noise: float = 0.0) -> list[Truth]:
    """Speak ``pieces`` into ``out`` (16-bit mono WAV at 22,050 Hz); return each piece's truth.

    ``noise`` is the amplitude of white noise mixed under the whole recording (0: none).
    """
    work = out.parent / (out.stem + "-parts")
    work.mkdir(parents=True, exist_ok=True)
    parts: list[Path] = []
    truths: list[Truth] = []
    at = 0
    for i, piece in enumerate(pieces):
        part = work / f"{i:04d}.wav"
        if piece.spoken:
            raw = work / f"{i:04d}-raw.wav"
            subprocess.run(["espeak-ng", "-v", piece.voice, "-s", str(piece.speed), "-w", str(raw), piece.spoken],
                           check=True, capture_output=True)
            subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer",
                            str(part)], check=True, capture_output=True)
        else:
            subprocess.run(["sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer", str(part),
                            "trim", "0", f"{piece.pause_s:.3f}"], check=True, capture_output=True)
        n = _frames(part)
        truths.append(Truth(piece, at / RATE, (at + n) / RATE))
        at += n
        parts.append(part)
    speech = work / "speech.wav"
    subprocess.run(["sox", *map(str, parts), "-b", "16", "-e", "signed-integer", str(speech)],
                   check=True, capture_output=True)
    if noise > 0:
        hiss = work / "noise.wav"
        # -R: the same noise every time, so a recording (and what the aligner makes of it) repeats.
        subprocess.run(["sox", "-R", "-n", "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer", str(hiss),
                        "synth", f"{at / RATE:.3f}", "whitenoise", "vol", f"{noise}"], check=True, capture_output=True)
        subprocess.run(["sox", "-m", str(speech), str(hiss), "-b", "16", "-e", "signed-integer", str(out)],
                       check=True, capture_output=True)
    else:
        shutil.move(str(speech), out)
    shutil.rmtree(work, ignore_errors=True)
    return truths
