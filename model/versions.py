"""No lost update: every segment carries a version that grows whenever its text changes.

Two people editing the same segment must never silently overwrite each other. Three rules,
the same on SQLite and PostgreSQL:

- An operation locks the segments it works on (``Operation.get(Segment, ...)`` reads them
  ``FOR UPDATE`` on PostgreSQL; SQLite's write lock already serialises writers), so a second
  writer waits and then reads the first one's committed text, never a stale one.
- Whatever changes a segment's text (a correction or gap added, changed or removed; undo;
  redo) adds one to ``Segment.version`` when it commits. The counter is not journaled and
  never goes back, so a save based on an older version is always recognised: ``edit_text``
  with ``base_version`` raises ``EditConflict`` and the caller decides (the window offers
  theirs / mine / both; the loser's text is kept as a "competing" correction).
- Undo and redo of a change refuse when someone changed the same segments since (a later
  change that is still in force): undoing mine must not destroy theirs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select, update

from model.errors import OperationFailed
from model.schema import Annotator, ChangeEvent, Segment

# Journal tables whose rows change what a segment's text shows.
_TEXT_TABLES = frozenset({"correction", "gap"})
_SEGMENT_TEXT_COLUMNS = frozenset({"en_orig", "ja_orig", "en_prefix", "ja_prefix", "review_state"})


class EditConflict(OperationFailed):
    """Someone else changed the segment since the text this save was based on."""

    def __init__(self, segment_id: int, lang: str, mine: str, theirs: str, by: str, version: int) -> None:
        super().__init__(f"segment {segment_id} ({lang}) was changed by {by} while you edited it; "
                         "nothing was overwritten")
        self.segment_id, self.lang, self.mine, self.theirs, self.by = segment_id, lang, mine, theirs, by
        self.version = version  # the segment's current version: base a retry on it


class UndoConflict(OperationFailed):
    """Undo/redo refused: a later change by someone else touches the same segments."""


def touched_segments(rows: Iterable[dict[str, Any]]) -> set[int]:
    """Segments whose text (or review state) the journal rows change."""
    out: set[int] = set()
    for row in rows:
        if row["t"] in _TEXT_TABLES:
            image = row["after"] if row["op"] == "insert" else row["before"] if row["op"] == "delete" else None
            if image is not None and image.get("status") == "competing":
                continue  # kept, not shown: the text did not change
            sid = row["refs"].get("segment_id")
            if sid is not None:
                out.add(int(sid))
        elif row["t"] == "segment" and (row["op"] != "update" or _SEGMENT_TEXT_COLUMNS & set(row["after"] or ())):
            out.add(int(row["pk"]))
    return out


def lock_segments(conn: Connection, ids: Iterable[int]) -> None:
    """Hold the segments' rows until commit (PostgreSQL; SQLite holds the whole file already).
    In id order, so two writers locking several segments cannot deadlock on each other."""
    ids = sorted(set(ids))
    if ids and conn.dialect.name != "sqlite":
        seg = Segment.__table__
        conn.execute(select(seg.c.id).where(seg.c.id.in_(ids)).order_by(seg.c.id).with_for_update()).all()


def bump(conn: Connection, ids: Iterable[int]) -> None:
    """Add one to the version of each segment (inside the writing transaction)."""
    ids = sorted(set(ids))
    if ids:
        seg = Segment.__table__
        conn.execute(update(seg).where(seg.c.id.in_(ids)).values(version=seg.c.version + 1))


def check_replay(conn: Connection, event_id: int, transcript_id: int | None, segments: set[int],
                 verb: str) -> None:
    """Refuse to undo/redo change ``event_id`` if a later change still in force touches the same
    segments (with the segments locked first, so nobody slips in between)."""
    if not segments or transcript_id is None:
        return
    lock_segments(conn, segments)
    events = ChangeEvent.__table__
    later = conn.execute(
        select(events.c.id, events.c.rows, Annotator.__table__.c.name)
        .join(Annotator.__table__, Annotator.__table__.c.id == events.c.annotator_id)
        .where(events.c.transcript_id == transcript_id, events.c.id > event_id, events.c.undone.is_(False))
        .order_by(events.c.id)
    )
    for later_id, rows, who in later:
        common = touched_segments(rows) & segments
        if common:
            raise UndoConflict(f"cannot {verb} change {event_id}: {who} changed segment {min(common)} since "
                               f"(change {later_id}); {verb}ing it would destroy their work")
