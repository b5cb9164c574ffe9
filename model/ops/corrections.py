"""Corrections: editing a segment's text, reviewing corrections, reverting a segment.

An edit is stored as one ``Correction``: the smallest single replacement
(``model.text.single_edit``) between the current corrected text and what the
annotator committed, its ``start``/``end`` anchored in the segment's history
(``model.text``), so later review decisions never move it. The original never
changes; the corrected text is derived.

Gaps index the current corrected text. A typed edit moves them with
``shift_span``; rejecting, re-accepting or reverting corrections changes the
text indirectly, and gaps are then carried over by ``_base.remap_gaps`` through
the segment's history, which review decisions do not change. A gap whose text
disappears (e.g. an inserted ``(inaudible)`` marker whose correction is
rejected) is deleted with the change; undo brings it back.
"""

from __future__ import annotations

from sqlalchemy import and_, select

from model.errors import NotFound, OperationFailed
from model.ops import save_path
from model.ops._base import (
    NothingToDo,
    check_lang,
    corrections_of,
    gaps_of,
    mark_edited,
    optional_operation,
    original,
    remap_gaps,
    shift_gaps,
)
from model.ops.flags import remap_flags, shift_flags, span_flags
from model.schema import CORRECTION_CATEGORIES, LANGS, Correction, Flag, Gap, Segment, utcnow
from model.store import Operation, Store
from model.text import LIVE_STATUSES, history, single_edit
from model.versions import EditConflict


def check_category(category: str | None) -> str | None:
    """``category`` if known (or None), else a one-line ``OperationFailed``."""
    if category is not None and category not in CORRECTION_CATEGORIES:
        raise OperationFailed(f"unknown correction category {category!r} "
                              f"(expected one of {', '.join(CORRECTION_CATEGORIES)})")
    return category


def _gaps_and_span_flags(op: Operation, segment_id: int, lang: str) -> tuple[list[Gap], list[Flag]]:
    """``gaps_of`` and ``span_flags`` in one statement (one round trip per save, not two: on a
    shared server every round trip waits its turn): the segment, outer-joined to both."""
    gap_on = and_(Gap.segment_id == Segment.id, Gap.lang == lang)
    flag_on = and_(Flag.segment_id == Segment.id, Flag.lang == lang, Flag.start.is_not(None))
    gaps: dict[int, Gap] = {}
    flags: dict[int, Flag] = {}
    for gap, flag in op.session.execute(select(Gap, Flag).select_from(Segment).outerjoin(Gap, gap_on)
                                        .outerjoin(Flag, flag_on).where(Segment.id == segment_id)):
        if gap is not None:
            gaps[gap.id] = gap
        if flag is not None:
            flags[flag.id] = flag
    return sorted(gaps.values(), key=lambda g: (g.start, g.id)), sorted(flags.values(), key=lambda f: f.id)


def apply_edit(op: Operation, seg: Segment, lang: str, new_text: str, *, category: str | None = None,
               note: str | None = None) -> Correction | None:
    """Inside an operation: record ``new_text`` as the segment's corrected text in ``lang``.

    Returns the new correction, or None when the text is unchanged.
    """
    hist = history(original(seg, lang) or "", corrections_of(op.session, seg.id, lang))
    edit = single_edit(hist.text, new_text)
    if edit is None:
        return None
    gaps, flags = _gaps_and_span_flags(op, seg.id, lang)  # read before writing: no extra autoflush
    start, end, before, after = edit
    at, to = hist.anchor(start, end)  # where it is made in the history: fixed from now on
    cor = Correction(segment_id=seg.id, transcript_id=seg.transcript_id, lang=lang, start=at, end=to,
                     before=before, after=after, category=category, note=note or None,
                     annotator_id=op.annotator_id, created_at=utcnow())
    op.session.add(cor)
    shift_gaps(op.session, gaps, start, end, len(after))
    shift_flags(flags, start, end, len(after))
    mark_edited(seg)
    return cor


