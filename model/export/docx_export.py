"""Word (.docx) through python-docx: interleaved paragraphs or a side-by-side table.

python-docx makes the document, its styles and the package around an empty body;
the body is written as WordprocessingML text straight into the package's
``word/document.xml`` a chunk at a time as the transcript is read, because
``add_paragraph``/``add_run`` (and above all ``table.cell``) cost milliseconds
each, a 50,000-segment transcript has a hundred thousand paragraphs, and a
document held in memory took 3.8 GB at 500,000 segments.
Formatting lives in named styles (Speaker, Translation, Gap, ...) so a client
can restyle the whole document in Word, and no run carries its own formatting.

East Asian text gets a Japanese font through ``w:eastAsia`` in the document
defaults and every style that names fonts. Control characters XML cannot
hold are removed; tabs and line breaks become ``w:tab``/``w:br``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO

from model.export import ExportOptions, register_writer
from model.export.stream import ExportSource
from model.export.walk import (
    CONTROL_CODES,
    NON_SPEECH,
    NONCHARACTERS,
    Block,
    Line,
    describe_gap,
    lang_order,
    paused_gc,
    speaker_heading,
    strip_controls,
    walk,
    with_times,
)
from model.readmodel import LANG_NAMES, FlagView, TranscriptView, TurnView

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from model.store import Store

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LATIN_FONT = "Calibri"
EAST_ASIAN_FONT = "Yu Gothic"  # Word substitutes Hiragino/Noto CJK where it is missing
CHUNK = 2000  # blocks rendered and written at a time: bounded memory for the XML text
# Style names -> ids, filled in by _styles().
STYLE_NAMES = {"speaker": "Speaker", "lead": "Transcript Text", "translation": "Translation",
               "note": "Transcript Note", "flag": "Flag Note", "meta": "Transcript Meta",
               "gap": "Gap", "filled": "Filled Gap", "cell": "Table Text", "header": "Table Heading"}


# One pass: XML's special characters escaped, control characters XML cannot hold removed.
_XML_TABLE: dict[int, str | None] = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;",
                                     **{c: None for c in CONTROL_CODES}, **NONCHARACTERS}


def xml_text(text: str) -> str:
    """Text as the content of ``w:t`` runs: escaped, no control characters, tabs and breaks as elements."""
    text = text.translate(_XML_TABLE)
    if "\n" in text or "\t" in text or "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = text.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
        text = text.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
    return text


def _run(text: str, style: str | None = None) -> str:
    rpr = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


def _para(style: str, runs: str, lang: str | None = None) -> str:
    # A Japanese paragraph says so, so Word picks the East Asian font and line breaking rules.
    rpr = '<w:rPr><w:lang w:eastAsia="ja-JP"/></w:rPr>' if lang == "ja" else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{rpr}</w:pPr>{runs}</w:p>'


class _Writer:
    """Builds the body XML for one export."""

    def __init__(self, view: TranscriptView, options: ExportOptions, ids: dict[str, str]) -> None:
        self.view = view
        self.options = options
        self.ids = ids
        self.langs = lang_order(view, options)

    def line_runs(self, line: Line) -> str:
        if not self.options.annotations:
            return _run(line.text)
        out = []
        for p in line.pieces:
            if p.kind == "text":
                out.append(_run(p.text))
            elif p.kind == "filled":
                out.append(_run(p.text, self.ids["filled"]))
            else:
                out.append(_run(p.text, self.ids["gap"]))
        return "".join(out)

    def flag_paras(self, flag: FlagView) -> list[str]:
        state = {"wontfix": "won't fix"}.get(flag.status, flag.status)
        head = f"⚑ {flag.category.replace('_', ' ')} ({state}, {flag.author})"
        lines = [f"{head}: {flag.note}" if flag.note else head]
        lines += [f"↳ {r.author}: {r.text}" for r in getattr(flag, "replies", ()) or ()]
        resolution = getattr(flag, "resolution_note", None)  # a review FlagItem has one, a FlagView not
        if resolution:
            who = getattr(flag, "resolved_by", None)
            lines.append(f"✓ {who + ': ' if who else ''}{resolution}")
        return [_para(self.ids["flag"], _run(text)) for text in lines]

    def gap_notes(self, block: Block) -> list[str]:
        """Filled gaps say what they were (Word shows no tooltips)."""
        notes = []
        for line in block.lines:
            for p in line.pieces:
                if p.kind == "filled" and p.gap is not None:
                    notes.append(_para(self.ids["flag"], _run(f"“{p.text}”: {describe_gap(p.gap)}")))
        return notes

    def heading(self, block: Block) -> str:
        who = speaker_heading(block.turn, self.langs)
        runs = _run(who)
        if block.turn.timestamp:
            runs += _run(f"  [{block.turn.timestamp}]", self.ids["gap"])
        return _para(self.ids["speaker"], runs)

    def interleaved(self, blocks: list[Block]) -> str:
        out: list[str] = []
        lead = self.langs[0] if self.langs else None
        for block in blocks:
            non_speech = block.turn.kind in NON_SPEECH
            if block.first_in_turn and not non_speech:
                out.append(self.heading(block))
            for line in block.lines:
                style = self.ids["note"] if non_speech else self.ids["lead" if line.lang == lead else "translation"]
                out.append(_para(style, self.line_runs(line), line.lang))
            if self.options.annotations:
                out.extend(self.gap_notes(block))
                for flag in block.flags:
                    out.extend(self.flag_paras(flag))
        return "".join(out)

    def table_rows(self, blocks: list[Block]) -> str:
        out: list[str] = []
        cell = self.ids["cell"]
        for block in blocks:
            non_speech = block.turn.kind in NON_SPEECH
            who = ""
            if block.first_in_turn and not non_speech:
                who = self.heading(block)
            cells = [who or _para(cell, "")]
            for i, lang in enumerate(self.langs):
                line = block.line(lang)
                style = self.ids["note"] if non_speech else cell
                paras = [_para(style, self.line_runs(line) if line else "", lang)]
                if i == len(self.langs) - 1 and self.options.annotations:
                    paras += self.gap_notes(block)
                    for flag in block.flags:
                        paras += self.flag_paras(flag)
                cells.append("".join(paras))
            border = ('<w:tcBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="9AA3B2"/></w:tcBorders>'
                      if block.first_in_turn else "")
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                       + "".join(f"<w:tc><w:tcPr>{border}</w:tcPr>{c}</w:tc>" for c in cells) + "</w:tr>")
        return "".join(out)

    def table_head(self) -> tuple[str, str]:
        n = len(self.langs)
        who_w = 1000  # fiftieths of a percent: 20 %
        lang_w = (5000 - who_w) // max(n, 1)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in [1800] + [int(7200 / max(n, 1))] * n)
        head_cells = [("Speaker", None)] + [(LANG_NAMES[lg], lg) for lg in self.langs]
        widths = [who_w] + [lang_w] * n
        header = ('<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>'
                  + "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="pct"/>'
                            '<w:tcBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="1D2330"/>'
                            f'</w:tcBorders></w:tcPr>{_para(self.ids["header"], _run(text), lg)}</w:tc>'
                            for (text, lg), w in zip(head_cells, widths, strict=True)) + "</w:tr>")
        start = ('<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>'
                 '<w:tblBorders><w:insideH w:val="single" w:sz="4" w:space="0" w:color="DFE3EA"/>'
                 '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="DFE3EA"/></w:tblBorders>'
                 '<w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>'
                 '<w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>'
                 f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{header}')
        return start, "</w:tbl>"


def _set_fonts(rpr: object, east_asian: str = EAST_ASIAN_FONT, latin: str = LATIN_FONT) -> None:
    """Explicit fonts on an ``w:rPr`` (theme fonts would win over them: drop those)."""
    from docx.oxml.ns import qn

    fonts = rpr.get_or_add_rFonts()  # type: ignore[attr-defined]
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)


def _styles(doc: DocxDocument) -> dict[str, str]:
    """Create the document's named styles; returns key -> style id."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "ja-JP")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    for name in ("Title", "Subtitle", "Heading 1"):
        _set_fonts(doc.styles[name].element.get_or_add_rPr())

    def para(key: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
             color: str | None = None, indent: float | None = None, before: float | None = None,
             after: float | None = None, keep: bool = False) -> None:
        style = doc.styles.add_style(STYLE_NAMES[key], WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        f = style.font
        f.bold, f.italic = bold or None, italic or None
        if size:
            f.size = Pt(size)
        if color:
            f.color.rgb = RGBColor.from_string(color)
        pf = style.paragraph_format
        if indent is not None:
            pf.left_indent = Cm(indent)
        if before is not None:
            pf.space_before = Pt(before)
        if after is not None:
            pf.space_after = Pt(after)
        if keep:
            pf.keep_with_next = True

    para("speaker", bold=True, size=9.5, color="2F5D9E", before=10, after=2, keep=True)
    para("lead")
    para("translation", color="3A4252", indent=0.5)
    para("note", italic=True, color="5D6677")
    para("flag", size=8.5, color="6B4E12", indent=0.5, after=2)
    para("meta", color="5D6677", after=12)
    para("cell", after=2)
    para("header", bold=True, size=9, color="5D6677", after=2)
    for key, color, italic in (("gap", "5D6677", True), ("filled", "1E6B34", False)):
        style = doc.styles.add_style(STYLE_NAMES[key], WD_STYLE_TYPE.CHARACTER)
        style.font.italic = italic or None
        style.font.color.rgb = RGBColor.from_string(color)
        if key == "filled":
            style.font.underline = True
    # Flag notes sit on a pale amber band.
    flag_ppr = doc.styles[STYLE_NAMES["flag"]].element.get_or_add_pPr()
    from docx.oxml import parse_xml

    flag_ppr.append(parse_xml(f'<w:shd xmlns:w="{W_NS}" w:val="clear" w:color="auto" w:fill="FFF6E0"/>'))
    return {key: doc.styles[name].style_id for key, name in STYLE_NAMES.items()}


def _append(body: object, sect: object, xml: str) -> None:
    """Parse a bit of body XML and put its elements before the section properties ``sect``."""
    from docx.oxml import parse_xml

    if not xml:
        return
    chunk = parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')
    for element in list(chunk):
        sect.addprevious(element)  # type: ignore[attr-defined]


MARK = "TAIYAKU-BODY-GOES-HERE"  # a placeholder the body is streamed in place of


def _template(view: TranscriptView, options: ExportOptions) -> tuple[bytes, dict[str, str]]:
    """The document without its transcript body (styles, title, the table's head), saved by python-docx,
    with a placeholder (``MARK``) where the body goes; and the style ids."""
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Cm

    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    ids = _styles(doc)
    doc.core_properties.title = strip_controls(view.title)[:255]
    doc.core_properties.subject = "Transcript exported by Taiyaku"
    body = doc.element.body
    sect = body.sectPr  # looked up once: python-docx finds it by scanning every child
    head = _para(doc.styles["Title"].style_id, _run(view.title))
    meta = " · ".join(m for m in (view.source, view.event_date) if m)
    if meta:
        head += _para(ids["meta"], _run(meta))
    _append(body, sect, head)
    mark = f"<w:p><w:r><w:t>{MARK}</w:t></w:r></w:p>"
    if options.layout == "side_by_side":
        start, end = _Writer(view, options, ids).table_head()
        table = parse_xml(start.replace("<w:tbl>", f'<w:tbl xmlns:w="{W_NS}">', 1)
                          + f"<w:tr><w:tc>{mark}</w:tc></w:tr>" + end)
        sect.addprevious(table)
        sect.addprevious(parse_xml(f'<w:p xmlns:w="{W_NS}"/>'))  # Word wants a paragraph after a table
    else:
        _append(body, sect, mark)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), ids


