"""The store: one transaction per user action, journaled, and announced.

Every operation that changes a transcript runs inside ``Store.operation``:

    with store.operation("Rename speaker") as op:
        speaker = op.get(Speaker, speaker_id)
        op.transcript_id = speaker.transcript_id
        speaker.name = name
    return op.committed_id

On leaving the block the transaction commits together with a ``ChangeEvent``
(who, when, what, and the row images), and every subscriber is told what
changed through one ``Changes`` value -- the one place where changes are
announced (the GUI turns it into a Qt signal). If the block raises, nothing
is written and ``OperationFailed`` carries a one-line reason.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, event, func, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from model import live, server_roles, versions
from model.assignment.tables import check_replay as check_assignment_replay
from model.db import (
    IntegrityCheck,
    defer_foreign_keys,
    open_database,
    open_database_checking_in_background,
    storage_failure,
)
from model.errors import NotFound, OperationFailed, StorageFailed, TaiyakuError
from model.journal import RowChange, capture_flush, cascade_deletes, redo_rows, undo_rows
from model.paths import default_annotator_name as default_annotator_name  # re-exported: its old home
from model.schema import Annotator, ChangeEvent, Segment, utcnow
from model.search_index import refresh_rows as refresh_search_text

log = logging.getLogger(__name__)
T = TypeVar("T")
# Who asked for the operations running in this thread (see ``Store.initiated_by``).
_INITIATOR: ContextVar[object] = ContextVar("taiyaku_initiator", default=None)
# What a write is doing, for a status bar: ("waiting", seconds waited so far as text) while
# another program holds the write lock; ("saved", action) after a commit; ("failed", one-line
# reason) when the database could not be written (the change was not saved).
WriteListener = Callable[[str, str], None]


def configure_orm() -> None:
    """Configure the ORM's mappers now (relationships between the mapped classes, ~20-30 ms).

    SQLAlchemy does it on the first ORM use, whatever that use is; the window reads through
    Core until its first paint and calls this in a step of its own after it, so the first edit
    or ORM read later does not pay it in the middle of something else."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


@dataclass(frozen=True)
class Changes:
    """What one committed operation (or its undo/redo) changed."""

    action: str
    kind: str  # "do", "undo", "redo", "import", "delete"
    transcript_ids: frozenset[int] = frozenset()
    event_id: int | None = None
    rows: dict[str, frozenset[int]] = field(default_factory=dict)  # table -> ids
    segment_ids: frozenset[int] = frozenset()
    turn_ids: frozenset[int] = frozenset()
    speaker_ids: frozenset[int] = frozenset()
    # Whether a transcript's outline changed: turns or segments added, removed or moved, a turn's
    # speaker, kind or time, a title. False when only texts or review fields of rows changed, so
    # views need not re-read the whole outline (0.1-0.3 s at 50,000 segments) for an edit.
    restructured: bool = True
    # Who asked for the operation (``Store.initiated_by``; a front end's object, e.g. the editor
    # that saved its text), so that it can skip refreshing itself. None for undo and redo.
    initiator: object = field(default=None, compare=False)

    @property
    def tables(self) -> frozenset[str]:
        """Names of the tables touched."""
        return frozenset(self.rows)

    def touches(self, *tables: str) -> bool:
        """Whether any of the named tables changed (a structural change touches 'turn'/'segment')."""
        return any(t in self.rows for t in tables)

    @classmethod
    def from_rows(cls, action: str, kind: str, rows: list[RowChange], event_id: int | None,
                  transcript_ids: set[int], initiator: object = None) -> Changes:
        """Summarise journal rows into the sets subscribers need."""
        by_table: dict[str, set[int]] = {}
        refs: dict[str, set[int]] = {"transcript_id": set(transcript_ids), "segment_id": set(),
                                     "turn_id": set(), "speaker_id": set()}
        for row in rows:
            by_table.setdefault(row["t"], set()).add(row["pk"])
            for key, values in refs.items():
                if row["refs"].get(key) is not None:
                    values.add(row["refs"][key])
            for images in (row["before"], row["after"]):  # a row moved between parents
                for key in ("segment_id", "turn_id", "speaker_id"):
                    if images and images.get(key) is not None:
                        refs[key].add(images[key])
        return cls(
            action=action,
            kind=kind,
            transcript_ids=frozenset(refs["transcript_id"]),
            event_id=event_id,
            rows={t: frozenset(ids) for t, ids in by_table.items()},
            segment_ids=frozenset(refs["segment_id"]),
            turn_ids=frozenset(refs["turn_id"]),
            speaker_ids=frozenset(refs["speaker_id"]),
            restructured=any(_reshapes(row) for row in rows),
            initiator=initiator,
        )


