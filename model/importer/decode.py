"""Turning the bytes of a transcript file into text, or refusing them in one line.

Supported: UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, UTF-16 LE/BE without
BOM (recognised by where its NUL bytes fall), Shift_JIS
(decoded as cp932, its Windows superset) and EUC-JP; newlines LF, CRLF or CR.
Lines are only ever split on ``\\r\\n``, ``\\r`` and ``\\n``: ``str.splitlines``
would also break on U+0085 and friends, which appear in mis-decoded cp932.

Files are read in chunks, twice: ``sniff`` checks the whole file (strict
decoding, NUL bytes, control characters, newline style, SHA-256) without
keeping it, then ``TextChunks`` decodes it chunk by chunk for the parser. So a
20 MB file never sits in memory whole, as bytes or as text.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import AnyStr, BinaryIO

from model.errors import ImportRefused

CHUNK = 1 << 20  # bytes read at a time
# BOMs, longest first: the UTF-32-LE BOM starts with the UTF-16-LE one. (bom, codec, name reported)
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
_SHOWN = {"utf-32": "UTF-32", "utf-8-sig": "UTF-8", "utf-16": "UTF-16"}
# Without a BOM: UTF-8, then the legacy Japanese encodings. (codec, name reported)
_PLAIN = (("utf-8", "utf-8"), ("cp932", "cp932"), ("euc_jp", "euc-jp"))
SAMPLE = 256 * 1024  # characters of each legacy candidate kept to judge which reads as Japanese

# Control characters that never occur in a text transcript (tab, newlines, form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# The same as bytes, to delete and count (``bytes.translate`` is ~3x faster than a regex scan).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f])
# What Japanese text is made of: kana, kanji, Japanese punctuation, full-width forms.
_JAPANESE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e]")
# What a wrong legacy guess produces: half-width katakana, private use, rare CJK extensions, C1.
_SUSPICIOUS = re.compile(r"[\uff61-\uff9f\ue000-\uf8ff\u3400-\u4dbf\x80-\x9f]")


@dataclass(frozen=True)
class Sniffed:
    """What the first pass learned about a file."""

    codec: str  # Python codec to decode with
    name: str  # encoding name recorded on the transcript
    newline: str
    sha256: str
    size: int


class _Newlines:
    """Counts CRLF, lone CR and lone LF across chunks (a CRLF may straddle two)."""

    def __init__(self) -> None:
        self.crlf = self.cr = self.lf = 0
        self._last_cr = False

    def feed(self, chunk: str | bytes) -> None:
        if not chunk:
            return
        if isinstance(chunk, str):
            self._feed(chunk, "\r", "\n")
        else:
            self._feed(chunk, b"\r", b"\n")

    def _feed(self, chunk: AnyStr, cr: AnyStr, lf: AnyStr) -> None:
        has_cr = cr in chunk  # most files have none: one counting pass, not three
        crlf = chunk.count(cr + lf) if has_cr else 0
        self.crlf += crlf
        self.cr += chunk.count(cr) - crlf if has_cr else 0
        self.lf += chunk.count(lf) - crlf
        if self._last_cr and chunk[:1] == lf:  # "\r" | "\n" across the boundary
            self.crlf, self.cr, self.lf = self.crlf + 1, self.cr - 1, self.lf - 1
        self._last_cr = chunk[-1:] == cr

    def style(self) -> str:
        counts = {"\r\n": self.crlf, "\r": self.cr, "\n": self.lf}
        best = max(counts, key=lambda k: counts[k])
        return best if counts[best] else "\n"


def newline_style(text: str) -> str:
    """The most frequent newline of ``text`` ("\\n" when there is none)."""
    counter = _Newlines()
    counter.feed(text)
    return counter.style()


def _japanese_score(text: str) -> float:
    """How plausible ``text`` is as Japanese/English text (higher is better)."""
    if not text:
        return 0.0
    good = len(_JAPANESE.findall(text)) + sum(1 for ch in text if ch.isascii())
    bad = len(_SUSPICIOUS.findall(text))
    return (good - 5 * bad) / len(text)


def _tie_break(data: bytes, candidates: list[tuple[str, str]]) -> str | None:
    """Ask charset-normalizer which of two equally plausible legacy encodings it prefers."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional helper
        return None
    best = from_bytes(data, cp_isolation=[c for c, _ in candidates]).best()
    if best is None:
        return None
    wanted = codecs.lookup(best.encoding).name
    return next((name for codec, name in candidates if codecs.lookup(codec).name == wanted), None)


