"""Text, Markdown and HTML exports: options, layouts and what a reader sees."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from export_fixture import HOSTILE_JA, build_export_sample
from helpers import make_transcript

from model.export import ExportOptions, get_exporter
from model.export.md import md_escape
from model.export.walk import safe_filename

pytestmark = pytest.mark.both_engines


@pytest.fixture
def sample(store):
    return build_export_sample(store)


def export(store, tid, fmt, **options):
    return get_exporter(fmt)(store, tid, ExportOptions(**options))


class Page(HTMLParser):
    """Tags, attributes and text of an HTML document."""

    def __init__(self, doc: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(doc)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def count(self, tag: str, cls: str | None = None) -> int:
        return sum(1 for t, a in self.tags if t == tag and (cls is None or cls in (a.get("class") or "").split()))


# -- plain text ------------------------------------------------------------

def test_text_of_an_unedited_transcript_is_its_paragraphs(store):
    tid = make_transcript(store, [(None, [("Opening words.", None)]),
                                  ("MODERATOR", [("Welcome (inaudible) all.", "皆さん(聞き取れない)ようこそ。")])])
    text = export(store, tid, "txt")
    assert text == "Opening words.\n\nWelcome (inaudible) all.\n\n皆さん(聞き取れない)ようこそ。\n"


def test_text_keeps_labels_applies_corrections_and_marks_filled_gaps(store, sample):
    text = export(store, sample, "txt")
    paragraphs = text.rstrip("\n").split("\n\n")
    assert paragraphs[0] == "日米首脳会談の背景説明 2024/4/9"
    assert "[00:01:12] MODERATOR: Welcome. Moving to the next caller from Kyodo News." in paragraphs
    assert "[00:01:12] 司会: ようこそ。次は共同通信の方です。" in paragraphs
    assert "Q Is it AI hypersonic capability or other ⟦areas⟧?" in paragraphs
    # An unrecoverable gap keeps its marker; a gap an annotator marked over garbled words gets the gap text.
    assert "Q AI極超音速能力なのか、それとも他の(聞き取れない)のか?" in paragraphs
    assert "Mitsubishi and (inaudible) Kawasaki build transformers." in paragraphs
    assert paragraphs[-1] == "6:22 P.M. EDT"


def test_text_options_original_clean_language_approved_gap_text(store, sample):
    original = export(store, sample, "txt", text="original")
    assert "Kyoto News" in original and "Kyodo" not in original and "⟦" not in original
    assert "Mitsubishi and garbled Kawasaki" in original
    clean = export(store, sample, "txt", annotations=False)
    assert "or other areas?" in clean and "⟦" not in clean
    ja = export(store, sample, "txt", langs=("ja",))
    assert "Welcome" not in ja and "ようこそ" in ja and "6:22" not in ja
    approved = export(store, sample, "txt", approved_only=True)
    assert "hypersonic" not in approved and "Mitsubishi" in approved and "<script>" not in approved
    chosen = export(store, sample, "txt", gap_text={"en": "[?]", "ja": "[？]"}, keep_markers=False)
    assert "the steps [?] matter" in chosen and "それとも他の[？]のか" in chosen


def test_text_keeps_the_sources_newlines(store):
    tid = make_transcript(store, [("Q", [("One.", "一。")])])
    from model.schema import Transcript
    with store.operation("crlf") as op:
        op.get(Transcript, tid).newline = "\r\n"
        op.transcript_id = tid
    assert export(store, tid, "txt") == "One.\r\n\r\n一。\r\n"


# -- Markdown --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "**bold** and _it_", "[x](javascript:alert(1))", "# heading", "- item",
    "1. first", "> quote", "`code`", "a | b", "~~gone~~", "    indented", "===", "---", "&amp; &lt;", "\\*",
    "line one\nline two", "![img](http://x/y.png)", "+ plus", "2) two", "{#id}",
])
def test_markdown_escape_renders_as_the_literal_text(text):
    rendered = markdown.markdown(md_escape(text, "\n"), extensions=["tables"])
    page = Page(rendered)
    assert [t for t, _ in page.tags] == ["p"]
    assert page.all_text.replace("\n", " ") == text.replace("\n", " ")


def test_markdown_has_title_bold_speakers_both_languages_and_flags(store, sample):
    md = export(store, sample, "md")
    assert md.startswith("# Background press call &lt;b&gt;&amp;&lt;/b&gt; \\*\\*Japan\\*\\* visit\n")
    assert "**MODERATOR** \\[00:01:12\\]" in md
    assert "**Ken Moriyasu (Nikkei Asia)**" in md
    assert "Welcome. Moving to the next caller from Kyodo News." in md and "ようこそ。次は共同通信の方です。" in md
    assert "*⟦areas⟧*" in md and "> ⚑ **mistranslation** (resolved, tester)" in md
    clean = export(store, sample, "md", annotations=False)
    assert "⚑" not in clean and "⟦" not in clean and "or other areas?" in clean


def test_markdown_side_by_side_is_a_table_with_a_row_per_segment(store, sample):
    md = export(store, sample, "md", layout="side_by_side")
    page = Page(markdown.markdown(md, extensions=["tables"]))
    assert page.count("table") == 1
    assert page.count("tr") == 1 + 7  # header + every segment
    assert page.count("script") == 0 and page.count("img") == 0 and page.count("b") == 0
    assert "<script>alert('x')</script>" in page.all_text


# -- HTML ------------------------------------------------------------------

def test_html_is_a_standalone_page_with_its_own_style(store, sample):
    doc = export(store, sample, "html")
    page = Page(doc)
    assert doc.startswith("<!DOCTYPE html>")
    assert page.count("style") == 1 and page.count("link") == 0 and page.count("script") == 0
    assert 'font-family' in doc and "Noto Sans CJK JP" in doc and "@media print" in doc
    assert page.count("section", "turn") == 6
    assert page.count("p") >= 11
    assert any(t == "p" and a.get("lang") == "ja" for t, a in page.tags)


def test_html_escapes_transcript_text_and_sanitizes_notes(store, sample):
    page = Page(export(store, sample, "html"))
    text = page.all_text
    assert "<script>alert('x')</script> <b>bold</b> **stars** [link](http://evil.example)" in text
    assert HOSTILE_JA.replace("同盟予測", "同盟の抑止力") in text
    assert ("␇bell␀nul" if store.engine.dialect.name == "sqlite" else "␇bell␁nul") in text
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "object"}
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    assert not any((a.get("href") or "").startswith("javascript") for _, a in page.tags)
    # The note's Markdown is rendered, its raw HTML shown as text.
    assert ("strong", {}) in page.tags and "<img src=x onerror=alert(1)>" in text


def test_html_marks_gaps_and_flags_only_with_annotations(store, sample):
    page = Page(export(store, sample, "html"))
    # One of each kind is in the legend.
    assert page.count("span", "filled") == 1 + 1 and page.count("span", "gap") == 1 + 3
    assert page.count("aside", "flag") == 2
    clean = Page(export(store, sample, "html", annotations=False))
    assert clean.count("span", "filled") == 0 and clean.count("aside") == 0
    assert "or other areas?" in clean.all_text


def test_html_side_by_side_table(store, sample):
    page = Page(export(store, sample, "html", layout="side_by_side"))
    assert page.count("table", "bilingual") == 1
    assert page.count("tr") == 1 + 7
    assert page.count("td") == 7 * 3
    assert page.count("tr", "turn-start") == 6


def test_safe_file_names():
    taken: set[str] = set()
    assert safe_filename("Q&A: <b>Tokyo</b>/Osaka?", ".md", taken) == "Q&A b Tokyo b Osaka.md"
    assert safe_filename("Q&A: <b>Tokyo</b>/Osaka?", ".md", taken) == "Q&A b Tokyo b Osaka (2).md"
    assert safe_filename("../..", ".txt") == "transcript.txt"
    assert safe_filename("CON", ".txt") == "transcript CON.txt"
    assert safe_filename("記者会見\x00 2024/4/9", ".html") == "記者会見 2024 4 9.html"
    assert len(safe_filename("x" * 300, ".txt")) == 84