# Columns of the outline (model.skeleton): changing one of them restructures the transcript.
_OUTLINE_COLUMNS: dict[str, frozenset[str]] = {
    "segment": frozenset({"turn_id", "position", "transcript_id"}),
    "turn": frozenset({"position", "kind", "timestamp", "speaker_id", "transcript_id"}),
    "transcript": frozenset({"title", "event_date"}),
}


def _reshapes(row: RowChange) -> bool:
    """Whether one journal row changes a transcript's outline."""
    columns = _OUTLINE_COLUMNS.get(row["t"])
    if columns is None:
        return False
    if row["op"] != "update":  # a row added or removed
        return True
    return bool(columns & set(row["after"] or ()))


class Operation:
    """The handle an operation body works with: its session and who is acting."""

    def __init__(self, session: Session, annotator_id: int, transcript_id: int | None) -> None:
        self.session = session
        self.annotator_id = annotator_id
        self.transcript_id = transcript_id
        self.role: str | None = None  # None: no roles enforced (SQLite, or the server's owner)
        self.annotator_name = ""
        self.description = ""
        self.event_id: int | None = None
        self.changes: Changes | None = None
        # Called with the connection and the new event's id just before commit (in the same
        # transaction): e.g. a sync's receipt, which must name the event it wrote.
        self.before_commit: list[Callable[[Any, int], None]] = []

    @property
    def committed_id(self) -> int:
        """The id of the change event this operation committed (read after the ``with`` block)."""
        if self.event_id is None:
            raise RuntimeError("the operation has not committed")
        return self.event_id

    def get(self, cls: type[T], ident: int) -> T:
        """The row of ``cls`` with id ``ident``; ``NotFound`` (one line) if there is none.

        A segment is locked until the operation commits (``model.versions``): a second writer
        of the same segment waits, then works on the first one's committed text.
        """
        obj = self.session.get(cls, ident, with_for_update=cls is Segment or None)
        if obj is None:
            raise NotFound(f"{cls.__name__.lower()} {ident} does not exist")
        return obj

    def require(self, role: str, what: str) -> None:
        """Refuse, in one line, an action the acting person's role does not allow
        (``model.people``; on SQLite and for a server's owner everything is allowed)."""
        from model.people import require

        require(self.role, self.annotator_name, role, what)


class CoreOperation:
    """The handle of ``Store.core_operation``: a Core connection in the write transaction, and what
    the body tells the store about what it wrote."""

    def __init__(self, conn: Connection, annotator_id: int) -> None:
        self.conn = conn
        self.annotator_id = annotator_id
        self.transcript_id: int | None = None
        self.description = ""
        self.journal: list[RowChange] = []  # the rows written, as ``model.journal`` records them
        self.bumped: set[int] = set()  # segments whose version the body already added one to
        # (statement, parameters) that bring the search index up to date (``model.search_index.upsert``),
        # sent with the change event; None: derive it again from the journal (as ``operation`` does).
        self.search: list[tuple[Any, dict[str, Any]]] | None = None
        # Other (statement, parameters) to send with the change event (in its statement on PostgreSQL).
        self.also: list[tuple[Any, dict[str, Any]]] = []
        self.event_id: int | None = None
        self.changes: Changes | None = None


