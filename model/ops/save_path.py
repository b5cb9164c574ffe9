"""The save path: an annotator's edit of a segment's text, and a kept conflict, in Core.

Saving is what a team does most, many people at once on one server, so it is written in
SQLAlchemy Core, statements built once (the compiled cache serves every save), with no ORM
unit of work: the ORM path (``apply_edit`` in ``Store.operation``) cost about 9 ms of the
annotator's CPU and 10 round trips per save. The writes and their journal rows are the same
(``model.journal``: row images as ``capture_flush`` records them), so undo, redo, the versions,
live refresh and sync see no difference. A save on PostgreSQL is:

1. ``UPDATE segment SET version = version + 1 WHERE id = :id AND version = :base RETURNING ...``:
   the version check, the row lock, the bump and the new correction's id (``nextval``, computed
   after the lock) in one statement. A second writer of the segment waits here, and then finds
   the version changed (no row): a conflict (``EditConflict``, from statements of their own).
2. One ``SELECT`` (``UNION ALL``) of the segment's corrections in both languages (the history,
   and the search index's texts) and its gaps and span flags in this language -- after the
   lock, never in the statement that waited for it: that one sees joined rows as they were
   before the other writer committed (the data loss found last session).
3. (Rare: UPDATEs of the gaps and flags the edit moves, and of the segment's review state when
   it was not "edited" yet.)
4. The correction, the search index's upsert, the change event and its ``NOTIFY`` in one
   statement (``model.live.record_event``).

with BEGIN and COMMIT: 5 round trips. On SQLite the correction's INSERT ... RETURNING id and the
event's statements are sent one by one (no server to wait for). A gap whose whole text the edit
deletes goes through the ORM (``Slow``): deleting a gap sets its counterpart's link to NULL,
which the ORM journals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NoReturn

from sqlalchemy import (
    Connection,
    Integer,
    String,
    bindparam,
    func,
    insert,
    literal_column,
    null,
    select,
    union_all,
    update,
)

from model.errors import NotFound
from model.journal import record_insert, record_update, row_refs, table_order
from model.ops._base import NothingToDo
from model.schema import Annotator, Correction, Flag, Gap, Segment, utcnow
from model.search_index import CorrectionRow, search_row, upsert
from model.store import CoreOperation, Store
from model.text import history, shift_span, single_edit
from model.versions import EditConflict


class Slow(Exception):
    """This save needs the ORM path (nothing was written: the transaction rolled back)."""


_SEG, _COR, _GAP, _FLAG = Segment.__table__, Correction.__table__, Gap.__table__, Flag.__table__
_SID = bindparam("sid_", type_=Integer)
_LANG = bindparam("lang_", type_=String)
_SEGMENT_COLUMNS = (_SEG.c.transcript_id, _SEG.c.turn_id, _SEG.c.en_orig, _SEG.c.ja_orig, _SEG.c.review_state,
                    _SEG.c.reviewed_by_id, _SEG.c.reviewed_at, _SEG.c.version)
_BUMP = update(_SEG).where(_SEG.c.id == _SID).values(version=_SEG.c.version + 1)
# On PostgreSQL the new correction's id is taken from its sequence in the statement that claims
# the segment (after its lock: ids follow the order in which a segment's corrections commit), so
# the correction can be written in the event's statement (a round trip less).
_NEXT_ID = func.nextval(func.pg_get_serial_sequence("correction", "id")).label("next_id")


@dataclass(frozen=True)
class _Statements:
    """A save's statements for one engine, built once (every save then reuses their compiled form)."""

    claim: Any  # UPDATE ... version + 1 RETURNING the segment (and the next correction id)
    claim_based: Any  # the same, only at the version the edit was based on


_BUILT: dict[bool, _Statements] = {}
# The segment locked, with no correction id taken: a SELECT ... FOR UPDATE computes its columns
# *before* it waits for the lock, so an id taken there could be smaller than that of a correction
# committed while it waited -- and the history is replayed in id order (lost edits; the
# concurrency test of many writers on one segment caught it). An UPDATE's RETURNING is computed
# after the lock, as is an INSERT's id.
_LOCK = select(*_SEGMENT_COLUMNS).where(_SEG.c.id == _SID).with_for_update()


def _statements(conn: Connection) -> _Statements:
    with_id = conn.dialect.name == "postgresql"
    if with_id not in _BUILT:
        columns = (*_SEGMENT_COLUMNS, _NEXT_ID) if with_id else _SEGMENT_COLUMNS
        _BUILT[with_id] = _Statements(
            _BUMP.returning(*columns),
            _BUMP.where(_SEG.c.version == bindparam("base_", type_=Integer)).returning(*columns))
    return _BUILT[with_id]


