"""Review queries: the flag queue, navigation to the next open flag or unreviewed
segment, and a transcript's progress. Read-only; the changes are in ``model.ops``.

Reading order is (turn position, segment position); navigation wraps around
the end of the transcript, as F8 does in an editor's problem list.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from model.errors import NotFound
from model.schema import Annotator, Flag, FlagReply, Gap, Segment, Transcript, Turn
from model.store import Store


@dataclass(slots=True)
class ReplyView:
    id: int
    author: str
    created_at: datetime
    text: str


@dataclass(slots=True)
class FlagItem:
    """A flag as the review queue shows it: where it is, what it says, who decided."""

    id: int
    segment_id: int
    turn: int  # position from 1
    segment: int  # position in the turn, from 1
    lang: str | None
    start: int | None
    end: int | None
    category: str
    note: str
    status: str
    author: str
    created_at: datetime
    resolution_note: str | None
    resolved_by: str | None
    resolved_at: datetime | None
    finding_key: str | None
    reply_count: int = 0
    replies: list[ReplyView] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(slots=True)
class FlagList:
    """Flags that passed the filters, and counts over every flag of the transcript."""

    flags: list[FlagItem]
    by_status: Counter[str]
    by_category: Counter[str]
    total: int


@dataclass(slots=True)
class Progress:
    """How far a transcript is from done."""

    segments: int
    approved: int
    edited: int
    open_flags: int
    open_gaps: int

    @property
    def share_approved(self) -> float:
        return self.approved / self.segments if self.segments else 0.0


def _check_transcript(s: Session, transcript_id: int) -> None:
    if s.get(Transcript, transcript_id) is None:
        raise NotFound(f"transcript {transcript_id} does not exist")


def segment_order(s: Session, transcript_id: int) -> list[tuple[int, int, int, str]]:
    """(segment id, turn number from 1, segment number from 1, review state) in reading order."""
    rows = s.execute(select(Segment.id, Turn.id, Segment.review_state).join(Turn, Turn.id == Segment.turn_id)
                     .where(Segment.transcript_id == transcript_id)
                     .order_by(Turn.position, Turn.id, Segment.position, Segment.id)).all()
    turn_no: dict[int, int] = {}
    seg_no: Counter[int] = Counter()
    out = []
    for sid, tid, state in rows:
        turn_no.setdefault(tid, len(turn_no) + 1)
        seg_no[tid] += 1
        out.append((sid, turn_no[tid], seg_no[tid], state))
    # Turns without segments still count in the numbering the user sees.
    return out


def _turn_numbers(s: Session, transcript_id: int) -> dict[int, int]:
    ids = s.scalars(select(Turn.id).where(Turn.transcript_id == transcript_id).order_by(Turn.position, Turn.id))
    return {tid: n for n, tid in enumerate(ids, 1)}


def list_flags(store: Store, transcript_id: int, status: str | None = None, category: str | None = None,
               lang: str | None = None, author: str | None = None, *, with_replies: bool = False) -> FlagList:
    """The transcript's flags in reading order, filtered; counts cover all flags.

    ``lang``: "en"/"ja" for spans in that language, "" for whole-segment flags.
    """
    with store.read() as s:
        _check_transcript(s, transcript_id)
        author_t, resolver_t = aliased(Annotator), aliased(Annotator)
        replies = (select(FlagReply.flag_id, func.count().label("n")).group_by(FlagReply.flag_id).subquery())
        rows = s.execute(
            select(Flag, author_t.name, resolver_t.name, Segment.turn_id, Segment.position, Turn.position,
                   func.coalesce(replies.c.n, 0))
            .join(Segment, Segment.id == Flag.segment_id).join(Turn, Turn.id == Segment.turn_id)
            .join(author_t, author_t.id == Flag.author_id)
            .outerjoin(resolver_t, resolver_t.id == Flag.resolved_by_id)
            .outerjoin(replies, replies.c.flag_id == Flag.id)
            .where(Flag.transcript_id == transcript_id)
            .order_by(Turn.position, Segment.position, Flag.start, Flag.id)).all()
        turn_no = _turn_numbers(s, transcript_id)
        seg_no = {sid: n for sid, _t, n, _st in segment_order(s, transcript_id)}
        items: list[FlagItem] = []
        for f, author_name, resolver, turn_id, _spos, _tpos, n_replies in rows:
            items.append(FlagItem(f.id, f.segment_id, turn_no.get(turn_id, 0), seg_no.get(f.segment_id, 0),
                                  f.lang, f.start, f.end, f.category, f.note, f.status, author_name,
                                  f.created_at, f.resolution_note, resolver, f.resolved_at, f.finding_key,
                                  n_replies))
        by_status = Counter(i.status for i in items)
        by_category = Counter(i.category for i in items)
        kept = filter_flags(items, status, category, lang, author)
        if with_replies:
            _attach_replies(s, kept)
        return FlagList(kept, by_status, by_category, len(items))


def filter_flags(items: list[FlagItem], status: str | None = None, category: str | None = None,
                 lang: str | None = None, author: str | None = None) -> list[FlagItem]:
    """The flags matching every given filter (None: any); ``lang=""`` means whole-segment flags."""
    return [i for i in items
            if (status is None or i.status == status)
            and (category is None or i.category == category)
            and (lang is None or (i.lang or "") == lang)
            and (author is None or i.author == author)]


def _attach_replies(s: Session, items: list[FlagItem]) -> None:
    by_id = {i.id: i for i in items}
    if not by_id:
        return
    for r, name in s.execute(select(FlagReply, Annotator.name).join(Annotator, Annotator.id == FlagReply.author_id)
                             .where(FlagReply.flag_id.in_(list(by_id))).order_by(FlagReply.id)):
        by_id[r.flag_id].replies.append(ReplyView(r.id, name, r.created_at, r.text))


def get_flag(store: Store, flag_id: int) -> FlagItem:
    """One flag with its replies in order; ``NotFound`` if it does not exist."""
    with store.read() as s:
        f = s.get(Flag, flag_id)
        if f is None:
            raise NotFound(f"flag {flag_id} does not exist")
        tid = f.transcript_id
    for item in list_flags(store, tid, with_replies=True).flags:
        if item.id == flag_id:
            return item
    raise NotFound(f"flag {flag_id} does not exist")  # pragma: no cover - deleted meanwhile


def _cycle(order: list, current_index: int | None, backwards: bool) -> list:
    """The items after (or before) ``current_index``, wrapping around."""
    if current_index is None:
        return list(reversed(order)) if backwards else list(order)
    if backwards:
        return list(reversed(order[:current_index])) + list(reversed(order[current_index + 1:]))
    return order[current_index + 1:] + order[:current_index]


def next_open_flag(store: Store, transcript_id: int, after_segment_id: int | None, backwards: bool = False,
                   after_flag_id: int | None = None) -> FlagItem | None:
    """The next (or previous) open flag in reading order after the given segment (or flag); wraps.

    Without ``after_flag_id`` the flags of the current segment are passed over
    (the reviewer is already looking at them). None when no flag is open.
    """
    flags = list_flags(store, transcript_id, status="open").flags
    if not flags:
        return None
    if after_flag_id is not None and any(f.id == after_flag_id for f in flags):
        idx = next(i for i, f in enumerate(flags) if f.id == after_flag_id)
        return _cycle(flags, idx, backwards)[0] if len(flags) > 1 else flags[0]
    if after_segment_id is None:
        return flags[-1] if backwards else flags[0]
    with store.read() as s:
        rank = {sid: n for n, (sid, *_rest) in enumerate(segment_order(s, transcript_id))}
    here = rank.get(after_segment_id)
    if here is None:
        return flags[-1] if backwards else flags[0]
    if backwards:
        before = [f for f in flags if rank.get(f.segment_id, -1) < here]
        return before[-1] if before else flags[-1]
    after = [f for f in flags if rank.get(f.segment_id, -1) > here]
    return after[0] if after else flags[0]


def next_segment_needing_review(store: Store, transcript_id: int, after_segment_id: int | None,
                                backwards: bool = False) -> int | None:
    """The id of the next (or previous) segment not yet approved, wrapping; None when all are approved."""
    with store.read() as s:
        _check_transcript(s, transcript_id)
        order = segment_order(s, transcript_id)
    idx = next((i for i, row in enumerate(order) if row[0] == after_segment_id), None)
    for sid, _t, _n, state in _cycle(order, idx, backwards):
        if state != "approved":
            return sid
    return None


def progress(store: Store, transcript_id: int) -> Progress:
    """Share approved, edited segments, open flags and unresolved (open) gaps of a transcript."""
    with store.read() as s:
        _check_transcript(s, transcript_id)
        states = Counter(dict(s.execute(select(Segment.review_state, func.count())
                                        .where(Segment.transcript_id == transcript_id)
                                        .group_by(Segment.review_state)).all()))
        flags = s.scalar(select(func.count()).select_from(Flag)
                         .where(Flag.transcript_id == transcript_id, Flag.status == "open")) or 0
        gaps = s.scalar(select(func.count()).select_from(Gap)
                        .where(Gap.transcript_id == transcript_id, Gap.status == "open")) or 0
    return Progress(sum(states.values()), states["approved"], states["edited"], flags, gaps)


def markers(store: Store, transcript_id: int) -> list[tuple[int, bool, bool, bool, bool]]:
    """Per segment in reading order: (segment id, open flag, open gap, edited, approved).

    What the overview strip paints beside the panes' scroll bars.
    """
    from model.schema import Correction

    with store.read() as s:
        order = segment_order(s, transcript_id)
        flagged = set(s.scalars(select(Flag.segment_id).where(Flag.transcript_id == transcript_id,
                                                               Flag.status == "open")))
        gapped = set(s.scalars(select(Gap.segment_id).where(Gap.transcript_id == transcript_id,
                                                             Gap.status == "open")))
        edited = set(s.scalars(select(Correction.segment_id).where(Correction.transcript_id == transcript_id,
                                                                    Correction.status.in_(("proposed", "accepted")))))
    return [(sid, sid in flagged, sid in gapped, sid in edited or state == "edited", state == "approved")
            for sid, _t, _n, state in order]
