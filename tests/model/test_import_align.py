"""The block aligner's bead shapes beyond 2:1 (issue 13): three paragraphs translated as one, and
two passages broken at different places on each side.

tests/data/layouts/two-blocks-3to1.txt (invented text) holds an English block whose official
says in three paragraphs what the Japanese block says in one, and a question the Japanese block
gives in three paragraphs.
"""

from __future__ import annotations

from pathlib import Path

from model.importer import ImportSummary, import_file, parse
from model.importer.align import Bead, align
from model.importer.parse import analyze
from model.readmodel import load_transcript
from tests.import_support import export_txt

FILE = Path(__file__).parents[1] / "data" / "layouts" / "two-blocks-3to1.txt"


def _segments(text: str):  # type: ignore[no-untyped-def]
    return [s for t in parse(text).turns for s in t.segments]


def test_three_english_paragraphs_translated_as_one_japanese_make_one_segment():
    segs = _segments(FILE.read_text(encoding="utf-8"))
    three = next(s for s in segs if s.en_text and s.en_text.startswith("Thank you. The new timetable"))
    assert three.pairing == "nm"
    assert three.en_text.count("\n\n") == 2 and three.en_text.endswith("residents of the islands.")
    assert three.ja_text.startswith("ありがとうございます。") and "1,200円" in three.ja_text
    # nothing is left over as an untranslated paragraph, and the question is not paired with the fare
    assert all(s.en_text is not None and s.ja_text is not None for s in segs)
    assert not any(s.en_text.startswith("The fare") for s in segs)


def test_one_english_paragraph_translated_as_three_japanese_make_one_segment():
    segs = _segments(FILE.read_text(encoding="utf-8"))
    question = next(s for s in segs if s.en_text and s.en_text.startswith("Will the harbour office"))
    assert question.pairing == "nm"
    assert question.ja_text.count("\n\n") == 2 and question.ja_text.endswith("一時間以上待つ人もいます。")


def test_the_import_summary_counts_the_three_to_one_pairs_and_the_file_comes_back(store):
    summary = ImportSummary()
    tid = import_file(store, FILE, summary=summary)
    assert (summary.layout, summary.pairs, summary.untranslated) == ("blocks", 6, 0)
    view = load_transcript(store, tid)
    assert [s.pairing for _, s in view.segments()].count("nm") == 2
    assert export_txt(store, tid, corrected=False) == FILE.read_text(encoding="utf-8")


def test_a_passage_broken_at_different_places_pairs_two_with_two():
    # The English breaks after a short opening; the Japanese after most of the passage.
    en = ["OFFICIAL: Thank you all.",
          "The harbour board met for three hours this morning and agreed on the new timetable for the "
          "northern islands, on the fares for residents and visitors, on the training budget for the "
          "inspectors and on the date of its next meeting in the autumn."]
    ja = ["高官：ありがとうございます。港湾委員会は今朝3時間会合を開き、北部諸島の新しい時刻表、住民と観光客の運賃、"
          "検査官の研修予算について合意しました。",
          "次回の会合は秋です。"]
    lead = [analyze(i, t) for i, t in enumerate(en)]
    follow = [analyze(len(en) + i, t) for i, t in enumerate(ja)]
    beads = align(lead, follow, "en")
    assert [(b.lead, b.follow) for b in beads] == [([0, 1], [0, 1])]
    assert isinstance(beads[0], Bead) and beads[0].confidence > 0.5


def test_one_to_one_pairs_stay_one_to_one():
    en = ["OFFICIAL: The ferry runs twice a day.", "It stops at three islands on the way north.",
          "The fare is 1,200 yen."]
    ja = ["高官：フェリーは1日2便です。", "北へ向かう途中で三つの島に寄ります。", "運賃は1,200円です。"]
    lead = [analyze(i, t) for i, t in enumerate(en)]
    follow = [analyze(3 + i, t) for i, t in enumerate(ja)]
    assert [(b.lead, b.follow) for b in align(lead, follow, "en")] == [([0], [0]), ([1], [1]), ([2], [2])]


