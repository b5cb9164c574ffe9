"""Audio benchmark: sync speed and accuracy, waveform overview, seeking.

Recordings are made with espeak-ng and sox (as in the tests): the bundled sample's
English paragraphs, repeated to the wanted length, with a pause after each and the
operator's hold message (not in the text) after every tenth, with background noise.
The true start of every paragraph is known. Measured:

- alignment time as a fraction of the recording's length (goal <= 0.1x), wall and CPU;
- paragraph start error against the truth (median, max; goal: every one within 0.5 s)
  and how many paragraphs were aligned (the rest are left *estimated*);
- waveform overview ready: decode + peaks (goal <= 2 s for 60 minutes), and from the cache;
- seek-to-audible latency (goal <= 100 ms): ``QMediaPlayer.setPosition`` while playing to the first
  sample at the new place reaching a PulseAudio null sink (``seek_audible.py``), and to the first
  decoded buffer there;
- peak memory (max RSS).

Run: ``python benchmarks/audio_bench.py [--minutes 5 60]``. The machine is shared: read the
CPU figures beside the wall-clock ones. The last line is machine-readable.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.memory import peak_mb  # noqa: E402
from model.audio.align import Paragraph, align  # noqa: E402
from model.audio.pcm import decode  # noqa: E402
from tests.audio_fixture import Piece, make_recording  # noqa: E402

HOLD = ("Please hold while we connect the next caller. Your call is important to us. "
        "Thank you for waiting, the conference will resume shortly.")
SAMPLE = ROOT / "resources" / "samples" / "taiyaku-sample-briefing.txt"
_LABEL = re.compile(r"^(?:\[[^\]]*\]\s*)?(?:[A-Z][A-Z .'’-]+:|Q[ .:])\s*")


def english_paragraphs() -> list[str]:
    """The sample's English paragraphs (labels and timestamps removed)."""
    out = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        text = _LABEL.sub("", line.strip())
        letters = sum(c.isascii() and c.isalpha() for c in text)
        if len(text) > 40 and letters > 0.6 * len(text):
            out.append(text)
    return out


def build(minutes: float, folder: Path) -> tuple[Path, list[str], list[float], float]:
    """A recording of about ``minutes``: (path, paragraphs, true starts, seconds)."""
    base = english_paragraphs()
    pieces: list[Piece] = [Piece(pause_s=1.0)]
    texts: list[str] = []
    index: list[int] = []
    seconds = 0.0
    i = 0
    while seconds < minutes * 60:
        text = base[i % len(base)]
        index.append(len(pieces))
        texts.append(text)
        pieces += [Piece(text), Piece(pause_s=0.4 + 0.3 * (i % 4))]
        seconds += len(text) / 15.5 + 0.9  # about espeak-ng's pace at 160 words a minute
        if i % 10 == 9:
            pieces += [Piece(HOLD, voice="en+f3"), Piece(pause_s=0.8)]
            seconds += 9.8
        i += 1
    path = folder / f"call-{int(minutes)}min.wav"
    truths = make_recording(pieces, path, noise=0.015)
    return path, texts, [truths[k].start for k in index], truths[-1].end


def seek_figures() -> dict[str, str]:
    """Seek-to-audible through a PulseAudio null sink (``seek_audible.py``, in a child process)."""
    child = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "seek_audible.py")], capture_output=True,
                           text=True, timeout=300)
    lines = child.stdout.strip().splitlines()
    for line in lines[:-1]:
        print(line, flush=True)
    if not lines or "=" not in lines[-1]:
        print(f"seek latency: not measured ({child.stderr.strip()[-200:]})")
        return {"seek_audible_ms": "na"}
    return dict(item.split("=", 1) for item in lines[-1].split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[5, 60])
    args = parser.parse_args()
    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="taiyaku-audio-bench-") as tmp:
        for minutes in args.minutes:
            tag = f"{int(minutes)}min"
            t0 = time.perf_counter()
            path, texts, truth, length = build(minutes, Path(tmp))
            print(f"[{tag}] recording made: {length / 60:.1f} min, {len(texts)} paragraphs "
                  f"({time.perf_counter() - t0:.0f} s, not measured)", flush=True)
            t0, c0 = time.perf_counter(), time.process_time()
            samples = decode(path)
            decode_s = time.perf_counter() - t0
            result = align(samples, [Paragraph(k, t) for k, t in enumerate(texts)])
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            errors = [abs(result.segments[k][0] / 1000 - truth[k]) for k in range(len(texts)) if k in result.segments]
            median = statistics.median(errors) if errors else float("nan")
            worst = max(errors) if errors else float("nan")
            within = sum(1 for e in errors if e <= 0.5)
            print(f"[{tag}] align: {wall:.1f} s wall ({wall / length:.3f}x), {cpu:.1f} s CPU ({cpu / length:.3f}x), "
                  f"decode {decode_s:.1f} s; aligned {len(errors)}/{len(texts)} paragraphs, "
                  f"start error median {median * 1000:.0f} ms, max {worst * 1000:.0f} ms, "
                  f"{within}/{len(errors)} within 0.5 s", flush=True)
            figures.update({f"align_x_{tag}": f"{wall / length:.3f}", f"align_cpu_x_{tag}": f"{cpu / length:.3f}",
                            f"aligned_{tag}": f"{len(errors)}/{len(texts)}",
                            f"err_median_ms_{tag}": f"{median * 1000:.0f}", f"err_max_ms_{tag}": f"{worst * 1000:.0f}"})
            del samples
            from gui.audio.waveform import overview, wav_fine_peaks

            t0 = time.perf_counter()  # what the window does: detail peaks (20 ms), the overview from them
            peaks = wav_fine_peaks(str(path))
            assert peaks is not None
            overview(peaks)
            ready = time.perf_counter() - t0
            import numpy as np

            cached = Path(tmp) / f"peaks-{tag}.npy"
            np.save(cached, peaks)
            t0 = time.perf_counter()
            np.load(cached)
            from_cache = time.perf_counter() - t0
            print(f"[{tag}] waveform ready: {ready:.2f} s (from the cache: {from_cache * 1000:.1f} ms)", flush=True)
            figures.update({f"waveform_s_{tag}": f"{ready:.2f}"})
    figures.update(seek_figures())
    peak = peak_mb()
    figures["peak_mb"] = f"{peak:.0f}"
    figures["load"] = f"{os.getloadavg()[0]:.1f}"
    print(f"peak memory {peak:.0f} MB; load average {os.getloadavg()[0]:.1f} (2 cores, shared machine)")
    print(" ".join(f"{k}={v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