def edit_text(store: Store, segment_id: int, lang: str, new_text: str, category: str | None = None,
              note: str | None = None, *, base_version: int | None = None) -> int | None:
    """Commit an edit of a segment's text in ``lang``; None (nothing recorded) if unchanged.

    ``base_version``: the segment's version when the editor opened (``segment_version``). If
    someone changed the segment since, nothing is written and ``EditConflict`` says who and
    carries both texts (``keep_competing`` then keeps the loser's).
    """
    check_lang(lang)
    check_category(category)
    try:
        return save_path.save_edit(store, segment_id, lang, new_text, category, note, base_version)
    except save_path.Slow:
        pass  # the ORM path below, in a transaction of its own
    with optional_operation(store, "Edit text") as op:
        # Locked, alone: a statement that waited for the lock sees the segment row as the other
        # writer left it, but joined rows (its corrections) as they were before -- so the
        # corrections are read after the lock, in a statement of their own.
        seg = op.get(Segment, segment_id)  # locked: a second writer waits here
        op.transcript_id = seg.transcript_id
        if base_version is not None and seg.version != base_version:
            theirs = history(original(seg, lang) or "", corrections_of(op.session, seg.id, lang)).text
            if theirs != new_text:
                raise EditConflict(segment_id, lang, new_text, theirs, _last_editor(op, seg.id), seg.version)
            raise NothingToDo  # they made the very same change
        if apply_edit(op, seg, lang, new_text, category=category, note=note) is None:
            raise NothingToDo
        op.description = f"segment {segment_id} ({lang})"
    return op.event_id


def segment_version(store: Store, segment_id: int) -> int:
    """The segment's current version, to pass as ``base_version`` when the edit is saved."""
    with store.read() as s:
        version = s.scalar(select(Segment.version).where(Segment.id == segment_id))
    if version is None:
        raise NotFound(f"segment {segment_id} does not exist")
    return int(version)


def _last_editor(op: Operation, segment_id: int) -> str:
    return save_path.last_editor(op.session.connection(), segment_id)


def add_competing(op: Operation, seg: Segment, lang: str, text: str, note: str | None = None) -> Correction | None:
    """Inside an operation: keep ``text`` as a *competing* correction of the segment (recorded, not
    applied: the text does not change; a reviewer who accepts it makes it the text). None if
    ``text`` already is the current text."""
    hist = history(original(seg, lang) or "", corrections_of(op.session, seg.id, lang))
    edit = single_edit(hist.text, text)
    if edit is None:
        return None
    start, end, before, after = edit
    at, to = hist.anchor(start, end)
    cor = Correction(segment_id=seg.id, transcript_id=seg.transcript_id, lang=lang, start=at, end=to,
                     before=before, after=after, status="competing",
                     note=note or f"conflict: kept, not applied; it would make the text: {text}",
                     annotator_id=op.annotator_id, created_at=utcnow())
    op.session.add(cor)
    return cor


def keep_competing(store: Store, segment_id: int, lang: str, text: str, *, flag: bool = False,
                   mine_wins: bool = False) -> int | None:
    """After an ``EditConflict``: keep the losing text, never drop it, as one undo step.

    Default ("theirs"): the current text stays and ``text`` is recorded as a *competing*
    correction (not applied; a reviewer may accept it, which makes it the text).
    ``mine_wins`` ("mine"): ``text`` becomes the text; theirs stays in the history as the
    correction it is. ``flag`` ("both"): a review flag of category "conflict" asks a reviewer
    to choose. None if ``text`` already is the current text.
    """
    check_lang(lang)
    if not mine_wins and not flag:
        return save_path.save_competing(store, segment_id, lang, text)
    with optional_operation(store, "Resolve conflict") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        if mine_wins:
            if apply_edit(op, seg, lang, text, note="conflict: mine") is None:
                raise NothingToDo
        elif add_competing(op, seg, lang, text) is None:
            raise NothingToDo
        if flag:
            op.session.add(Flag(segment_id=seg.id, transcript_id=seg.transcript_id, lang=lang, category="conflict",
                                note=f"Two edits of the same text at once; the competing one is kept ({lang}).",
                                status="open", author_id=op.annotator_id, created_at=utcnow()))
        op.description = f"segment {segment_id} ({lang}): " + ("mine applied" if mine_wins else "competing kept")
    return op.event_id


