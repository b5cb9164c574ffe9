"""Plain text in the source's own layout: paragraph, translation, blank line.

Each exported segment gives its lines in source order (lead language first),
each written as prefix + text: the timestamp and speaker label exactly as they
stood in the source, followed by what separated it from the next paragraph in
the file. The result can be imported again, and an unedited transcript gives
back the input's text exactly, in the source's newline convention. Flags are
not written here (they would become transcript text); a filled gap is marked
``⟦like this⟧`` when annotations are on.
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
    """The transcript as plain text (see the module docstring).

    What stood between paragraphs in the imported file (blank lines, lines of
    spaces) and before the first one comes back as it was; a file laid out as
    two blocks (or imported from two files) is written as its two blocks.
    """
    newline = view.newline if view.newline in ("\n", "\r\n", "\r") else "\n"
    lines = [(line, block.segment.tail(line.lang)) for block in walk(view, options) for line in block.lines]
    if getattr(view, "layout", None) in ("blocks", "files") and lines:
        lead = lines[0][0].lang if view.lead_lang not in ("en", "ja") else view.lead_lang
        first = [item for item in lines if item[0].lang == lead]
        second = [item for item in lines if item[0].lang != lead]
        if first and second and first[-1][1] is not None and first[-1][1].count("\n") < 2:
            first[-1] = (first[-1][0], "\n\n")  # two files: keep the blocks apart when read again
        lines = first + second
    parts = [getattr(view, "text_head", None) or ""]
    # Transcripts imported before separators were kept end with one newline; later ones keep theirs.
    last = "\n" if getattr(view, "layout", None) is None else "\n\n"
    for i, (line, tail) in enumerate(lines):
        parts.append(line_text(line, options).replace("\r\n", "\n").replace("\r", "\n"))
        parts.append(tail if tail is not None else (last if i == len(lines) - 1 else "\n\n"))
    text = "".join(parts) if lines else ""
    return text if newline == "\n" else text.replace("\n", newline)


@register("txt", suffix=".txt", description="plain text in the source's layout, re-importable")
def export_text(store: Store, transcript_id: int, options: ExportOptions) -> str:
    """Plain text of one transcript."""
    with paused_gc():
        return render_text(load_for_export(store, transcript_id), with_times(store, transcript_id, options))
