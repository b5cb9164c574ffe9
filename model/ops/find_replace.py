"""Find and replace across a transcript, in the corrected text of one or both languages.

Replacing makes ordinary corrections (one per match, so each can be reviewed
or rejected on its own); ``replace_all`` is one operation, hence one undo step.
Matches are looked up again inside the operation on the current text, so a
stale search result never writes in the wrong place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from model.errors import OperationFailed
from model.ops._base import NothingToDo, check_lang, current_text, optional_operation
from model.ops.corrections import apply_edit, check_category
from model.readmodel import TranscriptView
from model.schema import Segment
from model.store import Operation, Store


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence: ``text[start:end]`` of a segment's corrected text in ``lang``."""

    segment_id: int
    lang: str
    start: int
    end: int
    text: str


def compile_pattern(pattern: str, *, regex: bool = False, match_case: bool = False) -> re.Pattern[str]:
    """The search pattern as a compiled expression; a one-line error for an empty or bad one."""
    if not pattern:
        raise OperationFailed("type something to find")
    try:
        return re.compile(pattern if regex else re.escape(pattern), 0 if match_case else re.IGNORECASE)
    except re.error as exc:
        raise OperationFailed(f"invalid regular expression: {exc}") from None


def _matches(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    return [m for m in rx.finditer(text) if m.end() > m.start()]  # empty matches replace nothing


def find_in_view(view: TranscriptView, pattern: str, *, langs: Sequence[str] = ("en", "ja"), regex: bool = False,
                 match_case: bool = False) -> list[Match]:
    """Matches in a read-model ``TranscriptView`` (the GUI's loaded transcript), in reading order."""
    rx = compile_pattern(pattern, regex=regex, match_case=match_case)
    for lang in langs:
        check_lang(lang)
    out: list[Match] = []
    for _turn, seg in view.segments():
        for lang in langs:
            text = seg.corrected(lang)
            if text:
                out.extend(Match(seg.id, lang, m.start(), m.end(), m.group()) for m in _matches(rx, text))
    return out


def corrected_texts(store: Store, transcript_id: int,
                    langs: Sequence[str] = ("en", "ja")) -> Iterator[tuple[int, str, str | None]]:
    """(segment id, lang, corrected text) of a transcript in reading order, read lean.

    Two narrow queries (segments, corrections); only corrected segments are derived,
    so a 50,000-segment transcript is searched in well under a second.
    """
    from collections import defaultdict

    from sqlalchemy import select

    from model.errors import NotFound
    from model.schema import Correction, Transcript, Turn
    from model.text import derive

    with store.read() as s:
        if s.get(Transcript, transcript_id) is None:
            raise NotFound(f"transcript {transcript_id} does not exist")
        rows = s.execute(select(Segment.id, Segment.en_orig, Segment.ja_orig)
                         .join(Turn, Turn.id == Segment.turn_id)
                         .where(Segment.transcript_id == transcript_id)
                         .order_by(Turn.position, Turn.id, Segment.position, Segment.id)).all()
        cors: dict[tuple[int, str], list[Any]] = defaultdict(list)
        for c in s.execute(select(Correction.id, Correction.segment_id, Correction.lang, Correction.start,
                                  Correction.end, Correction.before, Correction.after, Correction.status)
                           .where(Correction.transcript_id == transcript_id).order_by(Correction.id)):
            cors[(c.segment_id, c.lang)].append(c)
    for sid, en, ja in rows:
        for lang in langs:
            original = en if lang == "en" else ja
            mine = cors.get((sid, lang))
            if mine:
                text = derive(original or "", mine).text
                yield sid, lang, text if (original is not None or text) else None
            else:
                yield sid, lang, original


def find(store: Store, transcript_id: int, pattern: str, *, langs: Sequence[str] = ("en", "ja"),
         regex: bool = False, match_case: bool = False) -> list[Match]:
    """Every match of ``pattern`` in the corrected texts of a transcript, in reading order."""
    rx = compile_pattern(pattern, regex=regex, match_case=match_case)
    for lang in langs:
        check_lang(lang)
    out: list[Match] = []
    for sid, lang, text in corrected_texts(store, transcript_id, langs):
        if text:
            out.extend(Match(sid, lang, m.start(), m.end(), m.group()) for m in _matches(rx, text))
    return out


def _replace_in(op: Operation, seg: Segment, lang: str, rx: re.Pattern[str], replacement: str, regex: bool,
                category: str | None, only_at: int | None = None) -> int:
    """Replace matches in one segment/language, one correction each; returns how many."""
    text = current_text(op.session, seg, lang)
    found = _matches(rx, text)
    if only_at is not None:
        found = [m for m in found if m.start() == only_at]
    shift = 0
    for m in found:
        try:
            new = m.expand(replacement) if regex else replacement
        except (re.error, IndexError) as exc:
            raise OperationFailed(f"invalid replacement: {exc}") from None
        start, end = m.start() + shift, m.end() + shift
        text = text[:start] + new + text[end:]
        apply_edit(op, seg, lang, text, category=category, note="replace")
        shift += len(new) - (m.end() - m.start())
    return len(found)


def replace_all(store: Store, transcript_id: int, pattern: str, replacement: str, *,
                langs: Sequence[str] = ("en", "ja"), regex: bool = False, match_case: bool = False,
                category: str | None = None) -> int | None:
    """Replace every match in the transcript as ONE undo step; None if there was no match."""
    rx = compile_pattern(pattern, regex=regex, match_case=match_case)
    check_category(category)
    hits = find(store, transcript_id, pattern, langs=langs, regex=regex, match_case=match_case)
    targets = list(dict.fromkeys((m.segment_id, m.lang) for m in hits))
    with optional_operation(store, "Replace all") as op:
        op.transcript_id = transcript_id
        count = 0
        for sid, lang in targets:
            count += _replace_in(op, op.get(Segment, sid), lang, rx, replacement, regex, category)
        if not count:
            raise NothingToDo
        op.description = f"{pattern!r} -> {replacement!r}: {count} replacements"
    return op.event_id


@dataclass(frozen=True, slots=True)
class Preview:
    """One replacement replace-all would make: where, the words before and after (with some context)."""

    segment_id: int
    lang: str
    turn_number: int
    before: str
    after: str
    approved: bool  # the segment is approved: replacing resets its approval


def preview_replace_all(store: Store, transcript_id: int, pattern: str, replacement: str, *,
                        langs: Sequence[str] = ("en", "ja"), regex: bool = False, match_case: bool = False,
                        context: int = 16) -> list[Preview]:
    """What ``replace_all`` would do, match by match, in reading order (nothing is written)."""
    from sqlalchemy import select

    from model.schema import Turn

    rx = compile_pattern(pattern, regex=regex, match_case=match_case)
    for lang in langs:
        check_lang(lang)
    found: list[tuple[int, str, str, re.Match[str]]] = []  # one pass over the texts: (segment, lang, text, match)
    for sid, lang, text in corrected_texts(store, transcript_id, langs):
        if text:
            found.extend((sid, lang, text, m) for m in _matches(rx, text))
    with store.read() as s:
        turn_numbers = {tid: n + 1 for n, tid in enumerate(s.scalars(
            select(Turn.id).where(Turn.transcript_id == transcript_id).order_by(Turn.position, Turn.id)))}
        ids = list({sid for sid, _lang, _text, _m in found})
        rows = s.execute(select(Segment.id, Segment.turn_id, Segment.review_state)
                         .where(Segment.id.in_(ids))).all() if ids else []
    where = {sid: (turn_numbers.get(turn_id, 0), state == "approved") for sid, turn_id, state in rows}
    out: list[Preview] = []
    for sid, lang, text, m in found:
        try:
            new = m.expand(replacement) if regex else replacement
        except (re.error, IndexError) as exc:
            raise OperationFailed(f"invalid replacement: {exc}") from None
        # A little context before (the match stays near the start of a narrow column), more after.
        lead = ("…" if m.start() > context else "") + text[max(0, m.start() - context):m.start()]
        tail = text[m.end():m.end() + 2 * context] + ("…" if m.end() + 2 * context < len(text) else "")
        turn, approved = where.get(sid, (0, False))
        out.append(Preview(sid, lang, turn, lead + m.group() + tail, lead + new + tail, approved))
    return out


def replace_one(store: Store, match: Match, pattern: str, replacement: str, *, regex: bool = False,
                match_case: bool = False, category: str | None = None) -> int:
    """Replace one match (as found by ``find``), checked against the current text."""
    rx = compile_pattern(pattern, regex=regex, match_case=match_case)
    check_category(category)
    with store.operation("Replace") as op:
        seg = op.get(Segment, match.segment_id)
        op.transcript_id = seg.transcript_id
        if not _replace_in(op, seg, check_lang(match.lang), rx, replacement, regex, category, only_at=match.start):
            raise OperationFailed("the text changed since the search: search again")
        op.description = f"{match.text!r} -> {replacement!r}"
    return op.committed_id
