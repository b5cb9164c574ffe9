"""Round trips through the real press call: import, correct, export as text, import again."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.export import ExportOptions, get_exporter
from model.importer import import_file, import_text
from model.ops.corrections import edit_text
from model.ops.gaps import fill_gap
from model.readmodel import load_transcript

pytestmark = pytest.mark.both_engines


def structure(view):
    """What must survive a round trip: turns, their speakers' labels, segments and languages."""
    return [(t.kind, t.speaker.label if t.speaker else None,
             [(s.en is not None, s.ja is not None) for s in t.segments]) for t in view.turns]


def paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def test_an_unedited_import_exports_to_its_paragraphs_with_default_options(store, press_call: Path):
    tid = import_file(store, press_call)
    exported = get_exporter("txt")(store, tid, ExportOptions())
    source = press_call.read_text(encoding="utf-8-sig")
    expected = [p.strip("\n") for p in source.replace("\r\n", "\n").split("\n\n") if p.strip()]
    assert paragraphs(exported) == expected
    assert exported == source  # labels, markers, trailing spaces, blank lines: all as written


def test_corrected_text_reimports_to_the_same_structure(store, press_call: Path):
    tid = import_file(store, press_call)
    view = load_transcript(store, tid)
    kyoto = next(s for _t, s in view.segments() if s.en and "Kyoto News" in s.en)
    edit_text(store, kyoto.id, "en", kyoto.en.replace("Kyoto News", "Kyodo News"), category="mishearing")
    alliance = next(s for _t, s in view.segments() if s.ja and "同盟予測" in s.ja)
    edit_text(store, alliance.id, "ja", alliance.ja.replace("同盟予測", "同盟の投射"), category="mistranslation")
    gap = next(g for _t, s in view.segments() for g in s.gaps if g.lang == "en")
    fill_gap(store, gap.id, "messaging")
    text = get_exporter("txt")(store, tid, ExportOptions(annotations=False))
    assert "Kyodo News" in text and "同盟の投射" in text and "Kyoto News" not in text
    again = import_text(store, text.encode("utf-8"))
    assert structure(load_transcript(store, again)) == structure(load_transcript(store, tid))
    # Filled gaps are text now; the other gaps are found again.
    first = sum(len(s.gaps) for _t, s in load_transcript(store, tid).segments())
    second = sum(len(s.gaps) for _t, s in load_transcript(store, again).segments())
    assert second == first - 1
