"""Turning the bytes of a transcript file into text, or refusing them in one line.

Supported: UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, Shift_JIS
(decoded as cp932, its Windows superset) and EUC-JP; newlines LF, CRLF or CR.
Lines are only ever split on ``\\r\\n``, ``\\r`` and ``\\n``: ``str.splitlines``
would also break on U+0085 and friends, which appear in mis-decoded cp932.
"""

from __future__ import annotations

import codecs
import re

from model.errors import ImportRefused

# BOMs, longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
_SHOWN = {"utf-32": "UTF-32", "utf-8-sig": "UTF-8", "utf-16": "UTF-16"}
# Legacy Japanese encodings tried when the file is not UTF-8: (codec, name reported).
_LEGACY = (("cp932", "cp932"), ("euc_jp", "euc-jp"))

_CRLF = re.compile(r"\r\n")
_LONE_CR = re.compile(r"\r(?!\n)")
_LONE_LF = re.compile(r"(?<!\r)\n")
# Control characters that never occur in a text transcript (tab, newlines, form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# What Japanese text is made of: kana, kanji, Japanese punctuation, full-width forms.
_JAPANESE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e]")
# What a wrong legacy guess produces: half-width katakana, private use, rare CJK extensions.
_SUSPICIOUS = re.compile(r"[\uff61-\uff9f\ue000-\uf8ff\u3400-\u4dbf\x80-\x9f]")


def newline_style(text: str) -> str:
    """The most frequent newline of ``text`` ("\\n" when there is none)."""
    counts = {
        "\r\n": len(_CRLF.findall(text)),
        "\r": len(_LONE_CR.findall(text)),
        "\n": len(_LONE_LF.findall(text)),
    }
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "\n"


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
    wanted = best.encoding.replace("-", "_").lower()
    for codec, name in candidates:
        if codecs.lookup(codec).name.replace("-", "_") == codecs.lookup(wanted).name.replace("-", "_"):
            return name
    return None


def _check_text(text: str) -> None:
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 1000):
        raise ImportRefused("the file is not text (it contains control characters)")


def decode(data: bytes) -> tuple[str, str, str]:
    """Decode a transcript file: (text without BOM, encoding name, newline style).

    Raises ``ImportRefused`` with a one-line reason for an empty, binary or
    undecodable file.
    """
    if not data:
        raise ImportRefused("the file is empty")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                shown = _SHOWN[name]
                raise ImportRefused(f"the file starts with a {shown} byte order mark but cannot be decoded as {shown}") from None
            text = text.lstrip("\ufeff")
            _check_text(text)
            return text, name, newline_style(text)
    if b"\x00" in data:
        raise ImportRefused("the file is not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        _check_text(text)
        return text, "utf-8", newline_style(text)
    decoded: list[tuple[float, str, str, str]] = []
    for codec, name in _LEGACY:
        try:
            candidate = data.decode(codec)
        except UnicodeDecodeError:
            continue
        decoded.append((_japanese_score(candidate), codec, name, candidate))
    if not decoded:
        raise ImportRefused("the file cannot be decoded as UTF-8, UTF-16, Shift_JIS (cp932) or EUC-JP text")
    decoded.sort(key=lambda d: d[0], reverse=True)
    chosen = decoded[0]
    if len(decoded) > 1 and abs(decoded[0][0] - decoded[1][0]) < 1e-9:
        preferred = _tie_break(data, [(d[1], d[2]) for d in decoded])
        chosen = next((d for d in decoded if d[2] == preferred), chosen)
    text = chosen[3]
    _check_text(text)
    return text, chosen[2], newline_style(text)
