"""Whole transcripts: rename one, delete one (after keeping a copy of it).

Both are one store operation (journaled, so the change history can undo them).
Deleting removes the transcript and everything in it -- speakers, turns,
segments, corrections, gaps, flags -- through the ORM so the journal holds
every row; ``backup_before_delete`` first writes the transcript's JSON export
(the full truth) to a file the caller names to the user.
"""

from __future__ import annotations

from pathlib import Path

from model.errors import OperationFailed
from model.schema import Transcript
from model.store import Store

TITLE_LIMIT = 500  # the column's size


def rename_transcript(store: Store, transcript_id: int, title: str) -> int | None:
    """Give a transcript a new title; None when it already has it. ``OperationFailed`` for an empty title."""
    title = " ".join(title.split())
    if not title:
        raise OperationFailed("a transcript needs a title")
    if len(title) > TITLE_LIMIT:
        raise OperationFailed(f"a title has at most {TITLE_LIMIT} characters")
    with store.operation("Rename transcript", transcript_id=transcript_id) as op:
        t = op.get(Transcript, transcript_id)
        if t.title == title:
            return None
        op.description = f"{t.title!r} -> {title!r}"
        t.title = title
    return op.event_id


def delete_transcript(store: Store, transcript_id: int) -> int:
    """Delete a transcript and everything in it, as one step. Returns the change event id."""
    with store.operation("Delete transcript", transcript_id=transcript_id) as op:
        t = op.get(Transcript, transcript_id)
        op.description = f"deleted {t.title!r}"
        op.session.delete(t)  # the journal's cascade takes speakers, turns, segments... with it
    assert op.event_id is not None  # set when the operation committed
    return op.event_id


def backup_before_delete(store: Store, transcript_id: int, folder: Path) -> Path:
    """Write the transcript's JSON export into ``folder`` (created if needed); returns the file.

    Streamed and atomic (``model.export``); the name says what and when, and never overwrites.
    """
    from datetime import datetime

    from model.export import get_exporter
    from model.export.walk import safe_filename
    from model.readmodel import load_transcript

    title = load_transcript(store, transcript_id, segments=False).title
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    taken = {p.name.lower() for p in folder.iterdir()}
    path = folder / safe_filename(f"{title} (deleted {stamp})", ".json", taken)
    return get_exporter("json").write_file(store, transcript_id, path)
