"""Reading a transcript for export a batch at a time, and writing as it goes.

An export never holds a whole transcript: ``ExportSource`` reads the outline
(speakers, turns) and then the segments of a few turns at a time (by their
range of positions, ``model.readmodel.fill_turn_span``), hands them on and lets
them go. Peak memory is that of one batch plus the file being written, whatever
the transcript's length. Every format walks the same batches::

    source = ExportSource(store, transcript_id)
    for block in walk(source.view, options, source.turns(), source.total):
        out.write(...)

A new format (subtitles, say) writes a ``Writer`` -- ``(store, transcript_id,
options, out: BinaryIO) -> None`` -- on top of ``walk`` and registers it with
``model.export.register_writer``; ``text_out`` gives it a UTF-8 text stream
over the binary file. A text format that only walks the source can be written
as ``(source, options, text) -> None`` and made a ``Writer`` by ``text_writer``.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from model.export.walk import paused_gc, with_times
from model.readmodel import FlagView, TranscriptView, TurnView, fill_turn_span, load_transcript

if TYPE_CHECKING:
    from model.export import WriterFunction
    from model.export.options import ExportOptions
    from model.store import Store

BATCH_SEGMENTS = 2000  # segments read at a time (a single longer turn is read whole)
FIRST_TURNS = 64  # turns in the first batch, before the source knows how long turns are


class ExportSource:
    """One transcript, read for export a batch of turns at a time (see the module docstring).

    ``view`` is the outline (title, speakers, turns with no segments); ``turns()``
    yields the turns in reading order, each with its segments while it is handed on.
    ``export_flags``: flags carry their replies and resolution (``walk.ExportFlag``).
    """

    def __init__(self, store: Store, transcript_id: int, *, batch: int = BATCH_SEGMENTS,
                 export_flags: bool = True) -> None:
        from sqlalchemy import func, select

        from model.schema import Segment

        self.store = store
        self.transcript_id = transcript_id
        self.batch = max(1, batch)
        self.view: TranscriptView = load_transcript(store, transcript_id, segments=False)
        with store.read() as s:
            self.total: int = s.execute(select(func.count()).select_from(Segment)
                                        .where(Segment.transcript_id == transcript_id)).scalar_one()
        self._flag_details = _FlagDetails(store, transcript_id) if export_flags else None

    def batches(self) -> Iterator[list[TurnView]]:
        """Consecutive runs of turns, each filled with its segments while it is handed on."""
        turns = self.view.turns
        at, span = 0, min(FIRST_TURNS, self.batch)
        while at < len(turns):
            run = turns[at:at + span]
            fill_turn_span(self.store, self.transcript_id, run)
            read = sum(len(t.segments) for t in run)
            if self._flag_details is not None:
                self._flag_details.apply(run)
            try:
                yield run
            finally:
                for turn in run:
                    turn.segments = []  # let the batch go
                if not gc.isenabled():  # an export pauses the collector: free this batch's cycles, if any
                    gc.collect(0)
            at += len(run)
            # Next span: about ``batch`` segments at this batch's segments per turn.
            per_turn = max(read / len(run), 1.0)
            span = max(1, min(4 * span, int(self.batch / per_turn)))

    def turns(self) -> Iterator[TurnView]:
        """Every turn in reading order with its segments (valid until the next batch is read)."""
        for run in self.batches():
            yield from run


def first_segments(store: Store, transcript_id: int, segments: int) -> tuple[TranscriptView, int]:
    """The transcript's outline holding only (about) its first ``segments`` segments, as exports
    see them (flags with their discussion), and its total number of segments: a preview of a
    500,000-segment transcript reads a page, not the transcript."""
    import dataclasses

    source = ExportSource(store, transcript_id, batch=segments)
    kept: list[TurnView] = []
    count = 0
    for run in source.batches():
        for turn in run:
            kept.append(dataclasses.replace(turn, segments=list(turn.segments)))
            count += len(turn.segments)
        if count >= segments:
            break
    return dataclasses.replace(source.view, turns=kept), source.total


class _FlagDetails:
    """Each flag's replies and resolution, read once per export (flags are few beside segments)."""

    def __init__(self, store: Store, transcript_id: int) -> None:
        from sqlalchemy import select

        from model.export.walk import FlagReplyView
        from model.schema import Annotator, Flag, FlagReply

        with store.read() as s:
            if s.execute(select(Flag.id).where(Flag.transcript_id == transcript_id).limit(1)).first() is None:
                self.resolution: dict[int, tuple[object, ...]] = {}
                self.replies: dict[int, list[FlagReplyView]] = {}
                return
            names = dict(s.execute(select(Annotator.id, Annotator.name)).all())
            self.resolution = {r[0]: (r[1], names.get(r[2]) if r[2] is not None else None, r[3]) for r in s.execute(
                select(Flag.id, Flag.resolution_note, Flag.resolved_by_id, Flag.resolved_at)
                .where(Flag.transcript_id == transcript_id))}
            self.replies = {}
            for r in s.execute(select(FlagReply.flag_id, FlagReply.author_id, FlagReply.created_at, FlagReply.text)
                               .join(Flag, Flag.id == FlagReply.flag_id).where(Flag.transcript_id == transcript_id)
                               .order_by(FlagReply.id)):
                self.replies.setdefault(r[0], []).append(FlagReplyView(names.get(r[1], "?"), r[2], r[3]))

    def apply(self, turns: Iterable[TurnView]) -> None:
        """Replace the plain flags of ``turns``' segments by ``ExportFlag``s."""
        if not self.resolution:
            return
        for turn in turns:
            for seg in turn.segments:
                if seg.flags:
                    seg.flags = [self.export_flag(f) for f in seg.flags]

    def export_flag(self, f: FlagView) -> FlagView:
        from model.export.walk import ExportFlag

        details: tuple[Any, ...] = (*self.resolution.get(f.id, (None, None, None)), self.replies.get(f.id, []))
        return ExportFlag(f.id, f.segment_id, f.lang, f.start, f.end, f.category, f.note, f.status, f.author,
                          f.created_at, *details)


