"""Helpers shared by the operations: texts of a segment inside an operation, span mapping.

Positions of gaps (and flags) index the *current derived* text of their
language. When an operation changes that text by a known single edit (typing),
spans move with ``model.text.shift_span``. When it changes it indirectly
(rejecting, accepting or reverting corrections), the segment's history is the
same before and after (``model.text``: review decisions only change what shows),
so ``model.text.carry_spans`` carries each span over exactly: it keeps the
characters it covered that still show, or else takes what now shows in their
place. A span with nothing left maps to an empty span, and callers delete such
gaps (undo restores them). Nothing is searched for, so a gap never jumps to
another copy of its marker."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.errors import OperationFailed
from model.schema import LANGS, Correction, Gap, Segment
from model.store import Operation, Store
from model.text import History, carry_spans, derive, shift_span


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


def remap_gaps(session: Session, gaps: Sequence[Gap], old: History, new: History) -> None:
    """Carry gaps from the ``old`` to the ``new`` derived text; a gap whose text vanished is deleted."""
    if not gaps:
        return
    for gap, (s, e) in zip(gaps, carry_spans(old, new, [(g.start, g.end) for g in gaps]), strict=True):
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
