"""Which segments of a transcript match a pane filter, and where the open gaps are.

The window folds away the other rows (``gui.annotate.filters``); the queries read only ids,
so a 50,000-segment transcript is filtered in a few narrow queries.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, exists, func, or_, select

from model.reading_order import beyond, place_of, reading_order
from model.schema import Correction, Flag, Gap, Segment, Turn
from model.store import Store

FILTERS = ("untranslated", "flagged", "unapproved", "open_gaps", "corrected", "commented")


def _untranslated(lang: str):  # type: ignore[no-untyped-def]
    orig = Segment.ja_orig if lang == "ja" else Segment.en_orig
    given = exists().where(Correction.segment_id == Segment.id, Correction.lang == lang,
                           Correction.status != "rejected", Correction.after != "")
    return and_(orig.is_(None), ~given)


def matching_segments(store: Store, transcript_id: int, kind: str,
                      among: Iterable[int] | None = None) -> set[int]:
    """Ids of the segments of ``transcript_id`` that the filter ``kind`` (one of ``FILTERS``) shows.

    ``untranslated``: speech with no text in one language; ``flagged``: an open flag;
    ``unapproved``: not approved; ``open_gaps``: an open gap; ``corrected``: a live correction;
    ``commented``: an annotator's comment. ``among``: look only at these segments (after an edit).
    """
    if kind not in FILTERS:
        raise ValueError(f"unknown filter {kind!r}")
    mine = Segment.transcript_id == transcript_id
    with store.read() as s:
        if kind == "untranslated":
            q = (select(Segment.id).join(Turn, Turn.id == Segment.turn_id)
                 .where(mine, Turn.kind == "speech", or_(_untranslated("en"), _untranslated("ja"))))
        elif kind == "flagged":
            q = select(Flag.segment_id).where(Flag.transcript_id == transcript_id, Flag.status == "open")
        elif kind == "unapproved":
            q = select(Segment.id).where(mine, Segment.review_state != "approved")
        elif kind == "open_gaps":
            q = select(Gap.segment_id).where(Gap.transcript_id == transcript_id, Gap.status == "open")
        elif kind == "corrected":
            q = select(Correction.segment_id).where(Correction.transcript_id == transcript_id,
                                                    Correction.status != "rejected")
        else:
            q = select(Segment.id).where(mine, Segment.comment.is_not(None), Segment.comment != "")
        if among is not None:
            ids = list(among)
            if not ids:
                return set()
            column = q.selected_columns[0]
            q = q.where(column.in_(ids))
        return set(s.scalars(q))


def next_open_gap(store: Store, transcript_id: int, after_segment_id: int | None, backwards: bool = False,
                  skip: Iterable[int] = ()) -> tuple[int, str] | None:
    """(segment id, lang) of the next (previous) segment with an open gap in reading order after
    ``after_segment_id``, wrapping; None when there is none. ``skip``: segments not to stop at
    (folded away by a filter). Reads one row, not every gap: F9 stays quick on 50,000 segments."""
    skipped = set(skip)
    with store.read() as s:
        base = (select(Segment.id, Gap.lang).join(Gap, Gap.segment_id == Segment.id)
                .join(Turn, Turn.id == Segment.turn_id)
                .where(Segment.transcript_id == transcript_id, Gap.status == "open"))
        here = place_of(s, after_segment_id) if after_segment_id is not None else None
        attempts = [base]
        if here is not None:
            attempts = [base.where(beyond(here, backwards)), base]  # then wrap around
        for q in attempts:
            # Rows come in order from a cursor: the first one not skipped ends the read.
            for sid, lang in s.execute(q.order_by(*reading_order(backwards), Gap.start).limit(len(skipped) + 1)):
                if sid not in skipped:
                    return sid, lang
    return None


def count_open_gap_segments(store: Store, transcript_id: int) -> int:
    """How many segments have an open gap."""
    with store.read() as s:
        return int(s.scalar(select(func.count(func.distinct(Gap.segment_id)))
                            .where(Gap.transcript_id == transcript_id, Gap.status == "open")) or 0)


def open_gaps(store: Store, transcript_id: int) -> dict[int, list[tuple[int, str, int]]]:
    """Open gaps by segment id: [(gap id, lang, start), ...] in text order."""
    out: dict[int, list[tuple[int, str, int]]] = {}
    with store.read() as s:
        for gid, sid, lang, start in s.execute(
                select(Gap.id, Gap.segment_id, Gap.lang, Gap.start)
                .where(Gap.transcript_id == transcript_id, Gap.status == "open").order_by(Gap.start, Gap.id)):
            out.setdefault(sid, []).append((gid, lang, start))
    return out
