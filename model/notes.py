"""Markdown notes (flags, replies, resolutions) rendered to HTML that is safe to show.

Two locks, not one: raw HTML typed into a note is *escaped* by Python-Markdown
(its HTML block and inline-HTML handlers are switched off), so ``<script>``
shows as the text ``<script>``; the result then goes through ``nh3`` with a
short allow-list of tags and only ``href`` (http, https, mailto) on links, so
whatever Markdown itself produces (``[x](javascript:...)``, images that would
fetch a URL) is cleaned too. No images at all: the app never opens a network
connection, and a data: image is a way to smuggle content. A link must name its
scheme: protocol-relative (``//host``) and scheme-less (``host/page``) targets lose
their ``href``.

The work is bounded: Python-Markdown is quadratic in nested brackets (12,000 ``[``
pairs took 31 s), so a note nested deeper than ``MAX_NESTING`` or longer than
``MAX_NOTE_CHARS`` is shown as plain text, and the operations refuse to store a note
longer than ``MAX_NOTE_CHARS`` (``check_note``).
"""

from __future__ import annotations

import html
import threading
from typing import TYPE_CHECKING

import nh3

from model.errors import OperationFailed

if TYPE_CHECKING:  # pragma: no cover
    import markdown

ALLOWED_TAGS = frozenset({
    "p", "br", "em", "strong", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "del", "table", "thead", "tbody", "tr", "th", "td",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
MAX_NOTE_CHARS = 10_000  # a page of text; rendering stays well under 0.2 s
MAX_NESTING = 32  # brackets or parentheses inside one another


def check_note(text: str | None, what: str = "a note") -> str | None:
    """``text`` if it may be stored as a note; ``OperationFailed`` (one line) if it is too long."""
    if text is not None and len(text) > MAX_NOTE_CHARS:
        raise OperationFailed(f"{what} is limited to {MAX_NOTE_CHARS:,} characters; this one has {len(text):,}")
    return text


def _too_nested(text: str) -> bool:
    depth = deepest = 0
    for ch in text:
        if ch in "[(":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    return True
        elif ch in "])" and depth:
            depth -= 1
    return False


def _markdown() -> markdown.Markdown:
    import markdown  # on first use: 15 ms of the window's start otherwise

    md = markdown.Markdown(extensions=["sane_lists", "fenced_code", "tables", "nl2br"], output_format="html")
    # Escape raw HTML rather than pass it through: a note's "<b>" is text the author typed.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def _only_schemed_links(element: str, attribute: str, value: str) -> str | None:
    # nh3 keeps relative targets ("//evil.example", "evil.example/x"): a note's link must say
    # which scheme it uses, and only the allowed ones survive (nh3 checks those).
    if attribute == "href" and value.split(":", 1)[0].strip().lower() not in ALLOWED_SCHEMES:
        return None
    return value


def sanitize_html(html_text: str) -> str:
    """Keep only harmless tags; links only with explicit http/https/mailto targets."""
    return nh3.clean(html_text, tags=set(ALLOWED_TAGS),
                     attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                     url_schemes=set(ALLOWED_SCHEMES), link_rel="noopener noreferrer nofollow",
                     strip_comments=True, attribute_filter=_only_schemed_links)


_LOCAL = threading.local()  # one converter per thread: a Markdown instance is not thread-safe


def render_note(text: str | None) -> str:
    """A Markdown note as sanitized HTML ('' for an empty note); plain text when it is longer
    than ``MAX_NOTE_CHARS`` or nested deeper than ``MAX_NESTING`` (bounded work)."""
    if not text or not text.strip():
        return ""
    if len(text) > MAX_NOTE_CHARS or _too_nested(text):
        return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"
    # One converter, reset between notes: building one costs about a millisecond, and each is a
    # web of reference cycles that only the garbage collector frees (an export pauses it).
    md = getattr(_LOCAL, "md", None)
    if md is None:
        md = _LOCAL.md = _markdown()
    try:
        return sanitize_html(md.convert(text))
    finally:
        md.reset()


def note_summary(text: str | None, limit: int = 80) -> str:
    """The first line of a note as plain text, shortened to ``limit`` characters (for lists)."""
    line = next((ln.strip() for ln in (text or "").splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"
