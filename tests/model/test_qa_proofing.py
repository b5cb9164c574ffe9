"""The ``variants`` (表記ゆれ) and ``spelling`` checks, with deliberate slips and text that is right."""

from __future__ import annotations

from model.glossary.dictionary import add_word, dictionary_words
from model.glossary.entries import TermRecord, add_term
from model.qa import run_checks
from model.qa.fixes import apply_fix, fixes_for
from model.qa.scan import Scan
from model.readmodel import load_transcript
from model.schema import Gap
from tests.helpers import make_transcript


def of(store, tid, name):
    return [f for f in run_checks(store, tid) if f.check == name]


def ja_texts(store, tid):
    return [seg.ja for _t, seg in load_transcript(store, tid).segments()]


# -- variants --------------------------------------------------------------------------------

VARIANT_TURNS = [
    ("A", [("x", "調査を行う。子供の数は12人。"), ("x", "引き上げを発表。")]),
    ("B", [("x", "会議を行なわれた。子どもが来た。"), ("x", "価格の引上げ。１２月に。")]),
    ("A", [("x", "また行なう。子ども。"), ("x", "ＡＵＫＵＳとAUKUS。")]),
]


def test_each_pair_is_reported_once_where_the_second_way_first_appears(store):
    tid = make_transcript(store, VARIANT_TURNS)
    found = of(store, tid, "variants")
    pairs = {(dict(f.params)["first"], dict(f.params)["second"], f.turn, f.segment) for f in found}
    assert pairs == {("行う", "行なう", 2, 1), ("子供", "子ども", 2, 1), ("引き上げ", "引上げ", 2, 2),
                     ("half", "full", 2, 2), ("full", "half", 3, 2)}  # ＡＵＫＵＳ comes first in its segment
    widths = sorted((dict(f.params)["group"], f.turn, f.segment) for f in found
                    if dict(f.params)["group"].startswith("width"))
    assert widths == [("width:digits", 2, 2), ("width:latin", 3, 2)]
    assert len(found) == 5  # 行なう in turn 3 again, 子ども again: no second finding
    first = next(f for f in found if dict(f.params)["second"] == "行なう")
    assert "turn 1" in first.message and "行なう" in first.message


def test_one_spelling_throughout_is_not_a_variant(store):
    tid = make_transcript(store, [("A", [("x", "調査を行う。子供たち。12月。"),
                                         ("x", "行われた。子供の引き上げ。3人。")])])
    assert of(store, tid, "variants") == []


def test_a_preferred_spelling_is_set_once_and_applied_as_one_undo_step(store):
    tid = make_transcript(store, VARIANT_TURNS)
    finding = next(f for f in of(store, tid, "variants") if dict(f.params)["second"] == "行なう")
    fix = next(x for x in fixes_for(finding) if x.param("preferred") == "行う")
    before = ja_texts(store, tid)
    event = apply_fix(store, finding, fix)
    after = ja_texts(store, tid)
    assert after[2] == "会議を行われた。子どもが来た。" and after[4] == "また行う。子ども。"
    assert not any(dict(f.params).get("group") == "行う" for f in of(store, tid, "variants"))
    # A new transcript is held to the preference at once.
    other = make_transcript(store, [("C", [("x", "点検を行なう。")])])
    [f] = of(store, other, "variants")
    assert "行う" in f.message and fixes_for(f)[0].param("scope") == "segment"
    store.undo(event)
    assert ja_texts(store, tid) == before
    assert of(store, other, "variants") == []  # the preference went with the undo


def test_digit_width_fix_rewrites_every_full_width_run(store):
    tid = make_transcript(store, VARIANT_TURNS)
    finding = next(f for f in of(store, tid, "variants") if dict(f.params)["group"] == "width:digits")
    fix = next(x for x in fixes_for(finding) if x.param("preferred") == "half")
    apply_fix(store, finding, fix)
    assert "12月に" in ja_texts(store, tid)[3]


# -- spelling --------------------------------------------------------------------------------

