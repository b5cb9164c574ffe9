"""Inaudible gaps: marking, inserting, filling, linking across languages.

A gap's ``start``/``end`` index the segment's current corrected text in its
language (see ``corrections`` for how edits keep them in step); ``text`` is the
marker or span as it stood when the gap was recorded. Filling a gap does not
change the text: the proposal is kept beside it (``proposed_text`` and a
confidence), so a filled gap stays visible as a filled gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from model.errors import OperationFailed
from model.ops._base import check_lang, current_text, gaps_of
from model.ops.corrections import apply_edit
from model.readmodel import SegmentView
from model.schema import GAP_CONFIDENCES, GAP_KINDS, Gap, Segment, utcnow
from model.store import Operation, Store

MARKERS = {"en": "(inaudible)", "ja": "(聞き取れない)"}


def _check_kind(kind: str) -> str:
    if kind not in GAP_KINDS:
        raise OperationFailed(f"unknown gap kind {kind!r} (expected one of {', '.join(GAP_KINDS)})")
    return kind


def _check_free(op: Operation, seg: Segment, lang: str, start: int, end: int) -> None:
    for g in gaps_of(op.session, seg.id, lang):
        if g.start < end and start < g.end:
            raise OperationFailed(f"this text overlaps the gap {g.text!r} already marked there")


def _new_gap(op: Operation, seg: Segment, lang: str, start: int, end: int, text: str, kind: str) -> Gap:
    gap = Gap(segment_id=seg.id, transcript_id=seg.transcript_id, lang=lang, start=start, end=end, text=text,
              kind=kind, status="open", origin="annotator", created_by_id=op.annotator_id, created_at=utcnow())
    op.session.add(gap)
    return gap


def mark_gap(store: Store, segment_id: int, lang: str, start: int, end: int, kind: str = "inaudible") -> int:
    """Mark ``text[start:end]`` of the current corrected text as a gap (e.g. inaudible)."""
    check_lang(lang)
    _check_kind(kind)
    with store.operation("Mark gap") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        text = current_text(op.session, seg, lang)
        if not (0 <= start < end <= len(text)):
            raise OperationFailed("select some text to mark as a gap")
        _check_free(op, seg, lang, start, end)
        _new_gap(op, seg, lang, start, end, text[start:end], kind)
        op.description = f"segment {segment_id} ({lang}): {text[start:end]!r}"
    return op.committed_id


def insert_gap(store: Store, segment_id: int, lang: str, position: int, kind: str = "inaudible",
               marker: str | None = None) -> int:
    """Insert a gap marker at ``position``: a correction plus a gap.

    ``marker``: the text written (the annotator's choice in Preferences); default
    ``(inaudible)`` / ``(聞き取れない)``.
    """
    check_lang(lang)
    _check_kind(kind)
    marker = (marker or "").strip() or MARKERS[lang]
    with store.operation("Insert gap") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        text = current_text(op.session, seg, lang)
        if not 0 <= position <= len(text):
            raise OperationFailed(f"position {position} is outside the text")
        for g in gaps_of(op.session, seg.id, lang):
            if g.start < position < g.end:
                raise OperationFailed("the cursor is inside a gap already")
        apply_edit(op, seg, lang, text[:position] + marker + text[position:], note="gap marker")
        op.session.flush()  # the edit moved later gaps; the new one goes in after
        _new_gap(op, seg, lang, position, position + len(marker), marker, kind)
        op.description = f"segment {segment_id} ({lang}) at {position}"
    return op.committed_id


def _touch(op: Operation, gap: Gap) -> None:
    gap.updated_by_id = op.annotator_id
    gap.updated_at = utcnow()


def fill_gap(store: Store, gap_id: int, text: str, confidence: str = "best_guess") -> int:
    """Propose what was said in a gap, with a confidence (certain / best_guess)."""
    if confidence not in GAP_CONFIDENCES:
        raise OperationFailed(f"unknown confidence {confidence!r} (expected one of {', '.join(GAP_CONFIDENCES)})")
    if not text.strip():
        raise OperationFailed("type what was said, or mark the gap unrecoverable")
    with store.operation("Fill gap") as op:
        gap = op.get(Gap, gap_id)
        op.transcript_id = gap.transcript_id
        gap.status, gap.proposed_text, gap.confidence = "filled", text.strip(), confidence
        _touch(op, gap)
    return op.committed_id


def mark_unrecoverable(store: Store, gap_id: int) -> int:
    """Confirm that what was said in a gap cannot be recovered."""
    with store.operation("Mark gap unrecoverable") as op:
        gap = op.get(Gap, gap_id)
        op.transcript_id = gap.transcript_id
        if gap.status == "unrecoverable":
            raise OperationFailed("this gap is already marked unrecoverable")
        gap.status, gap.confidence = "unrecoverable", None
        _touch(op, gap)
    return op.committed_id


def reopen_gap(store: Store, gap_id: int) -> int:
    """Open a filled or unrecoverable gap again (a proposed text is kept as a draft)."""
    with store.operation("Reopen gap") as op:
        gap = op.get(Gap, gap_id)
        op.transcript_id = gap.transcript_id
        if gap.status == "open":
            raise OperationFailed("this gap is already open")
        gap.status = "open"
        _touch(op, gap)
    return op.committed_id


def remove_gap(store: Store, gap_id: int) -> int:
    """Forget a gap record (the text is left as it is)."""
    with store.operation("Remove gap") as op:
        gap = op.get(Gap, gap_id)
        op.transcript_id = gap.transcript_id
        op.session.delete(gap)
    return op.committed_id


def _unlink(op: Operation, gap: Gap) -> None:
    if gap.counterpart_id is not None:
        other = op.session.get(Gap, gap.counterpart_id)
        if other is not None and other.counterpart_id == gap.id:
            other.counterpart_id = None
        gap.counterpart_id = None


def link_gaps(store: Store, gap_id: int, other_id: int) -> int:
    """Link a gap with its counterpart in the other language of the same segment."""
    with store.operation("Link gaps") as op:
        gap, other = op.get(Gap, gap_id), op.get(Gap, other_id)
        op.transcript_id = gap.transcript_id
        if gap.segment_id != other.segment_id:
            raise OperationFailed("only gaps of the same segment can be linked")
        if gap.lang == other.lang:
            raise OperationFailed("a gap's counterpart is in the other language")
        if gap.counterpart_id == other.id and other.counterpart_id == gap.id:
            raise OperationFailed("these gaps are already linked")
        _unlink(op, gap)
        _unlink(op, other)
        gap.counterpart_id, other.counterpart_id = other.id, gap.id
    return op.committed_id


def unlink_gap(store: Store, gap_id: int) -> int:
    """Remove the link between a gap and its counterpart."""
    with store.operation("Unlink gap") as op:
        gap = op.get(Gap, gap_id)
        op.transcript_id = gap.transcript_id
        if gap.counterpart_id is None:
            raise OperationFailed("this gap has no counterpart")
        _unlink(op, gap)
    return op.committed_id


def propose_counterparts(segment: SegmentView) -> list[tuple[int, int]]:
    """Pairs (English gap id, Japanese gap id) proposed by order within the segment.

    ``segment`` is a read-model ``SegmentView``. Gaps already linked keep their
    partner and are left out; the rest are paired first with first.
    """
    free = {lang: sorted((g for g in segment.gaps if g.lang == lang and g.counterpart_id is None),
                         key=lambda g: (g.start, g.id)) for lang in ("en", "ja")}
    return [(en.id, ja.id) for en, ja in zip(free["en"], free["ja"], strict=False)]


def link_proposed(store: Store, segment_ids: Sequence[int]) -> int | None:
    """Link every proposed counterpart pair of the given segments, as one step (None: none proposed)."""
    from model.readmodel import load_segments

    pairs = [p for seg in load_segments(store, segment_ids).values() for p in propose_counterparts(seg)]
    if not pairs:
        return None
    with store.operation("Link proposed gaps") as op:
        for en_id, ja_id in pairs:
            en, ja = op.get(Gap, en_id), op.get(Gap, ja_id)
            op.transcript_id = en.transcript_id
            en.counterpart_id, ja.counterpart_id = ja.id, en.id
    return op.event_id


@dataclass(frozen=True, slots=True)
class GapRow:
    """One gap of a transcript, for the list of all gaps (read-only)."""

    id: int
    segment_id: int
    turn_number: int  # 1-based, in reading order
    lang: str
    text: str
    status: str
    proposed_text: str | None
    confidence: str | None
    counterpart_id: int | None


def list_gaps(store: Store, transcript_id: int) -> list[GapRow]:
    """Every gap of a transcript in reading order (a read, not an operation)."""
    from sqlalchemy import select

    from model.schema import Turn

    with store.read() as s:
        numbers = {tid: n + 1 for n, tid in enumerate(s.scalars(
            select(Turn.id).where(Turn.transcript_id == transcript_id).order_by(Turn.position, Turn.id)))}
        found = s.execute(select(Gap.id, Gap.segment_id, Segment.turn_id, Segment.position, Gap.lang, Gap.text,
                                Gap.status, Gap.proposed_text, Gap.confidence, Gap.counterpart_id, Gap.start)
                         .join(Segment, Segment.id == Gap.segment_id)
                         .where(Gap.transcript_id == transcript_id)).all()
    rows = sorted(found, key=lambda r: (numbers.get(r.turn_id, 0), r.position, r.lang, r.start))
    return [GapRow(r.id, r.segment_id, numbers.get(r.turn_id, 0), r.lang, r.text, r.status, r.proposed_text,
                   r.confidence, r.counterpart_id) for r in rows]
