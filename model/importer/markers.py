"""Paragraphs that are not speech: editorial and stage markers, and the preamble before a transcript.

Markers stand as whole paragraphs: ``(中略)`` / ``[…]`` (text omitted),
``(Laughter.)`` / ``(Applause.)`` (reaction), ``(As interpreted.)`` / ``(通訳)``
(interpretation note), ``(Cross-talk.)`` (crosstalk, also a gap), ``END``.
They are kept exactly and never paired as translations.

The preamble is what a page carries before its transcript: a navigation line
(``Home > Briefings > …``), ``*****`` rules, a "provisional translation" note,
a translator's introduction, the heading and a date line, perhaps with an era
date (``平成28年4月1日`` -> 2016-04-01).
"""

from __future__ import annotations

import re

from model.importer.patterns import parse_date

MARKER_KINDS = ("omission", "reaction", "interpretation", "crosstalk", "end")
_WORDS: tuple[tuple[str, str], ...] = (
    ("omission", r"中略|前略|後略|以下略|以上略|略|省略|snip|omitted|…+|\.{3,}|・{3,}"),
    ("reaction", r"laughter|laughs|applause|笑|笑い|会場笑い?|拍手|一同笑い"),
    ("interpretation", r"as interpreted|through (?:an )?interpreter|interpreted|in japanese|in english"
                       r"|通訳|通訳者|逐次通訳"),
    ("crosstalk", r"cross[- ]?talk|クロストーク"),
    ("end", r"end|以上|了"),
)
_ONE = "|".join(f"(?P<{kind}>{words})" for kind, words in _WORDS)
_MARKER_RE = re.compile(
    rf"(?:[\(（\[［]\s*(?:{_ONE})\s*[.。．]?\s*[\)）\]］]\s*)+", re.IGNORECASE)
_BARE_END_RE = re.compile(r"(?:END|以上|［?了］?)[.。]?")
_FIRST = frozenset("(（[［E以了")  # how a marker paragraph starts


def marker_kind(text: str) -> str | None:
    """The marker kind of a paragraph that is only a marker (``(Laughter.)`` -> "reaction"), else None."""
    if len(text) > 120 or text.lstrip()[:1] not in _FIRST:
        return None  # speech (and no need to look further)
    body = text.strip()
    if not body or len(body) > 80:
        return None
    if _BARE_END_RE.fullmatch(body):
        return "end"
    m = _MARKER_RE.fullmatch(body)
    if m is None:
        return None
    return next(kind for kind in MARKER_KINDS if m.group(kind) is not None)


# -- preamble -----------------------------------------------------------------
_RULE_RE = re.compile(r"[\s*=\-_~#─━―—–・･]{3,}")
_NAV_SEP_RE = re.compile(r"\s(?:>|›|»|＞|/|\|)\s|＞|›|»")
_NAV_START_RE = re.compile(r"(?:Home|Top|ホーム|トップ(?:ページ)?)\b", re.IGNORECASE)
_PROVISIONAL_RE = re.compile(
    r"provisional translation|unofficial translation|translated by|translation by|this is a translation"
    r"|仮訳|参考訳|翻訳は|訳者|翻訳者|以下は.*(?:翻訳|訳)", re.IGNORECASE)
_HEADING_RE = re.compile(
    r"(?:Remarks|Press Conference|Press Briefing|Press Call|Background Press Call|Joint Press|Statement"
    r"|Readout|Interview|Transcript|Briefing)\b|記者会見|会見|共同記者発表|ブリーフィング|談話|発言|スピーチ",
    re.IGNORECASE)


def is_rule(text: str) -> bool:
    """A separator line such as ``*****`` or ``-----``."""
    return _RULE_RE.fullmatch(text.strip()) is not None


def is_navigation(text: str) -> bool:
    """A blog or site navigation line (``Home > Briefings > Press``), not the transcript's heading."""
    body = text.strip()
    if "\n" in body or len(body) > 200:
        return False
    return len(_NAV_SEP_RE.findall(body)) >= 2 or (
        _NAV_START_RE.match(body) is not None and len(_NAV_SEP_RE.findall(body)) >= 1)


def is_provisional_note(text: str) -> bool:
    """A translator's note or introduction ("This is a provisional translation", "仮訳")."""
    return len(text) <= 600 and _PROVISIONAL_RE.search(text) is not None


def is_heading(text: str) -> bool:
    """A transcript's own heading (``Remarks by …``, ``Press Conference by …``, ``外務大臣会見記録``)."""
    body = text.strip()
    return "\n" not in body and len(body) <= 200 and _HEADING_RE.search(body) is not None \
        and body[-1:] not in ".!?。！？"


def is_dated_line(text: str) -> bool:
    """A short line holding a date (``(平成28年4月1日(金曜日)8時40分 於：本省会見室)``, ``April 9, 2024``)."""
    body = text.strip()
    return "\n" not in body and len(body) <= 120 and parse_date(body) is not None and body[-1:] not in ".。"
