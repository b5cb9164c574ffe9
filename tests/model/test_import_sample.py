"""The real press call (../shared/samples): facts an annotator would notice at once."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from model.importer import import_file
from model.importer.parse import iter_paragraphs
from model.readmodel import TranscriptView, load_transcript
from tests.import_support import export_txt


@pytest.fixture
def imported(store, press_call: Path) -> TranscriptView:
    tid = import_file(store, press_call)
    return load_transcript(store, tid)


def _turn_text(turn, lang="en") -> str:
    return "\n".join(s.original(lang) or "" for s in turn.segments)


def _speech_turns(view):
    return [t for t in view.turns if t.kind == "speech"]


def test_title_line_gives_title_source_and_date(imported):
    assert imported.title == "日本の岸田文雄内閣総理大臣の米国公式訪問をプレビューする記者会見の背景"
    assert imported.source == "ホワイトハウス 国家安全保障会議"
    assert imported.event_date == "2024-04-09"
    assert imported.encoding == "utf-8"
    # The title line is Japanese, yet the file is English first with Japanese translations.
    assert imported.lead_lang == "en"
    first = imported.turns[0]
    assert first.kind == "title" and first.speaker is None


def test_call_starts_mid_speech_with_an_unknown_speaker(imported):
    turn = imported.turns[1]
    assert turn.kind == "speech"
    assert turn.speaker.role == "unknown" and turn.speaker.label is None
    assert len(turn.segments) == 4
    assert turn.segments[0].en_orig.startswith("So, look, I think")


def test_gap_counts_per_language(imported):
    gaps = [g for _, seg in imported.segments() for g in seg.gaps]
    assert sum(g.lang == "en" for g in gaps) == 17
    assert sum(g.lang == "ja" for g in gaps) == 5
    assert all(g.status == "open" and g.origin == "import" for g in gaps)
    for _, seg in imported.segments():  # offsets index the text without the label
        for g in seg.gaps:
            assert seg.original(g.lang)[g.start:g.end] == g.text


def test_japanese_gaps_are_linked_to_their_english_counterparts(imported):
    seg = next(s for _, s in imported.segments() if (s.en_orig or "").startswith("Thank you so much for this"))
    en, ja = seg.gaps_in("en"), seg.gaps_in("ja")
    assert len(en) == len(ja) == 3
    for a, b in zip(en, ja, strict=True):
        assert a.counterpart_id == b.id and b.counterpart_id == a.id


def test_senior_official_is_one_redacted_speaker_with_japanese_label(imported):
    officials = [sp for sp in imported.speakers.values() if sp.label_en == "SENIOR ADMINISTRATION OFFICIAL"]
    assert len(officials) == 1
    sp = officials[0]
    assert sp.label_ja == "政府高官"
    assert sp.role == "official" and sp.redacted
    # The Japanese paragraph that repeats the English label is the same speaker's turn.
    turn = next(t for t in imported.turns if t.segments[0].ja_prefix == "政府高官: ")
    assert turn.speaker.id == sp.id
    assert turn.segments[0].en_prefix == "SENIOR ADMINISTRATION OFFICIAL: "


def test_same_label_twice_in_a_row_is_two_turns(imported):
    speech = _speech_turns(imported)
    pairs = [(a, b) for a, b in pairwise(speech)
             if a.speaker.label_en == b.speaker.label_en == "SENIOR ADMINISTRATION OFFICIAL"]
    assert len(pairs) == 1  # two officials answer one after the other
    first, second = pairs[0]
    assert first.segments[0].en_orig.startswith("Well, let me say about alliance projection")
    assert second.segments[0].en_orig.startswith("I would just add one other thing")


def test_operator_introduction_proposes_name_and_affiliation(imported):
    suggestions = [(t, s) for t in imported.turns for s in t.suggestions]
    names = [(s.name, s.affiliation) for _, s in suggestions]
    assert names == [("Ken Moriyasu", "Nikkei Asia"), (None, "Kyoto News"), ("Jennifer Jacobs", "Bloomberg News"),
                     ("Ryo Kiyomiya", "Asahi Shimbun"), ("Prashant Jha", "Hindustan Times"),
                     ("Sang-ho Song", "Yonhap News Agency")]
    ken_turn = suggestions[0][0]
    assert ken_turn.speaker.label_en == "Q" and ken_turn.speaker.role == "journalist"
    assert ken_turn.segments[0].en_orig.startswith("Hello, thank you very much")
    assert all(s.status == "pending" for _, s in suggestions)


def test_each_introduced_caller_is_a_new_questioner(imported):
    q_speakers = [sp for sp in imported.speakers.values() if sp.label_en == "Q"]
    assert len(q_speakers) == 6
    speech = _speech_turns(imported)
    follow_up = next(t for t in speech if t.segments[0].en_orig.startswith("Could I ask also"))
    sang_ho = next(t for t in speech if any(s.name == "Sang-ho Song" for s in t.suggestions))
    assert follow_up.speaker.id == sang_ho.speaker.id  # no introduction in between: same person
    # "And my second question is that: ..." has a colon but is not a label: it continues the turn.
    assert [s.en_orig[:20] for s in sang_ho.segments][1] == "And my second questi"


def test_closing_time_line_is_not_the_moderators_speech(imported):
    last = imported.turns[-1]
    assert last.kind == "time" and last.speaker is None
    assert last.segments[0].en_orig == "6:22 P.M. EDT"
    assert last.segments[0].ja_orig.startswith("午後6時22分") and "(注;" in last.segments[0].ja_orig
    moderator = imported.turns[-2]
    assert moderator.speaker.label_en == "MODERATOR"
    assert "6:22" not in _turn_text(moderator)


def test_redactions_in_both_languages(imported):
    reds = [r for _, seg in imported.segments() for r in seg.redactions]
    texts = {r.text for r in reds}
    assert {"[senior administration official]", "[SENIOR ADMINISTRATION OFFICIAL]", "[政府高官]",
            "【政府高官】"} <= texts
    assert {r.lang for r in reds if r.text == "【政府高官】"} == {"ja"}
    assert "(政府高官は)" not in texts  # a translator's insertion, not a redaction


def test_lossless_export_gives_back_the_file(store, press_call: Path):
    tid = import_file(store, press_call)
    source = press_call.read_text(encoding="utf-8")
    original = [p for p, _ in iter_paragraphs(source)]
    assert len(original) == 67
    exported = export_txt(store, tid, corrected=False)
    assert [p for p, _ in iter_paragraphs(exported)] == original
    assert exported == source  # blank lines, lines of spaces and all, as the file has them
    # Trailing spaces and labels are kept character for character.
    assert original[0].endswith("2024/4/9 ")
    assert "SENIOR ADMINISTRATION OFFICIAL: [SENIOR ADMINISTRATION OFFICIAL]さん" in exported