def test_misspelt_words_are_found_with_suggestions(store):
    tid = make_transcript(store, [("Q", [("The goverment will recieve the report.", "政府は報告書を受け取る。")])])
    found = of(store, tid, "spelling")
    assert [dict(f.params)["word"] for f in found] == ["goverment", "recieve"]
    assert "government" in found[0].message
    fix = fixes_for(found[1])[0]
    assert fix.param("new") == "receive"
    apply_fix(store, found[1], fix)
    assert load_transcript(store, tid).turns[0].segments[0].en == "The goverment will receive the report."


def test_what_is_never_flagged(store):
    add_term(store, TermRecord("AUKUS pillar two", "AUKUSの第2の柱"))
    add_term(store, TermRecord("trilat", "三か国協議"))
    text = ("AUKUS and the trilats: [senior administraton oficial] said (inaudibel) see https://exmple.org/pagez "
            "or mail press@whitehuose.gov on the 1990s and F35s.")
    tid = make_transcript(store, [("SENIOR ADMINISTRATION OFFICIAL", [(text, "x")])])
    with store.operation("a gap over a word") as op:
        seg = load_transcript(store, tid).turns[0].segments[0]
        at = text.index("(inaudibel)")
        op.session.add(Gap(segment_id=seg.id, transcript_id=tid, lang="en", start=at, end=at + 11,
                           text="(inaudibel)"))
    assert of(store, tid, "spelling") == []


def test_a_name_is_offered_for_the_dictionary_once(store):
    tid = make_transcript(store, [
        ("OPERATOR", [("Next, Ken Moriyasu from Nikkei.", "x")]),
        ("Q", [("Moriyasu here. Mr. Moriyasu's question.", "x"), ("Moriyasu again.", "x")]),
    ])
    [f] = of(store, tid, "spelling")
    assert (f.turn, dict(f.params)["word"], dict(f.params)["kind"]) == (1, "Moriyasu", "name")
    add = next(x for x in fixes_for(f) if x.kind == "add_word")
    event = apply_fix(store, f, add)
    assert "moriyasu" in dictionary_words(store)
    assert of(store, tid, "spelling") == []
    store.undo(event)
    assert len(of(store, tid, "spelling")) == 1


def test_dictionary_words_are_shared_and_adding_twice_is_no_step(store):
    assert add_word(store, "Trilat") is not None
    assert add_word(store, "trilat") is None
    tid = make_transcript(store, [("Q", [("The trilat met.", "x")])])
    assert of(store, tid, "spelling") == []


def test_scan_and_recheck_see_an_edit(store):
    from model.ops.corrections import edit_text

    tid = make_transcript(store, [("Q", [("All good here.", "x"), ("Fine.", "y")])])
    scan = Scan(store, tid)
    scan.run()
    assert not [f for f in scan.findings if f.check == "spelling"]
    seg = load_transcript(store, tid).turns[0].segments[1]
    edit_text(store, seg.id, "en", "Fine, thnaks.")
    assert scan.recheck([seg.id])
    assert [dict(f.params)["word"] for f in scan.findings if f.check == "spelling"] == ["thnaks"]


def test_different_words_and_grammar_in_kana_are_not_variants(store):
    # 思える is normalized to 思う by the dictionary but is another word (read オモエル); という and
    # いただける are grammar written in kana by convention, not spellings of 言う / 頂く.
    tid = make_transcript(store, [("A", [("x", "そう思う。という話を言う。"),
                                         ("x", "そう思える。ご説明いただける。頂く。")])])
    assert of(store, tid, "variants") == []


def test_the_dictionary_built_a_slice_at_a_time_is_pyspellcheckers_own(monkeypatch):
    # load_dictionary parses, lower-cases and sums up the word list in slices (pacing between
    # them): the checker it builds knows exactly what SpellChecker(language="en") knows.
    from spellchecker import SpellChecker

    from model.qa import spelling

    monkeypatch.setattr(spelling, "_loaded", [])
    paces: list[int] = []
    spelling.load_dictionary(lambda: paces.append(1))
    ours, theirs = spelling._checker().word_frequency, SpellChecker(language="en", distance=2).word_frequency
    assert len(paces) > 5
    assert dict(ours.dictionary) == dict(theirs.dictionary)
    assert (ours.total_words, ours.unique_words, ours.letters, ours.longest_word_length) == (
        theirs.total_words, theirs.unique_words, theirs.letters, theirs.longest_word_length)
