"""Glossary files: CSV/TSV (header ``en,ja,forbidden_ja,note``) and TBX, read and written.

A file is read and checked completely before anything is imported: a wrong header, a row
with the wrong number of fields, an empty file, a binary one or a huge field is refused with
one line naming the problem (and the row), and the glossary stays as it was.

TBX: written as TBX-Basic (ISO 30042 ``martif``, one ``termEntry`` per entry, the approved
Japanese marked ``preferredTerm-admn-sts`` and forbidden variants ``deprecatedTerm-admn-sts``);
read from that and from TBX v3 (``tbx``/``conceptEntry``/``langSec``/``termSec``). lxml does
the XML (no entities, no network, no huge trees); the structure is checked here. (The one
Python TBX library of note, translate-toolkit's, is a large dependency whose TBX store keeps
only source/target pairs -- no administrative status, so no forbidden variants.)
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from model.errors import TaiyakuError
from model.glossary.entries import TermRecord

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FIELD = 4000  # characters in one CSV field (a note may be long; a term may not: see entries.MAX_TERM)
COLUMNS = ("en", "ja", "forbidden_ja", "note")
VARIANT_SEPARATORS = re.compile(r"\s*[|;｜；]\s*")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"


class GlossaryFileError(TaiyakuError):
    """A glossary file that cannot be imported (nothing was imported)."""


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise GlossaryFileError(f"{path}: no such file")
    if not path.is_file():  # a FIFO would block open(); a folder is no glossary
        raise GlossaryFileError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise GlossaryFileError(f"{path}: too large for a glossary ({size // (1024 * 1024)} MB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GlossaryFileError(f"{path}: cannot be read ({exc.strerror})") from None


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise GlossaryFileError(f"{path}: the file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise GlossaryFileError(f"{path}: a binary file, not a glossary")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            break
        return text
    raise GlossaryFileError(f"{path}: not UTF-8 text (save it as UTF-8)")


def split_variants(text: str) -> tuple[str, ...]:
    """Forbidden variants written in one field, separated by ``|`` or ``;``."""
    return tuple(v for v in VARIANT_SEPARATORS.split(text.strip()) if v)


def parse_table(text: str, *, delimiter: str | None = None, name: str = "glossary") -> list[TermRecord]:
    """Entries of a CSV/TSV text; ``GlossaryFileError`` (one line, with the row) if anything is wrong."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if delimiter is None:
        delimiter = "\t" if "\t" in first else ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter, strict=True)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD + 1)  # a huge field stops the reader at once, without reading it in
    try:
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise GlossaryFileError(f"{name}: line 1: {exc}") from None
        if not header or not any(h.strip() for h in header):
            raise GlossaryFileError(f"{name}: no header line (expected {','.join(COLUMNS)})")
        columns = [h.strip().lower() for h in header]
        unknown = [c for c in columns if c not in COLUMNS]
        if unknown or "en" not in columns or "ja" not in columns or len(set(columns)) != len(columns):
            raise GlossaryFileError(f"{name}: the header must name the columns {','.join(COLUMNS)} "
                                    f"(en and ja required), not {','.join(h.strip() for h in header)[:80]}")
        records: list[TermRecord] = []
        while True:
            try:
                row = next(reader, None)
            except csv.Error as exc:
                raise GlossaryFileError(f"{name}: line {reader.line_num}: {exc}") from None
            if row is None:
                break
            if not any(f.strip() for f in row):
                continue  # blank line
            if len(row) != len(columns):
                raise GlossaryFileError(f"{name}: line {reader.line_num}: {len(row)} fields, the header has "
                                        f"{len(columns)}")
            if any(len(f) > MAX_FIELD for f in row):
                raise GlossaryFileError(f"{name}: line {reader.line_num}: a field is too long")
            values = dict(zip(columns, row, strict=True))
            if not values["en"].strip() or not values["ja"].strip():
                raise GlossaryFileError(f"{name}: line {reader.line_num}: the en and ja fields must not be empty")
            records.append(TermRecord(values["en"], values["ja"], split_variants(values.get("forbidden_ja", "")),
                                      values.get("note", "")))
    finally:
        csv.field_size_limit(old_limit)
    if not records:
        raise GlossaryFileError(f"{name}: a header but no entries")
    return records


