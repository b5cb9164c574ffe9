"""HTML: a standalone page with its own CSS, interleaved or as a side-by-side table.

Transcript text is escaped with ``html.escape`` as the page is built (control
characters shown as visible symbols), so ``<script>``, HTML or Markdown syntax
in the text is shown as written. Building the page directly keeps a
50,000-segment transcript within seconds; the one place where Markdown is
meant to be rendered, the annotators' flag notes and replies, goes through
``model.notes.render_note`` (Python-Markdown with raw HTML escaped, then nh3),
which keeps formatting and drops anything active or fetching (scripts, event
handlers, ``javascript:`` links, images).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TextIO

import model
from model.export import ExportOptions, register_writer
from model.export.stream import ExportSource, text_writer
from model.export.walk import (
    CONTROL_PICTURES,
    NON_SPEECH,
    Block,
    Line,
    describe_gap,
    lang_order,
    show_controls,
    speaker_heading,
    walk,
)
from model.notes import render_note
from model.readmodel import LANG_NAMES, FlagView, TranscriptView, TurnView

# One pass: HTML's special characters as entities, control characters as visible symbols.
_HTML_TABLE = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#x27;",
               **CONTROL_PICTURES}


def esc(text: str) -> str:
    """Text as HTML: escaped (as ``html.escape``), control characters visible, line breaks kept."""
    out = text.translate(_HTML_TABLE)
    if "\n" in out or "\r" in out:
        out = out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    return out


@lru_cache(maxsize=1)
def page_css() -> str:
    """The page's style sheet (model/export/page.css)."""
    return resources.files("model.export").joinpath("page.css").read_text(encoding="utf-8")


def line_html(line: Line, options: ExportOptions) -> str:
    """A line's text as HTML, gaps marked when annotations are on."""
    if not options.annotations:
        return esc(line.text)
    parts = []
    for p in line.pieces:
        if p.kind == "text":
            parts.append(esc(p.text))
        elif p.kind == "filled" and p.gap is not None:
            parts.append(f'<span class="filled" title="{esc(describe_gap(p.gap))}">{esc(p.text)}</span>')
        else:
            parts.append(f'<span class="gap">{esc(p.text)}</span>')
    return "".join(parts)


def flag_html(flag: FlagView) -> str:
    """One flag as an aside: category, state, author, note (rendered Markdown)."""
    state = {"wontfix": "won't fix"}.get(flag.status, flag.status)
    parts = [f'<aside class="flag"><span class="what">⚑ {esc(flag.category.replace("_", " "))}</span> '
             f'<span class="who">({esc(state)}, {esc(flag.author)})</span>']
    if flag.note:
        parts.append(render_note(show_controls(flag.note)))
    for reply in getattr(flag, "replies", ()) or ():
        parts.append(f'<div class="reply"><span class="who">{esc(reply.author)}:</span> '
                     f'{render_note(show_controls(reply.text))}</div>')
    resolution = getattr(flag, "resolution_note", None)  # a review FlagItem has one, a FlagView not
    if resolution:
        parts.append('<div class="reply"><span class="who">resolution:</span> '
                     f'{render_note(show_controls(resolution))}</div>')
    parts.append("</aside>")
    return "".join(parts)


def _heading(block: Block, langs: list[str]) -> str:
    who = esc(speaker_heading(block.turn, langs))
    stamp = f'<span class="time">[{esc(block.turn.timestamp)}]</span>' if block.turn.timestamp else ""
    lang = langs[0] if langs else "en"
    return f'<h2 class="speaker" lang="{lang}">{who}{stamp}</h2>'


def _interleaved(view: TranscriptView, options: ExportOptions, out: TextIO,
                 turns: Iterable[TurnView] | None, total: int | None) -> None:
    langs = lang_order(view, options)
    lead = langs[0] if langs else None
    open_turn = False
    write = out.write
    for block in walk(view, options, turns, total):
        if block.first_in_turn:
            if open_turn:
                write("</section>\n")
            kind = " nonspeech" if block.turn.kind in NON_SPEECH else ""
            write(f'<section class="turn{kind}">')
            if not kind:
                write(_heading(block, langs))
            open_turn = True
        write('<div class="segment">')
        for line in block.lines:
            cls = "" if line.lang == lead else ' class="tr"'
            write(f'<p lang="{line.lang}"{cls}>{line_html(line, options)}</p>')
        for f in block.flags:
            write(flag_html(f))
        write("</div>\n")
    if open_turn:
        write("</section>\n")