def _refuse_controls(controls: int, length: int) -> None:
    if controls > max(2, length // 1000):
        raise ImportRefused("the file is not text (it contains control characters)")


def utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``head`` has the NUL pattern of BOM-less UTF-16, else None.

    Text in UTF-16 puts a NUL in the high byte of every ASCII character (letters,
    digits, spaces, newlines), so mostly-English text has NULs on every other
    byte and even mostly-Japanese text has them on its newlines. Which byte order
    it is shows in what each reading gives: the right one reads as English or
    Japanese almost everywhere, the wrong one (and any binary file) does not.
    """
    data = head[:SAMPLE] if len(head) % 2 == 0 else head[:min(SAMPLE, len(head) - 1)]
    if len(data) < 2:
        return None
    best, best_share = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        # Read the wrong way round, "\n" becomes U+0A00 and kana land in CJK extension A.
        share = sum(1 for ch in text if ch.isascii() or _JAPANESE.match(ch)) / max(1, len(text))
        if share > best_share:
            best, best_share = codec, share
    return best if best_share >= 0.9 else None


def _sniff_unicode(stream: BinaryIO, head: bytes, codec: str, name: str, undecodable: str) -> Sniffed:
    """The first pass for a Unicode encoding known from its BOM (or its NUL pattern)."""
    digest = hashlib.sha256()
    newlines = _Newlines()
    size = controls = chars = 0
    decoder = codecs.getincrementaldecoder(codec)()
    chunk = head
    try:
        while chunk:
            digest.update(chunk)
            size += len(chunk)
            text = decoder.decode(chunk)
            newlines.feed(text)
            controls += len(_CONTROL.findall(text))
            chars += len(text)
            chunk = stream.read(CHUNK)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise ImportRefused(undecodable) from None
    _refuse_controls(controls, chars)
    return Sniffed(codec, name, newlines.style(), digest.hexdigest(), size)


def sniff(stream: BinaryIO) -> Sniffed:
    """First pass over a file: its encoding, newline style and hash, or ``ImportRefused``.

    Refuses an empty file, a binary one (NUL bytes, control characters) and
    one no supported encoding decodes strictly. The stream is read to its end.
    """
    head = stream.read(CHUNK)
    if not head:
        raise ImportRefused("the file is empty")
    bom = next((b for b in _BOMS if head.startswith(b[0])), None)
    if bom is not None:
        _, codec, name = bom
        shown = _SHOWN[name]
        return _sniff_unicode(stream, head, codec, name,
                              f"the file starts with a {shown} byte order mark but cannot be decoded as {shown}")
    if b"\x00" in head:
        guessed = utf16_without_bom(head)
        if guessed is not None:
            return _sniff_unicode(stream, head, guessed, guessed,
                                  f"the file looks like {guessed.upper()} without a byte order mark "
                                  "but cannot be decoded as such")
    digest = hashlib.sha256()
    newlines = _Newlines()
    size = controls = 0
    alive = {codec: codecs.getincrementaldecoder(codec)() for codec, _ in _PLAIN}
    samples: dict[str, list[str]] = {codec: [] for codec, _ in _PLAIN}
    sampled = {codec: 0 for codec, _ in _PLAIN}
    raw_sample = head[:SAMPLE]
    chunk = head
    while chunk:
        if b"\x00" in chunk:
            raise ImportRefused("the file is not text (it contains NUL bytes)")
        digest.update(chunk)
        size += len(chunk)
        newlines.feed(chunk)  # these encodings write \r and \n as single ASCII bytes
        controls += len(chunk) - len(chunk.translate(None, _CONTROL_BYTES))
        for codec in list(alive):
            try:
                text = alive[codec].decode(chunk)
            except UnicodeDecodeError:
                del alive[codec]
                continue
            if sampled[codec] < SAMPLE:
                samples[codec].append(text[:SAMPLE - sampled[codec]])
                sampled[codec] += len(samples[codec][-1])
        chunk = stream.read(CHUNK)
    for codec in list(alive):
        try:
            alive[codec].decode(b"", final=True)
        except UnicodeDecodeError:
            del alive[codec]
    if not alive:
        raise ImportRefused("the file cannot be decoded as UTF-8, UTF-16, Shift_JIS (cp932) or EUC-JP text")
    _refuse_controls(controls, size)
    names = dict(_PLAIN)
    if "utf-8" in alive:
        codec = "utf-8"
    else:
        scored = sorted(((_japanese_score("".join(samples[c])), c) for c in alive), reverse=True)
        codec = scored[0][1]
        if len(scored) > 1 and abs(scored[0][0] - scored[1][0]) < 1e-9:
            preferred = _tie_break(raw_sample, [(c, names[c]) for _, c in scored])
            codec = next((c for _, c in scored if names[c] == preferred), codec)
    return Sniffed(codec, names[codec], newlines.style(), digest.hexdigest(), size)


class TextChunks:
    """Second pass: the file decoded chunk by chunk; ``bytes_read`` tells how far it got."""

    def __init__(self, stream: BinaryIO, codec: str) -> None:
        self._stream = stream
        self._codec = codec
        self.bytes_read = 0

    def __iter__(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(self._codec)()
        first = True
        try:
            while chunk := self._stream.read(CHUNK):
                self.bytes_read += len(chunk)
                text = decoder.decode(chunk)
                if first and text:
                    text, first = text.lstrip("\ufeff"), False
                yield text
            yield decoder.decode(b"", final=True)
        except UnicodeDecodeError:  # the file changed between the two passes
            raise ImportRefused(f"the file cannot be decoded as {self._codec} (did it change while importing?)"
                                ) from None


def decode(data: bytes) -> tuple[str, str, str]:
    """Decode a whole transcript held in memory: (text without BOM, encoding name, newline style).

    Raises ``ImportRefused`` with a one-line reason for an empty, binary or
    undecodable file.
    """
    found = sniff(io.BytesIO(data))
    text = "".join(TextChunks(io.BytesIO(data), found.codec))
    return text, found.name, found.newline
