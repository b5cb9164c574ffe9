"""Shared fixtures. Qt runs offscreen: without a display Qt would abort the process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_NAME = "press-call-2024-04-09.txt"


def sample_folders(environ: dict[str, str] | None = None) -> list[Path]:
    """Where the shared samples may be, in order: $TAIYAKU_SAMPLES (a folder), then ../shared/samples
    beside the repository, then two levels up (a git worktree one level deeper, as wt/<name>)."""
    env = os.environ if environ is None else environ
    folders = [Path(env["TAIYAKU_SAMPLES"]).expanduser()] if env.get("TAIYAKU_SAMPLES") else []
    return folders + [ROOT.parent / "shared" / "samples", ROOT.parent.parent / "shared" / "samples"]


def find_sample(name: str = SAMPLE_NAME, environ: dict[str, str] | None = None) -> Path:
    """The first of ``sample_folders`` holding ``name`` (the first folder's path when none does)."""
    folders = sample_folders(environ)
    return next((f / name for f in folders if (f / name).exists()), folders[0] / name)


SHARED_SAMPLE = find_sample()
BUNDLED_SAMPLE_DIR = ROOT / "resources" / "samples"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database file."""
    return tmp_path / "taiyaku.sqlite3"


@pytest.fixture
def store(db_path: Path, db_engine: str, request: pytest.FixtureRequest):
    """A fresh store acting as annotator 'tester' (on SQLite; on PostgreSQL too in modules
    marked ``both_engines``)."""
    from model.store import Store

    if db_engine == "postgresql":
        server = request.getfixturevalue("pg_server")
        url = server.new_database()
        s = Store.open(url, annotator="tester")
        yield s
        s.close()
        server.drop_database(url)
        return
    s = Store.open(db_path, annotator="tester")
    yield s
    s.close()


@pytest.fixture
def press_call() -> Path:
    """The real press-call transcript from shared/ (skipped when shared/ is absent)."""
    if not SHARED_SAMPLE.exists():
        pytest.skip("no shared samples: set TAIYAKU_SAMPLES to their folder, or keep ../shared/samples")
    return SHARED_SAMPLE


# -- PostgreSQL (tests/pg.py) ------------------------------------------------------

_PG_STATE: dict[str, object] = {}


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL 15 cluster for the whole session (skip, or fail under CI, if none)."""
    from tests.pg import PgCluster, PgUnavailable

    if "error" in _PG_STATE:  # tried once already in this session
        _pg_unavailable(str(_PG_STATE["error"]))
    cluster = None
    try:
        cluster = PgCluster().start()
    except PgUnavailable as exc:
        if cluster is not None:
            cluster.stop()
        _PG_STATE["error"] = str(exc)
        _pg_unavailable(str(exc))
    yield cluster
    cluster.stop()


def _pg_unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server here: {reason}")


@pytest.fixture
def pg_url(pg_server):
    """A fresh database on the test server, with Taiyaku's schema; its URL (dropped afterwards)."""
    url = pg_server.new_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def any_db(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh database on each engine in turn: a file path (SQLite) or a URL (PostgreSQL)."""
    if request.param == "sqlite":
        yield tmp_path / "taiyaku.sqlite3"
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    """Which engine the ``store`` fixture uses: "sqlite" unless a module asks for both
    (``pytestmark = pytest.mark.both_engines``)."""
    return getattr(request, "param", "sqlite")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Modules marked both_engines run every test using ``store`` on SQLite and on PostgreSQL.
    if "store" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_engines"):
        metafunc.parametrize("db_engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)],
                             indirect=True)
