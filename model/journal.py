"""The change journal: row images of what one operation changed, to undo and redo it.

An operation's ORM flushes are watched (``after_flush``, where the session
still shows the pre-flush state and attribute history). Each changed row is
recorded as a plain JSON-able dict::

    {"t": table, "op": "insert" | "update" | "delete", "pk": id,
     "before": {column: value} | None, "after": {column: value} | None,
     "refs": {"transcript_id": .., "segment_id": .., ...}}

Undo applies the images in reverse order through SQLAlchemy Core; redo applies
them forward. Tables use ``sqlite_autoincrement`` so a deleted id is never
handed to another row, which makes re-inserting by id safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction

from model.schema import ChangeEvent
from model.tables import Base  # every table module: _TABLE_ORDER must know them all

RowChange = dict[str, Any]

# Columns that tell which parts of a transcript a row concerns (for announcements).
REF_COLUMNS = ("transcript_id", "segment_id", "turn_id", "speaker_id", "flag_id")
_UNJOURNALED = {ChangeEvent.__tablename__, "annotator", "checkout", "sync_receipt"}
_TABLE_ORDER = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, dict):
        if "$dt" in value:
            return datetime.fromisoformat(value["$dt"])
        if "$d" in value:
            return date.fromisoformat(value["$d"])
    return value


def _columns(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.columns[0].name: _to_json(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _original_columns(obj: Any) -> dict[str, Any]:
    """The row as the database held it before this flush (a deleted row may have been edited first)."""
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        value = hist.deleted[0] if hist.deleted else getattr(obj, attr.key)
        values[attr.columns[0].name] = _to_json(value)
    return values


def _refs(table: str, pk: int, values: dict[str, Any]) -> dict[str, Any]:
    refs = {col: values[col] for col in REF_COLUMNS if values.get(col) is not None}
    if table in ("transcript", "segment", "turn", "speaker", "flag"):
        refs[f"{table}_id"] = pk
    return refs


def _mapped_classes() -> dict[str, type[Base]]:
    return {m.class_.__table__.name: m.class_ for m in Base.registry.mappers}


def cascade_deletes(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    """``before_flush`` listener: delete, through the ORM, the rows a deleted row's
    ``ON DELETE CASCADE`` children would lose, so the journal sees (and undo restores) them."""
    if session.info.get("journal") is None:
        return
    classes = _mapped_classes()
    pending = [obj for obj in session.deleted]
    seen: set[int] = set()
    set_null: list[tuple[Base, str]] = []
    while pending:
        obj = pending.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        parent = obj.__table__
        for child_table in Base.metadata.sorted_tables:
            for fk in child_table.foreign_keys:
                if fk.column.table is not parent or fk.ondelete not in ("CASCADE", "SET NULL"):
                    continue
                cls = classes[child_table.name]
                column = getattr(cls, fk.parent.name)
                for child in session.scalars(select(cls).where(column == obj.id)):
                    if fk.ondelete == "CASCADE":
                        if child not in session.deleted:
                            session.delete(child)
                            pending.append(child)
                    else:
                        set_null.append((child, fk.parent.name))
    # Only once every deleted row is known: a row that goes anyway keeps its values
    # (its journal image must be the row as it was, for undo).
    for child, column_name in set_null:
        if child not in session.deleted:
            setattr(child, column_name, None)


def capture_flush(session: Session, _ctx: UOWTransaction) -> None:
    """``after_flush`` listener: append this flush's row changes to ``session.info['journal']``."""
    journal: list[RowChange] | None = session.info.get("journal")
    if journal is None:
        return
    saves: list[RowChange] = []
    for obj in session.new:
        table = obj.__table__.name
        if table in _UNJOURNALED:
            continue
        values = _columns(obj)
        saves.append({"t": table, "op": "insert", "pk": values["id"], "before": None,
                      "after": values, "refs": _refs(table, values["id"], values)})
    for obj in session.dirty:
        table = obj.__table__.name
        if table in _UNJOURNALED or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if hist.added or hist.deleted:
                col = attr.columns[0].name
                before[col] = _to_json(hist.deleted[0] if hist.deleted else None)
                after[col] = _to_json(hist.added[0] if hist.added else None)
        if after:
            current = _columns(obj)
            saves.append({"t": table, "op": "update", "pk": current["id"], "before": before,
                          "after": after, "refs": _refs(table, current["id"], current)})
    deletes: list[RowChange] = []
    for obj in session.deleted:
        table = obj.__table__.name
        if table in _UNJOURNALED:
            continue
        values = _original_columns(obj)
        deletes.append({"t": table, "op": "delete", "pk": values["id"], "before": values,
                        "after": None, "refs": _refs(table, values["id"], values)})
    # The flush saved parents before children and deleted children before parents.
    saves.sort(key=lambda r: _TABLE_ORDER[r["t"]])
    deletes.sort(key=lambda r: -_TABLE_ORDER[r["t"]])
    journal.extend(saves)
    journal.extend(deletes)


def record_insert(journal: list[RowChange], table: str, pk: int, values: dict[str, Any]) -> None:
    """Journal an INSERT an operation made through Core (``model.ops.save_path``), as
    ``capture_flush`` would have: ``values`` is the whole row, its id included."""
    after = {k: _to_json(v) for k, v in values.items()}
    journal.append({"t": table, "op": "insert", "pk": pk, "before": None, "after": after,
                    "refs": _refs(table, pk, values)})


def row_refs(table: str, pk: int, values: dict[str, Any]) -> dict[str, Any]:
    """The ``refs`` a journal row of ``table`` carries, from the row's values (at least its
    ``REF_COLUMNS``)."""
    return _refs(table, pk, values)


def table_order(row: RowChange) -> int:
    """Where a journal row's table comes among the tables (parents first), as a flush orders them."""
    return _TABLE_ORDER[row["t"]]


def record_update(journal: list[RowChange], table: str, pk: int, before: dict[str, Any], after: dict[str, Any],
                  refs: dict[str, Any]) -> None:
    """Journal an UPDATE an operation made through Core (a conditional UPDATE whose row count
    decides, which the ORM's flush cannot express), so that undo and redo know it too."""
    journal.append({"t": table, "op": "update", "pk": pk,
                    "before": {k: _to_json(v) for k, v in before.items()},
                    "after": {k: _to_json(v) for k, v in after.items()}, "refs": dict(refs)})


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _values(images: dict[str, Any]) -> dict[str, Any]:
    return {k: _from_json(v) for k, v in images.items()}


def decoded(images: dict[str, Any]) -> dict[str, Any]:
    """A row image's values as the database takes them (dates back from their JSON form)."""
    return _values(images)


def _apply(conn: Connection, row: RowChange, *, forward: bool) -> None:
    table = _table(row["t"])
    op = row["op"]
    if op == "update":
        images = row["after"] if forward else row["before"]
        conn.execute(update(table).where(table.c.id == row["pk"]).values(**_values(images)))
    elif (op == "insert") == forward:  # redo an insert, or undo a delete
        images = row["after"] if forward else row["before"]
        conn.execute(insert(table).values(**_values(images)))
    else:  # undo an insert, or redo a delete
        conn.execute(delete(table).where(table.c.id == row["pk"]))


def undo_rows(conn: Connection, rows: Iterable[RowChange]) -> None:
    """Restore the rows' before-images, last change first."""
    for row in reversed(list(rows)):
        _apply(conn, row, forward=False)


def redo_rows(conn: Connection, rows: Iterable[RowChange]) -> None:
    """Re-apply the rows' after-images, first change first."""
    for row in rows:
        _apply(conn, row, forward=True)
