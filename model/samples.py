"""The bundled sample transcript, imported into a database on first use."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from model.resources import bundled_sample_path, resource_path
from model.schema import Transcript

if TYPE_CHECKING:
    from model.store import Store

log = logging.getLogger(__name__)


def sample_path(name: str | None = None) -> Path:
    """The bundled sample called ``name`` (file name in resources/samples, ``.txt`` optional), or the default."""
    if not name:
        return bundled_sample_path()
    return resource_path(f"samples/{name if name.endswith('.txt') else name + '.txt'}")


def ensure_sample(store: Store, name: str | None = None) -> int:
    """The id of the sample in ``store``, importing it first if no transcript has its exact bytes."""
    from model.importer import import_file

    path = sample_path(name)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with store.read() as session:
        existing = session.scalar(
            select(Transcript.id).where(Transcript.source_sha256 == digest).order_by(Transcript.id).limit(1)
        )
    if existing is not None:
        return int(existing)
    tid = import_file(store, path)
    attach_sample_recording(store, tid, path)
    return tid


def attach_sample_recording(store: Store, transcript_id: int, sample: Path) -> None:
    """Attach the sample's recording (the same name, ``.ogg``) when one ships beside it, so a
    newcomer sees the player at work; the transcript works without it."""
    from model.audio.ops import attach_recording
    from model.audio.pcm import identify
    from model.errors import TaiyakuError

    audio = sample.with_suffix(".ogg")
    if not audio.exists():
        return
    try:
        attach_recording(store, transcript_id, identify(audio))
    except TaiyakuError as exc:  # a damaged file: the sample is still useful without it
        log.warning("could not attach the sample's recording: %s", exc)
