"""TMX 1.4b: one translation unit per bilingual segment, so translation tools learn
from the corrections.

Each ``<tu>`` holds the segment's English and Japanese text (corrected unless
the original is asked for; filled gaps give their proposed text, unresolved
gaps the gap text) as ``<tuv xml:lang>``, with the speaker, the transcript
and the review state as ``<prop>``s. Segments with only one language are left
out: a translation memory pairs texts. Built with ``xml.etree`` so escaping
is the library's job (lxml: the same API as ``xml.etree``, ten times faster to
serialise 50,000 units); control characters XML cannot hold are removed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lxml import etree as ET

import model
from model.export import ExportOptions, register
from model.export.walk import NON_SPEECH, load_for_export, paused_gc, speaker_heading, strip_controls, walk
from model.readmodel import CorrectionView, TranscriptView

if TYPE_CHECKING:
    from model.store import Store

TMX_LANG = {"en": "en", "ja": "ja"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _stamp(view: TranscriptView) -> str:
    return view.imported_at.strftime("%Y%m%dT%H%M%SZ")


def _latest_change(block_corrections: list[CorrectionView]) -> str | None:
    dates = [c.created_at for c in block_corrections if c.status in ("proposed", "accepted")]
    return max(dates).strftime("%Y%m%dT%H%M%SZ") if dates else None


def build_tmx(view: TranscriptView, options: ExportOptions) -> ET._Element:
    """The TMX document as an element tree."""
    lead = view.lead_lang if view.lead_lang in ("en", "ja") else "en"
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "Taiyaku",
        "creationtoolversion": model.__version__,
        "segtype": "paragraph",
        "o-tmf": "Taiyaku",
        "adminlang": "en",
        "srclang": TMX_LANG[lead],
        "datatype": "plaintext",
        "creationdate": _stamp(view),
    })
    body = ET.SubElement(root, "body")
    title = strip_controls(view.title)
    both = replace(options, langs=("en", "ja"), annotations=False)
    sub = ET.SubElement
    for block in walk(view, both):
        if len(block.lines) < 2:
            continue
        attrs = {"tuid": f"{view.id}-{block.segment.id}"}
        changed = _latest_change(block.segment.corrections)
        if changed and options.text != "original":
            attrs["changedate"] = changed
        tu = sub(body, "tu", attrs)
        if block.turn.kind not in NON_SPEECH:
            sub(tu, "prop", type="x-speaker").text = strip_controls(speaker_heading(block.turn, [lead]))
        sub(tu, "prop", type="x-transcript").text = title
        sub(tu, "prop", type="x-review-state").text = block.segment.review_state
        for line in block.lines:
            tuv = sub(tu, "tuv", {XML_LANG: TMX_LANG[line.lang]})
            sub(tuv, "seg").text = strip_controls(line.text)
    return root


def render_tmx(view: TranscriptView, options: ExportOptions) -> str:
    """The transcript as a TMX 1.4b document (UTF-8 text)."""
    root = build_tmx(view, options)
    body: str = ET.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body


@register("tmx", suffix=".tmx", description="TMX 1.4b translation memory of the corrected pairs")
def export_tmx(store: Store, transcript_id: int, options: ExportOptions) -> str:
    """TMX of one transcript."""
    with paused_gc():
        return render_tmx(load_for_export(store, transcript_id), options)
