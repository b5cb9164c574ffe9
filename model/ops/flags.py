"""Flags: requests for review on a segment or on a span of one language of it.

Each function is one user action (one journaled transaction, one undo step)
and returns the change event id. A flag's note, replies and resolution note
are Markdown (rendered safely by ``model.notes``). Spans index the segment's
current corrected text in ``lang``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.errors import OperationFailed
from model.notes import check_note
from model.schema import FLAG_CATEGORIES, FLAG_STATUSES, LANGS, Correction, Flag, FlagReply, Segment, utcnow
from model.store import Store
from model.text import History, carry_spans, derive

CLOSED_STATUSES = ("resolved", "wontfix")


# -- keeping flagged spans on their text (called by the text-changing operations) --------

def span_flags(session: Session, segment_id: int, lang: str) -> list[Flag]:
    """The flags of a segment that mark a span of ``lang`` (read before changing the text)."""
    return list(session.scalars(select(Flag).where(Flag.segment_id == segment_id, Flag.lang == lang,
                                                   Flag.start.is_not(None))))


def _span_of(flag: Flag) -> tuple[int, int] | None:
    return (flag.start, flag.end) if flag.start is not None and flag.end is not None else None


def shift_flags(flags: list[Flag], edit_start: int, edit_end: int, new_len: int) -> None:
    """Move flagged spans with one replacement; a span whose text was deleted becomes a
    flag on the whole segment (in that language) rather than vanishing."""
    from model.text import shift_span

    for f in flags:
        span = _span_of(f)
        if span is None:  # a flag on the whole segment has no span to move
            continue
        s, e = shift_span(span, edit_start, edit_end, new_len)
        if s >= e:
            f.start = f.end = None
        elif (s, e) != (f.start, f.end):
            f.start, f.end = s, e


def remap_flags(flags: list[Flag], old: History, new: History) -> None:
    """Carry flagged spans over after the text changed indirectly (a correction rejected or reverted)."""
    spans = [(f, span) for f in flags if (span := _span_of(f)) is not None]
    if not spans:
        return
    carried = carry_spans(old, new, [span for _f, span in spans])
    for (f, _span), (s, e) in zip(spans, carried, strict=True):
        if s >= e:
            f.start = f.end = None
        elif (s, e) != (f.start, f.end):
            f.start, f.end = s, e


def _check_category(category: str) -> str:
    if category not in FLAG_CATEGORIES:
        raise OperationFailed(f"unknown flag category {category!r} (expected one of {', '.join(FLAG_CATEGORIES)})")
    return category


def _check_span(session: Session, seg: Segment, lang: str | None, start: int | None, end: int | None) -> None:
    if lang is not None and lang not in LANGS:
        raise OperationFailed(f"unknown language {lang!r} (expected one of {', '.join(LANGS)})")
    if start is None and end is None:
        return
    if lang is None or start is None or end is None:
        raise OperationFailed("a flagged span needs a language, a start and an end")
    original = seg.en_orig if lang == "en" else seg.ja_orig
    cors = session.scalars(select(Correction).where(Correction.segment_id == seg.id, Correction.lang == lang))
    text = derive(original or "", list(cors)).text
    if not 0 <= start < end <= len(text):
        raise OperationFailed(f"the span {start}-{end} is outside the {lang} text ({len(text)} characters)")


def add_flag(store: Store, segment_id: int, category: str = "other", note: str = "", *,
             lang: str | None = None, start: int | None = None, end: int | None = None,
             finding_key: str | None = None) -> int:
    """Flag a segment (or a span of ``lang``) for review. Returns the change event id."""
    _check_category(category)
    check_note(note)
    with store.operation("Flag segment") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        _check_span(op.session, seg, lang, start, end)
        flag = Flag(segment_id=seg.id, transcript_id=seg.transcript_id, lang=lang, start=start, end=end,
                    category=category, note=note.strip(), status="open", author_id=op.annotator_id,
                    created_at=utcnow(), finding_key=finding_key)
        op.session.add(flag)
        op.description = f"{category} flag on segment {segment_id}"
    return op.committed_id


def set_flag_status(store: Store, flag_id: int, status: str, resolution_note: str | None = None) -> int:
    """Resolve, mark won't fix, or reopen a flag. Closing records who and when (and the note).

    Reopening clears the resolution; a note given when reopening is kept as a reply,
    so the discussion shows why the flag came back.
    """
    if status not in FLAG_STATUSES:
        raise OperationFailed(f"unknown flag status {status!r} (expected one of {', '.join(FLAG_STATUSES)})")
    check_note(resolution_note)
    action = {"open": "Reopen flag", "resolved": "Resolve flag", "wontfix": "Close flag (won't fix)"}[status]
    with store.operation(action) as op:
        flag = op.get(Flag, flag_id)
        op.transcript_id = flag.transcript_id
        if flag.status == status:
            raise OperationFailed(f"flag {flag_id} is already {status}")
        flag.status = status
        if status in CLOSED_STATUSES:
            flag.resolution_note = (resolution_note or "").strip() or None
            flag.resolved_by_id = op.annotator_id
            flag.resolved_at = utcnow()
        else:
            flag.resolution_note = None
            flag.resolved_by_id = None
            flag.resolved_at = None
            if resolution_note and resolution_note.strip():
                op.session.add(FlagReply(flag_id=flag.id, author_id=op.annotator_id, created_at=utcnow(),
                                         text=resolution_note.strip()))
        op.description = f"flag {flag_id} -> {status}"
    return op.committed_id


def resolve_flag(store: Store, flag_id: int, note: str | None = None) -> int:
    """Mark a flag resolved, with an optional resolution note."""
    return set_flag_status(store, flag_id, "resolved", note)


def wontfix_flag(store: Store, flag_id: int, note: str | None = None) -> int:
    """Close a flag without a change ("won't fix"), with an optional note."""
    return set_flag_status(store, flag_id, "wontfix", note)


def reopen_flag(store: Store, flag_id: int, reason: str | None = None) -> int:
    """Open a closed flag again (``reason`` becomes a reply)."""
    return set_flag_status(store, flag_id, "open", reason)


def reply_to_flag(store: Store, flag_id: int, text: str) -> int:
    """Add a reply (Markdown) to a flag's discussion; replies keep their order."""
    if not text.strip():
        raise OperationFailed("a reply cannot be empty")
    check_note(text, "a reply")
    with store.operation("Reply to flag") as op:
        flag = op.get(Flag, flag_id)
        op.transcript_id = flag.transcript_id
        op.session.add(FlagReply(flag_id=flag.id, author_id=op.annotator_id, created_at=utcnow(),
                                 text=text.strip()))
    return op.committed_id


def edit_flag(store: Store, flag_id: int, note: str | None = None, category: str | None = None) -> int:
    """Change a flag's note and/or category."""
    check_note(note)
    if category is not None:
        _check_category(category)
    with store.operation("Edit flag") as op:
        flag = op.get(Flag, flag_id)
        op.transcript_id = flag.transcript_id
        if note is not None:
            flag.note = note.strip()
        if category is not None:
            flag.category = category
    return op.committed_id


def delete_flag(store: Store, flag_id: int) -> int:
    """Remove a flag and its replies (undo brings them back)."""
    with store.operation("Delete flag") as op:
        flag = op.get(Flag, flag_id)
        op.transcript_id = flag.transcript_id
        op.session.delete(flag)
    return op.committed_id
