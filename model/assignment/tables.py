"""The ``assignment`` table and what undo must check about it.

One row per transcript that has (or had) someone on it, or one per range of its turns
(``first_turn``..``last_turn``, never overlapping) once an admin assigned a range; ``state``
is one of ``STATES``;
``annotator_id``/``reviewer_id`` name who has the work. Rows of transcripts nobody touched
yet are made on demand, in the ``unassigned`` state (``ensure_rows``): a claim is then one
conditional UPDATE (``... WHERE annotator_id IS NULL``) whose row count says whether it won,
the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    exists,
    insert,
    literal,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from model.errors import OperationFailed
from model.schema import Base, Transcript, utcnow

STATES = ("unassigned", "assigned", "in_progress", "submitted", "in_review", "approved")


class Assignment(Base):
    """Who has a transcript, and where its work stands."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("transcript_id", "first_turn", name="uq_assignment_part"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"))
    # The turns this row covers, numbered from 1 as in the window (last_turn None: to the end);
    # a transcript nobody split has one row, 1..end (migration 0011).
    first_turn: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    last_turn: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20), default="unassigned")
    annotator_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    note: Mapped[str | None] = mapped_column(Text)  # why it was last rejected (for the annotator)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AssignmentChanged(OperationFailed):
    """Undo/redo refused: the assignment moved on since (someone else took or passed it)."""


def ensure_rows(conn: Connection) -> None:
    """Inside a writing transaction: give every transcript without an assignment row one,
    unassigned (not journaled: bookkeeping, as if the row had always been there).

    On PostgreSQL two programs doing this at once collide on the unique transcript id: the
    second waits for the first to commit, fails, and (in a savepoint) tries again, now seeing
    the first one's rows. SQLite's write lock lets only one writer in at a time.
    """
    table, transcripts = Assignment.__table__, Transcript.__table__
    # In transcript order for every writer: two inserting at once wait for each other's rows in
    # turn, never in a deadlock.
    missing = select(transcripts.c.id, literal("unassigned"), literal(utcnow(), DateTime())).where(
        ~exists().where(table.c.transcript_id == transcripts.c.id)).order_by(transcripts.c.id)
    statement = insert(table).from_select(["transcript_id", "state", "updated_at"], missing)
    if conn.dialect.name == "sqlite":
        conn.execute(statement)
        return
    for attempt in range(5):
        try:
            with conn.begin_nested():
                conn.execute(statement)
            return
        except IntegrityError:
            if attempt == 4:
                raise


def check_replay(conn: Connection, rows: Iterable[dict[str, Any]], verb: str) -> None:
    """Refuse to undo/redo an assignment change when the row is no longer as that change left it
    (undo) or found it (redo): undoing my claim must not take back work someone else has since
    been given, nor may undoing a split into ranges of turns remove a range someone has claimed."""
    table = Assignment.__table__
    for row in rows:
        if row["t"] != "assignment":
            continue
        # An update, or a row that is to go (undo of an insert, redo of a delete): it must be as
        # the change left (undo) or found (redo) it. A row coming back has nothing to protect.
        if row["op"] != "update" and (row["op"] == "insert") != (verb == "undo"):
            continue
        expected = row["after"] if verb == "undo" else row["before"]
        columns = [c for c in expected if c in ("state", "annotator_id", "reviewer_id")]
        if not columns:
            continue
        current = conn.execute(select(*(table.c[c] for c in columns)).where(table.c.id == row["pk"])
                               .with_for_update()).first()
        if current is None or any(current[i] != expected[c] for i, c in enumerate(columns)):
            raise AssignmentChanged(f"cannot {verb} this: the transcript's assignment has changed since")
