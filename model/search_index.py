"""The corrected texts, kept where a search can read them (``search_text``).

Corrected text is derived from the original and its corrections (``model.text``);
a search over the library cannot derive 200,000 segments' texts each time. This
table holds the corrected English and Japanese of every segment whose corrected
text differs from its original (a few among many), and nothing else: a search
reads the originals from ``segment`` and these beside them (``model.search``).

It is kept current in the transaction that changes a correction: ``Store.operation``
and undo/redo call ``refresh_rows`` with the journal rows they wrote. Its rows are
not journaled themselves: undoing a correction derives them again. Plain Core
statements, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Integer, Table, Text, delete, insert, select
from sqlalchemy.orm import Mapped, mapped_column

from model.schema import Base, Correction, Segment

CHUNK = 500  # segment ids per statement (well below every driver's parameter limit)
# Tables whose changes can change a segment's corrected text.
_TEXT_TABLES = frozenset({"correction", "segment"})


class SearchText(Base):
    """The corrected texts of a segment whose corrected text differs from its original."""

    __tablename__ = "search_text"

    # No foreign keys: the journal would then delete (and journal) these rows with their segment;
    # ``refresh`` removes the rows of deleted segments itself, and a search joins ``segment`` anyway.
    segment_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    transcript_id: Mapped[int] = mapped_column(Integer, index=True)
    en: Mapped[str | None] = mapped_column(Text)
    ja: Mapped[str | None] = mapped_column(Text)


@dataclass(slots=True)
class CorrectionRow:
    """What deriving a text needs of a correction (``model.text.CorrectionLike``), and its language."""

    id: int
    lang: str
    start: int
    end: int
    before: str
    after: str
    status: str


def _table() -> Table:
    return SearchText.__table__


def touched_segments(rows: Iterable[dict[str, Any]]) -> set[int]:
    """The segments whose corrected text a set of journal rows may have changed."""
    out: set[int] = set()
    for row in rows:
        if row.get("t") in _TEXT_TABLES:
            sid = row.get("refs", {}).get("segment_id")
            if sid is not None:
                out.add(int(sid))
    return out


def refresh_rows(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Bring ``search_text`` up to date after the changes described by journal ``rows`` (same transaction)."""
    ids = touched_segments(rows)
    if ids:
        refresh(conn, ids)


def refresh(conn: Connection, segment_ids: Iterable[int]) -> None:
    """Derive again the corrected texts of ``segment_ids`` and store those that differ from the originals."""
    ids = sorted(set(segment_ids))
    for at in range(0, len(ids), CHUNK):
        chunk = ids[at:at + CHUNK]
        cors: dict[int, list[CorrectionRow]] = defaultdict(list)
        segments: dict[int, tuple[int, str | None, str | None]] = {}
        # One statement for the corrections and their segments' originals (a round trip less per edit).
        for r in conn.execute(select(Correction.id, Correction.segment_id, Correction.lang, Correction.start,
                                     Correction.end, Correction.before, Correction.after, Correction.status,
                                     Segment.transcript_id, Segment.en_orig, Segment.ja_orig)
                              .join(Segment, Segment.id == Correction.segment_id)
                              .where(Correction.segment_id.in_(chunk)).order_by(Correction.id)):
            cors[r[1]].append(CorrectionRow(r[0], r[2], r[3], r[4], r[5], r[6], r[7]))
            segments[r[1]] = (r[8], r[9], r[10])
        fresh = [row for sid, (tid, en_orig, ja_orig) in segments.items()
                 if (row := search_row(sid, tid, en_orig, ja_orig, cors[sid])) is not None]
        _store_rows(conn, chunk, fresh)


def search_row(segment_id: int, transcript_id: int, en_orig: str | None, ja_orig: str | None,
               corrections: Iterable[Any]) -> dict[str, Any] | None:
    """The ``search_text`` row of a segment from its originals and its corrections (any status,
    both languages: objects with ``lang`` and what ``model.text.derive`` needs); None when its
    corrected texts are its originals (then it has no row)."""
    from model.text import derive

    cors = list(corrections)
    texts = {}
    for lang, original in (("en", en_orig), ("ja", ja_orig)):
        mine = [c for c in cors if c.lang == lang]
        if not mine:
            texts[lang] = original
            continue
        derived = derive(original or "", mine).text
        # As the read model: a text that was absent stays absent until a correction gives it words.
        texts[lang] = derived if (original is not None or derived) else None
    if texts["en"] == en_orig and texts["ja"] == ja_orig:
        return None
    return {"segment_id": segment_id, "transcript_id": transcript_id, "en": texts["en"], "ja": texts["ja"]}


_UPSERTS: dict[str, Any] = {}


def upsert(conn: Connection, row: dict[str, Any] | None, segment_id: int) -> tuple[Any, dict[str, Any]] | None:
    """The statement (built once) and parameters that make one segment's ``search_text`` row
    ``row`` (a ``search_row``; None: no row), to send with other statements
    (``model.live.record_event``); None on an engine without an upsert."""
    from sqlalchemy import bindparam

    name = conn.dialect.name
    if name not in ("postgresql", "sqlite"):
        return None
    table = _table()
    if row is None:
        if "delete" not in _UPSERTS:
            _UPSERTS["delete"] = delete(table).where(table.c.segment_id == bindparam("st_gone", type_=Integer))
        return _UPSERTS["delete"], {"st_gone": segment_id}
    if name not in _UPSERTS:
        from sqlalchemy.dialects import postgresql, sqlite

        stmt = (postgresql if name == "postgresql" else sqlite).insert(table).values(
            {c: bindparam(f"st_{c}", type_=table.c[c].type) for c in ("segment_id", "transcript_id", "en", "ja")})
        _UPSERTS[name] = stmt.on_conflict_do_update(index_elements=[table.c.segment_id], set_={
            "transcript_id": stmt.excluded.transcript_id, "en": stmt.excluded.en, "ja": stmt.excluded.ja})
    return _UPSERTS[name], {f"st_{k}": v for k, v in row.items()}


def _store_rows(conn: Connection, segment_ids: list[int], fresh: list[dict[str, Any]]) -> None:
    """Make the rows of ``segment_ids`` exactly ``fresh``: the others are deleted, these written over
    what stood (an upsert on both engines: one statement for an edit, where delete + insert were two)."""
    table = _table()
    kept = {row["segment_id"] for row in fresh}
    gone = [sid for sid in segment_ids if sid not in kept]
    if gone:
        conn.execute(delete(table).where(table.c.segment_id.in_(gone)))
    if not fresh:
        return
    if conn.dialect.name in ("postgresql", "sqlite"):
        from sqlalchemy.dialects import postgresql, sqlite

        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        stmt = dialect.insert(table).values(fresh)
        conn.execute(stmt.on_conflict_do_update(index_elements=[table.c.segment_id], set_={
            "transcript_id": stmt.excluded.transcript_id, "en": stmt.excluded.en, "ja": stmt.excluded.ja}))
        return
    conn.execute(delete(table).where(table.c.segment_id.in_(list(kept))))
    conn.execute(insert(table), fresh)


def rebuild(conn: Connection) -> None:
    """Derive the whole table again (after a migration, or to repair it)."""
    conn.execute(delete(_table()))
    ids = [sid for (sid,) in conn.execute(select(Correction.segment_id).distinct())]
    refresh(conn, ids)