def _split(xml: bytes, side_by_side: bool) -> tuple[bytes, bytes]:
    """``word/document.xml`` before and after the placeholder paragraph (or table row)."""
    at = xml.index(MARK.encode())
    tag = b"w:tr" if side_by_side else b"w:p"
    start = max(xml.rfind(b"<" + tag + b">", 0, at), xml.rfind(b"<" + tag + b" ", 0, at))
    end = xml.index(b"</" + tag + b">", at) + len(tag) + 3
    return xml[:start], xml[end:]


def write_docx(view: TranscriptView, options: ExportOptions, out: BinaryIO,
               turns: Iterable[TurnView] | None = None, total: int | None = None) -> None:
    """Write the transcript as a .docx file in the chosen layout to ``out``.

    python-docx makes the package around an empty body; the body's XML is then
    streamed into the zip entry ``word/document.xml`` a chunk of blocks at a time,
    so the document is never held in memory.
    """
    import zipfile

    template, ids = _template(view, options)
    writer = _Writer(view, options, ids)
    side = options.layout == "side_by_side"
    render = writer.table_rows if side else writer.interleaved
    with zipfile.ZipFile(io.BytesIO(template)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info, zin.read(info.filename))
                continue
            before, after = _split(zin.read(info.filename), side)
            with zout.open(info, "w", force_zip64=True) as part:
                part.write(before)
                batch: list[Block] = []
                for block in walk(view, options, turns, total):
                    batch.append(block)
                    if len(batch) >= CHUNK:
                        part.write(render(batch).encode("utf-8"))
                        batch.clear()
                part.write(render(batch).encode("utf-8"))
                part.write(after)


def render_docx(view: TranscriptView, options: ExportOptions) -> bytes:
    """The transcript as a .docx file (bytes) in the chosen layout."""
    buf = io.BytesIO()
    write_docx(view, options, buf)
    return buf.getvalue()


@register_writer("docx", suffix=".docx", description="Word document, interleaved or side by side", binary=True)
def export_docx(store: Store, transcript_id: int, options: ExportOptions, out: BinaryIO) -> None:
    """Word document of one transcript, written as it is read."""
    with paused_gc():
        source = ExportSource(store, transcript_id)
        write_docx(source.view, with_times(store, transcript_id, options), out, source.turns(), source.total)