class Store:
    """A Taiyaku database: sessions, journaled operations, undo/redo and change announcements."""

    def __init__(self, engine: Engine, annotator: str | None = None, integrity: IntegrityCheck | None = None) -> None:
        self.engine = engine
        self._integrity = integrity  # a check still running in the background (see ``open``)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._listeners: list[Callable[[Changes], None]] = []
        self._write_listeners: list[WriteListener] = []
        self._annotator_name = (annotator or default_annotator_name()).strip() or "annotator"
        self._annotator_id: int | None = None
        self._role: str | None = None
        self.live_token = uuid.uuid4().hex  # tells this store's own notifications from others'
        self._events_read = live.Cursor()  # the change events announced (model.live)
        self._signals_read = live.Cursor()  # the undo/redo signals read (model.live.LiveSignal)
        self._catch_up_lock = threading.Lock()
        self._own_events: set[int] = set()

    @classmethod
    def open(cls, path: str | Path | None = None, annotator: str | None = None, *,
             check_in_background: bool = False) -> Store:
        """Open (creating or migrating) the database at ``path`` (default: user data folder).

        With ``check_in_background`` the file's damage check runs while the caller
        reads (the window opens meanwhile); the first write waits for it, and
        ``ensure_intact()`` tells its result.
        """
        if check_in_background:
            engine, check = open_database_checking_in_background(path)
            return cls(engine, annotator, check)
        return cls(open_database(path), annotator)

    def ensure_intact(self) -> None:
        """Wait for a background damage check, if one runs; one-line ``DatabaseError`` if
        the file is damaged (nothing has been written to it then)."""
        if self._integrity is not None:
            self._integrity.wait()  # raises again on every call for a damaged file
            self._integrity = None

    @property
    def intact_known(self) -> bool:
        """Whether ``ensure_intact()`` would answer at once (no background damage check still reading)."""
        return self._integrity is None or self._integrity.done

    @property
    def path(self) -> str:
        """Where the database lives, for display (a server's URL without its password)."""
        if self.engine.dialect.name == "sqlite":
            return self.engine.url.database or str(self.engine.url)
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # -- who is acting ---------------------------------------------------
    @property
    def annotator_name(self) -> str:
        return self._annotator_name

    def set_annotator(self, name: str) -> None:
        """Attribute the following changes to ``name``."""
        name = name.strip()
        if not name:
            raise OperationFailed("the annotator's name cannot be empty")
        self._annotator_name = name
        self._annotator_id = None

    @property
    def annotator_id(self) -> int:
        """The current annotator's id, creating the annotator row on first use.

        On a shared server a login that does not own the database acts as the annotator
        mapped to it (``model.people``), whatever name was asked for.
        """
        if self._annotator_id is None:
            from model import people

            self.ensure_intact()  # the first write to the file
            with self._guard("identify the annotator"), self._sessions.begin() as s:
                defer_foreign_keys(s.connection(), self._waiting)  # the write lock, waited on visibly
                identity = people.identify(s.connection())
                if identity is not None and not identity.owner:
                    self._annotator_id, self._annotator_name, self._role = people.map_login(s.connection(), identity)
                    return self._annotator_id
                row = s.scalar(select(Annotator).where(Annotator.name == self._annotator_name))
                if row is None:
                    row = Annotator(name=self._annotator_name)
                    s.add(row)
                    s.flush()
                self._annotator_id = row.id
        return self._annotator_id

    @property
    def role(self) -> str | None:
        """The acting person's role on a shared server; None where roles are not enforced
        (SQLite, or the server database's owner)."""
        _ = self.annotator_id
        return self._role

    # -- announcements ---------------------------------------------------
    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Call ``listener`` after every committed change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, changes: Changes) -> None:
        """Tell every subscriber about ``changes`` (called after commit)."""
        for listener in list(self._listeners):
            listener(changes)

    def watch_writes(self, listener: WriteListener) -> Callable[[], None]:
        """Call ``listener(state, detail)`` as writes wait, commit or fail (see ``WriteListener``);
        returns a function that stops it. Called in the writing thread, while it writes."""
        self._write_listeners.append(listener)
        return lambda: self._write_listeners.remove(listener) if listener in self._write_listeners else None

    def _tell_writes(self, state: str, detail: str) -> None:
        for listener in list(self._write_listeners):
            listener(state, detail)

    def _waiting(self, seconds: float) -> None:
        self._tell_writes("waiting", str(max(1, round(seconds))))

    # -- sessions --------------------------------------------------------
    @contextmanager
    def _guard(self, what: str, *, write: bool = True) -> Iterator[None]:
        try:
            yield
        except StorageFailed as exc:
            if write:
                self._tell_writes("failed", str(exc))
            raise
        except TaiyakuError:
            raise
        except IntegrityError as exc:
            raise OperationFailed(f"could not {what}: it conflicts with existing data ({exc.orig})") from None
        except (DBAPIError, sqlite3.Error) as exc:  # sqlite3's own: BEGIN IMMEDIATE is a raw driver call
            refused = server_roles.refusal(exc)  # the server's roles said no (model.server_roles)
            if refused is not None:
                from model.people import PermissionRefused

                raise PermissionRefused(refused) from None
            failure = storage_failure(exc, what, self.path)
            if write:
                self._tell_writes("failed", str(failure))
            raise failure from None

    @contextmanager
    def transaction(self, what: str) -> Iterator[Any]:
        """A Core connection in one write transaction (bulk writers such as the importer).

        The write lock is taken first (waiting, with ``watch_writes`` told, for another
        program's); lock, full disk and other storage errors become one-line ``StorageFailed``.
        The caller announces what it changed.
        """
        self.ensure_intact()
        with self._guard(what), self.engine.begin() as conn:
            defer_foreign_keys(conn, self._waiting)
            yield conn
        self._tell_writes("saved", what)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it changes is committed."""
        with self._guard("read the database", write=False), self._sessions() as session:
            yield session
            session.rollback()

    @contextmanager
    def initiated_by(self, initiator: object) -> Iterator[None]:
        """Operations run inside this block announce ``initiator`` in their ``Changes``
        (as Anki's operations carry their handler): the widget that made a change can tell
        its own change coming back, and skip refreshing itself."""
        token = _INITIATOR.set(initiator)
        try:
            yield
        finally:
            _INITIATOR.reset(token)

    @contextmanager
    def operation(self, action: str, *, transcript_id: int | None = None,
                  description: str = "") -> Iterator[Operation]:
        """Run one user action in one transaction, journal it, and announce it on success."""
        annotator_id = self.annotator_id
        with self._guard(action.lower()), self._sessions() as session:
            journal: list[RowChange] = []
            session.info["journal"] = journal
            event.listen(session, "before_flush", cascade_deletes)
            event.listen(session, "after_flush", capture_flush)
            op = Operation(session, annotator_id, transcript_id)
            op.role, op.annotator_name = self.role, self._annotator_name
            op.description = description
            try:
                with session.begin():
                    defer_foreign_keys(session.connection(), self._waiting)
                    yield op
                    session.flush()
                    refresh_search_text(session.connection(), journal)  # same transaction; not journaled
                    versions.bump(session.connection(), versions.touched_segments(journal))
                    if op.transcript_id is None:  # infer it from what the body touched
                        op.transcript_id = next(
                            (r["refs"]["transcript_id"] for r in journal if "transcript_id" in r["refs"]), None)
                    session.info["journal"] = None  # the event row itself is not journaled
                    op.event_id = event_id = live.record_event(
                        session.connection(), self.live_token,
                        {"transcript_id": op.transcript_id, "annotator_id": annotator_id, "action": action,
                         "description": op.description, "rows": list(journal)})
                    self._own_events.add(event_id)  # before commit: a watcher may see it at once
                    for hook in op.before_commit:
                        hook(session.connection(), event_id)
            finally:
                event.remove(session, "after_flush", capture_flush)
                event.remove(session, "before_flush", cascade_deletes)
        transcripts = {op.transcript_id} if op.transcript_id is not None else set()
        op.changes = Changes.from_rows(action, "do", journal, op.event_id, transcripts, _INITIATOR.get())
        self._tell_writes("saved", action)
        self.announce(op.changes)

    @contextmanager
    def core_operation(self, action: str) -> Iterator[CoreOperation]:
        """``operation`` for a hot path written in Core (``model.ops.save_path``): the body runs
        its statements on ``op.conn`` and journals what it wrote in ``op.journal`` itself, with no
        ORM unit of work. On leaving the block the search index (``op.search``, or derived from the
        journal), the versions not bumped by the body, the change event and its notification are
        written, the transaction commits, and the change is announced as ``operation`` does."""
        annotator_id = self.annotator_id
        self.ensure_intact()
        with self._guard(action.lower()), self.engine.begin() as conn:
            defer_foreign_keys(conn, self._waiting)
            op = CoreOperation(conn, annotator_id)
            yield op
            also = list(op.also)
            if op.search is None:
                refresh_search_text(conn, op.journal)
            else:
                also += op.search
            versions.bump(conn, versions.touched_segments(op.journal) - op.bumped)
            op.event_id = event_id = live.record_event(
                conn, self.live_token,
                {"transcript_id": op.transcript_id, "annotator_id": annotator_id, "action": action,
                 "description": op.description, "rows": op.journal}, also=also)
            self._own_events.add(event_id)  # before commit: a watcher may see it at once
        transcripts = {op.transcript_id} if op.transcript_id is not None else set()
        op.changes = Changes.from_rows(action, "do", op.journal, event_id, transcripts, _INITIATOR.get())
        self._tell_writes("saved", action)
        self.announce(op.changes)

    # -- undo / redo -----------------------------------------------------
    def _replay(self, event_id: int, *, undo: bool) -> Changes:
        verb = "undo" if undo else "redo"
        annotator_id = self.annotator_id if undo else None
        events = ChangeEvent.__table__
        # Plain Core: the event row is read and updated without building ORM state
        # (a third of the CPU of an undo on a large transcript).
        self.ensure_intact()
        with self._guard(verb), self.engine.begin() as conn:
            defer_foreign_keys(conn, self._waiting)
            entry = conn.execute(
                select(events.c.action, events.c.rows, events.c.undone, events.c.transcript_id)
                .where(events.c.id == event_id)
            ).first()
            if entry is None:
                raise NotFound(f"change {event_id} does not exist")
            if entry.undone != (not undo):
                raise OperationFailed(f"change {event_id} ({entry.action}) is already {'undone' if undo else 'done'}")
            rows = list(entry.rows)
            segments = versions.touched_segments(rows)
            versions.check_replay(conn, event_id, entry.transcript_id, segments, verb)
            check_assignment_replay(conn, rows, verb)
            (undo_rows if undo else redo_rows)(conn, rows)
            refresh_search_text(conn, rows)
            versions.bump(conn, segments)
            live.notify(conn, self.live_token, verb, event_id, entry.transcript_id)
            live.signal(conn, self.live_token, verb, event_id)  # for watchers that poll (SQLite)
            conn.execute(update(events).where(events.c.id == event_id).values(
                undone=undo, undone_by_id=annotator_id, undone_at=utcnow() if undo else None))
        transcripts = {entry.transcript_id} if entry.transcript_id is not None else set()
        changes = Changes.from_rows(entry.action, verb, rows, event_id, transcripts)
        self._tell_writes("saved", verb)
        self.announce(changes)
        return changes

    def undo(self, event_id: int) -> Changes:
        """Undo a committed operation, in one transaction; announces what changed."""
        return self._replay(event_id, undo=True)

    def redo(self, event_id: int) -> Changes:
        """Re-apply an undone operation, in one transaction; announces what changed."""
        return self._replay(event_id, undo=False)

    # -- live: other people's changes (model.live) --------------------------------
    def watch_others(self) -> live.LiveWatcher:
        """Start announcing other programs' committed changes (``catch_up``); ``stop()`` it."""
        with self._guard("watch for other people's changes"), self.engine.connect() as conn:
            newest = conn.execute(select(func.max(ChangeEvent.__table__.c.id))).scalar()  # Core: before the paint
            self._events_read = live.Cursor(int(newest or 0))
            self._signals_read = live.Cursor(live.newest_signal(conn))
        return live.LiveWatcher(self)

    def catch_up(self, _payload: dict[str, Any] | None = None) -> list[Changes]:
        """Announce what others committed since the last call: new change events, and undos and
        redos (``model.live.LiveSignal``), the same on both engines. Called from the watcher's
        thread, on a server's notification or when the SQLite file changed."""
        out: list[Changes] = []
        events = ChangeEvent.__table__
        with self._catch_up_lock, self.engine.connect() as conn:
            now = time.monotonic()
            read: list[int] = []
            for row in conn.execute(select(events.c.id, events.c.action, events.c.rows, events.c.transcript_id)
                                    .where(self._events_read.condition(events.c.id)).order_by(events.c.id)):
                read.append(row.id)
                if row.id in self._own_events:  # announced already, when it was made here
                    self._own_events.discard(row.id)
                    continue
                ids = {row.transcript_id} if row.transcript_id is not None else set()
                out.append(Changes.from_rows(row.action, "do", list(row.rows), row.id, ids))
            self._events_read.read(read, now)
            signals = live.signals_since(conn, self._signals_read.condition)
            self._signals_read.read([signal_id for signal_id, *_rest in signals], now)
            for _signal_id, event_id, kind, source in signals:
                if source == self.live_token:
                    continue  # this store's own undo/redo: announced when it was made
                entry = conn.execute(select(events.c.action, events.c.rows, events.c.transcript_id)
                                     .where(events.c.id == event_id)).first()
                if entry is not None:
                    ids = {entry.transcript_id} if entry.transcript_id is not None else set()
                    out.append(Changes.from_rows(entry.action, kind, list(entry.rows), event_id, ids))
        for changes in out:
            self.announce(changes)
        return out

    def history(self, transcript_id: int, limit: int = 500) -> list[dict[str, Any]]:
        """The latest change events of a transcript, newest first (for a history view)."""
        with self.read() as s:
            rows = s.execute(
                select(ChangeEvent.id, ChangeEvent.action, ChangeEvent.description, ChangeEvent.created_at,
                       ChangeEvent.undone, Annotator.name)
                .join(Annotator, Annotator.id == ChangeEvent.annotator_id)
                .where(ChangeEvent.transcript_id == transcript_id)
                .order_by(ChangeEvent.id.desc())
                .limit(limit)
            ).all()
        return [
            {"id": r[0], "action": r[1], "description": r[2], "at": r[3], "undone": r[4], "annotator": r[5]}
            for r in rows
        ]
