"""Writing a parsed transcript into the store: one transaction, all or nothing.

The import is one bulk action, not an editing step: it is not journaled (the
undo of an import is deleting the transcript). Rows go in with Core
``executemany`` in batches of about ``BATCH`` rows, with ids assigned here, so
memory holds one batch, not the file, and no ORM object is ever built.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, insert, update
from sqlalchemy.exc import DBAPIError

from model.db import describe_db_error, first_free_id
from model.errors import ImportRefused, TaiyakuError
from model.importer.decode import decode, newline_style
from model.importer.parse import Parser
from model.importer.parsed import ParsedSpeaker, ParsedTurn
from model.schema import (
    Gap,
    Redaction,
    Segment,
    SourceParagraph,
    Speaker,
    SpeakerSuggestion,
    Transcript,
    Turn,
    utcnow,
)
from model.store import Changes, Store

BATCH = 5000  # rows buffered before they are written
Progress = Callable[[int, int], None]

_T = {name: cls.__table__ for name, cls in (
    ("paragraph", SourceParagraph), ("speaker", Speaker), ("turn", Turn), ("segment", Segment), ("gap", Gap),
    ("redaction", Redaction), ("suggestion", SpeakerSuggestion))}
_COUNTERPART = (update(Gap.__table__).where(Gap.__table__.c.id == bindparam("gap_id"))
                .values(counterpart_id=bindparam("other_id")))
_SPEAKER_UPDATE = (update(Speaker.__table__).where(Speaker.__table__.c.id == bindparam("speaker_id"))
                   .values(label_en=bindparam("label_en"), label_ja=bindparam("label_ja"), role=bindparam("role"),
                           redacted=bindparam("redacted")))


class _Writer:
    """Buffers rows of one transcript and writes them in batches, ids assigned in order."""

    def __init__(self, conn: Connection, tid: int, speakers: list[ParsedSpeaker]) -> None:
        self.conn, self.tid, self.speakers = conn, tid, speakers
        self.now = utcnow()
        self.next = {name: first_free_id(conn, table) for name, table in _T.items()}
        self.first_turn = self.next["turn"]
        self.speaker_ids: list[int] = []
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in _T}
        self.counterparts: list[dict[str, int]] = []
        self.pending = 0
        self.para_pos = 0

    def _id(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value

    def _add(self, table: str, row: dict[str, Any]) -> None:
        self.rows[table].append(row)
        self.pending += 1

    def _speaker_id(self, index: int) -> int:
        while len(self.speaker_ids) <= index:  # speakers go in first: turns refer to them
            sp = self.speakers[len(self.speaker_ids)]
            sid = self._id("speaker")
            self.conn.execute(insert(_T["speaker"]), [{
                "id": sid, "transcript_id": self.tid, "label_en": sp.label_en, "label_ja": sp.label_ja,
                "name": sp.name, "role": sp.role, "affiliation": sp.affiliation, "redacted": sp.redacted,
                "position": len(self.speaker_ids)}])
            self.speaker_ids.append(sid)
        return self.speaker_ids[index]

    def add_turn(self, turn: ParsedTurn) -> None:
        tid = self.tid
        turn_id = self.first_turn + turn.position
        self.next["turn"] = turn_id + 1
        speaker_id = None if turn.speaker is None else self._speaker_id(turn.speaker)
        self._add("turn", {"id": turn_id, "transcript_id": tid, "position": turn.position,
                           "speaker_id": speaker_id, "kind": turn.kind, "timestamp": turn.timestamp})
        for para in turn.paragraphs:
            self._add("paragraph", {"id": self._id("paragraph"), "transcript_id": tid, "position": para.position,
                                    "lang": para.lang, "text": para.text})
        for pos, seg in enumerate(turn.segments):
            seg_id = self._id("segment")
            self._add("segment", {"id": seg_id, "turn_id": turn_id, "transcript_id": tid, "position": pos,
                                  "en_prefix": seg.en_prefix, "en_orig": seg.en_text, "ja_prefix": seg.ja_prefix,
                                  "ja_orig": seg.ja_text, "review_state": "not_reviewed"})
            by_lang: dict[str, list[int]] = {"en": [], "ja": []}
            for gap in seg.gaps:
                gap_id = self._id("gap")
                other = by_lang["en" if gap.lang == "ja" else "ja"]
                n = len(by_lang[gap.lang])
                counterpart = other[n] if n < len(other) else None  # linked by order within the segment
                if counterpart is not None:
                    self.counterparts.append({"gap_id": counterpart, "other_id": gap_id})
                by_lang[gap.lang].append(gap_id)
                self._add("gap", {"id": gap_id, "segment_id": seg_id, "transcript_id": tid, "lang": gap.lang,
                                  "start": gap.start, "end": gap.end, "text": gap.text, "kind": gap.kind,
                                  "status": "open", "counterpart_id": counterpart, "origin": "import",
                                  "created_at": self.now})
            for red in seg.redactions:
                self._add("redaction", {"id": self._id("redaction"), "segment_id": seg_id, "transcript_id": tid,
                                        "lang": red.lang, "start": red.start, "end": red.end, "text": red.text})
        if turn.suggestion is not None:
            self._add("suggestion", {"id": self._id("suggestion"), "transcript_id": tid, "turn_id": turn_id,
                                     "source_turn_id": self.first_turn + turn.suggestion.source_turn,
                                     "name": turn.suggestion.name, "affiliation": turn.suggestion.affiliation,
                                     "status": "pending"})
        if self.pending >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows, parents before children."""
        for name in ("paragraph", "turn", "segment", "gap", "redaction", "suggestion"):
            rows = self.rows[name]
            if rows:
                self.conn.execute(insert(_T[name]), rows)
                rows.clear()
        if self.counterparts:  # the earlier gap of each pair learns the id of the later one
            self.conn.execute(_COUNTERPART, self.counterparts)
            self.counterparts.clear()
        self.pending = 0

    def finish(self) -> None:
        """Flush, and write what the parser learned about speakers after inserting them."""
        self.flush()
        for index in range(len(self.speakers)):
            self._speaker_id(index)
        self.conn.execute(_SPEAKER_UPDATE, [
            {"speaker_id": sid, "label_en": sp.label_en, "label_ja": sp.label_ja, "role": sp.role,
             "redacted": sp.redacted} for sid, sp in zip(self.speaker_ids, self.speakers)])