def _side_by_side(view: TranscriptView, options: ExportOptions, out: TextIO,
                  turns: Iterable[TurnView] | None, total: int | None) -> None:
    langs = lang_order(view, options)
    out.write('<table class="bilingual"><colgroup><col class="who">'
               + "<col>" * len(langs) + "</colgroup>\n<thead><tr><th>Speaker</th>"
               + "".join(f'<th lang="{lg}">{esc(LANG_NAMES[lg])}</th>' for lg in langs)
               + "</tr></thead>\n<tbody>\n")
    for block in walk(view, options, turns, total):
        classes = []
        if block.first_in_turn:
            classes.append("turn-start")
        non_speech = block.turn.kind in NON_SPEECH
        if non_speech:
            classes.append("nonspeech")
        cls = f' class="{" ".join(classes)}"' if classes else ""
        who = esc(speaker_heading(block.turn, langs)) if block.first_in_turn and not non_speech else ""
        if who and block.turn.timestamp:
            who += f'<br><span class="time">[{esc(block.turn.timestamp)}]</span>'
        cells = [f'<td class="who">{who}</td>']
        for i, lang in enumerate(langs):
            line = block.line(lang)
            body = line_html(line, options) if line else ""
            if i == len(langs) - 1 and block.flags:
                body += "".join(flag_html(f) for f in block.flags)
            cells.append(f'<td lang="{lang}">{body}</td>')
        out.write(f"<tr{cls}>{''.join(cells)}</tr>\n")
    out.write("</tbody></table>\n")


def write_html(view: TranscriptView, options: ExportOptions, out: TextIO,
               turns: Iterable[TurnView] | None = None, total: int | None = None) -> None:
    """Write the transcript as a standalone HTML page in the chosen layout to ``out`` as it is walked."""
    langs = lang_order(view, options)
    page_lang = langs[0] if len(langs) == 1 else (view.lead_lang or "en")
    layout = "side_by_side" if options.layout == "side_by_side" else "interleaved"
    meta = " · ".join(esc(m) for m in (view.source, view.event_date) if m)
    out.write(
        f'<!DOCTYPE html>\n<html lang="{page_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="Taiyaku {esc(model.__version__)}">\n'
        f"<title>{esc(view.title)}</title>\n<style>\n{page_css()}</style>\n</head>\n<body>\n"
        f'<main class="{layout}">\n<header><h1>{esc(view.title)}</h1>'
        + (f'<p class="meta">{meta}</p>' if meta else "")
        + ('<p class="legend"><span class="gap">inaudible</span> unresolved gap · '
           '<span class="filled">text</span> filled gap · ⚑ flag</p>' if options.annotations else "")
        + "</header>\n"
    )
    if layout == "side_by_side":
        _side_by_side(view, options, out, turns, total)
    else:
        _interleaved(view, options, out, turns, total)
    text_kind = "corrected text" if getattr(options, "text", "corrected") != "original" else "original text"
    out.write(f"<footer>Exported by Taiyaku {esc(model.__version__)} · {text_kind}</footer>\n"
              "</main>\n</body>\n</html>\n")


def render_html(view: TranscriptView, options: ExportOptions) -> str:
    """The transcript as a standalone HTML page in the chosen layout."""
    buf = io.StringIO(newline="")
    write_html(view, options, buf)
    return buf.getvalue()


@register_writer("html", suffix=".html", description="a standalone web page, interleaved or side by side")
@text_writer
def export_html(source: ExportSource, options: ExportOptions, text: TextIO) -> None:
    """HTML page of one transcript, written as it is read."""
    write_html(source.view, options, text, source.turns(), source.total)