def _set_status(op: Operation, cor: Correction, status: str) -> None:
    """Change a correction's status, keeping the segment's gaps on their text."""
    seg = op.get(Segment, cor.segment_id)
    cors = corrections_of(op.session, seg.id, cor.lang)
    old = history(original(seg, cor.lang) or "", cors)
    flags = span_flags(op.session, seg.id, cor.lang)
    cor.status = status
    cor.reviewed_by_id = op.annotator_id
    cor.reviewed_at = utcnow()
    new = history(original(seg, cor.lang) or "", cors)
    remap_gaps(op.session, gaps_of(op.session, seg.id, cor.lang), old, new)
    remap_flags(flags, old, new)


def accept_correction(store: Store, correction_id: int) -> int:
    """A reviewer accepts a correction (a rejected one counts again)."""
    with store.operation("Accept correction") as op:
        op.require("reviewer", "accept corrections")
        cor = op.get(Correction, correction_id)
        op.transcript_id = cor.transcript_id
        if cor.status == "accepted":
            raise OperationFailed(f"correction {correction_id} is already accepted")
        _set_status(op, cor, "accepted")
    return op.committed_id


def reject_correction(store: Store, correction_id: int) -> int:
    """A reviewer rejects a correction: it no longer counts in the corrected text."""
    with store.operation("Reject correction") as op:
        op.require("reviewer", "reject corrections")
        cor = op.get(Correction, correction_id)
        op.transcript_id = cor.transcript_id
        if cor.status not in LIVE_STATUSES:
            raise OperationFailed(f"correction {correction_id} is already {cor.status}")
        _set_status(op, cor, "rejected")
    return op.committed_id


def revert_segment(store: Store, segment_id: int, lang: str | None = None) -> int | None:
    """Bring back the original text of a segment (one language or both); None if nothing to revert."""
    langs = (check_lang(lang),) if lang else LANGS
    with optional_operation(store, "Revert segment") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        changed = False
        for lg in langs:
            cors = corrections_of(op.session, seg.id, lg)
            live = [c for c in cors if c.status in LIVE_STATUSES]
            if not live:
                continue
            old = history(original(seg, lg) or "", cors)
            flags = span_flags(op.session, seg.id, lg)
            for c in live:
                c.status = "reverted"
                c.reviewed_by_id = op.annotator_id
                c.reviewed_at = utcnow()
            new = history(original(seg, lg) or "", cors)
            remap_gaps(op.session, gaps_of(op.session, seg.id, lg), old, new)
            remap_flags(flags, old, new)
            changed = True
        if not changed:
            raise NothingToDo
        still_live = op.session.scalar(select(Correction.id).where(
            Correction.segment_id == seg.id, Correction.status.in_(LIVE_STATUSES)).limit(1))
        seg.review_state = "edited" if still_live else "not_reviewed"
        seg.reviewed_by_id = seg.reviewed_at = None
        op.description = f"segment {segment_id}" + (f" ({lang})" if lang else "")
    return op.event_id


def set_correction_details(store: Store, correction_id: int, *, category: str | None = None,
                           note: str | None = None) -> int | None:
    """Set a correction's category and note; None if both are unchanged."""
    check_category(category)
    with optional_operation(store, "Describe correction") as op:
        cor = op.get(Correction, correction_id)
        op.transcript_id = cor.transcript_id
        note = (note or "").strip() or None
        if (cor.category, cor.note) == (category, note):
            raise NothingToDo
        cor.category, cor.note = category, note
    return op.event_id
