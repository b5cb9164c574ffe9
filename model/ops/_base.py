"""Helpers shared by the operations: texts of a segment inside an operation, span mapping.

Positions of gaps (and flags) index the *current derived* text of their
language. When an operation changes that text by a known single edit (typing),
spans move with ``model.text.shift_span``. When it changes it indirectly
(rejecting or reverting corrections), ``remap_spans`` maps them from the old
derived text to the new one: the changed window is found by trimming the common
prefix and suffix, aligned inside with Levenshtein opcodes, and each span is
then re-anchored on its own text (the nearest occurrence), so a gap stays on
its marker even when the alignment is ambiguous. A span whose text disappeared
entirely maps to an empty span (it is never moved onto another copy of its
text), and callers delete such gaps (undo restores them).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.errors import OperationFailed
from model.schema import LANGS, Correction, Gap, Segment
from model.store import Operation, Store
from model.text import derive, shift_span, single_edit


def check_lang(lang: str) -> str:
    """``lang`` if it is a known language, else a one-line ``OperationFailed``."""
    if lang not in LANGS:
        raise OperationFailed(f"unknown language {lang!r} (expected one of {', '.join(LANGS)})")
    return lang


def original(seg: Segment, lang: str) -> str | None:
    """The imported text of ``seg`` in ``lang`` (None: absent)."""
    return seg.en_orig if lang == "en" else seg.ja_orig


def set_original(seg: Segment, lang: str, text: str | None) -> None:
    """Replace the segment's original text (alignment only: the SourceParagraph keeps the import)."""
    if lang == "en":
        seg.en_orig = text
    else:
        seg.ja_orig = text


def corrections_of(session: Session, segment_id: int, lang: str) -> list[Correction]:
    """Every correction (any status) of a segment in one language, in id order."""
    return list(session.scalars(select(Correction).where(Correction.segment_id == segment_id,
                                                         Correction.lang == lang).order_by(Correction.id)))


def gaps_of(session: Session, segment_id: int, lang: str) -> list[Gap]:
    """The gaps of a segment in one language, in text order."""
    return list(session.scalars(select(Gap).where(Gap.segment_id == segment_id, Gap.lang == lang)
                                .order_by(Gap.start, Gap.id)))


def derived_text(seg: Segment, lang: str, corrections: Sequence[Correction]) -> str:
    """The current corrected text ('' when the language is absent)."""
    return derive(original(seg, lang) or "", corrections).text


def current_text(session: Session, seg: Segment, lang: str) -> str:
    """The segment's current corrected text in ``lang`` (reads only this segment's corrections)."""
    return derived_text(seg, lang, corrections_of(session, seg.id, lang))


def _map_window(old: str, new: str, span: tuple[int, int]) -> tuple[int, int]:
    """Map a span of ``old`` onto ``new`` through a character alignment of the changed window."""
    edit = single_edit(old, new)  # the changed window: common prefix and suffix left out
    if edit is None:
        return span
    prefix, old_end, a_win, b_win = edit
    if not a_win or not b_win:
        return shift_span(span, prefix, old_end, len(b_win))
    from rapidfuzz.distance import Levenshtein

    start, end = span
    for tag, a0, a1, b0, b1 in reversed(Levenshtein.opcodes(a_win, b_win).as_list()):
        if tag != "equal":  # right to left: earlier offsets stay valid
            start, end = shift_span((start, end), prefix + a0, prefix + a1, b1 - b0)
    return start, end


def remap_spans(old: str, new: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where each span of ``old`` lies in ``new`` (empty span: its text is gone)."""
    out = []
    for s, e in spans:
        piece = old[s:e]
        ms, me = _map_window(old, new, (s, e))
        if ms < me and new[ms:me] != piece:  # moved, but onto other text: look for its own
            hits = []
            at = new.find(piece)
            while at != -1:
                hits.append(at)
                at = new.find(piece, at + 1)
            reach = abs(len(new) - len(old)) + len(piece)  # how far a change can have moved it
            near = [p for p in hits if abs(p - ms) <= reach]
            if near:
                ms = min(near, key=lambda p: abs(p - ms))
                me = ms + len(piece)
        out.append((ms, me))
    return out


def remap_gaps(session: Session, gaps: Sequence[Gap], old: str, new: str) -> None:
    """Move gaps from ``old`` to ``new`` text; a gap whose text vanished is deleted."""
    if old == new or not gaps:
        return
    for gap, (s, e) in zip(gaps, remap_spans(old, new, [(g.start, g.end) for g in gaps])):
        if s >= e:
            session.delete(gap)
        elif (s, e) != (gap.start, gap.end):
            gap.start, gap.end = s, e


def shift_gaps(session: Session, gaps: Sequence[Gap], edit_start: int, edit_end: int, new_len: int) -> None:
    """Keep gaps in step with one replacement; a gap whose whole text was deleted goes too."""
    for gap in gaps:
        s, e = shift_span((gap.start, gap.end), edit_start, edit_end, new_len)
        if s >= e:
            session.delete(gap)
        elif (s, e) != (gap.start, gap.end):
            gap.start, gap.end = s, e


def mark_edited(seg: Segment) -> None:
    """A segment whose text changed needs review again (no write when it already is 'edited':
    an unchanged segment row keeps the change small, and views need not re-read the structure)."""
    if seg.review_state != "edited":
        seg.review_state = "edited"
    if seg.reviewed_by_id is not None or seg.reviewed_at is not None:
        seg.reviewed_by_id = None
        seg.reviewed_at = None


class NothingToDo(Exception):
    """Raised inside ``optional_operation`` to leave without writing or announcing anything."""


@contextmanager
def optional_operation(store: Store, action: str) -> Iterator[Operation]:
    """``store.operation`` that records nothing (``op.event_id`` stays None) when the body
    raises ``NothingToDo`` -- a no-op edit must not leave an empty undo step."""
    try:
        with store.operation(action) as op:
            yield op
    except NothingToDo:
        pass
