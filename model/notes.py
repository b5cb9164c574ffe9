"""Markdown notes (flags, replies, resolutions) rendered to HTML that is safe to show.

Two locks, not one: raw HTML typed into a note is *escaped* by Python-Markdown
(its HTML block and inline-HTML handlers are switched off), so ``<script>``
shows as the text ``<script>``; the result then goes through ``nh3`` with a
short allow-list of tags and only ``href`` (http, https, mailto) on links, so
whatever Markdown itself produces (``[x](javascript:...)``, images that would
fetch a URL) is cleaned too. No images at all: the app never opens a network
connection, and a data: image is a way to smuggle content.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import nh3

if TYPE_CHECKING:  # pragma: no cover
    import markdown

ALLOWED_TAGS = frozenset({
    "p", "br", "em", "strong", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "del", "table", "thead", "tbody", "tr", "th", "td",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


def _markdown() -> markdown.Markdown:
    import markdown  # on first use: 15 ms of the window's start otherwise

    md = markdown.Markdown(extensions=["sane_lists", "fenced_code", "tables", "nl2br"], output_format="html")
    # Escape raw HTML rather than pass it through: a note's "<b>" is text the author typed.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def sanitize_html(html: str) -> str:
    """Keep only harmless tags; links only with http/https/mailto targets."""
    return nh3.clean(html, tags=set(ALLOWED_TAGS), attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                     url_schemes=set(ALLOWED_SCHEMES), link_rel="noopener noreferrer nofollow",
                     strip_comments=True)


_LOCAL = threading.local()  # one converter per thread: a Markdown instance is not thread-safe


def render_note(text: str | None) -> str:
    """A Markdown note as sanitized HTML ('' for an empty note)."""
    if not text or not text.strip():
        return ""
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
