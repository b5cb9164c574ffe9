"""The parser on small transcripts written here, one case of the importer's brief at a time."""

from __future__ import annotations

import pytest

from model.errors import ImportRefused
from model.importer import parse
from model.importer.parse import iter_paragraphs


def _speech(doc):
    return [t for t in doc.turns if t.kind == "speech"]


def _label(doc, turn) -> str | None:
    sp = doc.speakers[turn.speaker]
    return sp.label_en or sp.label_ja


def _lossless(text: str, doc) -> None:
    """Every paragraph is prefix + text of one segment side, in order."""
    expected = [p for p, _ in iter_paragraphs(text)]
    lead, other = doc.lead_lang, "ja" if doc.lead_lang == "en" else "en"
    got = [seg.paragraph(lang) for t in doc.turns for seg in t.segments for lang in (lead, other)
           if seg.paragraph(lang) is not None]
    assert got == expected
    assert [p.text for p in doc.paragraphs] == expected


EN_FIRST = """\
MODERATOR: Good afternoon. Thank you for joining.

司会: こんにちは。ご参加ありがとうございます。

MS. DALTON: Thanks. Let me start with the schedule.

ダルトン氏: ありがとうございます。日程から始めます。

The President will travel on Monday.

大統領は月曜日に出発します。

And he returns on Friday.

MS. DALTON: One more thing about the dinner.
"""


def test_english_first_pairs_translations_and_labels():
    doc = parse(EN_FIRST)
    assert doc.lead_lang == "en"
    turns = _speech(doc)
    assert [_label(doc, t) for t in turns] == ["MODERATOR", "MS. DALTON", "MS. DALTON"]
    moderator = doc.speakers[turns[0].speaker]
    assert (moderator.label_en, moderator.label_ja, moderator.role) == ("MODERATOR", "司会", "moderator")
    dalton = doc.speakers[turns[1].speaker]
    assert (dalton.label_ja, dalton.role, dalton.redacted) == ("ダルトン氏", "official", False)
    # A paragraph without a label continues the turn; an untranslated one has no Japanese.
    assert [(s.en_text, s.ja_text) for s in turns[1].segments] == [
        ("Thanks. Let me start with the schedule.", "ありがとうございます。日程から始めます。"),
        ("The President will travel on Monday.", "大統領は月曜日に出発します。"),
        ("And he returns on Friday.", None)]
    assert turns[1].segments[0].ja_prefix == "ダルトン氏: "
    # The same label again after the untranslated paragraph is a new turn of the same speaker.
    assert turns[2].speaker == turns[1].speaker
    _lossless(EN_FIRST, doc)


JA_FIRST = """\
司会：それでは始めます。最初の質問をどうぞ。

MODERATOR: Let's begin. First question, please.

質問：防衛費について伺います。

Q: I'd like to ask about defense spending.

報道官：ご質問ありがとうございます。（聞き取れない）の件は後ほど。

PRESS SECRETARY: Thank you for the question. I'll come back to (inaudible) later.

詳細は明日発表します。

Details will be announced tomorrow.
"""


def test_japanese_first_file_with_full_width_colons():
    doc = parse(JA_FIRST)
    assert doc.lead_lang == "ja"
    turns = _speech(doc)
    speakers = [doc.speakers[t.speaker] for t in turns]
    assert [(s.label_ja, s.label_en, s.role) for s in speakers] == [
        ("司会", "MODERATOR", "moderator"), ("質問", "Q", "journalist"), ("報道官", "PRESS SECRETARY", "official")]
    seg = turns[2].segments[0]
    assert seg.ja_prefix == "報道官：" and seg.ja_text.startswith("ご質問ありがとう")
    assert seg.en_prefix == "PRESS SECRETARY: "
    assert [(g.lang, g.text) for g in seg.gaps] == [("ja", "（聞き取れない）"), ("en", "(inaudible)")]
    assert [(s.ja_text, s.en_text) for s in turns[2].segments][1] == (
        "詳細は明日発表します。", "Details will be announced tomorrow.")
    _lossless(JA_FIRST, doc)


TIMESTAMPED = """\
[00:00:05] MODERATOR: Welcome, everyone.

[00:00:05] 司会: 皆さん、ようこそ。

[00:01:12] Q: When is the summit?

[00:01:12] Q: 首脳会談はいつですか。

[00:01:30] The summit is next week.

(00:02:00) MR. SMITH: Thank you.
"""


def test_timestamps_before_labels_are_kept_with_the_turn():
    doc = parse(TIMESTAMPED)
    turns = _speech(doc)
    assert [t.timestamp for t in turns] == ["00:00:05", "00:01:12", "00:02:00"]
    assert turns[1].segments[0].en_prefix == "[00:01:12] Q: "
    assert turns[1].segments[0].ja_prefix == "[00:01:12] Q: "
    # A timestamp without a label continues the turn, and stays in the paragraph's prefix.
    assert turns[1].segments[1].en_prefix == "[00:01:30] "
    assert _label(doc, turns[2]) == "MR. SMITH" and doc.speakers[turns[2].speaker].role == "official"
    _lossless(TIMESTAMPED, doc)


