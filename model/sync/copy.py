"""Copy one transcript, with its history, from a database to a checked-out SQLite file.

Rows keep their ids: a row that came from the server has the same id in the file, so a journal
row written offline names the server's row directly; only rows made offline (ids above
``copied_max``) need new ids on the server (``model.sync.replay``). What belongs to a transcript
is found from the schema, not listed by hand: every table with a ``transcript_id`` column (the
transcript itself by its id), every table whose foreign key points into a copied table (a flag's
replies), and every annotator (who did what). Library-wide tables (glossary, translation memory,
spelling dictionary) are not the transcript's and stay behind.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select

from model.schema import ChangeEvent, utcnow
from model.sync.tables import Checkout, SyncReceipt
from model.tables import Base

CHUNK = 500  # rows per INSERT (well below every driver's parameter limit)
_NOT_COPIED = frozenset({Checkout.__tablename__, SyncReceipt.__tablename__})


def transcript_tables() -> list[tuple[Table, str]]:
    """(table, how its rows are chosen) for everything that belongs to a transcript, parents first.

    How: "all" (annotators), "self" (the transcript row), "transcript" (a ``transcript_id``
    column), or "parent:<column>:<table>" (a foreign key into a copied table).
    """
    chosen: list[tuple[Table, str]] = []
    names: set[str] = set()
    for table in Base.metadata.sorted_tables:
        how = None
        if table.name in _NOT_COPIED:
            continue
        if table.name == "annotator":
            how = "all"
        elif table.name == "transcript":
            how = "self"
        elif "transcript_id" in table.c:
            how = "transcript"
        else:
            for fk in table.foreign_keys:
                parent = fk.column.table.name
                if parent in names and parent != "annotator":
                    how = f"parent:{fk.parent.name}:{parent}"
                    break
        if how is not None:
            chosen.append((table, how))
            names.add(table.name)
    return chosen


def _rows(src: Connection, table: Table, how: str, transcript_id: int,
          copied: dict[str, list[int]]) -> Iterator[dict[str, Any]]:
    query = select(table)
    if how == "self":
        query = query.where(table.c.id == transcript_id)
    elif how == "transcript":
        query = query.where(table.c.transcript_id == transcript_id)
    elif how.startswith("parent:"):
        _, column, parent = how.split(":")
        ids = copied.get(parent, [])
        for at in range(0, len(ids), CHUNK):
            chunk = ids[at:at + CHUNK]
            yield from (dict(r._mapping) for r in src.execute(query.where(table.c[column].in_(chunk))))
        return
    yield from (dict(r._mapping) for r in src.execute(query))


@dataclass(frozen=True)
class Copied:
    """What a copy wrote: rows per table, and the checkout row's values."""

    rows: dict[str, int]
    base_event: int
    local_base: int


def copy_transcript(src: Connection, dst: Connection, transcript_id: int, source_url: str,
                    checked_out_by: str) -> Copied:
    """Copy transcript ``transcript_id`` from ``src`` into ``dst`` (an empty file, or a checked-out
    one whose transcript rows are replaced) and write its checkout row. ``src`` should be one
    consistent snapshot (REPEATABLE READ on PostgreSQL), so that the journal position matches the rows."""
    base_event = int(src.execute(select(func.max(ChangeEvent.__table__.c.id))).scalar() or 0)
    tables = transcript_tables()
    for table, _how in reversed(tables):  # a refresh: children first
        dst.execute(delete(table))
    dst.execute(delete(Checkout.__table__))
    copied: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    for table, how in tables:
        batch: list[dict[str, Any]] = []
        ids: list[int] = []
        count = 0
        for row in _rows(src, table, how, transcript_id, copied):
            batch.append(row)
            count += 1
            if "id" in row:
                ids.append(int(row["id"]))
            if len(batch) >= CHUNK:
                dst.execute(insert(table), batch)
                batch = []
        if batch:
            dst.execute(insert(table), batch)
        copied[table.name] = sorted(ids)
        counts[table.name] = count
    events = ChangeEvent.__table__
    undone = [int(i) for i in dst.scalars(select(events.c.id).where(events.c.undone.is_(True)))]
    local_base = max(copied.get("change_event") or [0])
    dst.execute(insert(Checkout.__table__).values(
        source_url=source_url, transcript_id=transcript_id, base_event=base_event, local_base=local_base,
        undone_at_checkout=undone, copied_max={name: max(ids) for name, ids in copied.items() if ids},
        origin=uuid.uuid4().hex, checked_out_by=checked_out_by, checked_out_at=utcnow()))
    return Copied(rows=counts, base_event=base_event, local_base=local_base)
