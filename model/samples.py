"""The sample transcripts bundled in ``resources/samples``, imported on first use."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from model.errors import NotFound
from model.schema import Transcript

if TYPE_CHECKING:
    from model.store import Store

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "resources" / "samples"


def bundled_samples() -> list[Path]:
    """The bundled sample transcripts (``.txt``), sorted by name."""
    if not SAMPLES_DIR.is_dir():
        return []
    return sorted(p for p in SAMPLES_DIR.iterdir() if p.suffix == ".txt" and p.is_file())


def find_sample(name: str | None = None) -> Path:
    """The sample called ``name`` (file name, with or without ``.txt``), or the first one."""
    samples = bundled_samples()
    if not samples:
        raise NotFound(f"no sample transcripts are bundled (looked in {SAMPLES_DIR})")
    if not name:
        return samples[0]
    for path in samples:
        if name in (path.name, path.stem):
            return path
    raise NotFound(f"no sample called {name!r} (there are: {', '.join(p.stem for p in samples)})")


def ensure_sample(store: Store, name: str | None = None) -> int:
    """The id of the bundled sample in ``store``, importing it if it is not there yet."""
    from model.importer import import_file

    path = find_sample(name)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with store.read() as session:
        existing = session.scalar(
            select(Transcript.id).where(Transcript.source_sha256 == digest).order_by(Transcript.id).limit(1)
        )
    if existing is not None:
        return int(existing)
    return import_file(store, path)
