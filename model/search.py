"""Search across the library: every transcript's original and corrected text, English and Japanese.

A pattern is a plain substring (case-insensitive for Latin letters; Japanese has no
spaces, so no word index is needed) or, with ``regex=True``, a regular expression.
One statement reads the segments whose original (``segment``) or corrected text
(``search_text``, kept current by the store: ``model.search_index``) matches, in
reading order; Python then finds each match's place and its context. Plain Core:
the same statement on SQLite (``LIKE`` is case-insensitive there for ASCII) and
PostgreSQL (``ILIKE``); a regex uses SQLAlchemy's ``regexp_match`` (Python's ``re``
on SQLite, PostgreSQL's own regular expressions there).

Measured (benchmarks/search_bench.py): a substring over 210,000 segments in 300
transcripts answers in a fraction of a second on SQLite without an index; the
statement reads every row, so the time grows with the library, not the hits.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select

from model.errors import TaiyakuError
from model.schema import Segment, Transcript, Turn
from model.search_index import SearchText
from model.store import Store

CONTEXT = 40  # characters of context on each side of a match
DEFAULT_LIMIT = 1000


class BadPattern(TaiyakuError):
    """The search pattern is empty or not a valid regular expression."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One segment that matches, in one language: where it is and the match in its context."""

    transcript_id: int
    title: str
    segment_id: int
    turn: int  # from 1, as the window numbers turns
    segment: int  # within the turn, from 1
    lang: str
    which: str  # "corrected" (the text as it reads now) or "original" (only the imported text matches)
    text: str  # the whole text searched
    start: int  # the first match in ``text``
    end: int

    @property
    def before(self) -> str:
        """Context before the match (cut at ``CONTEXT`` characters, marked with …)."""
        lo = max(0, self.start - CONTEXT)
        return ("…" if lo else "") + self.text[lo:self.start]

    @property
    def match(self) -> str:
        """The matched text."""
        return self.text[self.start:self.end]

    @property
    def after(self) -> str:
        """Context after the match."""
        hi = min(len(self.text), self.end + CONTEXT)
        return self.text[self.end:hi] + ("…" if hi < len(self.text) else "")


@dataclass
class SearchResult:
    """The hits in library order (transcript, then reading order); ``truncated``: more matched than ``limit``."""

    hits: list[SearchHit]
    truncated: bool

    def by_transcript(self) -> list[tuple[int, str, list[SearchHit]]]:
        """The hits grouped by transcript: (id, title, hits), in library order."""
        groups: dict[int, tuple[int, str, list[SearchHit]]] = {}
        for hit in self.hits:
            groups.setdefault(hit.transcript_id, (hit.transcript_id, hit.title, []))[2].append(hit)
        return list(groups.values())


def compile_pattern(pattern: str, regex: bool) -> re.Pattern[str]:
    """The pattern as a Python regular expression (case-insensitive); ``BadPattern`` if it is not one."""
    if not pattern:
        raise BadPattern("give something to search for")
    if not regex:
        return re.compile(re.escape(pattern), re.IGNORECASE)
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise BadPattern(f"not a valid regular expression: {exc}") from None


