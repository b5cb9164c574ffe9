"""Seek-to-audible latency, measured where the sound comes out: a PulseAudio null sink.

The player needs an audio device to be honest about this figure (with none, Qt reports the
new position at once and plays nothing). This starts a private PulseAudio server (its own
runtime folder, no other client sees it) with a null sink, plays a recording of silence with
1 kHz tone blocks through ``QMediaPlayer``/``QAudioOutput`` into it, and records the sink's
monitor with ``parec``. Each try plays silence, calls ``setPosition`` into a tone block, and
times the first tone sample that reaches the sink: everything between the click and the
speaker except the sound card's own buffer. The capture's own delay (``parec`` reads in
~5 ms fragments) is included, so the figure is an upper bound.

Also measured, without any device: from ``setPosition`` to the first decoded buffer at the new
position (``QAudioBufferOutput``, Qt >= 6.8), the player's own share.

Run alone: ``python benchmarks/seek_audible.py`` (needs the Debian packages ``pulseaudio`` and
``pulseaudio-utils``; see packaging/ci-deps.sh). ``audio_bench`` runs it in a child process.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

import numpy as np

RATE = 44_100
TONE_AT_S = [6 * k for k in range(1, 11)]  # 1 kHz blocks of 2 s at 6, 12, ... 60 s; silence elsewhere
TONE_S = 2.0
LOUD = 2000  # |sample| counted as sound (the tone peaks at 16,000; silence is 0)


def make_tone_file(path: Path) -> None:
    """Silence with tone blocks at ``TONE_AT_S`` (mono, 16-bit)."""
    total = (TONE_AT_S[-1] + 4) * RATE
    pcm = np.zeros(total, dtype=np.int16)
    t = np.arange(int(TONE_S * RATE)) / RATE
    tone = (16_000 * np.sin(2 * np.pi * 1000 * t)).astype(np.int16)
    for s in TONE_AT_S:
        pcm[s * RATE:s * RATE + len(tone)] = tone
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())


class _Monitor:
    """``parec`` on the null sink's monitor; remembers when each loud sample arrived."""

    def __init__(self, source: str) -> None:
        self.proc = subprocess.Popen(["parec", "-d", source, "--raw", "--format=s16le", "--channels=1",
                                      f"--rate={RATE}", "--latency-msec=5"], stdout=subprocess.PIPE)
        self.loud: list[float] = []  # perf_counter of the first loud sample in each chunk
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while True:
            chunk = self.proc.stdout.read1(4096)  # type: ignore[attr-defined]
            now = time.perf_counter()
            if not chunk:
                return
            pcm = np.frombuffer(chunk[:len(chunk) // 2 * 2], dtype=np.int16)
            hits = np.flatnonzero(np.abs(pcm.astype(np.int32)) > LOUD)
            if hits.size:  # the chunk ended at `now`: its first loud sample came that much earlier
                self.loud.append(now - (len(pcm) - hits[0]) / RATE)

    def first_loud_after(self, t: float) -> float | None:
        return next((x for x in self.loud if x > t), None)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(5)


def _wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def measure(path: Path, sink_monitor: str | None) -> tuple[list[float], list[float]]:
    """(ms to audible at the sink per try, ms to the first decoded buffer there per try)."""
    from PySide6.QtCore import QCoreApplication, QUrl
    from PySide6.QtMultimedia import QAudioBufferOutput, QAudioOutput, QMediaDevices, QMediaPlayer

    app = QCoreApplication.instance() or QCoreApplication([])
    player = QMediaPlayer()
    output = QAudioOutput()
    if sink_monitor is not None:
        if not QMediaDevices.audioOutputs():
            raise RuntimeError("the null sink is not seen by Qt Multimedia")
        output.setDevice(QMediaDevices.defaultAudioOutput())
    player.setAudioOutput(output)
    buffers: list[tuple[float, int]] = []
    tap = QAudioBufferOutput()
    tap.audioBufferReceived.connect(lambda b: buffers.append((time.perf_counter(), b.startTime() // 1000)))
    player.setAudioBufferOutput(tap)
    player.setSource(QUrl.fromLocalFile(str(path)))
    for _ in range(100):
        if player.mediaStatus() == QMediaPlayer.MediaStatus.LoadedMedia:
            break
        _wait(50)
    monitor = _Monitor(sink_monitor) if sink_monitor is not None else None
    audible: list[float] = []
    decoded: list[float] = []
    try:
        player.play()
        for tone_s in TONE_AT_S:
            player.setPosition((tone_s - 3) * 1000)  # silence: let the pipeline drain
            _wait(900)
            target = tone_s * 1000 + 200
            buffers.clear()
            t0 = time.perf_counter()
            player.setPosition(target)
            _wait(700)
            hit = next((t for t, at in buffers if abs(at - target) < 200), None)
            if hit is not None:
                decoded.append((hit - t0) * 1000)
            if monitor is not None:
                loud = monitor.first_loud_after(t0)
                if loud is not None:
                    audible.append((loud - t0) * 1000)
        if sink_monitor is not None:  # what the sink buffers beyond its monitor, while playing
            info = subprocess.run(["pactl", "list", "sinks"], capture_output=True, text=True).stdout
            latency = [line.split()[1] for line in info.splitlines() if line.strip().startswith("Latency:")]
            print("sink " + " ".join(f"{int(x) / 1000:.1f}" for x in latency), flush=True)
        player.stop()
    finally:
        if monitor is not None:
            monitor.stop()
    del app
    return audible, decoded


def start_null_sink(folder: Path) -> tuple[subprocess.Popen[bytes], dict[str, str]] | None:
    """A private PulseAudio server with a null sink; (process, environment for clients) or None."""
    if shutil.which("pulseaudio") is None or shutil.which("parec") is None:
        return None
    run = folder / "run"
    run.mkdir(parents=True, exist_ok=True)
    socket = run / "native"
    env = {**os.environ, "PULSE_RUNTIME_PATH": str(run), "PULSE_STATE_PATH": str(folder / "state"),
           "PULSE_SERVER": f"unix:{socket}"}
    proc = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
         "-L", "module-null-sink sink_name=taiyaku_bench",
         "-L", f"module-native-protocol-unix socket={socket} auth-anonymous=1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            return proc, env
        time.sleep(0.05)
    proc.terminate()
    return None


def main() -> None:
    """Print the medians; the last line is machine-readable (``seek_audible_ms``, ``seek_decoded_ms``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if len(sys.argv) > 2 and sys.argv[1] == "--child":  # in the server's environment
        audible, decoded = measure(Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
        print("audible " + " ".join(f"{x:.1f}" for x in audible))
        print("decoded " + " ".join(f"{x:.1f}" for x in decoded))
        return
    with tempfile.TemporaryDirectory(prefix="taiyaku-seek-") as tmp:
        path = Path(tmp) / "tones.wav"
        make_tone_file(path)
        server = start_null_sink(Path(tmp) / "pulse")
        env, args = dict(os.environ), [str(path)]
        if server is not None:
            env = server[1]
            args.append("taiyaku_bench.monitor")
        try:
            child = subprocess.run([sys.executable, __file__, "--child", *args], env=env, capture_output=True,
                                   text=True, timeout=180)
        finally:
            if server is not None:
                server[0].terminate()
                server[0].wait(5)
    rows = {line.split(" ", 1)[0]: [float(x) for x in line.split()[1:]] for line in child.stdout.splitlines()
            if line.startswith(("audible", "decoded", "sink"))}
    audible, decoded = rows.get("audible", []), rows.get("decoded", [])
    if server is None:
        print("seek to audible: n/a (no pulseaudio/parec: apt-get install pulseaudio pulseaudio-utils)")
    elif audible:
        sink = rows.get("sink", [])
        print(f"seek to audible (PulseAudio null sink, {len(audible)} tries): "
              f"median {statistics.median(audible):.0f} ms, "
              f"max {max(audible):.0f} ms; the sink's own latency then {sink[0] if sink else '?'} ms "
              "(a sound card adds its buffer)")
    else:
        print(f"seek to audible: nothing reached the null sink ({child.stderr.strip()[-300:]})")
    if decoded:
        print(f"seek to first decoded buffer ({len(decoded)} tries): median {statistics.median(decoded):.1f} ms, "
              f"max {max(decoded):.1f} ms")
    med_a = f"{statistics.median(audible):.0f}" if audible else "na"
    med_d = f"{statistics.median(decoded):.1f}" if decoded else "na"
    max_a = f"{max(audible):.0f}" if audible else "na"
    print(f"seek_audible_ms={med_a} seek_audible_max_ms={max_a} seek_decoded_ms={med_d}")


if __name__ == "__main__":
    main()