# -- long files: two blocks past the first 2,000 paragraphs ------------------------------------
_EN_WORDS = ["the", "harbour", "ferry", "agreement", "islands", "will", "run", "fund", "inspectors", "and", "of"]
_JA_WORDS = ["港湾", "フェリー", "協定", "島々", "基金", "検査官", "時刻表", "について", "します", "また"]


def _long_two_blocks(turns: int) -> str:
    """An invented briefing of ``turns`` labelled turns (some of two paragraphs): English, then Japanese."""
    import random

    rng = random.Random(11)
    en, ja = ["Briefing on the Harbour Agreement"], ["港湾協定に関するブリーフィング"]
    for i in range(turns):
        lab_en, lab_ja = (("MODERATOR", "司会"), ("DIRECTOR OKADA", "岡田局長"), ("Q", "質問"))[i % 3]
        words, boats = rng.randint(5, 40), rng.randint(10, 5000)
        sentence = " ".join(rng.choice(_EN_WORDS) for _ in range(words)).capitalize()
        en.append(f"{lab_en}: {sentence} {boats} boats.")
        ja.append(f"{lab_ja}：" + "".join(rng.choice(_JA_WORDS) for _ in range(words // 2 + 1)) + f"{boats}隻です。")
        if rng.random() < 0.3:
            words = rng.randint(5, 30)
            en.append(" ".join(rng.choice(_EN_WORDS) for _ in range(words)).capitalize() + ".")
            ja.append("".join(rng.choice(_JA_WORDS) for _ in range(words // 2 + 1)) + "。")
    return "\n\n".join(en) + "\n\n\n" + "\n\n".join(ja) + "\n"


def test_two_blocks_longer_than_the_look_ahead_are_still_two_blocks():
    from model.importer.parse import LOOKAHEAD

    text = _long_two_blocks(820)
    doc = parse(text)
    assert len(doc.paragraphs) > LOOKAHEAD
    assert (doc.layout, doc.lead_lang) == ("blocks", "en")
    segs = [s for t in doc.turns for s in t.segments]
    assert all(s.en_text is not None and s.ja_text is not None for s in segs)
    assert len(segs) == len(doc.paragraphs) // 2
    # each pair keeps its own number on both sides: nothing slid one paragraph off
    assert all(s.en_text.rsplit(" ", 2)[-2] + "隻" in s.ja_text for s in segs if s.en_text.endswith(" boats."))


def test_a_long_interleaved_file_is_not_read_whole_to_rule_out_two_blocks():
    from model.importer.parse import LOOKAHEAD, Parser

    read = 0

    def chunks():  # one paragraph a chunk, counted as the parser asks for them
        nonlocal read
        for i in range(3 * LOOKAHEAD):
            read += 1
            yield (f"OFFICIAL: Paragraph number {i} of the call.\n\n" if i % 2 == 0 else
                   f"高官：通話の第{i}段落です。\n\n")

    parser = Parser(chunks())
    assert parser.layout == "interleaved"
    assert read <= LOOKAHEAD + 2  # the look-ahead, not the file
    assert sum(1 for t in parser.turns() for s in t.segments if s.en_text and s.ja_text) == 3 * LOOKAHEAD // 2


def test_a_long_aligner_run_keeps_to_a_band_and_finds_the_same_pairs():
    from model.importer.parse import Parser, find_blocks

    paras = list(Parser(_long_two_blocks(60)).paragraphs())
    split = find_blocks(paras)
    assert split is not None
    first, second = paras[:split], paras[split:]
    narrow = [(b.lead, b.follow) for b in align(first, second, "en", band=3)]
    assert narrow == [(b.lead, b.follow) for b in align(first, second, "en", band=10_000)]
