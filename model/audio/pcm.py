"""Audio files to 16 kHz mono 16-bit samples, without Qt, and a recording's identity.

WAV (PCM 8/16/24/32-bit, any rate, any channels) is read with the standard
library's ``wave`` and resampled with numpy. Other formats (mp3, m4a, ogg/opus,
flac, the audio of mp4/webm) are decoded by FFmpeg when its ``ffmpeg`` program
is on the PATH; otherwise the window decodes them with Qt (``gui.audio``) and
hands the samples over, and the command line says it needs WAV or FFmpeg.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from model.errors import TaiyakuError

if TYPE_CHECKING:  # numpy is imported by the functions that compute: the window's start does not wait for it
    import numpy as np
    import numpy.typing as npt

    Samples = npt.NDArray[np.int16]

RATE = 16000  # what the aligner's acoustic model was trained on
AUDIO_SUFFIXES = (".wav", ".mp3", ".m4a", ".aac", ".ogg", ".opus", ".oga", ".flac", ".mp4", ".webm", ".mkv",
                  ".mov", ".wma")


class AudioError(TaiyakuError):
    """A file that cannot be read as audio (one line)."""


@dataclass(frozen=True)
class RecordingInfo:
    """What identifies a recording on disk."""

    path: str
    size: int
    sha256: str
    duration_ms: int


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    """The file's sha256, read in chunks (a recording may be hundreds of MB)."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _check_file(path: Path) -> None:
    if not path.exists():
        raise AudioError(f"{path} does not exist")
    if not path.is_file():
        raise AudioError(f"{path} is not a regular file")
    if not os.access(path, os.R_OK):
        raise AudioError(f"{path} cannot be read (permission denied)")


def identify(path: str | Path, duration_ms: int | None = None) -> RecordingInfo:
    """Size, sha256 and duration of a recording (its duration read from the file unless given)."""
    p = Path(path).expanduser().resolve()
    _check_file(p)
    if duration_ms is None:
        duration_ms = probe_duration_ms(p)
    return RecordingInfo(str(p), p.stat().st_size, file_sha256(p), duration_ms)


def probe_duration_ms(path: Path) -> int:
    """The recording's length in milliseconds; ``AudioError`` when it is not audio we can read."""
    try:
        with wave.open(str(path), "rb") as w:
            frames, rate = w.getnframes(), w.getframerate()
            if rate <= 0:
                raise AudioError(f"{path} is a WAV file without a sample rate")
            return int(frames * 1000 / rate)
    except (wave.Error, EOFError):
        pass
    ogg = ogg_duration_ms(path)
    if ogg is not None:
        return ogg
    return int(len(decode(path)) * 1000 / RATE)


def ogg_duration_ms(path: Path) -> int | None:
    """The length of an Ogg Vorbis or Opus file from its headers (no decoding), else None.

    The last page's granule position counts samples at the stream's rate (48 kHz for Opus).
    """
    try:
        with path.open("rb") as f:
            head = f.read(4096)
            if not head.startswith(b"OggS"):
                return None
            size = path.stat().st_size
            f.seek(max(size - 65536, 0))
            tail = f.read()
    except OSError:
        return None
    if (i := head.find(b"\x01vorbis")) >= 0 and len(head) >= i + 16:
        rate = int.from_bytes(head[i + 12:i + 16], "little")
    elif b"OpusHead" in head:
        rate = 48000
    else:
        return None
    last = tail.rfind(b"OggS")
    if last < 0 or len(tail) < last + 14 or rate <= 0:
        return None
    granule = int.from_bytes(tail[last + 6:last + 14], "little")
    return int(granule * 1000 / rate)


def decode(path: str | Path) -> Samples:
    """The whole recording as 16 kHz mono int16 samples."""
    import numpy as np

    p = Path(path)
    _check_file(p)
    try:
        return _read_wav(p)
    except (wave.Error, EOFError):
        pass  # not a WAV file we can read: FFmpeg, if the machine has it
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise AudioError(f"{p} is not a WAV file, and reading other formats from the command line needs "
                         "FFmpeg (the window reads them without it)")
    proc = subprocess.run([ffmpeg, "-nostdin", "-v", "error", "-i", str(p), "-vn", "-ac", "1", "-ar", str(RATE),
                           "-f", "s16le", "-"], capture_output=True, check=False)
    if proc.returncode != 0 or not proc.stdout:
        reason = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise AudioError(f"{p} is not audio FFmpeg can read ({reason[-1] if reason else 'no audio stream'})")
    return np.frombuffer(proc.stdout, dtype="<i2").astype(np.int16)


def _read_wav(path: Path) -> Samples:
    import numpy as np

    # Block by block: an hour at 44.1 kHz would otherwise need gigabytes of floats at once.
    blocks: list[Samples] = []
    with wave.open(str(path), "rb") as w:
        channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
        step = max(rate, 1) * 30
        while raw := w.readframes(step):
            blocks.append(to_rate(_to_mono(raw, channels, width, path), rate))
    return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int16)


def _to_mono(raw: bytes, channels: int, width: int, path: Path) -> npt.NDArray[np.float32]:
    import numpy as np

    if width == 1:
        data = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) * 256.0
    elif width == 2:
        data = np.frombuffer(raw, dtype="<i2").astype(np.float32)
    elif width == 3:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        data = (((b[:, 2] << 24) | (b[:, 1] << 16) | (b[:, 0] << 8)) >> 16).astype(np.float32)
    elif width == 4:
        data = (np.frombuffer(raw, dtype="<i4") >> 16).astype(np.float32)
    else:
        raise AudioError(f"{path} has {width * 8}-bit samples, which Taiyaku does not read")
    if channels > 1:
        data = data[: len(data) // channels * channels].reshape(-1, channels).mean(axis=1, dtype=np.float32)
    return data


def to_rate(data: npt.NDArray[np.floating], rate: int) -> Samples:
    """Mono samples at ``rate`` resampled to 16 kHz int16.

    Going down, each output sample averages the input samples it spans (a box
    filter that keeps most aliasing out of the speech band); then linear
    interpolation. Enough for speech recognition features and a waveform.
    """
    import numpy as np

    if rate == RATE:
        same: Samples = np.clip(data, -32768, 32767).astype(np.int16)
        return same
    if len(data) == 0:
        return np.zeros(0, dtype=np.int16)
    if rate > RATE:
        width = max(int(round(rate / RATE)), 1)
        if width > 1:
            kernel = np.ones(width, dtype=np.float32) / width
            data = np.convolve(data, kernel, mode="same")
    n = int(len(data) * RATE / rate)
    positions = np.arange(n, dtype=np.float64) * (rate / RATE)
    out = np.interp(positions, np.arange(len(data), dtype=np.float32), data)
    samples: Samples = np.clip(out, -32768, 32767).astype(np.int16)
    return samples