@contextmanager
def text_out(out: BinaryIO) -> Iterator[TextIO]:
    """A UTF-8 text stream over the binary ``out`` (newlines written as given), detached at the end
    so ``out`` stays open; buffered, so a big export makes few writes."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        yield text
    finally:
        text.flush()
        text.detach()


def text_writer(write: Callable[[ExportSource, ExportOptions, TextIO], None]) -> WriterFunction:
    """A ``Writer`` around ``write(source, options, text)``: the transcript read a batch at a time
    (``ExportSource``), segment times added to the options when they ask for them
    (``walk.with_times``), UTF-8 text over the binary file, the garbage collector paused."""

    def writer(store: Store, transcript_id: int, options: ExportOptions, out: BinaryIO) -> None:
        with paused_gc(), text_out(out) as text:
            write(ExportSource(store, transcript_id), with_times(store, transcript_id, options), text)

    writer.__name__, writer.__qualname__, writer.__doc__ = write.__name__, write.__qualname__, write.__doc__
    return writer


class LineJoiner:
    """Writes lines as ``"\\n".join(lines).rstrip("\\n") + "\\n"`` would, without keeping them."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.first = True
        self.pending = ""  # newlines held back: they may be the end of the text

    def write(self, line: str) -> None:
        """Add one line (it may contain line breaks of its own)."""
        piece = line if self.first else "\n" + line
        self.first = False
        body = piece.rstrip("\n")
        if not body:
            self.pending += piece
            return
        self.out.write(self.pending + body)
        self.pending = piece[len(body):]

    def extend(self, lines: Iterable[str]) -> None:
        """Add several lines."""
        for line in lines:
            self.write(line)

    def close(self) -> None:
        """End the text with one newline."""
        self.out.write("\n")