NON_SPEECH = """\
Background Press Call on the State Visit   The White House   April 9, 2024

Tuesday, April 9, 2024

So that is where we stand on the first point.

SENIOR ADMINISTRATION OFFICIAL: Thanks for joining.

政府高官: ご参加ありがとうございます。

(注: 発言者の氏名は伏せられています)

And that is all from me.

4:45 P.M. EDT

午後4時45分 アメリカ東部夏時間
"""


def test_title_date_time_and_note_are_their_own_turns():
    doc = parse(NON_SPEECH)
    assert doc.title == "Background Press Call on the State Visit"
    assert doc.source == "The White House"
    assert doc.event_date == "2024-04-09"
    kinds = [(t.kind, t.speaker is None) for t in doc.turns]
    assert kinds == [("title", True), ("title", True), ("speech", False), ("speech", False), ("note", True),
                     ("speech", False), ("time", True)]
    unknown = doc.speakers[doc.turns[2].speaker]
    assert unknown.role == "unknown" and unknown.label_en is None and unknown.label_ja is None
    # After the translator's note the official goes on: a new turn of the same speaker, not the note's.
    assert doc.turns[5].speaker == doc.turns[3].speaker
    assert doc.turns[5].segments[0].en_text == "And that is all from me."
    assert doc.turns[4].segments[0].ja_text.startswith("(注:")
    time = doc.turns[6].segments[0]
    assert (time.en_text, time.ja_text) == ("4:45 P.M. EDT", "午後4時45分 アメリカ東部夏時間")
    _lossless(NON_SPEECH, doc)


GAPS = """\
OPERATOR: Next caller. (Inaudible) from the room.

Q: I wanted to ask (inaudible) about [inaudible] and (unintelligible) and (crosstalk) today.

Q: 私は（聞き取れない）について(聞き取れない)と［聞き取れない］を伺いたい。

SENIOR ADMINISTRATION OFFICIAL: As [senior administration official] said, and as [Name Redacted] added.

政府高官: [政府高官]が述べたように、【政府高官】も付け加えました。
"""


def test_gap_markers_in_both_languages_with_positions_and_kinds():
    doc = parse(GAPS)
    seg = _speech(doc)[1].segments[0]
    en = [(g.text, g.kind) for g in seg.gaps if g.lang == "en"]
    ja = [g.text for g in seg.gaps if g.lang == "ja"]
    assert en == [("(inaudible)", "inaudible"), ("[inaudible]", "inaudible"),
                  ("(unintelligible)", "unintelligible"), ("(crosstalk)", "crosstalk")]
    assert ja == ["（聞き取れない）", "(聞き取れない)", "［聞き取れない］"]
    for g in seg.gaps:
        text = seg.en_text if g.lang == "en" else seg.ja_text
        assert text[g.start:g.end] == g.text
    assert seg.en_text.index("(inaudible)") == seg.gaps[0].start
    assert [g.text for g in _speech(doc)[0].segments[0].gaps] == ["(Inaudible)"]


def test_redactions_are_recognised_and_the_label_is_redacted():
    doc = parse(GAPS)
    seg = _speech(doc)[2].segments[0]
    assert [(r.lang, r.text) for r in seg.redactions] == [
        ("en", "[senior administration official]"), ("en", "[Name Redacted]"), ("ja", "[政府高官]"),
        ("ja", "【政府高官】")]
    for r in seg.redactions:
        text = seg.en_text if r.lang == "en" else seg.ja_text
        assert text[r.start:r.end] == r.text
    official = doc.speakers[_speech(doc)[2].speaker]
    assert official.redacted and official.role == "official"


CALLERS = """\
OPERATOR: Moving to the next caller. Ken Moriyasu from Nikkei Asia. Please go ahead.

Q Hello, thank you. What about Ukraine?

Q こんにちは。ウクライナについてはどうですか。

SENIOR ADMINISTRATION OFFICIAL: They are a global partner.

Q Could I follow up on that?

OPERATOR: Moving to the next caller. (Inaudible) with Kyodo News. Your line is unmuted.

Q Hi. A question on AUKUS.

OPERATOR: Our next question comes from Jennifer Jacobs of Bloomberg News.

Q Hey, thanks.

[政府高官]: 次に進みます。

[senior administration official]: Let's move on.
"""


def test_operator_introductions_propose_questioners():
    doc = parse(CALLERS)
    turns = _speech(doc)
    suggested = [(t.suggestion.name, t.suggestion.affiliation) for t in turns if t.suggestion]
    assert suggested == [("Ken Moriyasu", "Nikkei Asia"), (None, "Kyodo News"),
                         ("Jennifer Jacobs", "Bloomberg News")]
    ken, follow_up, kyodo = turns[1], turns[3], turns[5]
    assert ken.suggestion.source_turn == turns[0].position
    assert follow_up.suggestion is None and follow_up.speaker == ken.speaker  # no introduction between
    assert kyodo.speaker != ken.speaker
    questioners = [s for s in doc.speakers if s.label_en == "Q"]
    assert len(questioners) == 3 and all(s.role == "journalist" for s in questioners)


