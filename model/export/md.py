"""Markdown: title, speakers in bold, both languages; interleaved or a side-by-side table.

Every piece of transcript text goes through ``md_escape``: Markdown syntax,
HTML and control characters in the text come out as the literal text, in
Python-Markdown and in CommonMark viewers alike. Flag notes are escaped too
(a reading copy must not run anyone's markup).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import TextIO

from model.export import ExportOptions, register_writer
from model.export.stream import ExportSource, LineJoiner, text_writer
from model.export.walk import (
    CONTROL_PICTURES,
    NON_SPEECH,
    Block,
    Line,
    Piece,
    lang_order,
    speaker_heading,
    walk,
)
from model.readmodel import LANG_NAMES, FlagView, TranscriptView, TurnView

# One translation table: Markdown's inline syntax backslash-escaped (the characters
# Python-Markdown and CommonMark both accept escaped), the ones no backslash escapes
# in Python-Markdown as numeric entities, control characters as visible symbols.
_INLINE_TABLE = {ord(c): "\\" + c for c in "\\`*_[]{}"}
_INLINE_TABLE.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord("|"): "&#124;",
                      ord("~"): "&#126;"})
_INLINE_TABLE.update(CONTROL_PICTURES)
# What makes a block at the start of a line: headings, quotes, lists, rules, setext underlines.
_LINE_START = re.compile(r"^(#|\+|-|=|\d+(?=[.)]))")
_BLOCK_CHARS = frozenset("#+-=0123456789 \t")


def md_inline(text: str) -> str:
    """Text as literal Markdown inside a line (line breaks are left as they are)."""
    return text.translate(_INLINE_TABLE)


def md_block_start(line: str) -> str:
    """Escape what would start a block at the beginning of an (already inline-escaped) line."""
    if not line or line[0] not in _BLOCK_CHARS:
        return line
    stripped = line.lstrip(" \t")
    # Leading blanks would make a code block: keep them as entities.
    indent = "&#32;" * (len(line) - len(stripped))
    m = _LINE_START.match(stripped)
    if not m:
        return indent + stripped
    first = m.group(1)
    if first == "=":
        return indent + "&#61;" + stripped[1:]
    if first[0].isdigit():  # "1." / "1)" starts an ordered list
        return indent + first + "\\" + stripped[len(first):]
    return indent + "\\" + stripped


def _join_lines(markdown_text: str, hard_break: str) -> str:
    if "\n" not in markdown_text and "\r" not in markdown_text:  # the common case: one line
        return md_block_start(markdown_text) if markdown_text.strip() else ""
    lines = markdown_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return hard_break.join(md_block_start(ln) for ln in lines if ln.strip())


def md_escape(text: str, hard_break: str = "  \n") -> str:
    """Text (possibly several lines) as literal Markdown; lines joined by ``hard_break``."""
    return _join_lines(md_inline(text), hard_break)


def _piece(p: Piece, annotations: bool) -> str:
    text = md_inline(p.text)
    if not annotations or p.kind == "text" or not text.strip():
        return text
    if p.kind == "filled":
        return f"*⟦{text}⟧*"
    return f"*{text}*"


def line_md(line: Line, options: ExportOptions, hard_break: str = "  \n") -> str:
    """A line's text as Markdown, gaps in italics when annotations are on."""
    return _join_lines("".join(_piece(p, options.annotations) for p in line.pieces), hard_break)


def flag_md(flag: FlagView) -> list[str]:
    """One flag as lines of Markdown: what, state, who, note, replies, resolution (all escaped)."""
    state = flag.status if flag.status != "wontfix" else "won't fix"
    out = [f"⚑ **{md_escape(flag.category.replace('_', ' '))}** ({state}, {md_escape(flag.author)}): "
           f"{md_escape(flag.note or '', ' ')}"]
    for reply in getattr(flag, "replies", ()) or ():
        out.append(f"↳ {md_escape(reply.author)}: {md_escape(reply.text, ' ')}")
    resolution = getattr(flag, "resolution_note", None)
    if resolution:
        who = getattr(flag, "resolved_by", None)
        out.append(f"✓ {md_escape(who) + ': ' if who else ''}{md_escape(resolution, ' ')}")
    return out


def turn_heading(block: Block, langs: list[str]) -> str:
    """The bold speaker line that opens a turn (with its timestamp as written)."""
    stamp = f" \\[{md_escape(block.turn.timestamp)}\\]" if block.turn.timestamp else ""
    return f"**{md_escape(speaker_heading(block.turn, langs))}**{stamp}"


def _header(view: TranscriptView) -> list[str]:
    out = [f"# {md_escape(view.title, ' ')}", ""]
    meta = [m for m in (view.source, view.event_date) if m]
    if meta:
        out += [" · ".join(md_escape(m, " ") for m in meta), ""]
    return out


def _interleaved(view: TranscriptView, options: ExportOptions, out: LineJoiner,
                 turns: Iterable[TurnView] | None, total: int | None) -> None:
    out.extend(_header(view))
    langs = lang_order(view, options)
    for block in walk(view, options, turns, total):
        non_speech = block.turn.kind in NON_SPEECH
        if block.first_in_turn and not non_speech:
            out.extend((turn_heading(block, langs), ""))
        for line in block.lines:
            body = line_md(line, options)
            out.extend((f"*{body}*" if non_speech and body else body, ""))
        if block.flags:
            notes = [ln for f in block.flags for ln in flag_md(f)]
            out.extend(f"> {ln}" + ("  " if i < len(notes) - 1 else "") for i, ln in enumerate(notes))
            out.write("")


def _side_by_side(view: TranscriptView, options: ExportOptions, out: LineJoiner,
                  turns: Iterable[TurnView] | None, total: int | None) -> None:
    out.extend(_header(view))
    langs = lang_order(view, options)
    out.write("| " + " | ".join(["Speaker", *(LANG_NAMES[lg] for lg in langs)]) + " |")
    out.write("|" + "---|" * (len(langs) + 1))
    for block in walk(view, options, turns, total):
        who = ""
        if block.first_in_turn and block.turn.kind not in NON_SPEECH:
            who = turn_heading(block, langs)
        cells = []
        for lang in langs:
            line = block.line(lang)
            cell = line_md(line, options, "<br>") if line else ""
            if lang == langs[-1] and block.flags:
                cell += "".join(f"<br>{ln}" for f in block.flags for ln in flag_md(f))
            cells.append(cell)
        out.write("| " + " | ".join([who, *cells]) + " |")
    out.write("")


def write_markdown(view: TranscriptView, options: ExportOptions, out: TextIO,
                   turns: Iterable[TurnView] | None = None, total: int | None = None) -> None:
    """Write the transcript as Markdown in the chosen layout to ``out`` as it is walked."""
    lines = LineJoiner(out)
    layout = _side_by_side if options.layout == "side_by_side" else _interleaved
    layout(view, options, lines, turns, total)
    lines.close()


def render_markdown(view: TranscriptView, options: ExportOptions) -> str:
    """The transcript as Markdown in the chosen layout."""
    buf = io.StringIO(newline="")
    write_markdown(view, options, buf)
    return buf.getvalue()


@register_writer("md", suffix=".md", description="Markdown, speakers in bold, both languages")
@text_writer
def export_markdown(source: ExportSource, options: ExportOptions, text: TextIO) -> None:
    """Markdown of one transcript, written as it is read."""
    write_markdown(source.view, options, text, source.turns(), source.total)
