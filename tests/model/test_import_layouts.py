"""The layouts published transcripts come in (issue 13), each on a file written here with invented text.

tests/data/layouts/ holds one file per layout: White House style (no-break spaces
after labels, hard-wrapped lines, stage markers), Foreign Ministry style (【…】
labels, ``Surname, Outlet:``, era dates), two blocks, two files, an interleaved
file where one translation covers two paragraphs, and a blog's preamble with
mixed-language paragraphs and questioners introducing themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from model.importer import ImportSummary, import_file, parse
from model.readmodel import load_transcript
from tests.import_support import export_txt

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"


def _read(name: str) -> str:
    return (LAYOUTS / name).read_text(encoding="utf-8")


def _speech(doc):  # type: ignore[no-untyped-def]
    return [t for t in doc.turns if t.kind == "speech"]


def _who(doc, turn) -> str | None:  # type: ignore[no-untyped-def]
    sp = doc.speakers[turn.speaker]
    return sp.label_en or sp.label_ja


# -- round trip: every layout's file comes back exactly --------------------------------------
@pytest.mark.parametrize("name", ["whitehouse-nbsp.txt", "mofa-interleaved.txt", "two-blocks.txt",
                                  "interleaved-nm.txt", "preamble-blog.txt", "two-files-en.txt"])
def test_an_unedited_import_exports_to_the_files_text(store, name: str):
    tid = import_file(store, LAYOUTS / name)
    assert export_txt(store, tid, corrected=False) == _read(name)


def test_lines_of_spaces_come_back_as_they_were(store, tmp_path: Path):
    text = "MODERATOR: Welcome.\n   \n司会：ようこそ。\n\u3000\n\nQ: Thanks.\n \t \n\n質問：どうも。\n"
    path = tmp_path / "spaces.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    tid = import_file(store, path)
    exported = export_txt(store, tid, corrected=False)
    assert exported == text.replace("\n", "\r\n")


# -- 1. no-break spaces around labels ---------------------------------------------------
def test_q_and_labels_followed_by_no_break_spaces_make_turns():
    doc = parse(_read("whitehouse-nbsp.txt"))
    speech = _speech(doc)
    assert [_who(doc, t) for t in speech] == ["PRESIDENT ALDER", "PRIME MINISTER KAWASE", "Q", "PRESIDENT ALDER",
                                               "Q", "PRIME MINISTER KAWASE", "PRESIDENT ALDER"]
    assert doc.speakers[speech[2].speaker].role == "journalist"
    for turn in speech:  # the no-break space stays in the prefix, not at the start of the speech
        assert not turn.segments[0].en_text.startswith(("\u00a0", " "))
    assert speech[2].segments[0].en_prefix == "Q\u00a0\u00a0\u00a0 "


def test_any_unicode_space_counts_around_a_label():
    doc = parse("MODERATOR:\u2009Welcome.\n\n\u3000司会：\u00a0ようこそ。\n\n"
                "Q\u3000Is it late?\n\n質問\u202f: 遅いですか。\n")
    assert [(_who(doc, t), len(t.segments)) for t in _speech(doc)] == [("MODERATOR", 1), ("Q", 1)]
    assert [s.ja_text for t in doc.turns for s in t.segments] == ["ようこそ。", "遅いですか。"]


# -- 2. Foreign Ministry labels ---------------------------------------------------------
def test_lenticular_labels_and_comma_labels_make_turns_and_speakers():
    doc = parse(_read("mofa-interleaved.txt"))
    assert doc.lead_lang == "ja"
    speech = _speech(doc)
    assert len(speech) == 5
    labels = [(doc.speakers[t.speaker].label_ja, doc.speakers[t.speaker].label_en) for t in speech]
    assert labels[1] == ("テレビ東京\u3000鵜川記者", "Ukawa, TV Tokyo")
    minister = doc.speakers[speech[0].speaker]
    assert speech[2].speaker == speech[0].speaker == speech[4].speaker  # "Minister Sakuraba" is the same person
    assert minister.role == "official" and not minister.redacted
    reporter = doc.speakers[speech[1].speaker]
    assert reporter.role == "journalist" and reporter.affiliation == "テレビ東京" and reporter.name == "鵜川"
    assert doc.speakers[speech[3].speaker].affiliation == "共同通信"
    assert len(doc.speakers) == 3


def test_an_english_comma_label_alone_gives_name_and_outlet():
    doc = parse("Ukawa, TV Tokyo: Are forty enough?\n\nMr. Kenji Sakuraba, Minister for Foreign Affairs: Yes.\n")
    first, second = (doc.speakers[t.speaker] for t in _speech(doc))
    assert (first.name, first.affiliation, first.role) == ("Ukawa", "TV Tokyo", "journalist")
    assert (second.name, second.affiliation, second.role) == ("Kenji Sakuraba", None, "official")


def test_a_bracketed_address_is_not_a_label():
    doc = parse("SENIOR ADMINISTRATION OFFICIAL: Thanks.\n\n【政府高官】さん、ありがとうございます。\n")
    assert len(_speech(doc)) == 1


# -- 6. editorial and stage markers --------------------------------------------------------
def test_markers_are_classified_kept_and_never_paired():
    doc = parse(_read("whitehouse-nbsp.txt"))
    kinds = [t.kind for t in doc.turns if t.kind != "speech"]
    assert kinds == ["note", "title", "title", "title", "time", "reaction", "reaction", "crosstalk", "end", "time"]
    crosstalk = next(t for t in doc.turns if t.kind == "crosstalk")
    assert [g.kind for g in crosstalk.segments[0].gaps] == ["crosstalk"]  # counts as a gap
    mofa = parse(_read("mofa-interleaved.txt"))
    omission = next(t for t in mofa.turns if t.kind == "omission")
    seg = omission.segments[0]
    assert (seg.ja_text, seg.en_text, seg.pairing) == ("（中略）", None, "marker")  # not paired with the question
    after = mofa.turns[omission.position + 1]
    assert after.kind == "speech" and after.segments[0].ja_text.startswith("ＡＳＥＡＮ")
    assert after.segments[0].en_text.startswith("I would like to ask about relations")


@pytest.mark.parametrize(("text", "kind"), [
    ("(中略)", "omission"), ("（略）", "omission"), ("[…]", "omission"), ("(Laughter.)", "reaction"),
    ("(Applause.)", "reaction"), ("(As interpreted.)", "interpretation"), ("（通訳）", "interpretation"),
    ("(Cross-talk.)", "crosstalk"), ("(crosstalk)", "crosstalk"), ("END", "end"), ("1:23 P.M. EDT", "time"),
    ("(注：時差は13時間)", "note")])
def test_each_marker_kind(text: str, kind: str):
    doc = parse(f"MODERATOR: Welcome.\n\n{text}\n\n司会：ようこそ。\n")
    assert [t.kind for t in doc.turns] == ["speech", kind, "speech"]


# -- 7. hard-wrapped lines -----------------------------------------------------------------
def test_hard_wrapped_lines_are_one_paragraph():
    doc = parse(_read("whitehouse-nbsp.txt"))
    first = _speech(doc)[0]
    assert len(first.segments) == 2
    assert first.segments[0].en_text.count("\n") == 2  # kept as written; the window reflows them


# -- 8. preamble, title and date -------------------------------------------------------------
def test_title_and_date_come_from_the_heading_not_the_navigation():
    doc = parse(_read("whitehouse-nbsp.txt"))
    assert doc.title == "Remarks by President Alder and Prime Minister Kawase in Joint Press Conference"
    assert doc.event_date == "2025-03-03"
    blog = parse(_read("preamble-blog.txt"))
    assert blog.title == "Press Conference by the Chief Harbour Commissioner"
    assert [t.kind for t in blog.turns[:4]] == ["note", "note", "note", "title"]
    assert blog.event_date == "2025-03-14"
    assert all(t.speaker is None or blog.speakers[t.speaker].role != "unknown" for t in blog.turns)


def test_japanese_era_dates_become_iso():
    assert parse(_read("mofa-interleaved.txt")).event_date == "2024-04-09"
    doc = parse("（平成28年4月1日（金曜日）8時40分　於：本省会見室）\n\n【大臣】おはようございます。\n")
    assert doc.event_date == "2016-04-01"


# -- 9. mixed-language paragraphs ----------------------------------------------------------
def test_language_is_decided_by_the_share_of_scripts():
    doc = parse(_read("preamble-blog.txt"))
    q = _speech(doc)[1]
    assert "（a fresh start" in q.segments[0].ja_text  # a Japanese paragraph with a long English aside
    assert "(新たな出発)" in q.segments[0].en_text  # an English one quoting Japanese
    assert q.segments[0].pairing == "label"


# -- 10. questioners introduced ------------------------------------------------------------
def test_questioners_introduced_become_suggestions():
    doc = parse(_read("preamble-blog.txt"))
    suggestions = [(t.suggestion.name, t.suggestion.affiliation) for t in doc.turns if t.suggestion]
    assert suggestions == [("Shimizu", "NHK"), ("Nakakuki", "Kyodo News")]
    given = parse("PRESIDENT ALDER: Thank you. Jordan Fabian of Bloomberg.\n\nQ: Thank you, sir.\n")
    assert [(t.suggestion.name, t.suggestion.affiliation) for t in given.turns if t.suggestion] == [
        ("Jordan Fabian", "Bloomberg")]
    moderator = parse("MODERATOR: Mr. Shimizu, please.\n\nQ: A question on fares.\n")
    assert [t.suggestion.name for t in moderator.turns if t.suggestion] == ["Shimizu"]


# -- 3. two blocks ---------------------------------------------------------------------------
def test_two_blocks_are_detected_and_aligned_with_an_n_to_1_pair():
    doc = parse(_read("two-blocks.txt"))
    assert (doc.layout, doc.lead_lang) == ("blocks", "en")
    segs = [s for t in doc.turns for s in t.segments]
    assert all(s.en_text is not None and s.ja_text is not None for s in segs)  # nothing left untranslated
    nm = [s for s in segs if s.pairing == "nm"]
    assert len(nm) == 1 and "$2 billion" in nm[0].en_text and "20億ドル" in nm[0].ja_text
    assert nm[0].en_text.count("\n\n") == 1  # two English paragraphs, their blank line kept inside
    assert [_who(doc, t) for t in _speech(doc)] == ["MODERATOR", "DIRECTOR OKADA", "Q", "DIRECTOR OKADA",
                                                     "MODERATOR"]
    assert doc.speakers[_speech(doc)[1].speaker].label_ja == "岡田局長"


def test_japanese_first_blocks_lead_with_japanese():
    en, ja = _read("two-files-en.txt"), _read("two-files-ja.txt")
    doc = parse(ja.rstrip("\n") + "\n\n" + en)
    assert (doc.layout, doc.lead_lang) == ("blocks", "ja")
    assert sum(1 for t in doc.turns for s in t.segments if s.en_text and s.ja_text) == 7


# -- 4. two files ----------------------------------------------------------------------------
def test_two_files_are_aligned_into_one_transcript(store):
    summary = ImportSummary()
    tid = import_file(store, LAYOUTS / "two-files-en.txt", translation=LAYOUTS / "two-files-ja.txt",
                      summary=summary)
    view = load_transcript(store, tid)
    assert view.layout == "files" and view.lead_lang == "en"
    pairs = [(s.en, s.ja) for _, s in view.segments() if s.en and s.ja]
    assert len(pairs) == 7
    assert (summary.layout, summary.pairs, summary.untranslated) == ("files", 7, 0)


# -- 5. one translation for two source paragraphs (interleaved) ----------------------------------
def test_a_translation_covering_two_paragraphs_leaves_neither_untranslated():
    doc = parse(_read("interleaved-nm.txt"))
    segs = [s for t in doc.turns for s in t.segments]
    assert all(s.en_text and s.ja_text for s in segs)
    nm = next(s for s in segs if s.pairing == "nm")
    assert nm.en_text.startswith("First, the ferry") and "Second, the harbour office" in nm.en_text


def test_an_untranslated_paragraph_before_a_translated_one_stays_untranslated():
    text = ("OFFICIAL: I'm happy to take this one, and I will keep it short.\n\n"
            "We think the ferry brings a great deal to the islands, and we will say so tomorrow.\n\n"
            "フェリーは島々に大きな恩恵をもたらすと考えており、明日そう発表します。\n")
    segs = [s for t in parse(text).turns for s in t.segments]
    assert [(s.en_text is not None, s.ja_text is not None) for s in segs] == [(True, False), (True, True)]


def test_a_translation_covering_three_paragraphs_pairs_all_three():
    text = ("SPOKESPERSON: I have three announcements today.\n\n"
            "報道官：本日は三つお知らせがあります。\n\n"
            "SPOKESPERSON: First, the ferry to the northern islands will run twice a day from May 12.\n\n"
            "Second, the harbour office will open a new counter for residents on weekdays.\n\n"
            "Third, the lighthouse on the western cape will be open to visitors from June 1.\n\n"
            "報道官：第一に、北部諸島へのフェリーは5月12日から1日2便となります。第二に、港湾事務所は平日に"
            "住民向けの新しい窓口を開設します。第三に、西の岬の灯台は6月1日から見学できるようになります。\n\n"
            "Q: Thank you.\n\n質問：ありがとうございます。\n")
    segs = [s for t in parse(text).turns for s in t.segments]
    assert all(s.en_text and s.ja_text for s in segs)  # nothing left untranslated
    nm = next(s for s in segs if s.pairing == "nm")
    assert nm.en_text.count("\n\n") == 2 and nm.en_text.startswith("First, the ferry")
    assert "Third, the lighthouse" in nm.en_text and nm.ja_text.startswith("第一に")


def test_a_translation_of_the_last_two_of_three_paragraphs_leaves_the_first_untranslated():
    text = ("OFFICIAL: I'm happy to take this one, and I will keep it short and to the point today.\n\n"
            "First, the ferry to the northern islands will run twice a day from May 12.\n\n"
            "Second, the harbour office will open a new counter for residents on weekdays.\n\n"
            "第一に、北部諸島へのフェリーは5月12日から1日2便となります。第二に、港湾事務所は平日に"
            "住民向けの新しい窓口を開設します。\n")
    segs = [s for t in parse(text).turns for s in t.segments]
    assert [(s.en_text is not None, s.ja_text is not None) for s in segs] == [(True, False), (True, True)]
    assert segs[1].pairing == "nm" and segs[1].en_text.startswith("First, the ferry")


# -- how sure the pairing is -------------------------------------------------------------------
def test_a_doubtful_pair_becomes_a_check_this_pairing_finding(store):
    from model.importer import import_text
    from model.qa import run_checks

    text = ("The harbour board met for three hours this morning and agreed on the timetable, the fares, the "
            "inspectors, the training budget, the southern route study, and the date of the next meeting, "
            "which will be held in the autumn once the parliaments have approved the fund.\n\n"
            "はい。\n\n"
            "OFFICIAL: Thank you.\n\n"
            "高官：ありがとうございます。\n")
    tid = import_text(store, text)
    segs = [s for _, s in load_transcript(store, tid).segments()]
    assert segs[0].pairing == "interleaved" and segs[0].confidence is not None and segs[0].confidence < 0.5
    assert segs[1].pairing == "label" and segs[1].confidence >= 0.9
    findings = [f for f in run_checks(store, tid) if f.check == "pairing"]
    assert [f.segment_id for f in findings] == [segs[0].id]
    assert findings[0].message.startswith("check this pairing")


def test_an_english_paragraph_covering_two_japanese_ones_in_a_japanese_led_file():
    text = ("【報道官】こんにちは。\n\nSpokesperson: Good afternoon.\n\n"
            "第一に、北部諸島へのフェリーは5月12日から1日2便となり、夏季は週14便となります。\n\n"
            "第二に、港湾事務所は住民向けの新しい窓口を開設し、平日は6人が対応します。\n\n"
            "First, the ferry to the northern islands will run twice a day from May 12, with 14 crossings a week "
            "in the summer season. Second, the harbour office will open a new counter for residents, staffed by "
            "6 people on weekdays.\n")
    doc = parse(text)
    assert doc.lead_lang == "ja"
    segs = [s for t in doc.turns for s in t.segments]
    assert [s.pairing for s in segs] == ["label", "nm"]
    assert segs[1].ja_text.count("\n\n") == 1
