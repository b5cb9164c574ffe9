"""The waveform: the whole recording at a glance, and a zoomed strip of the seconds around the
playhead (words and pauses can be seen there), segment boundaries and gaps on both.

Peaks (one per 20 ms; the overview is made from them) are computed once in a background
thread (``model.audio.pcm`` reads WAV, or any format when FFmpeg is installed; otherwise Qt's
``QAudioDecoder`` decodes) and cached in the user cache folder by the file's sha256, so the next
opening is instant.
A click seeks.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.audio.common import tr
from gui.window.activity import taking_turns
from model.audio.pcm import RATE, AudioError, decode, to_rate

if TYPE_CHECKING:  # pragma: no cover
    # numpy and Qt Multimedia (0.3-0.5 s to import) are imported where peaks are computed, off the
    # window's start-up: the views draw plain sequences of floats.
    import numpy as np
    from PySide6.QtMultimedia import QAudioDecoder

BINS = 4000  # peaks kept for the whole recording (enough for a wide screen)


FINE_MS = 20  # one detail peak per 20 ms: what the zoomed strip around the playhead draws
ZOOM_MS = 12_000  # the zoomed strip shows this much of the recording, the playhead in its middle


def cache_path(sha256: str) -> Path:
    """Where a recording's peaks are cached (the detail peaks; the overview is made from them)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Taiyaku", appauthor=False)) / "waveforms" / f"{sha256}-{FINE_MS}ms.npy"


def overview(fine: np.ndarray, bins: int = BINS) -> np.ndarray:
    """The whole recording in ``bins`` peaks, each the largest of the detail peaks it covers."""
    import numpy as np

    if len(fine) == 0:
        return np.zeros(bins, dtype=np.float32)
    starts = np.minimum(np.linspace(0, len(fine), bins + 1).astype(np.int64)[:-1], len(fine) - 1)
    return np.maximum.reduceat(fine, starts).astype(np.float32)