JA_CALLERS = """\
オペレーター：次は日経アジアのケン・モリヤスさんです。どうぞ。

OPERATOR: Next is Ken Moriyasu of Nikkei Asia. Go ahead.

質問：ありがとうございます。

Q: Thank you.

オペレーター：次の方どうぞ。共同通信の（聞き取れない）さんです。

質問：はい、伺います。
"""


def test_introductions_in_a_japanese_first_file():
    doc = parse(JA_CALLERS)
    assert doc.lead_lang == "ja"
    turns = _speech(doc)
    assert [(t.suggestion.name, t.suggestion.affiliation) if t.suggestion else None for t in turns] == [
        None, ("Ken Moriyasu", "Nikkei Asia"), None, (None, "共同通信")]
    assert turns[1].speaker != turns[3].speaker  # a newly introduced caller is a new questioner
    assert doc.speakers[turns[0].speaker].label_ja == "オペレーター"


def test_bracketed_labels_are_redacted_speakers():
    doc = parse(CALLERS)
    ja_turn, en_turn = _speech(doc)[-2:]
    assert ja_turn.segments[0].ja_prefix == "[政府高官]: " and ja_turn.segments[0].en_text is None
    assert en_turn.segments[0].en_prefix == "[senior administration official]: "
    for turn, label in ((ja_turn, "政府高官"), (en_turn, "senior administration official")):
        sp = doc.speakers[turn.speaker]
        # "[senior administration official]" is the same label as "SENIOR ADMINISTRATION OFFICIAL" before it.
        assert (sp.label_en or sp.label_ja).lower() == label and sp.redacted and sp.role == "official"


def test_labels_that_differ_do_not_pair():
    text = "OPERATOR: Please go ahead.\n\nQ こんにちは。質問があります。\n\nSENIOR ADMINISTRATION OFFICIAL: Sure.\n"
    doc = parse(text)
    turns = _speech(doc)
    assert [(_label(doc, t), [(s.en_text, s.ja_text) for s in t.segments]) for t in turns] == [
        ("OPERATOR", [("Please go ahead.", None)]),
        ("Q", [(None, "こんにちは。質問があります。")]),
        ("SENIOR ADMINISTRATION OFFICIAL", [("Sure.", None)])]
    _lossless(text, doc)


def test_lines_without_letters_and_multi_line_paragraphs_are_kept():
    text = "MODERATOR: First line\nsecond line of the same paragraph.\n\n* * *\n\n  Indented text goes on.  \n"
    doc = parse(text)
    assert [p.text for p in doc.paragraphs] == [
        "MODERATOR: First line\nsecond line of the same paragraph.", "* * *", "  Indented text goes on.  "]
    assert doc.paragraphs[1].lang is None
    _lossless(text, doc)


def test_a_note_that_looks_like_a_label_is_a_note():
    doc = parse("Q: Why?\n\n訳注：質問者は聞き取れなかった。\n\nMs. Dalton: Because [inaudible 00:12:01].\n")
    assert [t.kind for t in doc.turns] == ["speech", "note", "speech"]
    q = doc.speakers[doc.turns[0].speaker]
    assert (q.label_en, q.label_ja) == ("Q", None)
    dalton = doc.speakers[doc.turns[2].speaker]
    assert (dalton.label_en, dalton.role) == ("Ms. Dalton", "official")
    assert [g.text for g in doc.turns[2].segments[0].gaps] == ["[inaudible 00:12:01]"]


def test_a_file_without_blank_lines_is_read_one_line_per_paragraph():
    text = "MODERATOR: Welcome.\r\n司会: ようこそ。\r\nQ: When?\r\nQ: いつですか。\r\nMR. SMITH: Soon.\r\n"
    doc = parse(text)
    assert [(_label(doc, t), [(s.en_text, s.ja_text) for s in t.segments]) for t in _speech(doc)] == [
        ("MODERATOR", [("Welcome.", "ようこそ。")]), ("Q", [("When?", "いつですか。")]),
        ("MR. SMITH", [("Soon.", None)])]
    # A single paragraph of several lines without labels stays one paragraph.
    assert len(parse("First line of speech.\nSecond line.\nThird line.\n").paragraphs) == 1


def test_colon_inside_a_sentence_is_not_a_label():
    doc = parse("Q Thank you.\n\nAnd my second question is that: what comes next?\n\nLook: it is simple.\n")
    assert len(_speech(doc)) == 1
    assert len(_speech(doc)[0].segments) == 3


@pytest.mark.parametrize("text", ["", "   \n\n \t \n", "12345\n\n---\n"])
def test_no_paragraph_of_text_is_refused(text):
    with pytest.raises(ImportRefused, match="no paragraph"):
        parse(text)