def required_literal(pattern: str, shortest: int = 3) -> str | None:
    """The longest run of plain characters every match of the regex ``pattern`` contains, if any
    (at least ``shortest`` long): a cheap substring test before the regex itself."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        items = list(_parser.parse(pattern, re.IGNORECASE))
    except Exception:  # a private module: any surprise just means no shortcut
        return None
    best, run = "", ""
    for op, arg in items:
        if str(op) == "LITERAL":
            run += chr(arg)
            continue
        best, run = max(best, run, key=len), ""
        if str(op) == "BRANCH":  # alternatives at the top: no one text is needed
            return None
    best = max(best, run, key=len)
    # LIKE ignores the case of ASCII letters only: a non-ASCII letter with case would miss matches.
    if any(not c.isascii() and c.lower() != c.upper() for c in best):
        return None
    return best if len(best) >= shortest else None


def _statement(store: Store, pattern: str, regex: bool, langs: tuple[str, ...],
               transcript_ids: Sequence[int] | None) -> Any:
    sqlite = store.engine.dialect.name == "sqlite"
    corrected = {"en": SearchText.en, "ja": SearchText.ja}
    original = {"en": Segment.en_orig, "ja": Segment.ja_orig}

    literal = required_literal(pattern) if regex else pattern

    def contains(column: Any, text: str) -> Any:
        # SQLite's LIKE ignores ASCII case already (and lower() would cost a pass over every text).
        if sqlite:
            return column.contains(text, autoescape=True)
        return column.icontains(text, autoescape=True)

    def matches(column: Any) -> Any:
        if not regex:
            return contains(column, pattern)
        # SQLite's REGEXP (Python's re, through SQLAlchemy) ignores flags: say it in the pattern.
        rx = column.regexp_match("(?i)" + pattern) if sqlite else column.regexp_match(pattern, flags="i")
        # A text the regex needs (3+ characters) is looked for first: LIKE is many times cheaper.
        return and_(contains(column, literal), rx) if literal else rx

    where = or_(*(matches(original[lang]) for lang in langs), *(matches(corrected[lang]) for lang in langs))
    stmt: Any = (select(Segment.id, Segment.transcript_id, Transcript.title, Turn.position, Segment.position,
                   Segment.en_orig, Segment.ja_orig, SearchText.segment_id, SearchText.en, SearchText.ja)
            .join(Turn, Turn.id == Segment.turn_id)
            .join(Transcript, Transcript.id == Segment.transcript_id)
            .outerjoin(SearchText, SearchText.segment_id == Segment.id)
            .where(where)
            .order_by(Segment.transcript_id, Turn.position, Segment.position))
    if transcript_ids is not None:
        stmt = stmt.where(Segment.transcript_id.in_(list(transcript_ids)))
    return stmt


def _turn_numbers(store: Store, transcript_ids: set[int]) -> dict[tuple[int, int], int]:
    """(transcript, turn position) -> the turn's number from 1 (positions need not be consecutive)."""
    out: dict[tuple[int, int], int] = {}
    if not transcript_ids:
        return out
    with store.read() as s:
        for tid, position, number in s.execute(
                select(Turn.transcript_id, Turn.position,
                       func.row_number().over(partition_by=Turn.transcript_id, order_by=Turn.position))
                .where(Turn.transcript_id.in_(sorted(transcript_ids)))):
            out[(tid, position)] = number
    return out


def iter_hits(store: Store, pattern: str, *, regex: bool = False, langs: tuple[str, ...] = ("en", "ja"),
              transcript_ids: Sequence[int] | None = None) -> Generator[tuple[SearchHit, int], None, None]:
    """Every hit in library order, with its turn's position (a turn number needs ``_turn_numbers``)."""
    rx = compile_pattern(pattern, regex)
    stmt = _statement(store, pattern, regex, langs, transcript_ids)
    with store.read() as s:
        for row in s.connection().execute(stmt):
            sid, tid, title, turn_pos, seg_pos, en_orig, ja_orig, has_fix, en_fix, ja_fix = row
            for lang in langs:
                orig = en_orig if lang == "en" else ja_orig
                now = (en_fix if lang == "en" else ja_fix) if has_fix is not None else orig
                # The text as it reads now first; the original only when the correction removed the match.
                for which, text in (("corrected", now), ("original", orig)):
                    if text is None:
                        continue
                    m = rx.search(text)
                    if m is not None:
                        yield SearchHit(tid, title, sid, turn_pos, seg_pos + 1, lang, which, text,
                                        m.start(), m.end()), turn_pos
                        break


def search(store: Store, pattern: str, *, regex: bool = False, langs: tuple[str, ...] = ("en", "ja"),
           transcript_id: int | None = None, transcript_ids: Sequence[int] | None = None,
           limit: int = DEFAULT_LIMIT) -> SearchResult:
    """The first ``limit`` hits of ``pattern`` in the library (or one transcript, or some), in library order.

    ``BadPattern`` for an empty pattern or a broken regular expression.
    """
    hits: list[SearchHit] = []
    truncated = False
    if transcript_id is not None:
        transcript_ids = [transcript_id]
    found = iter_hits(store, pattern, regex=regex, langs=langs, transcript_ids=transcript_ids)
    try:
        for hit, _pos in found:
            if len(hits) >= limit:
                truncated = True
                break
            hits.append(hit)
    finally:
        found.close()  # ends the read at once (its session is not left to the garbage collector)
    numbers = _turn_numbers(store, {h.transcript_id for h in hits})
    hits = [SearchHit(h.transcript_id, h.title, h.segment_id, numbers.get((h.transcript_id, h.turn), h.turn + 1),
                      h.segment, h.lang, h.which, h.text, h.start, h.end) for h in hits]
    return SearchResult(hits, truncated)


def library_ids(store: Store) -> list[int]:
    """Every transcript's id in library order (for searching a few transcripts at a time)."""
    with store.read() as s:
        return list(s.scalars(select(Transcript.id).order_by(Transcript.id)))
