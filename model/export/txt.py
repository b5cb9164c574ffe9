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

import io
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from model.export import ExportOptions, register_writer
from model.export.stream import ExportSource, text_writer
from model.export.walk import Line, walk
from model.readmodel import TranscriptView, TurnView

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


Item = tuple[Line, "str | None"]  # a line and what followed it in the file (None: a blank line)
TurnsFactory = Callable[[], Iterable[TurnView]]


def _items(view: TranscriptView, options: ExportOptions, turns: TurnsFactory | None,
           total: int | None) -> Iterator[Item]:
    """Every exported line with its tail, in file order: as walked, or for a file laid out as two
    blocks (or imported from two files) the lead language's lines, then the others'."""

    def walked() -> Iterator[Item]:
        for block in walk(view, options, turns() if turns is not None else None, total):
            for line in block.lines:
                yield line, block.segment.tail(line.lang)

    if getattr(view, "layout", None) not in ("blocks", "files"):
        yield from walked()
        return
    # Two blocks: two passes over the transcript (a third, short one finds the languages).
    first_line = next(walked(), None)
    if first_line is None:
        return
    lead = first_line[0].lang if view.lead_lang not in ("en", "ja") else view.lead_lang
    has_second = any(line.lang != lead for line, _tail in walked())
    held: Item | None = None
    for item in walked():
        if item[0].lang != lead:
            continue
        if held is not None:
            yield held
        held = item
    if held is not None:
        if has_second and held[1] is not None and held[1].count("\n") < 2:
            held = (held[0], "\n\n")  # two files: keep the blocks apart when read again
        yield held
    for item in walked():
        if item[0].lang != lead:
            yield item


def write_text(view: TranscriptView, options: ExportOptions, out: TextIO, turns: TurnsFactory | None = None,
               total: int | None = None) -> None:
    """Write the transcript as plain text to ``out`` as it is walked (see ``render_text``).

    ``turns``: called for each pass over the transcript (a file of two blocks takes two).
    """
    newline = view.newline if view.newline in ("\n", "\r\n", "\r") else "\n"

    def put(text: str) -> None:
        out.write(text if newline == "\n" else text.replace("\n", newline))

    # Transcripts imported before separators were kept end with one newline; later ones keep theirs.
    last = "\n" if getattr(view, "layout", None) is None else "\n\n"
    items = _items(view, options, turns, total)
    current = next(items, None)
    if current is None:
        return  # nothing exported: an empty file, head and all
    put(getattr(view, "text_head", None) or "")
    while current is not None:
        following = next(items, None)  # one ahead: the last line ends the file its own way
        line, tail = current
        put(line_text(line, options).replace("\r\n", "\n").replace("\r", "\n"))
        put(tail if tail is not None else (last if following is None else "\n\n"))
        current = following


def render_text(view: TranscriptView, options: ExportOptions) -> str:
    """The transcript as plain text (see the module docstring).

    What stood between paragraphs in the imported file (blank lines, lines of
    spaces) and before the first one comes back as it was; a file laid out as
    two blocks (or imported from two files) is written as its two blocks.
    """
    buf = io.StringIO(newline="")
    write_text(view, options, buf)
    return buf.getvalue()


@register_writer("txt", suffix=".txt", description="plain text in the source's layout, re-importable")
@text_writer
def stream_text(source: ExportSource, options: ExportOptions, text: TextIO) -> None:
    """Plain text of one transcript, written as it is read."""
    # ``turns`` uncalled: a file laid out as two blocks walks the transcript twice.
    write_text(source.view, options, text, source.turns, source.total)


def export_text(store: Store, transcript_id: int, options: ExportOptions) -> str:
    """Plain text of one transcript as a string (a file: ``get_exporter("txt").write_file``, streamed)."""
    buf = io.BytesIO()
    stream_text(store, transcript_id, options, buf)
    return buf.getvalue().decode("utf-8")
