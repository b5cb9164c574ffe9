"""Opening the database -- an SQLite file or a PostgreSQL server: checks, PRAGMAs,
schema creation and migrations.

This is the one module allowed engine-specific SQL (SQLite's PRAGMAs, PostgreSQL's
sequences); everything else goes through the ORM or Core so the same code runs on both.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Connection, Engine, Table, create_engine, event, func, inspect, select, text
from sqlalchemy.exc import DBAPIError

from model import server_roles
from model.errors import DatabaseBusy, DatabaseError, DiskFull, StorageFailed
from model.paths import default_db_path
from model.priority import yield_the_cpu
from model.tables import Base

if TYPE_CHECKING:  # pragma: no cover
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Every revision in model/migrations/versions, oldest first; the last is the head. Opening an
# up-to-date file compares with this instead of importing Alembic (0.35-1.3 s per start);
# tests/model/test_migrations.py keeps it equal to the scripts' revisions.
SCHEMA_REVISIONS: tuple[str, ...] = ("0001", "0003", "0006", "0008", "0004", "0005", "0007", "0009", "0010",
                                     "0011")
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]


# How long a write waits for another program's write lock before giving up (milliseconds).
# TAIYAKU_BUSY_TIMEOUT_MS shortens it (tests) or lengthens it (a slow shared disk).
BUSY_TIMEOUT_ENV = "TAIYAKU_BUSY_TIMEOUT_MS"
DEFAULT_BUSY_TIMEOUT_MS = 5000
# A write first waits this long without a word (a lock is usually released in milliseconds),
# then tells whoever listens that it is waiting, and keeps telling in steps of this length.
QUIET_WAIT_MS = 250

WaitListener = Callable[[float], None]  # seconds waited so far


def busy_timeout_ms() -> int:
    """The write lock wait in milliseconds (``TAIYAKU_BUSY_TIMEOUT_MS``, default 5000)."""
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, DEFAULT_BUSY_TIMEOUT_MS)))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_MS


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Per connection, outside any transaction: SQLite silently ignores PRAGMA foreign_keys
    # inside a transaction. None of these touches the file.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _set_wal(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # an error inside a transaction: done on connect
    cursor.close()


def enable_wal(engine: Engine) -> None:
    """Switch the file to write-ahead logging (persistent: later connections inherit it).

    Done only once the file is known to be ours: setting it rewrites the header,
    and a file we refuse must be left byte-identical.
    """
    raw = engine.raw_connection()
    try:
        _set_wal(raw.driver_connection, None)
    finally:
        raw.close()


def _check_file(path: Path) -> None:
    """Refuse, in one line, a path that is not a writable SQLite database (or empty file)."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if not path.exists():
        parent = path.parent
        if not parent.exists():
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"cannot create the folder {parent}: {exc.strerror}") from None
        if not os.access(parent, os.W_OK):
            raise DatabaseError(f"cannot create a database in {parent}: the folder is read-only")
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a Taiyaku database (it is not an SQLite file)")
    # The mode bits too: os.access says yes to root, but a file marked read-only is meant so.
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK) or not path.stat().st_mode & 0o222:
        raise DatabaseError(f"{path} is read-only: Taiyaku saves every change as you go and needs to write to it")


# How long connecting to a server may take before the user is told it cannot be reached.
CONNECT_TIMEOUT_S = 8


