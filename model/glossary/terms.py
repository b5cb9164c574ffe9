"""Finding glossary terms in text: English case- and inflection-insensitively (plural, possessive),
Japanese after NFKC. Shared by the ``glossary`` QA check, the spelling check and the panes' highlighting.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from model.glossary.entries import TermRecord

_POSSESSIVE = r"(?:['’]s|['’])?"
_VOWELS = "aeiou"


def _word_pattern(word: str, last: bool) -> str:
    """A word, and on the term's last word its plural and possessive forms."""
    w = re.escape(word)
    if not last or not word[-1:].isalpha():
        return w + (_POSSESSIVE if last else "")
    lower = word.lower()
    forms = [w + "(?:s|es)?"]
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        forms.append(re.escape(word[:-1]) + "ies")  # capability -> capabilities
    return "(?:" + "|".join(forms) + ")" + _POSSESSIVE


def english_pattern(term: str) -> str:
    """A regular expression for ``term`` (words may be separated by spaces or hyphens)."""
    words = unicodedata.normalize("NFKC", term).split()
    return r"[\s\-‐–]+".join(_word_pattern(w, i == len(words) - 1) for i, w in enumerate(words))


@dataclass(frozen=True)
class TermMatch:
    """A glossary term found in a text: its entry and span."""

    entry: TermRecord
    start: int
    end: int


class TermFinder:
    """All the glossary's English terms in one expression (longest first, so 'alliance projection'
    wins over 'alliance'); the Japanese forms normalized once."""

    def __init__(self, entries: Sequence[TermRecord]) -> None:
        self.entries = sorted((e for e in entries if e.en.strip()), key=lambda e: -len(e.en))
        self._ja = [(unicodedata.normalize("NFKC", e.ja), [(v, unicodedata.normalize("NFKC", v))
                                                          for v in e.forbidden]) for e in self.entries]
        if self.entries:
            body = "|".join(f"(?P<t{i}>{english_pattern(e.en)})" for i, e in enumerate(self.entries))
            self._rx: re.Pattern[str] | None = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
        else:
            self._rx = None

    def __bool__(self) -> bool:
        return bool(self.entries)

    def english(self, text: str) -> Iterator[TermMatch]:
        """The terms in an English text, in order."""
        if self._rx is None or not text:
            return
        for m in self._rx.finditer(text):
            i = int((m.lastgroup or "t0")[1:])
            yield TermMatch(self.entries[i], m.start(), m.end())

    def japanese(self, text: str) -> Iterator[TermMatch]:
        """Every approved rendering and forbidden variant in a Japanese text (as written there)."""
        if not text:
            return
        for entry in self.entries:
            for needle in (entry.ja, *entry.forbidden):
                at = text.find(needle) if needle else -1
                while at != -1:
                    yield TermMatch(entry, at, at + len(needle))
                    at = text.find(needle, at + len(needle))

    def judge(self, entry_index: int, ja_text: str) -> tuple[bool, list[str]]:
        """For entry ``entry_index``: whether its approved Japanese is in ``ja_text`` (NFKC), and the
        forbidden variants (as written in the glossary) that are."""
        norm = unicodedata.normalize("NFKC", ja_text)
        ja, forbidden = self._ja[entry_index]
        # A forbidden variant inside the approved rendering itself is not a slip.
        without = norm.replace(ja, "\0") if ja else norm
        return ja in norm, [v for v, n in forbidden if n and n in without]

    def index_of(self, entry: TermRecord) -> int:
        """The position of ``entry`` among the finder's entries."""
        return self.entries.index(entry)
