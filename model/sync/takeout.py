"""``checkout`` and ``sync``: take a transcript out of a shared database to work offline, and send
the work back (see ``model.sync.copy`` and ``model.sync.replay``).

    copied = checkout("postgresql://ann@server/team", 12, Path("briefing.sqlite3"))
    ...work on briefing.sqlite3 in the window or with the command line...
    report = sync(Path("briefing.sqlite3"))

A source that cannot be reached, a transcript that is not there, or a file that exists already:
one line, and nothing is written anywhere. The checked-out file remembers its source without the
password: give it again with ``source_url`` (or through ``PGPASSWORD`` / ``~/.pgpass``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import Connection, update

from model.db import display_url, is_url
from model.errors import NotFound, OperationFailed
from model.paths import default_annotator_name
from model.schema import Transcript, utcnow
from model.store import Store
from model.sync.copy import Copied, copy_transcript
from model.sync.replay import Replay, local_state
from model.sync.report import SyncReport
from model.sync.tables import Checkout, read_checkout

_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def source_without_password(source: str | Path) -> str:
    """What the file remembers of its source: a URL without its password, or an absolute path."""
    if not is_url(source):
        return str(Path(source).expanduser().resolve())
    from sqlalchemy.engine import make_url

    return make_url(str(source))._replace(password=None).render_as_string(hide_password=False)


@contextmanager
def snapshot(store: Store) -> Iterator[Connection]:
    """A read transaction that sees one moment of the database (REPEATABLE READ on PostgreSQL),
    so the rows copied and the journal position taken with them agree."""
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def _who(server: Store) -> str:
    """The name the person checking out has on the server (its login's person, where mapped)."""
    from model import people

    with server.engine.connect() as conn:
        identity = people.identify(conn)
        if identity is not None and not identity.owner:
            return people.map_login(conn, identity)[1]
    return default_annotator_name()


def checkout(source: str | Path, transcript_id: int, target: Path) -> Copied:
    """Copy transcript ``transcript_id`` of ``source`` (a server URL or a file) with its history
    into the new SQLite file ``target``."""
    target = Path(target).expanduser()
    if target.exists():
        raise OperationFailed(f"{target} exists already; check out into a new file")
    server = Store.open(source)
    try:
        with server.read() as s:
            if s.get(Transcript, transcript_id) is None:
                raise NotFound(f"there is no transcript {transcript_id} on {server.path} (see: taiyaku list)")
        who = _who(server)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
        try:
            local = Store.open(partial, annotator=who)
            try:
                with local.transaction("check out") as dst, snapshot(server) as src:
                    copied = copy_transcript(src, dst, transcript_id, source_without_password(source), who)
            finally:
                local.close()
            for suffix in _SIDE_FILES[1:]:  # nothing should be left beside a closed file; move it along if so
                if Path(f"{partial}{suffix}").exists():
                    os.replace(f"{partial}{suffix}", f"{target}{suffix}")
            os.replace(partial, target)
        except BaseException:
            for suffix in _SIDE_FILES:
                with suppress(OSError):
                    Path(f"{partial}{suffix}").unlink()
            raise
    finally:
        server.close()
    return copied


def checkout_info(local: Store) -> Checkout:
    """The checkout row of an open file; a one-line error if it was not made by ``checkout``."""
    with local.engine.connect() as conn:
        info = read_checkout(conn)
    if info is None:
        raise OperationFailed(f"{local.path} is not a checked-out file (make one with: "
                              "taiyaku checkout ID --from URL --to FILE)")
    return info


def sync(local_path: Path, source: str | None = None, *, refresh: bool = True,
         progress: Callable[[int, int], None] | None = None,
         cancelled: Callable[[], bool] | None = None) -> SyncReport:
    """Send the offline work of a checked-out file back to its server, then (``refresh``) make the
    file a fresh copy of the server's transcript, which now holds that work and everyone else's.

    ``progress(done, total)`` follows the offline operations; ``cancelled()`` stops the run between
    two of them: the file is then not refreshed (it keeps what was not sent, for the next sync)."""
    local_path = Path(local_path).expanduser()
    if not local_path.exists():
        raise NotFound(f"there is no file {local_path}")
    local = Store.open(local_path)
    try:
        info = checkout_info(local)
        server = Store.open(source or info.source_url)
        try:
            with local.engine.connect() as conn:
                before = local_state(conn)
                report = Replay(local, server, info, conn).run(progress, cancelled)
            if refresh and not report.cancelled:
                copied = _refresh(local, server, info, before)
                report.refreshed = copied is not None
                report.base_event = copied.base_event if copied is not None else int(info.base_event)
        finally:
            server.close()
    finally:
        local.close()
    return report


def _refresh(local: Store, server: Store, info: Checkout, expected: tuple[int, tuple[int, ...]]) -> Copied | None:
    """Replace the file's transcript with the server's, unless the file changed during the sync
    (someone kept working in it: that work would be lost; the next sync sends it)."""
    with local.transaction("refresh from the server") as dst:
        if local_state(dst) != expected:
            return None
        with snapshot(server) as src:
            copied = copy_transcript(src, dst, int(info.transcript_id), info.source_url, info.checked_out_by)
        dst.execute(update(Checkout.__table__).values(synced_at=utcnow()))
    return copied


def describe(info: Checkout) -> str:
    """One line about where a checked-out file came from."""
    return (f"transcript {info.transcript_id} of {display_url(info.source_url)}, checked out by "
            f"{info.checked_out_by} at {info.checked_out_at:%Y-%m-%d %H:%M} UTC (server change {info.base_event})")
