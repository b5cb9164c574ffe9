"""Written English to the words a speaker says, each tied to its place in the text.

``spoken_words`` turns ``"$6 billion in 2022, the U.S. said"`` into ``six``,
``billion``, ``in``, ``twenty``, ``twenty``, ``two``, ``the``, ``u``, ``s``, ``said``,
each with the character span it came from, so aligned times map back to
segments and gaps. Numbers are spelled out by num2words (years as years).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from num2words import num2words

# A token: a number (with , or . inside), a word with inner apostrophes/hyphens, or a letter abbreviation.
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_SPLIT_RE = re.compile(r"[\s,\-]+")


@dataclass(frozen=True, slots=True)
class Word:
    """A spoken word and the span of text it stands for."""

    text: str  # lower case, as in the pronouncing dictionary
    start: int
    end: int


def _number_words(token: str) -> list[str]:
    plain = token.replace(",", "")
    try:
        if re.fullmatch(r"\d+", plain):
            n = int(plain)
            spoken = num2words(n, to="year") if 1100 <= n <= 2099 and "," not in token else num2words(n)
        else:
            spoken = num2words(float(plain))
    except (ValueError, OverflowError, NotImplementedError):
        return []
    return [w for w in _SPLIT_RE.split(spoken.lower()) if w and w != "and"]


def spoken_words(text: str) -> list[Word]:
    """The words of ``text`` as spoken, in order, with their spans in ``text``."""
    words: list[Word] = []
    for m in _TOKEN_RE.finditer(text):
        token = m.group().replace("’", "'")
        if token[0].isdigit():
            parts = _number_words(token)
        elif "." in token:  # U.S. -> u s
            parts = [c.lower() for c in token if c.isalpha()]
        else:
            parts = [p for p in token.lower().split("-") if p]
        words.extend(Word(p, m.start(), m.end()) for p in parts)
    return words
