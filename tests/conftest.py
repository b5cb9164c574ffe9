"""Shared fixtures. Qt runs offscreen: without a display Qt would abort the process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
# ../shared from the repository; worktrees live one level deeper (wt/<name>), so look there too.
SHARED_SAMPLE = next((p for p in (ROOT.parent / "shared" / "samples" / "press-call-2024-04-09.txt",
                                  ROOT.parent.parent / "shared" / "samples" / "press-call-2024-04-09.txt")
                      if p.exists()), ROOT.parent / "shared" / "samples" / "press-call-2024-04-09.txt")
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
        pytest.skip("../shared/samples is not here")
    return SHARED_SAMPLE