def _title(title: str | None, parsed: str | None, filename: str | None) -> str:
    for candidate in (title, parsed, Path(filename).stem if filename else None):
        if candidate and candidate.strip():
            return candidate.strip()[:500]
    return "Untitled transcript"


def import_text(store: Store, text_or_bytes: str | bytes, *, filename: str | None = None,
                title: str | None = None, progress: Progress | None = None) -> int:
    """Import a transcript given as bytes (decoded here) or text; returns the new transcript's id.

    All or nothing: on ``ImportRefused`` (one-line reason) the database is unchanged.
    ``progress(done, total)`` is called now and then with characters processed.
    """
    if isinstance(text_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(text_or_bytes)
        sha = hashlib.sha256(data).hexdigest()
        text, encoding, newline = decode(data)
        del data
    else:
        text = text_or_bytes
        if "\x00" in text:
            raise ImportRefused("the text is not a transcript (it contains NUL characters)")
        sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        encoding, newline = None, newline_style(text)
    parser = Parser(text)
    del text
    annotator_id = store.annotator_id
    try:
        with store.engine.begin() as conn:
            tid = conn.execute(insert(Transcript.__table__), [{
                "title": _title(title, parser.title, filename), "source": parser.source,
                "event_date": parser.event_date, "source_filename": filename, "source_sha256": sha,
                "encoding": encoding, "newline": newline, "lead_lang": parser.lead_lang,
                "imported_at": utcnow(), "imported_by_id": annotator_id}]).inserted_primary_key[0]
            writer = _Writer(conn, tid, parser.speakers)
            for turn in parser.turns():
                writer.add_turn(turn)
                if progress is not None and writer.pending == 0:
                    progress(parser.done, parser.total)
            writer.finish()
    except TaiyakuError:
        raise
    except DBAPIError as exc:
        raise ImportRefused(f"could not import: {describe_db_error(exc, store.path)}") from None
    if progress is not None:
        progress(parser.total, parser.total)
    store.announce(Changes(action="Import", kind="import", transcript_ids=frozenset({tid})))
    return int(tid)


def import_file(store: Store, path: str | Path, *, title: str | None = None,
                progress: Progress | None = None) -> int:
    """Import the transcript file at ``path``; returns the new transcript's id (see ``import_text``)."""
    p = Path(path)
    if p.is_dir():
        raise ImportRefused(f"{p} is a folder, not a transcript file")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(f"{p} does not exist") from None
    except OSError as exc:
        raise ImportRefused(f"cannot read {p}: {exc.strerror}") from None
    return import_text(store, data, filename=p.name, title=title, progress=progress)
