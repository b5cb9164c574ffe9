"""Edges of the importer that mutation testing found untested (docs/mutation.md)."""

from __future__ import annotations

from model.importer import parse
from model.importer.parsed import ImportSummary


def test_a_time_given_only_on_the_japanese_paragraph_is_the_turns_time():
    doc = parse("MR. SMITH: Good morning.\n\nスミス氏：おはようございます。\n\n"
                "Q: A question about the visit.\n\n[00:01:12] Q: 訪問についての質問です。\n")
    assert [(t.timestamp, t.segments[0].en_text) for t in doc.turns] == [
        (None, "Good morning."), ("00:01:12", "A question about the visit.")]


def test_a_translators_note_is_not_counted_as_a_marker_in_the_import_summary():
    doc = parse("MR. SMITH: Good morning.\n\nスミス氏：おはようございます。\n\n訳注：「同盟」は日米同盟を指す。\n")
    assert [t.kind for t in doc.turns] == ["speech", "note"]
    summary = ImportSummary()
    for turn in doc.turns:
        summary.count(turn)
    assert (summary.turns, summary.pairs, summary.markers, summary.untranslated) == (2, 1, 0, 0)
