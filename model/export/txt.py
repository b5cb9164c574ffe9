"""Plain text in the source's own layout: paragraph, translation, blank line.

Each exported segment gives its lines in source order (lead language first),
each written as prefix + text: the timestamp and speaker label exactly as they
stood in the source. The result can be imported again, and an unedited
transcript gives back the input's paragraphs exactly, in the source's newline
convention. Flags are not written here (they would become transcript text);
a filled gap is marked ``⟦like this⟧`` when annotations are on.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO, TextIO

from model.export import ExportOptions, register_writer
from model.export.stream import ExportSource, text_out
from model.export.walk import Line, paused_gc, walk
from model.readmodel import TranscriptView, TurnView

if TYPE_CHECKING:
    from model.store import Store

FILLED_OPEN, FILLED_CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: read as text by the importer, not as a marker


def line_text(line: Line, options: ExportOptions) -> str:
    """Prefix and text of one line, filled gaps marked when annotations are on."""
    if options.annotations:
        body = "".join(f"{FILLED_OPEN}{p.text}{FILLED_CLOSE}" if p.kind == "filled" else p.text
                       for p in line.pieces)
    else:
        body = line.text
    return line.prefix + body


def write_text(view: TranscriptView, options: ExportOptions, out: TextIO,
               turns: Iterable[TurnView] | None = None, total: int | None = None) -> None:
    """Write the transcript as plain text (see the module docstring) to ``out`` as it is walked."""
    newline = view.newline if view.newline in ("\n", "\r\n", "\r") else "\n"
    sep = newline + newline
    first, nonempty = True, False
    for block in walk(view, options, turns, total):
        for line in block.lines:
            paragraph = line_text(line, options).replace("\r\n", "\n").replace("\r", "\n")
            if newline != "\n":
                paragraph = paragraph.replace("\n", newline)
            if not first:
                out.write(sep)
                nonempty = True
            elif paragraph:
                nonempty = True
            out.write(paragraph)
            first = False
    if nonempty:
        out.write(newline)


def render_text(view: TranscriptView, options: ExportOptions) -> str:
    """The transcript as plain text (see the module docstring)."""
    buf = io.StringIO(newline="")
    write_text(view, options, buf)
    return buf.getvalue()


@register_writer("txt", suffix=".txt", description="plain text in the source's layout, re-importable")
def export_text(store: Store, transcript_id: int, options: ExportOptions, out: BinaryIO) -> None:
    """Plain text of one transcript, written as it is read."""
    with paused_gc(), text_out(out) as text:
        source = ExportSource(store, transcript_id)
        write_text(source.view, options, text, source.turns(), source.total)
