"""Writing a parsed transcript into the store: one transaction, all or nothing.

The import is one bulk action, not an editing step: it is not journaled (the
undo of an import is deleting the transcript). Rows go in with Core
``executemany`` in batches of about ``BATCH`` rows, with ids assigned here, so
memory holds one batch, not the file, and no ORM object is ever built.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError

from model.db import describe_db_error, first_free_id, ids_used
from model.errors import ImportRefused, TaiyakuError
from model.importer.decode import TextChunks, decode, newline_style, sniff
from model.importer.parse import Parser
from model.importer.parsed import ImportSummary, ParsedSpeaker, ParsedTurn
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

_COLUMNS: dict[str, tuple[Table, tuple[str, ...]]] = {
    "speaker": (Speaker.__table__, ("id", "transcript_id", "label_en", "label_ja", "name", "role", "affiliation",
                                    "redacted", "position")),
    "paragraph": (SourceParagraph.__table__, ("id", "transcript_id", "position", "lang", "text")),
    "turn": (Turn.__table__, ("id", "transcript_id", "position", "speaker_id", "kind", "timestamp")),
    "segment": (Segment.__table__, ("id", "turn_id", "transcript_id", "position", "en_prefix", "en_orig",
                                    "ja_prefix", "ja_orig", "review_state", "pairing", "confidence", "en_tail",
                                    "ja_tail")),
    "gap": (Gap.__table__, ("id", "segment_id", "transcript_id", "lang", "start", "end", "text", "kind", "status",
                            "counterpart_id", "origin", "created_at")),
    "redaction": (Redaction.__table__, ("id", "segment_id", "transcript_id", "lang", "start", "end", "text")),
    "suggestion": (SpeakerSuggestion.__table__, ("id", "transcript_id", "turn_id", "source_turn_id", "name",
                                                 "affiliation", "status")),
}
_ORDER = ("speaker", "paragraph", "turn", "segment", "gap", "redaction", "suggestion")  # parents first
_COUNTERPART = (update(Gap.__table__).where(Gap.__table__.c.id == bindparam("gap_id"))
                .values(counterpart_id=bindparam("other_id")))
_SPEAKER_KEYS = ("speaker_id", "label_en", "label_ja", "role", "redacted")
_SPEAKER_UPDATE = (update(Speaker.__table__).where(Speaker.__table__.c.id == bindparam("speaker_id"))
                   .values(label_en=bindparam("label_en"), label_ja=bindparam("label_ja"), role=bindparam("role"),
                           redacted=bindparam("redacted")))


class _BulkInsert:
    """An INSERT (or UPDATE) compiled once by Core for the connection's dialect, run with plain tuples.

    Going through ``exec_driver_sql`` skips SQLAlchemy's per-row parameter
    processing (the import's main cost otherwise) while the SQL stays generated,
    not hand-written; the few columns whose type converts values (dates) are
    converted here.
    """

    def __init__(self, conn: Connection, table: Table, columns: tuple[str, ...], statement: Any = None) -> None:
        if statement is None:
            compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
            processors = [table.c[c].type._cached_bind_processor(conn.dialect) for c in columns]
        else:  # an UPDATE with bind parameters named like ``columns`` (plain values only)
            compiled = statement.compile(dialect=conn.dialect)
            processors = []
        self.sql = compiled.string
        self.columns = columns
        self.order = [columns.index(key) for key in compiled.positiontup or ()] if compiled.positional else None
        # Only the columns that convert (a date, a float, a boolean): a row is rebuilt around them.
        self.processors = [(i, p) for i, p in enumerate(processors) if p is not None]

    def take_processor(self, column: str) -> Callable[[Any], Any] | None:
        """Stop converting ``column`` and return its converter: the caller passes converted values."""
        index = self.columns.index(column)
        found = next((p for i, p in self.processors if i == index), None)
        self.processors = [(i, p) for i, p in self.processors if i != index]
        return found

    def run(self, conn: Connection, rows: list[tuple[Any, ...]]) -> None:
        for i, proc in self.processors:
            rows = [(*row[:i], proc(row[i]), *row[i + 1:]) for row in rows]
        if self.order is None:
            params: list[Any] = [dict(zip(self.columns, row, strict=True)) for row in rows]
        elif self.order != list(range(len(self.columns))):
            params = [tuple(row[i] for i in self.order) for row in rows]
        else:
            params = rows
        conn.exec_driver_sql(self.sql, params)


class _Writer:
    """Buffers rows of one transcript and writes them in batches, ids assigned in order."""

    def __init__(self, conn: Connection, tid: int, speakers: list[ParsedSpeaker]) -> None:
        self.conn, self.tid, self.speakers = conn, tid, speakers
        self.now = utcnow()
        self.inserts = {name: _BulkInsert(conn, table, cols) for name, (table, cols) in _COLUMNS.items()}
        self.next = {name: first_free_id(conn, table) for name, (table, _) in _COLUMNS.items()}
        self.first_turn = self.next["turn"]
        self.speaker_ids: list[int] = []
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in _COLUMNS}
        self.counterparts: list[tuple[int, int]] = []
        self.update_gap = _BulkInsert(conn, Gap.__table__, ("gap_id", "other_id"), _COUNTERPART)
        self.update_speaker = _BulkInsert(conn, Speaker.__table__, _SPEAKER_KEYS, _SPEAKER_UPDATE)
        self.pending = 0
        # Every gap row carries the same time: converted for the database once, not per row.
        convert = self.inserts["gap"].take_processor("created_at")
        self.created_at = self.now if convert is None else convert(self.now)

    def _id(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value

    def _speaker_id(self, index: int) -> int:
        while len(self.speaker_ids) <= index:  # buffered like the rest; written before the turns
            sp = self.speakers[len(self.speaker_ids)]
            sid = self._id("speaker")
            self.rows["speaker"].append((sid, self.tid, sp.label_en, sp.label_ja, sp.name, sp.role, sp.affiliation,
                                         sp.redacted, len(self.speaker_ids)))
            self.speaker_ids.append(sid)
        return self.speaker_ids[index]

    def add_turn(self, turn: ParsedTurn) -> None:
        tid, rows = self.tid, self.rows
        turn_id = self.first_turn + turn.position
        self.next["turn"] = turn_id + 1
        speaker_id = None if turn.speaker is None else self._speaker_id(turn.speaker)
        rows["turn"].append((turn_id, tid, turn.position, speaker_id, turn.kind, turn.timestamp))
        paragraphs, segments, gaps, redactions = rows["paragraph"], rows["segment"], rows["gap"], rows["redaction"]
        nxt = self.next  # ids of paragraphs and segments taken a turn at a time, in order
        first_para, first_seg = nxt["paragraph"], nxt["segment"]
        nxt["paragraph"] = first_para + len(turn.paragraphs)
        nxt["segment"] = first_seg + len(turn.segments)
        paragraphs.extend([(first_para + i, tid, para.position, para.lang, para.text)
                           for i, para in enumerate(turn.paragraphs)])
        for pos, seg in enumerate(turn.segments):
            seg_id = first_seg + pos
            segments.append((seg_id, turn_id, tid, pos, seg.en_prefix, seg.en_text, seg.ja_prefix, seg.ja_text,
                             "not_reviewed", seg.pairing, seg.confidence, seg.en_tail, seg.ja_tail))
            if seg.gaps:
                by_lang: dict[str, list[int]] = {"en": [], "ja": []}
                for gap in seg.gaps:
                    gap_id = self._id("gap")
                    other = by_lang["en" if gap.lang == "ja" else "ja"]
                    n = len(by_lang[gap.lang])
                    counterpart = other[n] if n < len(other) else None  # linked by order within the segment
                    if counterpart is not None:
                        self.counterparts.append((counterpart, gap_id))
                    by_lang[gap.lang].append(gap_id)
                    gaps.append((gap_id, seg_id, tid, gap.lang, gap.start, gap.end, gap.text, gap.kind, "open",
                                 counterpart, "import", self.created_at))
            for red in seg.redactions:
                redactions.append((self._id("redaction"), seg_id, tid, red.lang, red.start, red.end, red.text))
        if turn.suggestion is not None:
            rows["suggestion"].append((self._id("suggestion"), tid, turn_id,
                                       self.first_turn + turn.suggestion.source_turn, turn.suggestion.name,
                                       turn.suggestion.affiliation, "pending"))
        self.pending += 1 + len(turn.paragraphs) + len(turn.segments)
        if self.pending >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows, parents before children."""
        for name in _ORDER:
            rows = self.rows[name]
            if rows:
                self.inserts[name].run(self.conn, rows)
                rows.clear()
        if self.counterparts:  # the earlier gap of each pair learns the id of the later one
            self.update_gap.run(self.conn, self.counterparts)
            self.counterparts.clear()
        self.pending = 0

    def finish(self) -> None:
        """Write what is left, and what the parser learned about speakers after their first turn."""
        for index in range(len(self.speakers)):
            self._speaker_id(index)
        self.flush()
        self.update_speaker.run(self.conn, [(sid, sp.label_en, sp.label_ja, sp.role, sp.redacted)
                                            for sid, sp in zip(self.speaker_ids, self.speakers, strict=True)])
        for name, (table, _cols) in _COLUMNS.items():  # PostgreSQL's id counters skip the ids given here
            ids_used(self.conn, table, self.next[name] - 1)


def _title(title: str | None, parsed: str | None, filename: str | None) -> str:
    for candidate in (title, parsed, Path(filename).stem if filename else None):
        if candidate and candidate.strip():
            return candidate.strip()[:500]
    return "Untitled transcript"


def _store(store: Store, parser: Parser, *, title: str | None, filename: str | None, sha: str,
           encoding: str | None, newline: str, progress: Progress | None,
           position: Callable[[], tuple[int, int]], summary: ImportSummary | None = None) -> int:
    """Write what ``parser`` yields in one transaction; announce the import once committed."""
    annotator_id = store.annotator_id
    # Hundreds of thousands of short-lived, acyclic objects (paragraphs, segments, rows): the cyclic
    # collector would walk every live object again and again (~10 % of the import); refcounting frees them.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with store.transaction("import the transcript") as conn:  # waits for another program's lock
            inserted = conn.execute(insert(Transcript.__table__), [{
                "title": _title(title, parser.title, filename), "source": parser.source,
                "event_date": parser.event_date, "source_filename": filename, "source_sha256": sha,
                "encoding": encoding, "newline": newline, "lead_lang": parser.lead_lang,
                "layout": parser.layout, "text_head": parser.head or None,
                "imported_at": utcnow(), "imported_by_id": annotator_id}]).inserted_primary_key
            assert inserted is not None  # one row was inserted
            tid = inserted[0]
            writer = _Writer(conn, tid, parser.speakers)
            for turn in parser.turns():
                writer.add_turn(turn)
                if progress is not None and writer.pending == 0:
                    progress(*position())
            writer.finish()
    except TaiyakuError:
        raise
    except DBAPIError as exc:
        raise ImportRefused(f"could not import: {describe_db_error(exc, store.path)}") from None
    finally:
        if collecting:
            gc.enable()
    if progress is not None:
        total = position()[1]
        progress(total, total)
    if summary is not None:
        for name in ImportSummary.__dataclass_fields__:
            setattr(summary, name, getattr(parser.summary, name))
    store.announce(Changes(action="Import", kind="import", transcript_ids=frozenset({tid})))
    return int(tid)


def _import_stream(store: Store, stream: BinaryIO, *, filename: str | None, title: str | None,
                   progress: Progress | None, translation: str | None = None,
                   summary: ImportSummary | None = None) -> int:
    found = sniff(stream)  # first pass: refuse bad files before touching the database
    stream.seek(0)
    chunks = TextChunks(stream, found.codec)
    parser = Parser(chunks, translation)
    return _store(store, parser, title=title, filename=filename, sha=found.sha256, encoding=found.name,
                  newline=found.newline, progress=progress, position=lambda: (chunks.bytes_read, found.size),
                  summary=summary)


def import_text(store: Store, text_or_bytes: str | bytes, *, filename: str | None = None,
                title: str | None = None, progress: Progress | None = None,
                summary: ImportSummary | None = None) -> int:
    """Import a transcript given as bytes (decoded here) or text; returns the new transcript's id.

    All or nothing: on ``ImportRefused`` (one-line reason) the database is unchanged.
    ``progress(done, total)`` is called now and then (bytes read, or characters parsed for text).
    ``summary``, if given, is filled with what the import found (layout, turns, pairs…).
    """
    if isinstance(text_or_bytes, (bytes, bytearray, memoryview)):
        return _import_stream(store, io.BytesIO(bytes(text_or_bytes)), filename=filename, title=title,
                              progress=progress, summary=summary)
    text = text_or_bytes
    if "\x00" in text:
        raise ImportRefused("the text is not a transcript (it contains NUL characters)")
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    parser = Parser(text)
    return _store(store, parser, title=title, filename=filename, sha=sha, encoding=None,
                  newline=newline_style(text), progress=progress,
                  position=lambda: (parser.done, parser.total or 0), summary=summary)


def import_file(store: Store, path: str | Path, *, title: str | None = None,
                progress: Progress | None = None, translation: str | Path | None = None,
                summary: ImportSummary | None = None) -> int:
    """Import the transcript file at ``path``, read in chunks; returns the new transcript's id.

    ``translation``: a second file holding the translation of the first; the two are aligned
    paragraph by paragraph (n:m where lengths and anchors say so). See ``import_text``;
    ``progress`` counts bytes of the (first) file.
    """
    p = Path(path)
    second = read_text_file(Path(translation)) if translation is not None else None
    with open_regular(p) as stream:
        try:
            return _import_stream(store, stream, filename=p.name if second is None else
                                  f"{p.name} + {Path(translation or '').name}", title=title, progress=progress,
                                  translation=second, summary=summary)
        except OSError as exc:
            raise ImportRefused(f"cannot read {p}: {exc.strerror}") from None


def read_text_file(p: Path) -> str:
    """A whole (small) transcript file decoded, or ``ImportRefused`` saying which file and why."""
    with open_regular(p) as stream:
        try:
            data = stream.read()
        except OSError as exc:
            raise ImportRefused(f"cannot read {p}: {exc.strerror}") from None
    try:
        return decode(data)[0]
    except ImportRefused as exc:
        raise ImportRefused(f"{p.name}: {exc}") from None


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes (what a transcript records as ``source_sha256``)."""
    digest = hashlib.sha256()
    with open_regular(Path(path)) as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def imported_before(store: Store, sha256: str) -> list[tuple[int, str]]:
    """(id, title) of the transcripts already imported from a file with these bytes."""
    with store.read() as s:
        rows = s.execute(select(Transcript.id, Transcript.title).where(Transcript.source_sha256 == sha256)
                         .order_by(Transcript.id)).all()
    return [(int(r[0]), str(r[1])) for r in rows]


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def refuse_irregular(mode: int, p: Path) -> None:
    """Raise ``ImportRefused`` unless ``mode`` is a regular file's: reading a FIFO would wait forever."""
    if stat.S_ISREG(mode):
        return
    what = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise ImportRefused(f"{p} is {what}, not a transcript file")


def check_regular(path: str | Path) -> None:
    """Refuse at once a path that does not exist or is not a regular file (no read, no wait)."""
    p = Path(path)
    try:
        mode = os.stat(p).st_mode
    except FileNotFoundError:
        raise ImportRefused(f"{p} does not exist") from None
    except OSError as exc:
        raise ImportRefused(f"cannot read {p}: {exc.strerror}") from None
    refuse_irregular(mode, p)


def open_regular(p: Path) -> BinaryIO:
    """``p`` opened for reading in binary, or ``ImportRefused`` if it is not a regular file.

    The file is opened without blocking and checked through its own descriptor,
    so a FIFO swapped in after a check on the name cannot hang the import.
    """
    check_regular(p)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise ImportRefused(f"{p} does not exist") from None
    except OSError as exc:
        raise ImportRefused(f"cannot read {p}: {exc.strerror}") from None
    try:
        refuse_irregular(os.fstat(fd).st_mode, p)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