_STATE = union_all(
    select(literal_column("0").label("kind"), _COR.c.id, _COR.c.transcript_id, _COR.c.lang, _COR.c.start, _COR.c.end,
           _COR.c.before, _COR.c.after, _COR.c.status).where(_COR.c.segment_id == _SID),
    select(literal_column("1"), _GAP.c.id, _GAP.c.transcript_id, _GAP.c.lang, _GAP.c.start, _GAP.c.end,
           null(), null(), null()).where(_GAP.c.segment_id == _SID, _GAP.c.lang == _LANG),
    select(literal_column("2"), _FLAG.c.id, _FLAG.c.transcript_id, _FLAG.c.lang, _FLAG.c.start, _FLAG.c.end,
           null(), null(), null()).where(_FLAG.c.segment_id == _SID, _FLAG.c.lang == _LANG, _FLAG.c.start.is_not(None)),
)
_INSERT_CORRECTION = insert(_COR).returning(_COR.c.id)
_INSERT_CORRECTION_AT = insert(_COR).values({c.name: bindparam(f"cor_{c.name}", type_=c.type) for c in _COR.columns})
_MOVE_GAP = update(_GAP).where(_GAP.c.id == bindparam("id_")).values(start=bindparam("s_"), end=bindparam("e_"))
_MOVE_FLAG = update(_FLAG).where(_FLAG.c.id == bindparam("id_")).values(start=bindparam("s_"), end=bindparam("e_"))
_LAST_EDITOR = (select(Annotator.__table__.c.name).join(_COR, _COR.c.annotator_id == Annotator.__table__.c.id)
                .where(_COR.c.segment_id == _SID).order_by(_COR.c.id.desc()).limit(1))


@dataclass(slots=True)
class _Span:
    """A gap or span flag of the segment: where it is in the current text."""

    id: int
    transcript_id: int
    start: int
    end: int | None


def _state(conn: Connection, segment_id: int, lang: str) -> tuple[list[CorrectionRow], list[_Span], list[_Span]]:
    """The segment's corrections (both languages, id order), gaps and span flags (in ``lang``)."""
    cors: list[CorrectionRow] = []
    gaps: list[_Span] = []
    flags: list[_Span] = []
    for kind, id_, tid, lg, start, end, before, after, status in conn.execute(_STATE, {"sid_": segment_id,
                                                                                        "lang_": lang}):
        if kind == 0:
            cors.append(CorrectionRow(id_, lg, start, end, before, after, status))
        else:
            (gaps if kind == 1 else flags).append(_Span(id_, tid, start, end))
    cors.sort(key=lambda c: c.id)
    gaps.sort(key=lambda g: (g.start, g.id))
    flags.sort(key=lambda f: f.id)
    return cors, gaps, flags


def last_editor(conn: Connection, segment_id: int) -> str:
    """Who made the segment's latest correction (for a conflict's message)."""
    return str(conn.execute(_LAST_EDITOR, {"sid_": segment_id}).scalar() or "someone else")


def _original(seg: Any, lang: str) -> str:
    return str((seg.en_orig if lang == "en" else seg.ja_orig) or "")


def _refuse(conn: Connection, segment_id: int, lang: str, new_text: str) -> NoReturn:
    """The claim found no row: the segment is gone, or someone changed it since ``base``."""
    seg = conn.execute(_LOCK, {"sid_": segment_id}).first()
    if seg is None:
        raise NotFound(f"segment {segment_id} does not exist")
    cors, _gaps, _flags = _state(conn, segment_id, lang)  # after the lock: their committed text
    theirs = history(_original(seg, lang), [c for c in cors if c.lang == lang]).text
    if theirs != new_text:
        raise EditConflict(segment_id, lang, new_text, theirs, last_editor(conn, segment_id), seg.version)
    raise NothingToDo  # they made the very same change


def _insert_correction(op: CoreOperation, seg: Any, values: dict[str, Any]) -> int:
    """Write one correction (every column given, as the ORM would) and journal it. With an id
    taken in advance (``seg.next_id``, PostgreSQL) it is written with the change event."""
    values = {"annotator_id": op.annotator_id, "created_at": utcnow(), "category": None, "note": None,
              "status": "proposed", "reviewed_by_id": None, "reviewed_at": None, **values}
    next_id = getattr(seg, "next_id", None)
    if next_id is not None:
        cid = int(next_id)
        op.also.append((_INSERT_CORRECTION_AT, {f"cor_{k}": v for k, v in {"id": cid, **values}.items()}))
    else:
        cid = int(op.conn.execute(_INSERT_CORRECTION, values).scalar_one())
    record_insert(op.journal, "correction", cid, {"id": cid, **{c.name: values[c.name] for c in _COR.columns
                                                                   if c.name != "id"}})
    return cid


def _move_spans(op: CoreOperation, table: str, spans: list[tuple[_Span, int | None, int | None]],
                segment_id: int) -> None:
    """Write the gaps' or flags' new positions (one statement for all) and journal each change."""
    if not spans:
        return
    op.conn.execute(_MOVE_GAP if table == "gap" else _MOVE_FLAG,
                    [{"id_": span.id, "s_": s, "e_": e} for span, s, e in spans])
    for span, s, e in spans:
        before = {k: v for k, v, new in (("start", span.start, s), ("end", span.end, e)) if v != new}
        after = {k: new for k, v, new in (("start", span.start, s), ("end", span.end, e)) if v != new}
        record_update(op.journal, table, span.id, before, after,
                      row_refs(table, span.id, {"transcript_id": span.transcript_id, "segment_id": segment_id}))


