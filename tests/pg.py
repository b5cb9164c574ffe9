"""A throwaway PostgreSQL server for the tests (see FIELD-NOTES, "PostgreSQL for teams").

``PgCluster.start()`` runs ``initdb`` in a fresh temporary folder (as the ``postgres`` user
when the tests run as root: initdb refuses root), starts the server on a free port that
listens on 127.0.0.1 only (its socket in that folder, not /var/run), and ``stop()`` removes
everything. ``new_database()`` hands out a fresh database per test, copied from a template
that already holds Taiyaku's schema (a copy costs a few ms; migrating costs ~0.3 s).

Without the server binaries the tests that need PostgreSQL skip with the reason -- except
under CI (``CI=true``), where they fail: CI installs the ``postgresql`` package
(packaging/ci-deps.sh) and must really run them.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

TEMPLATE = "taiyaku_template"
USER = "postgres"


class PgUnavailable(RuntimeError):
    """No PostgreSQL server can be started here (the reason says why)."""


def find_bindir() -> Path:
    """The folder with initdb/pg_ctl: $TAIYAKU_PG_BINDIR, Debian's newest, or the PATH."""
    chosen = os.environ.get("TAIYAKU_PG_BINDIR")
    candidates = [chosen] if chosen else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    raise PgUnavailable("no PostgreSQL server binaries (initdb, pg_ctl): install the Debian package "
                        "'postgresql' (packaging/ci-deps.sh does) or set TAIYAKU_PG_BINDIR")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    """One throwaway PostgreSQL server, owned by the test session."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.as_root = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="taiyaku-pg-"))
        self.data = self.folder / "data"
        self.port = 0
        self._names = itertools.count(1)
        self._started = False

    def _run(self, *cmd: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        argv = [str(self.bindir / cmd[0]), *cmd[1:]]
        if self.as_root:  # initdb refuses to run as root; the server must not either
            argv = ["runuser", "-u", USER, "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False,
                              env={**os.environ, "LC_ALL": "C"})

    def start(self) -> PgCluster:
        """initdb + start; ``PgUnavailable`` with the server's own words when that fails."""
        if self.as_root:
            try:
                shutil.chown(self.folder, USER, USER)
            except (LookupError, PermissionError) as exc:
                raise PgUnavailable(f"running as root and cannot hand {self.folder} to the '{USER}' user: {exc}") \
                    from None
        init = self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", USER, "-E", "UTF8",
                         "--locale=C", "--no-sync")
        if init.returncode != 0:
            raise PgUnavailable(f"initdb failed: {(init.stderr or init.stdout).strip().splitlines()[-1:]}")
        # Like a team's server: the superuser (the tests' admin) gets in freely, every other
        # login needs its password -- so a wrong password really is refused.
        hba = self.data / "pg_hba.conf"
        hba.write_text("local all all trust\n"
                       "host all postgres 127.0.0.1/32 trust\n"
                       "host all all 127.0.0.1/32 scram-sha-256\n")
        if self.as_root:
            shutil.chown(hba, USER, USER)
        for _attempt in range(3):  # a free port may be taken by someone else before we bind it
            self.port = free_port()
            # fsync off: the tests kill clients, never the server; durability is not what they check.
            opts = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
            started = self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.folder / "server.log"),
                                "-w", "-t", "60", "start")
            if started.returncode == 0:
                self._started = True
                break
        else:
            log = (self.folder / "server.log")
            tail = log.read_text(errors="replace").strip().splitlines()[-3:] if log.exists() else []
            raise PgUnavailable(f"the PostgreSQL server did not start: {' '.join(tail) or started.stderr.strip()}")
        self._make_template()
        return self

    def url(self, name: str, user: str = USER, driver: str = "postgresql+psycopg") -> str:
        """The SQLAlchemy URL of database ``name`` on this server."""
        return f"{driver}://{user}@127.0.0.1:{self.port}/{name}"

    def admin(self, sql: str, *params: object, database: str = "postgres") -> list[tuple[object, ...]]:
        """Run one statement outside any transaction (CREATE DATABASE, roles) as the superuser."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=USER, dbname=database,
                             autocommit=True, connect_timeout=10) as conn:
            cur = conn.execute(sql.encode() if not params else sql, params or None)  # type: ignore[arg-type]
            return list(cur.fetchall()) if cur.description else []

    def _make_template(self) -> None:
        from model.store import Store

        self.admin(f"CREATE DATABASE {TEMPLATE}")
        Store.open(self.url(TEMPLATE), annotator="template").close()  # create_all + stamp, like a first start

    def new_database(self, *, empty: bool = False) -> str:
        """A fresh database (Taiyaku's schema already in it unless ``empty``); returns its URL."""
        name = f"t{os.getpid()}_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name}" + ("" if empty else f" TEMPLATE {TEMPLATE} STRATEGY FILE_COPY"))
        return self.url(name)

    def grant_team_access(self, login: str, database: str) -> None:
        """What README's server set-up gives a team member: read and write Taiyaku's tables."""
        for sql in (f"GRANT CONNECT ON DATABASE {database} TO {login}",):
            self.admin(sql)
        for sql in (f"GRANT USAGE ON SCHEMA public TO {login}",
                    f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {login}",
                    f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {login}"):
            self.admin(sql, database=database)

    def drop_database(self, url: str) -> None:
        """Drop a test's database (closing what its test left connected)."""
        name = url.rsplit("/", 1)[1]
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        if self._started:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60)
            self._started = False
        shutil.rmtree(self.folder, ignore_errors=True)
