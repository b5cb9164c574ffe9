"""Hostile transcript text (HTML, <script>, Markdown syntax, control characters) comes out
as text in every format, read back by that format's own reader."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import docx
import markdown
import pytest
from export_fixture import HOSTILE_EN, build_export_sample
from test_export_formats import Page

from model.export import ExportOptions, get_exporter, load_builtin_exporters
from model.export.walk import show_controls, strip_controls

EXPORTER_MARKUP = {"h1", "p", "strong", "em", "blockquote", "br", "table", "thead", "tbody", "tr", "th", "td"}


@pytest.fixture
def sample(store):
    return build_export_sample(store, title="<script>alert(1)</script> **t** `x`")


def test_every_format_is_covered():
    assert {"txt", "md", "html", "docx", "json", "tmx", "report"} <= set(load_builtin_exporters())


def _no_active_html(page: Page) -> None:
    assert not any(k.lower().startswith("on") for _, attrs in page.tags for k in attrs)
    assert not any("javascript" in (attrs.get("href") or "") for _, attrs in page.tags)
    assert not {t for t, _ in page.tags} & {"script", "img", "iframe", "object", "embed"}


@pytest.mark.parametrize("layout", ["interleaved", "side_by_side"])
def test_text_markdown_html(store, sample, layout):
    options = ExportOptions(layout=layout)
    assert HOSTILE_EN in get_exporter("txt")(store, sample, options)
    md = get_exporter("md")(store, sample, options)
    page = Page(markdown.markdown(md, extensions=["tables"]))
    assert show_controls(HOSTILE_EN) in page.all_text
    assert "<script>alert(1)</script> **t** `x`" in page.all_text
    # Only the markup the exporter itself writes: headings, bold speakers, italics, quotes, tables.
    assert {t for t, _ in page.tags} <= EXPORTER_MARKUP
    _no_active_html(page)
    html_page = Page(get_exporter("html")(store, sample, options))
    assert show_controls(HOSTILE_EN) in html_page.all_text
    assert html_page.all_text.count("<script>alert(1)</script> **t** `x`") == 2  # <title> and <h1>
    _no_active_html(html_page)


@pytest.mark.parametrize("layout", ["interleaved", "side_by_side"])
def test_word(store, sample, layout):
    doc = docx.Document(io.BytesIO(get_exporter("docx")(store, sample, ExportOptions(layout=layout))))
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert strip_controls(HOSTILE_EN) in texts
    assert doc.core_properties.title == "<script>alert(1)</script> **t** `x`"


def test_json_tmx_and_report(store, sample):
    data = json.loads(get_exporter("json")(store, sample, ExportOptions()))
    assert data["turns"][4]["segments"][0]["en"] == HOSTILE_EN
    root = ET.fromstring(get_exporter("tmx")(store, sample, ExportOptions()).encode())
    assert strip_controls(HOSTILE_EN) in [seg.text for seg in root.iter("seg")]
    for fmt in ("md", "html"):
        report = get_exporter("report")(store, sample, ExportOptions(extra={"report_format": fmt}))
        rendered = markdown.markdown(report, extensions=["tables"]) if fmt == "md" else report
        page = Page(rendered)
        _no_active_html(page)
        assert "<img src=x onerror=alert(1)>" in page.all_text
