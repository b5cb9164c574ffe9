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
def store(db_path: Path):
    """A fresh store acting as annotator 'tester'."""
    from model.store import Store

    s = Store.open(db_path, annotator="tester")
    yield s
    s.close()


@pytest.fixture
def press_call() -> Path:
    """The real press-call transcript from shared/ (skipped when shared/ is absent)."""
    if not SHARED_SAMPLE.exists():
        pytest.skip("no shared samples: set TAIYAKU_SAMPLES to their folder, or keep ../shared/samples")
    return SHARED_SAMPLE