def is_url(target: str | Path) -> bool:
    """Whether ``target`` names a server (``postgresql://...``) rather than a file."""
    return "://" in str(target)


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3 (SQLAlchemy would pick psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def display_url(url: str | Path) -> str:
    """A URL as shown to the user: never with its password."""
    if not is_url(url):
        return str(url)
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(str(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return str(url).split("@")[-1]


def make_engine(url_or_path: str | Path, *, wal: bool = True) -> Engine:
    """An engine for an SQLite file (PRAGMAs set on every connection) or a server URL.

    ``wal=False`` leaves the journal mode alone (``open_database`` switches it
    after checking the file). A PostgreSQL engine gives up connecting after
    ``CONNECT_TIMEOUT_S`` and runs at READ COMMITTED (the server's default; the
    operations check versions themselves, see ``model.versions``).
    """
    url = str(url_or_path)
    if not is_url(url):  # the path goes in as is: in a URL string "a%20b" would name the file "a b"
        return _sqlite_engine(URL.create("sqlite", database=str(Path(url).resolve())), wal)
    url = normalize_url(url)
    if url.startswith("sqlite"):
        return _sqlite_engine(url, wal)
    if url.startswith("postgresql"):
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        connect_args: dict[str, Any] = {"application_name": "Taiyaku"}
        if "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
        engine = create_engine(parsed, connect_args=connect_args, isolation_level="READ COMMITTED")
        event.listen(engine, "checkout", _ping_if_idle)
        event.listen(engine, "checkin", _note_checkin)
        return engine
    return create_engine(url)


def _sqlite_engine(url: str | URL, wal: bool) -> Engine:
    # Pooled connections (SQLAlchemy's default QueuePool): with NullPool every operation reopened
    # the file and, closing the last connection, checkpointed the WAL with an fsync -- 10x slower
    # per edit (benchmarks/edit_bench.py).
    engine = create_engine(url)
    event.listen(engine, "connect", _set_pragmas)
    if wal:
        event.listen(engine, "connect", _set_wal)
    return engine


# A pooled server connection unused for longer than this is checked (one round trip) before use:
# a window left open overnight finds its connections closed by the server, while a busy annotator
# does not pay a round trip per save (pool_pre_ping would ping every time).
IDLE_PING_S = 30.0


def _note_checkin(_dbapi_connection: Any, record: Any) -> None:
    record.info["taiyaku_idle_since"] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """Pool ``checkout`` listener: SQLAlchemy's "pessimistic disconnect handling", only for a
    connection that sat idle. A dead one raises ``DisconnectionError``: the pool replaces it."""
    from sqlalchemy.exc import DisconnectionError

    idle_since = record.info.get("taiyaku_idle_since")
    if idle_since is None or time.monotonic() - idle_since < IDLE_PING_S:
        return
    try:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        dbapi_connection.rollback()
    except Exception as exc:
        raise DisconnectionError(f"a pooled connection was closed: {exc}") from exc


def alembic_config(engine: Engine) -> Config:
    """Alembic configuration pointing at the bundled migrations, for this engine."""
    from alembic.config import Config

    cfg = Config()
    # Alembic's settings are a ConfigParser's, where "%" starts a substitution: a path with one
    # ("50% done.sqlite3") failed to open until doubled.
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    cfg.attributes["engine"] = engine
    return cfg


def _current_heads(engine: Engine) -> tuple[set[str], bool, bool]:
    """The database's migration heads, whether it holds any table but Alembic's own, and
    whether it has Alembic's version table (read with plain Core: no Alembic import)."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        heads: set[str] = set()
        if "alembic_version" in tables:
            heads = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    return heads, bool(tables - {"alembic_version"}), "alembic_version" in tables


def _backup(path: Path, target: Path) -> None:
    """Copy a live SQLite database with the backup API (never a file copy)."""
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _migrate(engine: Engine, path: Path | None, script: ScriptDirectory, heads: set[str]) -> None:
    from alembic import command

    cfg = alembic_config(engine)
    backup = None
    if path is not None:
        backup = path.with_name(path.name + f".before-{'-'.join(sorted(heads)) or 'none'}.bak")
        _backup(path, backup)
    try:
        command.upgrade(cfg, "head")
    except Exception as exc:
        if backup is not None and path is not None:
            engine.dispose()
            for suffix in ("-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            shutil.copyfile(backup, path)  # the engine is disposed: no open connection
        raise DatabaseError(f"could not upgrade {path}; it was restored as it was ({exc})") from None
    log.info("migrated %s from %s to %s (backup %s)", path, heads, script.get_heads(), backup)


def open_database(url_or_path: str | Path | None = None) -> Engine:
    """Open (creating if needed) a Taiyaku database, ready to use.

    Raises ``DatabaseError`` with a one-line message for a file that is not a
    database, is read-only, locked, corrupt, or was written by a newer app.
    The file is never overwritten in those cases.
    """
    return _open(url_or_path, background_check=False)[0]


def open_database_checking_in_background(url_or_path: str | Path | None = None) -> tuple[Engine, IntegrityCheck | None]:
    """Like ``open_database``, but an up-to-date SQLite file is checked for damage in a
    background thread (``IntegrityCheck``) instead of before returning: the window can read
    and paint meanwhile. Callers must ``wait()`` on the check before their first write.
    A file that needs creating or migrating is still checked first (it is about to be written).
    """
    return _open(url_or_path, background_check=True)


def _open(url_or_path: str | Path | None, background_check: bool) -> tuple[Engine, IntegrityCheck | None]:
    target = default_db_path() if url_or_path is None else url_or_path
    path: Path | None = None
    if not is_url(target):
        path = Path(target).expanduser()
        _check_file(path)
    try:
        engine = make_engine(path if path is not None else target, wal=False)
    except Exception as exc:  # a URL SQLAlchemy cannot parse, or an unknown driver
        raise DatabaseError(f"{display_url(target)} is not a database Taiyaku can open ({exc})") from None
    where: object = path or display_url(target)
    check: IntegrityCheck | None = None
    # SQLite's side files that opening may create: removed again if the open fails (a full disk
    # would otherwise leave an empty -wal and -shm beside a file we refused to touch).
    side_files = [] if path is None else [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if not p.exists()]
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master" if engine.dialect.name == "sqlite" else "SELECT 1"))
        heads, has_tables, has_version_table = _current_heads(engine)
        # A file about to be created or migrated is checked first: it will be written at once.
        check_later = background_check and path is not None and heads == {SCHEMA_HEAD}
        if engine.dialect.name == "sqlite" and not check_later:
            with engine.connect() as conn:
                _check_integrity(conn, where)
        known = set(SCHEMA_REVISIONS)
        if not heads and has_tables:
            kind = "an SQLite" if engine.dialect.name == "sqlite" else f"a {engine.dialect.name}"
            raise DatabaseError(f"{where} is {kind} database, but not a Taiyaku one")
        if not heads <= known:
            raise DatabaseError(
                f"{where} was written by a newer version of Taiyaku (schema {', '.join(sorted(heads))}); "
                "please update the app"
            )
        if engine.dialect.name == "sqlite":
            enable_wal(engine)  # only now: the file is ours (or new)
            if check_later and path is not None:
                check = IntegrityCheck(path)  # after the switch to WAL, which would wait for its read lock
        if heads != {SCHEMA_HEAD}:  # new or behind: only then is Alembic needed
            from alembic import command
            from alembic.script import ScriptDirectory

            script = ScriptDirectory.from_config(alembic_config(engine))
            if not heads:
                if has_version_table:  # stamped at base (e.g. downgraded): migrate up
                    _migrate(engine, path, script, heads)
                else:
                    with engine.begin() as conn:
                        Base.metadata.create_all(conn)
                        make_foreign_keys_deferrable(conn)
                        server_roles.install(conn)  # the roles' triggers (PostgreSQL; migration 0011)
                    command.stamp(alembic_config(engine), "head")
            elif heads != set(script.get_heads()):
                _migrate(engine, path, script, heads)
    except DatabaseError:
        engine.dispose()
        _remove_new_side_files(side_files)
        raise
    except DBAPIError as exc:
        engine.dispose()
        _remove_new_side_files(side_files)
        if path is not None and no_space_left(path):
            raise DatabaseError(f"the disk is full: {path} cannot be opened; free some space and try again") from None
        raise DatabaseError(describe_db_error(exc, where)) from None
    return engine, check


def _remove_new_side_files(files: list[Path]) -> None:
    """Remove the -wal/-shm files a failed open created (only empty ones: they hold nothing)."""
    for side in files:
        try:
            if side.exists() and (side.name.endswith("-shm") or side.stat().st_size == 0):
                side.unlink()
        except OSError:
            pass


# Below this much free space a file system counts as full: SQLite then reports a full disk as
# "disk I/O error" (it cannot even map its -shm file).
FULL_DISK_BYTES = 64 << 10


def no_space_left(path: Path | str) -> bool:
    """Whether the file system holding ``path`` is (all but) full."""
    try:
        return shutil.disk_usage(Path(path).parent).free < FULL_DISK_BYTES
    except OSError:
        return False


class IntegrityCheck:
    """``PRAGMA quick_check`` of an SQLite file in a thread of its own.

    The check reads every page (45 ms for a 42 MB file, more for bigger ones);
    SQLite releases the GIL meanwhile, so the window is built and painted in
    parallel. ``wait()`` returns once the file is known to be sound, or raises
    a one-line ``DatabaseError``.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._problem: str | None = None
        self._thread = threading.Thread(target=self._run, name="taiyaku-integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        # Behind the window's start on a 2-core machine: the reads the first paint waits for
        # (model.prefetch) and the window's thread get the cores first.
        yield_the_cpu()
        try:
            conn = sqlite3.connect(str(self.path))  # its own connection: pysqlite ones stay in their thread
            try:
                problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
            finally:
                conn.close()
        except sqlite3.Error as exc:
            problems = [str(exc)]
        self._problem = _integrity_problem(problems, self.path)

    @property
    def done(self) -> bool:
        """Whether the check has finished (``wait`` then returns or raises at once)."""
        return not self._thread.is_alive()

    def wait(self) -> None:
        """Block until the check is done; ``DatabaseError`` if the file is damaged."""
        self._thread.join()
        if self._problem is not None:
            raise DatabaseError(self._problem)


# PostgreSQL can defer only the foreign keys declared DEFERRABLE; migrations 0007 and 0010 run this
# too. INITIALLY DEFERRED: every transaction checks them at commit without being told (one round
# trip less per operation than SET CONSTRAINTS ALL DEFERRED at each start).
_PG_DEFERRABLE = (
    "DO $$ DECLARE r record; BEGIN "
    "FOR r IN SELECT conrelid::regclass::text AS t, conname AS c FROM pg_constraint "
    "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace AND NOT condeferred LOOP "
    "EXECUTE format('ALTER TABLE %%s ALTER CONSTRAINT %%I DEFERRABLE INITIALLY DEFERRED', r.t, r.c); "
    "END LOOP; END $$"
)


def make_foreign_keys_deferrable(conn: Connection) -> None:
    """On PostgreSQL, declare every foreign key DEFERRABLE INITIALLY DEFERRED (checked when the
    transaction commits, see ``defer_foreign_keys``); nothing to do on SQLite."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_PG_DEFERRABLE)


def defer_foreign_keys(connection: Any, waiting: WaitListener | None = None) -> None:
    """Check foreign keys when the current transaction commits, not after each statement.

    The ORM orders the rows of one flush by mapper, not by foreign key, so an
    operation that deletes a speaker with its turns (or undo re-inserting rows)
    must only be consistent at the end. Switched off again at COMMIT/ROLLBACK.
    """
    if connection.dialect.name == "postgresql":
        return  # the keys are INITIALLY DEFERRED (make_foreign_keys_deferrable): nothing to send
    if connection.dialect.name != "sqlite":
        return
    # pysqlite only sends BEGIN before the first write, and SQLite switches the
    # pragma off again after any statement outside a transaction (e.g. the
    # operation's first SELECT): begin the transaction now, then defer.
    # IMMEDIATE: an operation writes, so take the write lock now (waiting up to
    # busy_timeout); a read snapshot upgraded later would fail at once with
    # SQLITE_BUSY_SNAPSHOT if another program wrote in between.
    driver = connection.connection.driver_connection
    if not driver.in_transaction:
        begin_immediate(driver, waiting)
    driver.execute("PRAGMA defer_foreign_keys=ON")


def begin_immediate(driver: sqlite3.Connection, waiting: WaitListener | None = None) -> None:
    """``BEGIN IMMEDIATE`` on a pysqlite connection: take the write lock now, or wait for it.

    Another program holding the lock is waited on for ``busy_timeout_ms()`` in all; after
    the first ``QUIET_WAIT_MS``, ``waiting(seconds)`` is called before every further step so
    a window can say it is waiting. When the lock outlives the wait, SQLite's own
    ``OperationalError`` (database is locked) propagates; nothing was written, and
    ``storage_failure`` turns it into ``DatabaseBusy``. (A raw driver call: SQLAlchemy does not
    wrap what it raises, so it arrives as sqlite3's own exception.)
    """
    budget = busy_timeout_ms()
    started = time.monotonic()
    step = min(QUIET_WAIT_MS, budget)
    driver.execute(f"PRAGMA busy_timeout={step}")
    try:
        while True:
            try:
                driver.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise
                waited = time.monotonic() - started
                if budget / 1000 - waited <= 0.001:
                    raise  # the lock outlived the wait: the caller's guard says so in one line
            left = budget / 1000 - waited
            if waiting is not None:
                waiting(waited)
            driver.execute(f"PRAGMA busy_timeout={max(1, min(QUIET_WAIT_MS, int(left * 1000)))}")
    finally:
        driver.execute(f"PRAGMA busy_timeout={budget}")


def _is_busy(exc: BaseException) -> bool:
    low = str(exc).lower()
    return "locked" in low or "busy" in low


def storage_failure(exc: BaseException, what: str, where: object) -> StorageFailed:
    """The app's own error for a driver error met while writing (``what``: e.g. "edit text")."""
    orig = getattr(exc, "orig", exc)
    low = str(orig).lower()
    full = "database or disk is full" in low or getattr(orig, "sqlite_errorname", "") == "SQLITE_FULL"
    if full or ("disk i/o error" in low and isinstance(where, (str, Path)) and no_space_left(where)):
        return DiskFull(f"could not {what}: the disk is full; nothing was changed")
    if _is_busy(orig):
        return DatabaseBusy(f"could not {what}: another program is writing to this database; "
                            "nothing was changed, try again")
    return StorageFailed(f"could not {what}: {describe_db_error(exc, where)}")


def _check_integrity(conn: Any, where: object) -> None:
    """Refuse a damaged file before anything is written to it.

    ``quick_check`` reads every page (about 45 ms for a 42 MB database, measured);
    without it a damaged page would only surface when some view happens to read it.
    """
    problem = _integrity_problem([row[0] for row in conn.execute(text("PRAGMA quick_check(3)"))], where)
    if problem is not None:
        raise DatabaseError(problem)


def _integrity_problem(problems: list[str], where: object) -> str | None:
    """The one-line message for what ``quick_check`` reported (None: the file is sound)."""
    if problems == ["ok"]:
        return None
    lines = [ln.strip() for ln in "\n".join(problems).splitlines() if ln.strip() and not ln.startswith("***")]
    return f"{where} is damaged ({lines[0] if lines else 'integrity check failed'}); it was left as it is"


def describe_db_error(exc: BaseException, where: object = "the database") -> str:
    """One line for a driver error: what went wrong with the database, in plain words."""
    msg = str(getattr(exc, "orig", exc)).strip()
    low = msg.lower()
    # psycopg / libpq: the server is not there, refuses the login, or has no such database.
    if "password authentication failed" in low or "no password supplied" in low:
        return f"{where}: the server refused the login (wrong user name or password)"
    if "role" in low and "does not exist" in low:
        return f"{where}: the server has no login of that name; ask the administrator to create it"
    if "database" in low and "does not exist" in low:
        return f"{where}: the server has no such database; ask the administrator to create it"
    if any(s in low for s in ("connection refused", "could not translate host name", "timeout expired",
                              "no route to host", "network is unreachable", "could not connect",
                              "server closed the connection", "connection timed out",
                              "name or service not known")):
        return f"cannot reach the database server for {where}; check the address and that the server runs"
    if "permission denied" in low or "must be owner" in low:
        return f"{where}: the server refused this (permission denied)"
    if "not a database" in low:
        return f"{where} is not a Taiyaku database (file is not a database)"
    if "malformed" in low or "corrupt" in low:
        return f"{where} is damaged (database disk image is malformed)"
    if "database or disk is full" in low:
        return f"the disk is full ({where} cannot grow); nothing was written"
    if "locked" in low or "busy" in low:
        return f"{where} is locked by another program; close it and try again"
    if "readonly" in low or "read-only" in low:
        return f"{where} is read-only"
    return f"database error on {where}: {msg.splitlines()[0] if msg else type(exc).__name__}"


def first_free_id(conn: Connection, table: Table) -> int:
    """The lowest id a bulk insert into ``table`` may use without reusing a deleted row's id.

    Call it inside the writing transaction (after its first write, so the lock
    is held). On SQLite, AUTOINCREMENT remembers the highest id ever given in
    ``sqlite_sequence``; elsewhere the highest present id is used.
    """
    highest = conn.execute(select(func.max(table.c.id))).scalar() or 0
    if conn.dialect.name == "sqlite":
        seq = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": table.name}).scalar()
        highest = max(highest, seq or 0)
    elif conn.dialect.name == "postgresql":
        # The serial's sequence remembers ids handed out and then deleted (undo re-inserts them).
        row = conn.execute(text("SELECT last_value, is_called FROM " + _sequence(conn, table))).first()
        if row is not None and row[1]:
            highest = max(highest, int(row[0]))
    return int(highest) + 1


def _sequence(conn: Connection, table: Table) -> str:
    name = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}).scalar()
    if not name:
        raise DatabaseError(f"table {table.name} has no id sequence")
    return str(name)


def ids_used(conn: Connection, table: Table, last_id: int) -> None:
    """After a bulk insert with ids from ``first_free_id``: make the engine's own id counter
    skip them (PostgreSQL's sequence does not see explicit ids; SQLite's AUTOINCREMENT does)."""
    if conn.dialect.name == "postgresql" and last_id > 0:
        conn.execute(text(f"SELECT setval('{_sequence(conn, table)}', greatest(:v, "
                          f"(SELECT last_value FROM {_sequence(conn, table)})))"), {"v": last_id})
