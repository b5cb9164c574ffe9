"""Cutting a transcript's text into paragraphs, keeping what stands between them (no database).

A paragraph is a block of lines between blank (whitespace-only) lines. Lines
are split on \r\n, \r and \n only (never on U+0085 or U+2028). The
separators are kept exactly, so the text can be put back together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# A newline and one or more blank lines. A lone \r must not be the first half of a \r\n.
_SEP_RE = re.compile(r"(?:\r\n|\r(?!\n)|\n)(?:[^\S\r\n]*(?:\r\n|\r(?!\n)|\n))+")
_SEP_LF_RE = re.compile(r"\n(?:[^\S\r\n]*\n)+")  # the same for text without \r: 3x faster to scan
_NL_RE = re.compile(r"\r\n|\r")
_CONTENT_RE = re.compile(r"[^\S\r\n]*\S")  # a line with something on it starts here


def _clean(chunk: str) -> str:
    return _NL_RE.sub("\n", chunk) if "\r" in chunk else chunk


class Paragraphs:
    """(paragraph, end offset, separator after it) for each paragraph: blocks separated by blank lines.

    ``source`` is the text, or the text in chunks (a file being decoded).
    Lines are split on \r\n, \r and \n only; newlines inside a paragraph
    become \n. What stands between paragraphs (blank lines, lines of spaces)
    is the separator, kept exactly (newlines as \n); ``head`` is what stood
    before the first paragraph, known once the first paragraph is out.
    """

    def __init__(self, source: str | Iterable[str]) -> None:
        self.source = source
        self.head = ""

    def __iter__(self) -> Iterator[tuple[str, int, str]]:
        buf, offset, started = "", 0, False  # offset: characters before ``buf``
        for chunk in ((self.source,) if isinstance(self.source, str) else self.source):
            if not chunk:
                continue
            buf = buf + chunk if buf else chunk
            if not started:  # the blank lines the file starts with
                stripped = buf.lstrip()
                if not stripped:
                    continue
                start = len(buf) - len(stripped)
                start = max(buf.rfind("\n", 0, start), buf.rfind("\r", 0, start)) + 1
                self.head = _clean(buf[:start])
                buf, offset, started = buf[start:], offset + start, True
            pos, size, crs = 0, len(buf), "\r" in buf
            for m in (_SEP_RE if crs else _SEP_LF_RE).finditer(buf):
                end = m.end()
                if end >= size or not _CONTENT_RE.match(buf, end):
                    break  # the blank lines may go on in the next chunk
                if crs:
                    yield _clean(buf[pos:m.start()]), offset + m.start(), _clean(m.group())
                else:  # nothing to clean: the common case, kept cheap
                    yield buf[pos:m.start()], offset + m.start(), m.group()
                pos = end
            if pos:
                buf, offset = buf[pos:], offset + pos
        end = len(buf.rstrip())  # the last paragraph, without the blank lines after it
        if started and end:
            newlines = [i for i in (buf.find("\n", end), buf.find("\r", end)) if i != -1]
            end = min(newlines) if newlines else len(buf)
            yield _clean(buf[:end]), offset + end, _clean(buf[end:])
        elif not started:
            self.head = _clean(buf)


def iter_paragraphs(source: str | Iterable[str]) -> Iterator[tuple[str, int]]:
    """(paragraph, end offset) for each paragraph (see ``Paragraphs``)."""
    for par, end, _tail in Paragraphs(source):
        yield par, end
