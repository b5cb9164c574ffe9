"""Plain text in the source's own layout: paragraph, translation, blank line.

Each exported segment gives its lines in source order (lead language first),
each written as prefix + text: the timestamp and speaker label exactly as they
stood in the source. The result can be imported again, and an unedited
transcript gives back the input's paragraphs exactly, in the source's newline
convention. Flags are not written here (they would become transcript text);
a filled gap is marked ``⟦like this⟧`` when annotations are on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.export import ExportOptions, register
from model.export.walk import Line, load_for_export, paused_gc, walk, with_times
from model.readmodel import TranscriptView

if TYPE_CHECKING:
    from model.store import Store

FILLED_OPEN, FILLED_CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: read as text by the importer, not as a marker


def line_text(line: Line, options: ExportOptions) -> str:
    """Prefix and text of one line, filled gaps marked when annotations are on (a timestamp asked
    for goes before the prefix, as the importer reads it)."""
    pieces = line.pieces[1:] if line.time else line.pieces
    if options.annotations:
        body = "".join(f"{FILLED_OPEN}{p.text}{FILLED_CLOSE}" if p.kind == "filled" else p.text
                       for p in pieces)
    else:
        body = "".join(p.text for p in pieces)
    return line.time + line.prefix + body


def render_text(view: TranscriptView, options: ExportOptions) -> str:
    """The transcript as plain text (see the module docstring)."""
    newline = view.newline if view.newline in ("\n", "\r\n", "\r") else "\n"
    paragraphs = [line_text(line, options) for block in walk(view, options) for line in block.lines]
    text = "\n\n".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in paragraphs)
    if text:
        text += "\n"
    return text if newline == "\n" else text.replace("\n", newline)


@register("txt", suffix=".txt", description="plain text in the source's layout, re-importable")
def export_text(store: Store, transcript_id: int, options: ExportOptions) -> str:
    """Plain text of one transcript."""
    with paused_gc():
        return render_text(load_for_export(store, transcript_id), with_times(store, transcript_id, options))
