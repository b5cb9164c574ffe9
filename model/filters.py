"""Which segments of a transcript match a pane filter, and where the open gaps are.

The window folds away the other rows (``gui.annotate.filters``); the queries read only ids,
so a 50,000-segment transcript is filtered in a few narrow queries.
"""

from __future__ import annotations

from sqlalchemy import and_, exists, or_, select

from model.schema import Correction, Flag, Gap, Segment, Turn
from model.store import Store

FILTERS = ("untranslated", "flagged", "unapproved", "open_gaps", "corrected", "commented")


def _untranslated(lang: str):  # type: ignore[no-untyped-def]
    orig = Segment.ja_orig if lang == "ja" else Segment.en_orig
    given = exists().where(Correction.segment_id == Segment.id, Correction.lang == lang,
                           Correction.status != "rejected", Correction.after != "")
    return and_(orig.is_(None), ~given)


def matching_segments(store: Store, transcript_id: int, kind: str) -> set[int]:
    """Ids of the segments of ``transcript_id`` that the filter ``kind`` (one of ``FILTERS``) shows.

    ``untranslated``: speech with no text in one language; ``flagged``: an open flag;
    ``unapproved``: not approved; ``open_gaps``: an open gap; ``corrected``: a live correction;
    ``commented``: an annotator's comment.
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
        return set(s.scalars(q))


def open_gaps(store: Store, transcript_id: int) -> dict[int, list[tuple[int, str, int]]]:
    """Open gaps by segment id: [(gap id, lang, start), ...] in text order."""
    out: dict[int, list[tuple[int, str, int]]] = {}
    with store.read() as s:
        for gid, sid, lang, start in s.execute(
                select(Gap.id, Gap.segment_id, Gap.lang, Gap.start)
                .where(Gap.transcript_id == transcript_id, Gap.status == "open").order_by(Gap.start, Gap.id)):
            out.setdefault(sid, []).append((gid, lang, start))
    return out
