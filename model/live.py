"""Live: other people's changes reach an open window within about a second.

On PostgreSQL every committed operation, undo and redo sends ``NOTIFY taiyaku_changes`` in its
own transaction (delivered at commit, never for a rollback); ``LiveWatcher`` listens on a
connection of its own (psycopg's ``notifies()``) in a thread. Two programs on one SQLite file
see each other through ``PRAGMA data_version``, which changes when another connection commits,
polled every 0.2 s. Either way the watcher calls ``Store.catch_up``, which reads the change
events it has not announced yet and announces them like local ones (``Changes``, with who did
it in the journal), so every view refreshes the usual way.

An undo or redo adds no change event: it flips an old one's ``undone``. So that a watcher can
find it without a server's notification (SQLite) -- or after missing one -- every undo and redo
also writes a ``live_signal`` row in its own transaction: the event, undo or redo, and which
store did it. ``catch_up`` reads the signals it has not seen, on both engines.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Connection, DateTime, Engine, Integer, String, delete, func, insert, select, text
from sqlalchemy.orm import Mapped, mapped_column

from model.schema import Base, utcnow

log = logging.getLogger(__name__)
CHANNEL = "taiyaku_changes"
POLL_S = 0.2


# Signals older than this are removed as new ones are written (a watcher reads them within a second).
KEEP_SIGNALS = timedelta(days=1)


class LiveSignal(Base):
    """One undo or redo, for watchers that cannot be notified (``PRAGMA data_version`` polling)."""

    __tablename__ = "live_signal"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer)  # no foreign key: it outlives nothing it names
    kind: Mapped[str] = mapped_column(String(8))  # "undo" | "redo"
    source: Mapped[str] = mapped_column(String(40))  # the store's live_token
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def signal(conn: Connection, token: str, kind: str, event_id: int) -> None:
    """Inside an undo/redo's transaction: leave a signal for the other programs' watchers."""
    table = LiveSignal.__table__
    now = utcnow()
    conn.execute(delete(table).where(table.c.created_at < now - KEEP_SIGNALS))
    conn.execute(insert(table).values(event_id=event_id, kind=kind, source=token, created_at=now))


def newest_signal(conn: Connection) -> int:
    """The id of the newest signal (0: none), where a new watcher starts reading."""
    return int(conn.execute(select(func.max(LiveSignal.__table__.c.id))).scalar() or 0)


def signals_since(conn: Connection, unread: Callable[[Any], Any]) -> list[tuple[int, int, str, str]]:
    """(id, event id, kind, source) of the signals not read yet (``unread(id column)``: the
    condition, ``Cursor.condition``), oldest first."""
    table = LiveSignal.__table__
    rows = conn.execute(select(table.c.id, table.c.event_id, table.c.kind, table.c.source)
                        .where(unread(table.c.id)).order_by(table.c.id))
    return [(int(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in rows]


# How long an id skipped over is still looked for (see ``Cursor``).
LATE_S = 30.0


class Cursor:
    """Which rows of an id-ordered table (change events, signals) a watcher has read.

    Ids come from a sequence when a row is inserted, but transactions commit in any order: on
    PostgreSQL change 11 may be visible while change 10 is still being committed. Reading
    "everything after the newest id seen" would then miss 10 for good. So the ids skipped over
    are looked for again for ``LATE_S`` seconds (a transaction rolled back leaves its id unused
    for ever). SQLite lets one writer in at a time: there, ids arrive in order.
    """

    def __init__(self, seen: int = 0) -> None:
        self.seen = seen
        self.late: dict[int, float] = {}  # id skipped over -> until when it is looked for

    def condition(self, column: Any) -> Any:
        """Rows not read yet: after ``seen``, or skipped over a moment ago."""
        if not self.late:
            return column > self.seen
        return (column > self.seen) | column.in_(sorted(self.late))

    def read(self, ids: list[int], now: float) -> None:
        """Record the ids just read (any order); remember the ones skipped over."""
        got = set(ids)
        for i in got:
            self.late.pop(i, None)
        newest = max(got, default=self.seen)
        if newest > self.seen:
            skipped = [i for i in range(self.seen + 1, newest) if i not in got]
            if len(skipped) <= 1000:  # more is no race but a jump of the sequence
                self.late.update(dict.fromkeys(skipped, now + LATE_S))
            self.seen = newest
        self.late = {i: until for i, until in self.late.items() if until > now}


def notify(conn: Connection, token: str, kind: str, event_id: int | None, transcript_id: int | None) -> None:
    """Inside a writing transaction: tell listeners on the server once it commits (PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        payload = json.dumps({"from": token, "kind": kind, "event": event_id, "transcript": transcript_id})
        conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": payload})


def record_event(conn: Connection, token: str, values: dict[str, Any],
                 also: Sequence[tuple[Any, dict[str, Any]]] = ()) -> int:
    """Inside an operation's transaction: write its ``change_event`` row and return the id; on
    PostgreSQL the notification goes in the same statement (one round trip, not two), and so do
    the data-changing statements ``also`` (statement, parameters), e.g. the search index's upsert
    (elsewhere they run first). Statements built once, with named parameters: they key a cache of
    the combined statement (one compiled statement per combination, not one per save)."""
    from model.schema import utcnow

    params = {"ev_created_at": utcnow(), "ev_undone": False, "ev_token": token,
              **{f"ev_{k}": v for k, v in values.items()}}
    if conn.dialect.name != "postgresql":
        for stmt, stmt_params in also:
            conn.execute(stmt, stmt_params)
        key = conn.execute(_event_insert(), params).inserted_primary_key
        assert key is not None
        return int(key[0])
    for _stmt, stmt_params in also:
        params.update(stmt_params)
    return int(conn.execute(_pg_event_query(tuple(stmt for stmt, _p in also)), params).scalar_one())


_EVENT_COLUMNS = ("transcript_id", "annotator_id", "created_at", "action", "description", "rows", "undone")
_BUILT: dict[Any, Any] = {}


def _event_insert() -> Any:
    """INSERT INTO change_event with a named parameter ``ev_<column>`` per column."""
    from sqlalchemy import bindparam

    from model.schema import ChangeEvent

    if "insert" not in _BUILT:
        events = ChangeEvent.__table__
        _BUILT["insert"] = insert(events).values(
            {c: bindparam(f"ev_{c}", type_=events.c[c].type) for c in _EVENT_COLUMNS})
    return _BUILT["insert"]


def _pg_event_query(also: tuple[Any, ...]) -> Any:
    """The event's INSERT ... RETURNING id with its ``pg_notify`` and ``also`` in one statement."""
    from sqlalchemy import Text, bindparam, cast, literal

    from model.schema import ChangeEvent

    query = _BUILT.get(also)
    if query is None:
        events = ChangeEvent.__table__
        written = _event_insert().returning(events.c.id).cte("written")
        payload = func.json_build_object(  # typed: the server cannot guess the type of a bare parameter
            literal("from", String), bindparam("ev_token", type_=String), literal("kind", String),
            literal("do", String), literal("event", String), written.c.id,
            literal("transcript", String), bindparam("ev_transcript_id", type_=Integer))
        query = select(written.c.id, func.pg_notify(CHANNEL, cast(payload, Text)))
        if also:  # each runs once whether read or not (PostgreSQL's data-modifying WITH)
            query = query.add_cte(*(stmt.cte(f"also_{i}") for i, stmt in enumerate(also)))
        if len(_BUILT) > 64:  # callers pass statements built once: this never grows in practice
            _BUILT.clear()
        _BUILT[also] = query
    return query


class Watched(Protocol):
    """What the watcher needs of the store (``model.store.Store``; no import: no cycle)."""

    engine: Engine
    live_token: str

    def catch_up(self, payload: dict[str, Any]) -> Any: ...


class LiveWatcher:
    """A thread that calls ``store.catch_up(payload)`` whenever someone else committed."""

    def __init__(self, store: Watched) -> None:
        self.store = store
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="taiyaku-live", daemon=True)
        self._thread.start()
        self._ready.wait(10)

    def _run(self) -> None:
        try:
            if self.store.engine.dialect.name == "postgresql":
                self._listen()
            else:
                self._poll()
        except Exception as exc:  # a lost server connection ends live updates, not the app
            log.warning("live updates stopped: %s", exc)
        finally:
            self._ready.set()

    def _listen(self) -> None:
        import psycopg

        url = self.store.engine.url.set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True,
                             connect_timeout=10) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            self._ready.set()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=0.5):
                    try:
                        payload: dict[str, Any] = json.loads(note.payload)
                    except ValueError:
                        continue
                    if payload.get("from") != self.store.live_token:
                        self.store.catch_up(payload)
                    if self._stop.is_set():
                        break

    def _poll(self) -> None:
        path = self.store.engine.url.database
        conn = sqlite3.connect(str(path), check_same_thread=False)
        try:
            seen = conn.execute("PRAGMA data_version").fetchone()[0]
            self._ready.set()
            while not self._stop.wait(POLL_S):
                now = conn.execute("PRAGMA data_version").fetchone()[0]
                if now != seen:
                    seen = now
                    self.store.catch_up({})
        finally:
            conn.close()

    def stop(self) -> None:
        """End the thread (within about half a second)."""
        self._stop.set()
        self._thread.join(2)