def fine_peaks(samples: np.ndarray, rate: int = RATE) -> np.ndarray:
    """One peak per ``FINE_MS`` of ``samples`` (16 kHz mono), scaled to 0..1."""
    return peaks_of(samples, max(1, -(-len(samples) * 1000 // (rate * FINE_MS))))


def wav_fine_peaks(path: str) -> np.ndarray | None:
    """Detail peaks straight from a 16-bit WAV file (see ``wav_peaks``); None for any other file."""
    import wave

    try:
        with wave.open(path, "rb") as w:
            rate, frames = w.getframerate(), w.getnframes()
    except (wave.Error, EOFError, OSError):
        return None
    return wav_peaks(path, max(1, -(-frames * 1000 // (max(rate, 1) * FINE_MS))))


def peaks_of(samples: np.ndarray, bins: int = BINS) -> np.ndarray:
    """The largest absolute sample in each of ``bins`` stretches, scaled to 0..1."""
    import numpy as np

    if len(samples) == 0:
        return np.zeros(bins, dtype=np.float32)
    edges = np.linspace(0, len(samples), bins + 1).astype(np.int64)
    absolute = np.abs(samples.astype(np.int32))
    starts = np.minimum(edges[:-1], len(samples) - 1)
    out = np.maximum.reduceat(absolute, starts).astype(np.float32)
    top = float(out.max()) or 1.0
    return out / top


def wav_peaks(path: str, bins: int = BINS) -> np.ndarray | None:
    """Peaks straight from a 16-bit WAV file, block by block, without resampling (several times
    faster than decoding to 16 kHz first); None for any other file."""
    import wave

    import numpy as np

    try:
        w = wave.open(path, "rb")  # noqa: SIM115  closed by the with below, once the open has not failed
    except (wave.Error, EOFError, OSError):
        return None
    with w:
        if w.getsampwidth() != 2 or w.getnframes() == 0:
            return None
        channels, frames = w.getnchannels(), w.getnframes()
        per_bin = -(-frames // bins)  # frames per bin, rounded up
        out = np.zeros(bins, dtype=np.float32)
        at = 0
        while at < bins:
            raw = w.readframes(per_bin * 256)
            if not raw:
                break
            data = np.abs(np.frombuffer(raw, dtype="<i2").astype(np.int32))
            n = -(-len(data) // (per_bin * channels))
            data = np.pad(data, (0, n * per_bin * channels - len(data)))
            block = data.reshape(n, per_bin * channels).max(axis=1)[: bins - at]
            out[at:at + len(block)] = block
            at += len(block)
    top = float(out.max()) or 1.0
    return out / top


class QtPcm(QObject):
    """Decodes a file Qt Multimedia can read (its FFmpeg) to 16 kHz mono int16, on the GUI thread.

    For formats ``model.audio.pcm`` cannot read on this machine (mp3, m4a... without FFmpeg).
    ``done(samples)`` or ``failed(one line)``.
    """

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chunks: list[np.ndarray] = []
        self._decoder: QAudioDecoder | None = None

    def start(self, path: str) -> None:
        from PySide6.QtMultimedia import QAudioDecoder, QAudioFormat

        decoder = QAudioDecoder(self)
        fmt = QAudioFormat()
        fmt.setSampleRate(RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        decoder.setAudioFormat(fmt)
        decoder.setSource(QUrl.fromLocalFile(path))
        self._chunks = []
        self._decoder = decoder
        decoder.bufferReady.connect(self._take)
        decoder.finished.connect(self._finish)
        decoder.error.connect(lambda _e: self.failed.emit(
            tr("The recording cannot be decoded: %1").replace("%1", decoder.errorString())))
        decoder.start()

    def _take(self) -> None:
        if self._decoder is None:
            return
        import numpy as np

        buf = self._decoder.read()
        fmt = buf.format()
        data = np.frombuffer(bytes(buf.constData()), dtype="<i2").astype(np.float32)
        channels = max(fmt.channelCount(), 1)
        if channels > 1:
            data = data[: len(data) // channels * channels].reshape(-1, channels).mean(axis=1)
        self._chunks.append(to_rate(data, fmt.sampleRate() or RATE))

    def _finish(self) -> None:
        import numpy as np

        samples = np.concatenate(self._chunks) if self._chunks else np.zeros(0, dtype=np.int16)
        self._chunks = []
        self.done.emit(samples)


class PeaksLoader(QObject):
    """Computes a recording's detail peaks (one per ``FINE_MS``) off the GUI thread;
    ``ready(sha256, peaks)`` or ``failed(text)``."""

    ready = Signal(str, object)
    failed = Signal(str)
    _qt_fallback = Signal(str, str)  # a file only Qt can decode: handled on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qt: QtPcm | None = None
        self._qt_fallback.connect(self._decode_with_qt, Qt.ConnectionType.QueuedConnection)

    def load(self, path: str, sha256: str) -> None:
        """Start loading (from the cache when there), in a thread: reading the cache needs numpy,
        whose import (0.2-0.3 s) would otherwise hold the window up."""
        threading.Thread(target=self._decode, args=(path, sha256), daemon=True,
                         name="taiyaku-waveform").start()

    def _decode(self, path: str, sha256: str) -> None:
        # In its turn among the window's background threads: numpy's import and the decoding hold
        # Python's lock for long stretches, right after the first paint for a transcript with a
        # recording (gui.window.activity).
        with taking_turns():
            self._decode_in_turn(path, sha256)

    def _decode_in_turn(self, path: str, sha256: str) -> None:
        import numpy as np

        cached = cache_path(sha256)
        if cached.exists():
            try:
                self.ready.emit(sha256, np.load(cached))
                return
            except (OSError, ValueError):
                pass  # a broken cache file: decode again
        try:
            peaks = wav_fine_peaks(path)
            if peaks is None:
                peaks = fine_peaks(decode(path))
        except AudioError:
            # Not readable without Qt (e.g. mp3 and no FFmpeg): Qt's decoder, on the GUI thread.
            self._qt_fallback.emit(path, sha256)
            return
        except Exception as exc:  # any failure is one line for the user
            self.failed.emit(str(exc))
            return
        self._store(sha256, peaks)

    def _store(self, sha256: str, peaks: np.ndarray) -> None:
        try:
            target = cache_path(sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            import numpy as np

            np.save(target, peaks)
        except OSError:
            pass  # no cache: the next opening decodes again
        self.ready.emit(sha256, peaks)

    def _decode_with_qt(self, path: str, sha256: str) -> None:
        self._qt = QtPcm(self)
        self._qt.done.connect(lambda samples: self._store(sha256, fine_peaks(samples)))
        self._qt.failed.connect(self.failed)
        self._qt.start(path)


class WaveformView(QWidget):
    """Peaks of the whole recording, the playhead, segment starts and gaps; a click seeks."""

    seekRequested = Signal(int)  # ms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.peaks: np.ndarray | None = None
        self.duration_ms = 0
        self.position_ms = 0
        self.boundaries: list[tuple[int, str]] = []  # (start ms, timing kind)
        self.gaps: list[tuple[int, int]] = []
        self.current: tuple[int, int] | None = None  # the current segment's span
        self.setMinimumHeight(56)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tr("The whole recording: click to play from there"))

    def sizeHint(self) -> QSize:
        return QSize(400, 64)

    def _x(self, ms: int) -> float:
        return ms * self.width() / self.duration_ms if self.duration_ms else 0.0

    def ms_at(self, x: float) -> int:
        """The time under ``x`` (pixels from the left)."""
        return int(x * self.duration_ms / max(self.width(), 1))

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if not self.duration_ms:  # no recording: no playhead at 0:00 over an empty strip
            p.end()
            return
        h, w = self.height(), max(self.width(), 1)
        mid = h / 2
        if self.current is not None and self.duration_ms:
            a, b = self.current
            p.fillRect(QRectF(self._x(a), 0, max(self._x(b) - self._x(a), 2), h),
                       pal.color(QPalette.ColorRole.Highlight).lighter(170))
        for a, b in self.gaps:
            p.fillRect(QRectF(self._x(a), 0, max(self._x(b) - self._x(a), 2), h), QColor(230, 120, 40, 90))
        if self.peaks is not None and len(self.peaks):
            p.setPen(pal.color(QPalette.ColorRole.Text))
            n = len(self.peaks)
            for x in range(w):
                v = float(self.peaks[min(int(x * n / w), n - 1)]) * (mid - 2)
                p.drawLine(x, int(mid - v), x, int(mid + v))
        elif self.duration_ms:  # a recording is attached: its peaks are being read
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Reading the recording…"))
        quiet = pal.color(QPalette.ColorRole.PlaceholderText)
        for ms, kind in self.boundaries:
            colour = QColor(quiet)
            if kind == "estimated":
                colour.setAlpha(90)
            p.setPen(colour)
            x = int(self._x(ms))
            p.drawLine(x, 0, x, 6 if kind == "estimated" else h)
        p.setPen(QColor(200, 30, 30))
        x = int(self._x(self.position_ms))
        p.drawLine(x, 0, x, h)
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.duration_ms and event.button() == Qt.MouseButton.LeftButton:
            self.seekRequested.emit(max(0, min(self.ms_at(event.position().x()), self.duration_ms)))


class ZoomView(WaveformView):
    """``ZOOM_MS`` of the recording around the playhead, in detail: words and pauses can be seen,
    with a tick every second, segment starts, gaps and the current segment; a click seeks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fine: np.ndarray | None = None  # one peak per FINE_MS
        self.setMinimumHeight(72)
        self.setToolTip(tr("The recording around the playhead: click to play from there"))

    def sizeHint(self) -> QSize:
        return QSize(400, 80)

    def _left_ms(self) -> float:
        return self.position_ms - ZOOM_MS / 2

    def _x(self, ms: int) -> float:
        return (ms - self._left_ms()) * self.width() / ZOOM_MS

    def ms_at(self, x: float) -> int:
        """The time under ``x`` (pixels from the left)."""
        return int(self._left_ms() + x * ZOOM_MS / max(self.width(), 1))

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if not self.duration_ms:  # no recording: no seconds and no playhead around nothing
            p.end()
            return
        h, w = self.height(), max(self.width(), 1)
        mid = (h - 12) / 2 + 12  # the top 12 px hold the second marks
        if self.current is not None:
            a, b = self.current
            p.fillRect(QRectF(self._x(a), 12, max(self._x(b) - self._x(a), 2), h - 12),
                       pal.color(QPalette.ColorRole.Highlight).lighter(170))
        for a, b in self.gaps:
            p.fillRect(QRectF(self._x(a), 12, max(self._x(b) - self._x(a), 2), h - 12), QColor(230, 120, 40, 90))
        quiet = pal.color(QPalette.ColorRole.PlaceholderText)
        if self.fine is not None and len(self.fine):
            p.setPen(pal.color(QPalette.ColorRole.Text))
            n = len(self.fine)
            for x in range(w):
                a = int(self.ms_at(x) // FINE_MS)
                b = max(int(self.ms_at(x + 1) // FINE_MS), a + 1)
                if b <= 0 or a >= n:
                    continue
                v = float(self.fine[max(a, 0):min(b, n)].max()) * (mid - 14)
                p.drawLine(x, int(mid - v), x, int(mid + v))
        p.setPen(quiet)
        font = p.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        p.setFont(font)
        first = int(self._left_ms() // 1000 + 1) * 1000
        for ms in range(max(first, 0), int(self._left_ms() + ZOOM_MS) + 1, 1000):
            x = int(self._x(ms))
            p.drawLine(x, 8, x, 12)
            if ms % 2000 == 0:
                seconds = ms // 1000
                p.drawText(x + 2, 9, f"{seconds // 60}:{seconds % 60:02d}")
        for ms, kind in self.boundaries:
            colour = QColor(quiet)
            if kind == "estimated":
                colour.setAlpha(110)
            p.setPen(colour)
            x = int(self._x(ms))
            if 0 <= x < w:
                p.drawLine(x, 12, x, h)
        p.setPen(QColor(200, 30, 30))
        x = int(self._x(self.position_ms))
        p.drawLine(x, 0, x, h)
        p.end()
