"""Review queries: the flag queue, navigation to the next open flag or unreviewed
segment, and a transcript's progress. Read-only; the changes are in ``model.ops``.

Reading order is (turn position, segment position); navigation wraps around
the end of the transcript, as F8 does in an editor's problem list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import distinct, func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from model.errors import NotFound
from model.reading_order import beyond, place_of, reading_order
from model.schema import Annotator, Flag, FlagReply, Gap, Segment, Transcript, Turn
from model.store import Store

T = TypeVar("T")


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


def _segment_numbers(s: Session, turn_ids: set[int]) -> dict[int, int]:
    """Segment id -> its number within its turn (from 1), for the segments of these turns only:
    a few flagged turns, not the 50,000 segments of a long transcript (0.2 s)."""
    numbers: dict[int, int] = {}
    ids = list(turn_ids)
    for start in range(0, len(ids), 500):  # keep each IN list short
        rows = s.execute(select(Segment.id, Segment.turn_id).where(Segment.turn_id.in_(ids[start:start + 500]))
                         .order_by(Segment.turn_id, Segment.position, Segment.id))
        for _turn, group in groupby(rows, key=itemgetter(1)):
            numbers.update((sid, n) for n, (sid, _t) in enumerate(group, 1))
    return numbers


def _turn_numbers(s: Session, transcript_id: int, turn_ids: set[int]) -> dict[int, int]:
    """Turn id -> its number in the transcript (from 1), for these turns only: the database
    numbers every turn (a window function), Python sees only the flagged ones."""
    if not turn_ids:
        return {}
    numbered = (select(Turn.id.label("id"), func.row_number().over(order_by=(Turn.position, Turn.id)).label("n"))
                .where(Turn.transcript_id == transcript_id).subquery())
    wanted = list(turn_ids)
    numbers: dict[int, int] = {}
    for start in range(0, len(wanted), 500):  # keep each IN list short
        numbers.update(s.execute(select(numbered.c.id, numbered.c.n)
                                 .where(numbered.c.id.in_(wanted[start:start + 500]))).all())
    return numbers


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
        turn_no = _turn_numbers(s, transcript_id, {row[3] for row in rows})
        seg_no = _segment_numbers(s, {row[3] for row in rows})
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


def _flag_item(s: Session, flag_id: int, with_replies: bool = True) -> FlagItem:
    author_t, resolver_t = aliased(Annotator), aliased(Annotator)
    row = s.execute(select(Flag, author_t.name, resolver_t.name, Turn.transcript_id, Turn.position, Turn.id,
                           Segment.position)
                    .join(Segment, Segment.id == Flag.segment_id).join(Turn, Turn.id == Segment.turn_id)
                    .join(author_t, author_t.id == Flag.author_id)
                    .outerjoin(resolver_t, resolver_t.id == Flag.resolved_by_id)
                    .where(Flag.id == flag_id)).first()
    if row is None:
        raise NotFound(f"flag {flag_id} does not exist")
    f, author_name, resolver, tid, tpos, turn_id, spos = row
    # Numbers as the user sees them: places in reading order, from 1.
    turn_no = 1 + (s.scalar(select(func.count()).select_from(Turn).where(
        Turn.transcript_id == tid, (Turn.position < tpos) | ((Turn.position == tpos) & (Turn.id < turn_id)))) or 0)
    seg_no = 1 + (s.scalar(select(func.count()).select_from(Segment).where(
        Segment.turn_id == turn_id, (Segment.position < spos)
        | ((Segment.position == spos) & (Segment.id < f.segment_id)))) or 0)
    n_replies = s.scalar(select(func.count()).select_from(FlagReply).where(FlagReply.flag_id == flag_id)) or 0
    item = FlagItem(f.id, f.segment_id, turn_no, seg_no, f.lang, f.start, f.end, f.category, f.note, f.status,
                    author_name, f.created_at, f.resolution_note, resolver, f.resolved_at, f.finding_key, n_replies)
    if with_replies:
        _attach_replies(s, [item])
    return item


def get_flag(store: Store, flag_id: int) -> FlagItem:
    """One flag with its replies in order; ``NotFound`` if it does not exist."""
    with store.read() as s:
        return _flag_item(s, flag_id)


def _cycle(order: list[T], current_index: int | None, backwards: bool) -> list[T]:
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
    with store.read() as s:
        # Only the open flags' places are read: F8 stays quick on a long transcript.
        rows = s.execute(select(Flag.id, Flag.segment_id, Turn.position, Segment.position, Flag.start)
                         .join(Segment, Segment.id == Flag.segment_id).join(Turn, Turn.id == Segment.turn_id)
                         .where(Flag.transcript_id == transcript_id, Flag.status == "open")).all()
        if not rows:
            return None
        keyed = sorted(((tp, sp, fs if fs is not None else -1, fid), fid) for fid, _sid, tp, sp, fs in rows)
        order = [fid for _k, fid in keyed]
        keys = [k for k, _fid in keyed]
        chosen: int | None = None
        if after_flag_id is not None and after_flag_id in order:
            chosen = _cycle(order, order.index(after_flag_id), backwards)[0] if len(order) > 1 else order[0]
        else:
            here = place_of(s, after_segment_id) if after_segment_id is not None else None
            if here is None:
                chosen = order[-1] if backwards else order[0]
            elif backwards:
                before = [fid for k, fid in zip(keys, order, strict=True) if k[:2] < here]
                chosen = before[-1] if before else order[-1]
            else:
                after = [fid for k, fid in zip(keys, order, strict=True) if k[:2] > here]
                chosen = after[0] if after else order[0]
        return _flag_item(s, chosen, with_replies=False)


def next_segment_needing_review(store: Store, transcript_id: int, after_segment_id: int | None,
                                backwards: bool = False) -> int | None:
    """The id of the next (or previous) segment not yet approved, wrapping; None when all are approved."""
    with store.read() as s:
        _check_transcript(s, transcript_id)
        base = (select(Segment.id).join(Turn, Turn.id == Segment.turn_id)
                .where(Segment.transcript_id == transcript_id, Segment.review_state != "approved"))
        ordering = reading_order(backwards)
        here = place_of(s, after_segment_id) if after_segment_id is not None else None
        if here is not None:
            found = s.scalar(base.where(beyond(here, backwards)).order_by(*ordering).limit(1))
            if found is not None:
                return found
        # Wrap around (the current segment itself comes last).
        if after_segment_id:
            base = base.where(Segment.id != after_segment_id)
        return s.scalar(base.order_by(*ordering).limit(1))


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


# A segment's review marks as bits (the overview strip paints them beside the panes' scroll bars).
FLAGGED, GAPPED, EDITED, APPROVED = 1, 2, 4, 8


def marker_bits(store: Store, transcript_id: int, segment_ids: Iterable[int] | None = None,
                pace: Callable[[], None] | None = None) -> list[tuple[int, int]]:
    """Marked segments, in no particular order: (segment id, FLAGGED|GAPPED|EDITED|APPROVED);
    see ``marker_bit_batches``."""
    found: list[tuple[int, int]] = []
    for batch in marker_bit_batches(store, transcript_id, segment_ids):
        found.extend(batch)
        if pace is not None:
            pace()
    return found


def marker_bit_batches(store: Store, transcript_id: int,
                       segment_ids: Iterable[int] | None = None) -> Iterator[list[tuple[int, int]]]:
    """Marked segments, in no particular order: (segment id, FLAGGED|GAPPED|EDITED|APPROVED).

    One aggregate query: every source of a mark (review state, open flags, open gaps,
    pending or accepted corrections) gives (segment, bit) rows, summed per segment over
    distinct bits (an OR, on SQLite and PostgreSQL alike). For the whole transcript,
    segments without any mark are left out. With ``segment_ids``, every one of those
    segments, marked or not (bits 0): an edit repaints its own mark, or clears it, without
    reading the whole transcript. In batches of 5,000, to be used as they come: at 500,000
    marked segments a list of them all took 120 MB. A reader in the background can wait
    between two batches while the window works.
    """
    from model.schema import Correction

    ids = list(segment_ids) if segment_ids is not None else None

    def scope(column: Any, transcript_column: Any) -> Any:
        return column.in_(ids) if ids is not None else transcript_column == transcript_id

    def marked(column: Any, transcript_column: Any, bit: int, *where: Any) -> Any:
        return select(column.label("sid"), literal(bit).label("bit")).where(scope(column, transcript_column), *where)

    parts = [
        marked(Segment.id, Segment.transcript_id, EDITED, Segment.review_state == "edited"),
        marked(Segment.id, Segment.transcript_id, APPROVED, Segment.review_state == "approved"),
        marked(Flag.segment_id, Flag.transcript_id, FLAGGED, Flag.status == "open"),
        marked(Gap.segment_id, Gap.transcript_id, GAPPED, Gap.status == "open"),
        marked(Correction.segment_id, Correction.transcript_id, EDITED,
               Correction.status.in_(("proposed", "accepted"))),
    ]
    if ids is not None:  # the asked-for segments that exist, even unmarked
        parts.append(select(Segment.id.label("sid"), literal(0).label("bit")).where(Segment.id.in_(ids)))
    sources = union_all(*parts).subquery()
    query = select(sources.c.sid, func.sum(distinct(sources.c.bit))).group_by(sources.c.sid)
    with store.read() as s:
        # yield_per: without it the session fetches every row before the first batch (120 MB at 500,000).
        for batch in s.execute(query.execution_options(yield_per=5000)).partitions():
            yield [(sid, int(bits)) for sid, bits in batch]


def markers(store: Store, transcript_id: int, segment_ids: Iterable[int] | None = None,
            ) -> list[tuple[int, bool, bool, bool, bool]]:
    """``marker_bits`` spelled out: (segment id, open flag, open gap, edited, approved)."""
    return [(sid, bool(bits & FLAGGED), bool(bits & GAPPED), bool(bits & EDITED), bool(bits & APPROVED))
            for sid, bits in marker_bits(store, transcript_id, segment_ids)]
