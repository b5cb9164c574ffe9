"""Word, TMX, JSON and the change report, read back by their own libraries."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import docx
import pytest
from docx.oxml.ns import qn
from export_fixture import build_export_sample, hostile_en

from model.export import ExportOptions, get_exporter

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


pytestmark = pytest.mark.both_engines


@pytest.fixture
def sample(store):
    return build_export_sample(store)


def export(store, tid, fmt, **options):
    return get_exporter(fmt)(store, tid, ExportOptions(**options))


def read_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


# -- Word ------------------------------------------------------------------

def test_docx_interleaved_reads_back_with_bold_speakers_and_styles(store, sample):
    doc = read_docx(export(store, sample, "docx"))
    paras = [(p.style.name, p.text) for p in doc.paragraphs]
    assert paras[0] == ("Title", "Background press call <b>&</b> **Japan** visit")
    assert ("Speaker", "MODERATOR  [00:01:12]") in paras
    assert ("Transcript Text", "Welcome. Moving to the next caller from Kyodo News.") in paras
    assert ("Translation", "ようこそ。次は共同通信の方です。") in paras
    assert doc.styles["Speaker"].font.bold is True
    # The filled gap is its own run in the "Filled Gap" style; flags follow their segment.
    q = next(p for p in doc.paragraphs if p.text.startswith("Is it AI"))
    assert [(r.text, r.style.name) for r in q.runs][-2:] == [("areas", "Filled Gap"), ("?", "Default Paragraph Font")]
    assert ("Flag Note", "⚑ inaudible (open, tester): Name unclear") in paras
    assert not doc.tables


def test_docx_has_an_east_asian_font_and_japanese_paragraphs_say_so(store, sample):
    doc = read_docx(export(store, sample, "docx"))
    fonts = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Yu Gothic" and fonts.get(qn("w:eastAsiaTheme")) is None
    ja = next(p for p in doc.paragraphs if p.text.startswith("ようこそ"))
    assert ja._p.pPr.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:eastAsia")) == "ja-JP"


def test_docx_side_by_side_is_a_table(store, sample):
    doc = read_docx(export(store, sample, "docx", layout="side_by_side"))
    assert len(doc.tables) == 1
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[0] == ["Speaker", "English", "日本語"]
    assert len(rows) == 1 + 7
    assert rows[3][:3] == ["MODERATOR  [00:01:12]", "Welcome. Moving to the next caller from Kyodo News.",
                           "ようこそ。次は共同通信の方です。"]


def test_docx_clean_copy_and_japanese_only(store, sample):
    doc = read_docx(export(store, sample, "docx", annotations=False, langs=("ja",)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Flag" not in {p.style.name for p in doc.paragraphs}
    assert "ようこそ" in text and "Welcome" not in text and "⚑" not in text


# -- TMX -------------------------------------------------------------------

def test_tmx_is_valid_xml_with_the_14b_header_and_one_unit_per_bilingual_segment(store, sample):
    root = ET.fromstring(export(store, sample, "tmx").encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attr), attr
    assert header.get("srclang") == "en" and header.get("segtype") == "paragraph"
    units = root.find("body").findall("tu")
    assert len(units) == 4  # the title, the unknown speaker and the time line have one language only
    mod = units[0]
    props = {p.get("type"): p.text for p in mod.findall("prop")}
    assert props["x-speaker"] == "MODERATOR"
    assert props["x-transcript"] == "Background press call <b>&</b> **Japan** visit"
    segs = {tuv.get(XML_LANG): tuv.find("seg").text for tuv in mod.findall("tuv")}
    assert segs == {"en": "Welcome. Moving to the next caller from Kyodo News.",
                    "ja": "ようこそ。次は共同通信の方です。"}
    # Element order inside a <tu>: props before tuvs (TMX 1.4b DTD).
    kinds = [child.tag for child in mod]
    assert kinds == sorted(kinds, key=lambda t: t == "tuv")


def test_tmx_uses_corrected_text_and_filled_gaps_or_the_original(store, sample):
    units = ET.fromstring(export(store, sample, "tmx").encode()).find("body").findall("tu")
    q = {tuv.get(XML_LANG): tuv.find("seg").text for tuv in units[1].findall("tuv")}
    assert q["en"] == "Is it AI hypersonic capability or other areas?"
    original = ET.fromstring(export(store, sample, "tmx", text="original").encode()).find("body").findall("tu")
    assert original[0].find("tuv/seg").text == "Welcome. Moving to the next caller from Kyoto News."


# -- JSON ------------------------------------------------------------------

def test_json_is_the_full_truth(store, sample):
    data = json.loads(export(store, sample, "json"))
    assert {"title", "turns", "speakers"} <= set(data)
    seg = data["turns"][4]["segments"][0]
    assert seg["en"] == hostile_en(store) and seg["ja_corrected"].count("同盟の抑止力") == 1
    assert {"en", "ja", "en_corrected", "ja_corrected", "gaps", "review_state", "corrections", "flags"} <= set(seg)
    flag = seg["flags"][0]
    assert flag["replies"][0]["text"].startswith("Agreed") and flag["resolution_note"] == "Fixed <i>now</i>"
    assert flag["resolved_by"] == "Reviewer <R>"
    assert data["turns"][3]["speaker_suggestions"][0]["name"] == "Ken Moriyasu"
    gap = data["turns"][3]["segments"][0]["gaps"][0]
    assert {"lang", "start", "end", "text", "status"} <= set(gap) and gap["proposed_text"] == "areas"


# -- change report ---------------------------------------------------------

def test_report_csv_lists_every_correction_gap_and_flag(store, sample):
    text = export(store, sample, "report", extra={"report_format": "csv"})
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [r["kind"] for r in rows].count("correction") == 3
    assert [r["kind"] for r in rows].count("gap") == 4
    assert [r["kind"] for r in rows].count("flag") == 2
    kyodo = next(r for r in rows if r["after"] == "Kyodo")
    assert (kyodo["before"], kyodo["category"], kyodo["note"], kyodo["by"], kyodo["status"]) == \
        ("Kyoto", "mishearing", "The agency is Kyodo <News>.", "tester", "accepted")
    assert kyodo["time"] == "2024-04-09T18:30:00Z"
    flag = next(r for r in rows if r["kind"] == "flag" and r["status"] == "resolved")
    assert flag["resolution"] == "Fixed <i>now</i>" and flag["resolved_by"] == "Reviewer <R>"
    assert "Agreed" in flag["replies"]


def test_report_csv_neutralises_spreadsheet_formulas(store, sample):
    from model.export.report import _csv_cell
    assert _csv_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert _csv_cell("@SUM(A1)") == "'@SUM(A1)" and _csv_cell("fine") == "fine"


def test_report_markdown_and_html(store, sample):
    md = export(store, sample, "report")
    assert "## Corrections" in md and "| ¶3.1 | MODERATOR | EN | Kyoto | Kyodo | mishearing |" in md
    assert "3 corrections (1 accepted, 1 proposed, 1 rejected)" in md
    page = export(store, sample, "report", extra={"report_format": "html"})
    assert page.count("<table") == 3 and "<script" not in page and "onerror=alert" not in page.replace(
        "&lt;img src=x onerror=alert(1)&gt;", "")
    assert get_exporter("report").file_suffix(ExportOptions(extra={"report_format": "csv"})) == ".csv"


def test_report_follows_language_and_approved_only(store, sample):
    ja = export(store, sample, "report", langs=("ja",), extra={"report_format": "csv"})
    rows = list(csv.DictReader(io.StringIO(ja[1:])))
    assert {r["lang"] for r in rows} <= {"ja", ""} and len(rows) == 4
    approved = export(store, sample, "report", approved_only=True, extra={"report_format": "csv"})
    assert "Kyodo" in approved and "同盟" not in approved
