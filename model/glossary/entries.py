"""Glossary entries: read them, add, edit, delete and import them -- each change one store operation
(one transaction, one undo step), recorded with who and when.

An entry's English term is unique regardless of case: importing a term that is already
there updates it instead of adding a second one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from model.errors import OperationFailed
from model.glossary.tables import GlossaryEntry
from model.ops._base import NothingToDo, optional_operation
from model.schema import Annotator, utcnow
from model.store import Store

MAX_TERM = 300  # characters of a term (the column's size)
MAX_NOTE = 4000


@dataclass(frozen=True)
class TermRecord:
    """An entry as written in a file or typed in a dialog (not yet stored)."""

    en: str
    ja: str
    forbidden: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Term(TermRecord):
    """A stored glossary entry."""

    id: int = 0
    author: str | None = None
    created_at: datetime | None = None
    updated_by: str | None = None
    updated_at: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def record(self) -> TermRecord:
        """The entry's content without its identity."""
        return TermRecord(self.en, self.ja, self.forbidden, self.note)


def term_key(en: str) -> str:
    """What makes two English terms the same entry: NFKC, casefolded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", en).casefold().split())


def clean_record(rec: TermRecord, where: str = "") -> TermRecord:
    """The record with spaces tidied; a one-line ``OperationFailed`` if it is not a usable entry."""
    prefix = f"{where}: " if where else ""
    en = " ".join(rec.en.split())
    ja = rec.ja.strip()
    forbidden = tuple(dict.fromkeys(v.strip() for v in rec.forbidden if v.strip() and v.strip() != ja))
    note = rec.note.strip()
    if not en:
        raise OperationFailed(f"{prefix}the English term is empty")
    if not ja:
        raise OperationFailed(f"{prefix}the approved Japanese for “{en[:60]}” is empty")
    for text in (en, ja, *forbidden):
        if len(text) > MAX_TERM:
            raise OperationFailed(f"{prefix}a term is longer than {MAX_TERM} characters")
        if any(unicodedata.category(c) == "Cc" for c in text):
            raise OperationFailed(f"{prefix}a term holds a control character")
    if len(note) > MAX_NOTE:
        raise OperationFailed(f"{prefix}the note is longer than {MAX_NOTE} characters")
    return TermRecord(en, ja, forbidden, note)


def _split_forbidden(text: str) -> tuple[str, ...]:
    return tuple(v for v in text.split("\n") if v)


def _term(row: Any, names: dict[int, str]) -> Term:  # an entry, or a Core row of its table
    return Term(row.en, row.ja, _split_forbidden(row.forbidden_ja), row.note, row.id,
                names.get(row.created_by_id) if row.created_by_id else None, row.created_at,
                names.get(row.updated_by_id) if row.updated_by_id else None, row.updated_at)


def list_terms(store: Store) -> list[Term]:
    """Every glossary entry, by English term."""
    # Core rows of the table's columns (same attribute names as the entries'): the panes mark the
    # terms in their first paint, which does not wait for the ORM's mapper configuration.
    with store.read() as s:
        conn, people = s.connection(), Annotator.__table__.c
        names: dict[int, str] = dict(conn.execute(select(people.id, people.name)).all())
        rows = conn.execute(select(GlossaryEntry.__table__)).all()
        return sorted((_term(r, names) for r in rows), key=lambda t: (term_key(t.en), t.id))


def _find(session: object, en: str, exclude: int | None = None) -> GlossaryEntry | None:
    key = term_key(en)
    for row in session.scalars(select(GlossaryEntry)):  # type: ignore[attr-defined]
        if row.id != exclude and term_key(row.en) == key:
            return row  # type: ignore[no-any-return]
    return None


def add_term(store: Store, rec: TermRecord) -> int:
    """Add an entry; refused if the English term is already in the glossary. Returns the change event id."""
    rec = clean_record(rec)
    with store.operation("Add glossary entry", description=rec.en) as op:
        if _find(op.session, rec.en) is not None:
            raise OperationFailed(f"“{rec.en}” is already in the glossary")
        op.session.add(GlossaryEntry(en=rec.en, ja=rec.ja, forbidden_ja="\n".join(rec.forbidden), note=rec.note,
                                     created_by_id=op.annotator_id, created_at=utcnow()))
    assert op.event_id is not None
    return op.event_id


def edit_term(store: Store, entry_id: int, rec: TermRecord) -> int | None:
    """Change an entry; None (nothing recorded) if nothing changed."""
    rec = clean_record(rec)
    with optional_operation(store, "Edit glossary entry") as op:
        op.description = rec.en
        row = op.get(GlossaryEntry, entry_id)
        if _find(op.session, rec.en, exclude=entry_id) is not None:
            raise OperationFailed(f"“{rec.en}” is already in the glossary")
        if not _apply(row, rec, op.annotator_id):
            raise NothingToDo
    return op.event_id


def _apply(row: GlossaryEntry, rec: TermRecord, annotator_id: int) -> bool:
    """Write ``rec`` into ``row``; whether anything changed."""
    values = {"en": rec.en, "ja": rec.ja, "forbidden_ja": "\n".join(rec.forbidden), "note": rec.note}
    if all(getattr(row, k) == v for k, v in values.items()):
        return False
    for k, v in values.items():
        if getattr(row, k) != v:
            setattr(row, k, v)
    row.updated_by_id = annotator_id
    row.updated_at = utcnow()
    return True


def delete_term(store: Store, entry_id: int) -> int:
    """Delete an entry (undo brings it back)."""
    with store.operation("Delete glossary entry") as op:
        row = op.get(GlossaryEntry, entry_id)
        op.description = row.en
        op.session.delete(row)
    assert op.event_id is not None
    return op.event_id


@dataclass(frozen=True)
class ImportResult:
    """What an import did: its change event (None: nothing changed), entries added and updated."""

    event_id: int | None
    added: int
    updated: int
    unchanged: int


def import_terms(store: Store, records: Sequence[TermRecord], source: str = "") -> ImportResult:
    """Add or update many entries as ONE operation (one undo step); all are checked before anything is written."""
    cleaned: dict[str, TermRecord] = {}
    for n, rec in enumerate(records, 1):
        c = clean_record(rec, f"entry {n}")
        cleaned[term_key(c.en)] = c  # the last of two rows for one term wins
    if not cleaned:
        raise OperationFailed("no glossary entries to import")
    added = updated = unchanged = 0
    with optional_operation(store, "Import glossary") as op:
        op.description = source
        existing = {term_key(r.en): r for r in op.session.scalars(select(GlossaryEntry))}
        for key, rec in cleaned.items():
            row = existing.get(key)
            if row is None:
                op.session.add(GlossaryEntry(en=rec.en, ja=rec.ja, forbidden_ja="\n".join(rec.forbidden),
                                             note=rec.note, created_by_id=op.annotator_id, created_at=utcnow()))
                added += 1
            elif _apply(row, rec, op.annotator_id):
                updated += 1
            else:
                unchanged += 1
        if not (added or updated):
            raise NothingToDo
    return ImportResult(op.event_id, added, updated, unchanged)


def records_of(terms: Iterable[Term]) -> list[TermRecord]:
    """The content of stored entries, for an export."""
    return [t.record() for t in terms]
