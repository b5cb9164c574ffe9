"""Markdown notes render to HTML that cannot run script or leave the app."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from model.notes import ALLOWED_TAGS, note_summary, render_note

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](  javascript:alert(1))",
    "[ref][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "<iframe src='https://evil.example'></iframe>",
    "<a href=\"javascript:alert(1)\">a</a>",
    "<p style=\"background:url(x)\" onclick=\"alert(1)\">hi</p>",
    "![pixel](https://tracker.example/p.png)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[d](data:text/html,<script>alert(1)</script>)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<svg onload=alert(1)>",
    "<!-- <script>alert(1)</script> -->",
    "<div><style>body{display:none}</style></div>",
    "`<b onmouseover=alert(1)>`",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "[x](vbscript:msgbox(1))",
    "<form action=javascript:alert(1)><button>go</button></form>",
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


@pytest.mark.parametrize("markdown_text", HOSTILE)
def test_hostile_markdown_comes_out_harmless(markdown_text):
    html = render_note(markdown_text)
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, (tag, html)
        for name, value in attrs:
            assert name in ("href", "title", "rel"), (name, html)
            if name == "href":
                assert value.split(":", 1)[0].lower() in ("http", "https", "mailto"), html
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<iframe" not in lowered


def test_raw_html_shows_as_text_the_author_typed():
    assert render_note("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert "&lt;img src=x onerror=alert(1)&gt;" in render_note("<img src=x onerror=alert(1)>")


def test_ordinary_markdown_still_renders():
    html = render_note("**Check** the term *同盟予測*:\n\n- see [the glossary](https://example.org/g)\n- `code`")
    assert "<strong>Check</strong>" in html and "<em>同盟予測</em>" in html
    assert '<a href="https://example.org/g"' in html and "<li>" in html and "<code>code</code>" in html
    assert render_note("   ") == ""


def test_summary_is_first_line_shortened():
    assert note_summary("\n  first line\nsecond") == "first line"
    assert note_summary("x" * 100, limit=10) == "x" * 9 + "…"