def _mark_edited(op: CoreOperation, segment_id: int, seg: Any) -> None:
    """``_base.mark_edited`` in Core: the segment needs review again (no write when it already is)."""
    before: dict[str, Any] = {}
    if seg.review_state != "edited":
        before["review_state"] = seg.review_state
    if seg.reviewed_by_id is not None:
        before["reviewed_by_id"] = seg.reviewed_by_id
    if seg.reviewed_at is not None:
        before["reviewed_at"] = seg.reviewed_at
    if not before:
        return
    after = {k: "edited" if k == "review_state" else None for k in before}
    op.conn.execute(update(_SEG).where(_SEG.c.id == _SID).values(**after), {"sid_": segment_id})
    record_update(op.journal, "segment", segment_id, before, after,
                  row_refs("segment", segment_id, {"transcript_id": seg.transcript_id, "turn_id": seg.turn_id}))


def save_edit(store: Store, segment_id: int, lang: str, new_text: str, category: str | None, note: str | None,
              base_version: int | None) -> int | None:
    """``corrections.edit_text`` (checked arguments) in Core: the new change event's id, None when
    the text is unchanged; ``EditConflict``, ``NotFound`` as there; ``Slow``: use the ORM path."""
    try:
        with store.core_operation("Edit text") as op:
            conn = op.conn
            stmts = _statements(conn)
            if base_version is None:
                seg = conn.execute(stmts.claim, {"sid_": segment_id}).first()
            else:
                seg = conn.execute(stmts.claim_based, {"sid_": segment_id, "base_": base_version}).first()
            if seg is None:
                _refuse(conn, segment_id, lang, new_text)
            op.bumped.add(segment_id)
            op.transcript_id = tid = seg.transcript_id
            cors, gaps, flags = _state(conn, segment_id, lang)
            hist = history(_original(seg, lang), [c for c in cors if c.lang == lang])
            edit = single_edit(hist.text, new_text)
            if edit is None:
                raise NothingToDo
            start, end, before, after = edit
            moved_gaps: list[tuple[_Span, int | None, int | None]] = []
            for gap in gaps:
                s, e = shift_span((gap.start, gap.end or 0), start, end, len(after))
                if s >= e:
                    raise Slow  # a gap deleted: its counterpart's link too (ON DELETE SET NULL)
                if (s, e) != (gap.start, gap.end):
                    moved_gaps.append((gap, s, e))
            at, to = hist.anchor(start, end)  # where it is made in the history: fixed from now on
            cid = _insert_correction(op, seg, {"segment_id": segment_id, "transcript_id": tid, "lang": lang,
                                               "start": at, "end": to, "before": before, "after": after,
                                               "category": category, "note": note or None})
            _move_spans(op, "gap", moved_gaps, segment_id)
            moved_flags: list[tuple[_Span, int | None, int | None]] = []
            for flag in flags:
                if flag.end is None:
                    continue  # a flag on the whole segment has no span to move
                s, e = shift_span((flag.start, flag.end), start, end, len(after))
                if s >= e:
                    moved_flags.append((flag, None, None))  # its text deleted: a flag on the whole segment
                elif (s, e) != (flag.start, flag.end):
                    moved_flags.append((flag, s, e))
            _move_spans(op, "flag", moved_flags, segment_id)
            _mark_edited(op, segment_id, seg)
            op.journal.sort(key=table_order)  # as a flush orders them: parents first
            cors.append(CorrectionRow(cid, lang, at, to, before, after, "proposed"))
            search = upsert(conn, search_row(segment_id, tid, seg.en_orig, seg.ja_orig, cors), segment_id)
            op.search = [search] if search is not None else None  # None: derived again from the journal
            op.description = f"segment {segment_id} ({lang})"
    except NothingToDo:
        return None
    return op.event_id


def save_competing(store: Store, segment_id: int, lang: str, text: str) -> int | None:
    """``corrections.keep_competing`` (theirs stays, no flag) in Core: ``text`` kept as a competing
    correction; the new change event's id, None when ``text`` already is the current text."""
    try:
        with store.core_operation("Resolve conflict") as op:
            conn = op.conn
            seg = conn.execute(_LOCK, {"sid_": segment_id}).first()
            if seg is None:
                raise NotFound(f"segment {segment_id} does not exist")
            op.transcript_id = seg.transcript_id
            cors, _gaps, _flags = _state(conn, segment_id, lang)
            hist = history(_original(seg, lang), [c for c in cors if c.lang == lang])
            edit = single_edit(hist.text, text)
            if edit is None:
                raise NothingToDo
            start, end, before, after = edit
            at, to = hist.anchor(start, end)
            _insert_correction(op, seg, {"segment_id": segment_id, "transcript_id": seg.transcript_id, "lang": lang,
                                    "start": at, "end": to, "before": before, "after": after, "status": "competing",
                                    "note": f"conflict: kept, not applied; it would make the text: {text}"})
            op.search = []  # kept, not applied: the corrected text (and its search row) stays
            op.description = f"segment {segment_id} ({lang}): competing kept"
    except NothingToDo:
        return None
    return op.event_id