def render_table(records: Sequence[TermRecord], *, delimiter: str = ",") -> str:
    """The entries as CSV (or TSV with a tab), with the header; variants joined by ``|``."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in records:
        writer.writerow([r.en, r.ja, "|".join(r.forbidden), r.note])
    return out.getvalue()


# -- TBX ---------------------------------------------------------------------

def render_tbx(records: Sequence[TermRecord]) -> str:
    """The entries as a TBX-Basic document (ISO 30042)."""
    root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = etree.SubElement(root, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    source = etree.SubElement(file_desc, "sourceDesc")
    etree.SubElement(source, "p").text = "Taiyaku glossary"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for n, r in enumerate(records, 1):
        entry = etree.SubElement(body, "termEntry", id=f"e{n}")
        if r.note:
            etree.SubElement(entry, "note").text = r.note
        en = etree.SubElement(entry, "langSet", {XML_LANG: "en"})
        etree.SubElement(etree.SubElement(en, "tig"), "term").text = r.en
        ja = etree.SubElement(entry, "langSet", {XML_LANG: "ja"})
        for term, status in [(r.ja, PREFERRED), *((v, DEPRECATED) for v in r.forbidden)]:
            tig = etree.SubElement(ja, "tig")
            etree.SubElement(tig, "term").text = term
            etree.SubElement(tig, "termNote", type="administrativeStatus").text = status
    body_text: str = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body_text


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_tbx(data: bytes, name: str = "glossary") -> list[TermRecord]:
    """Entries of a TBX document (TBX-Basic/TBX 2 or TBX v3); ``GlossaryFileError`` if it is not one."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise GlossaryFileError(f"{name}: not well-formed XML ({exc.msg})") from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise GlossaryFileError(f"{name}: not a TBX file (its root is <{_local(root.tag)}>)")
    records: list[TermRecord] = []
    entries = [e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")]
    if not entries:
        raise GlossaryFileError(f"{name}: a TBX file without entries")
    for n, entry in enumerate(entries, 1):
        terms: dict[str, list[tuple[str, str]]] = {"en": [], "ja": []}
        notes: list[str] = []
        for child in entry:
            if _local(child.tag) in ("note", "descrip") and (child.text or "").strip():
                notes.append((child.text or "").strip())
            if _local(child.tag) not in ("langSet", "langSec"):
                continue
            lang = (child.get(XML_LANG) or "").lower().split("-")[0]
            for group in child:
                if _local(group.tag) not in ("tig", "ntig", "termSec"):
                    continue
                term = next((e for e in group.iter() if _local(e.tag) == "term"), None)
                if term is None or not "".join(term.itertext()).strip():
                    continue
                status = next(("".join(e.itertext()).strip() for e in group.iter()
                               if _local(e.tag) == "termNote" and e.get("type") == "administrativeStatus"), "")
                if lang in terms:
                    terms[lang].append(("".join(term.itertext()).strip(), status))
        if not terms["en"] or not terms["ja"]:
            raise GlossaryFileError(f"{name}: entry {n} lacks an English or a Japanese term")
        ja = [t for t, s in terms["ja"] if not s.startswith(("deprecated", "superseded"))]
        forbidden = tuple(t for t, s in terms["ja"] if s.startswith(("deprecated", "superseded")))
        if not ja:
            raise GlossaryFileError(f"{name}: entry {n} has no approved Japanese term")
        preferred = [t for t, s in terms["ja"] if s.startswith("preferred")]
        records.append(TermRecord(terms["en"][0][0], (preferred or ja)[0], forbidden, "\n".join(notes)))
    return records


# -- files -------------------------------------------------------------------

def format_of(path: Path) -> str:
    """'csv', 'tsv' or 'tbx', from the file name; CSV by default."""
    suffix = path.suffix.lower()
    return {".tsv": "tsv", ".tab": "tsv", ".tbx": "tbx", ".xml": "tbx"}.get(suffix, "csv")


def read_glossary_file(path: str | Path) -> list[TermRecord]:
    """Every entry of a glossary file (CSV, TSV or TBX, told by its name or content), checked."""
    path = Path(path)
    data = _read_bytes(path)
    fmt = format_of(path)
    if fmt == "tbx" or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        if not data.strip():
            raise GlossaryFileError(f"{path}: the file is empty")
        return parse_tbx(data, str(path))
    text = _decode(path, data)
    return parse_table(text, delimiter="\t" if fmt == "tsv" else None, name=str(path))


def render_glossary(records: Sequence[TermRecord], fmt: str) -> str:
    """The entries in ``fmt`` ('csv', 'tsv' or 'tbx')."""
    if fmt == "tbx":
        try:
            return render_tbx(records)
        except ValueError as exc:  # lxml refuses characters XML cannot hold
            raise GlossaryFileError(f"cannot write TBX: {exc}") from None
    return render_table(records, delimiter="\t" if fmt == "tsv" else ",")
