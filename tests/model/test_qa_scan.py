"""The fast ways of checking find exactly what the plain ways find.

A transcript checked a short step at a time (``Scan``), read by ranges of turn
positions, with its segments dropped after each step and rechecked turn by turn
after edits, must give the findings of one whole check -- and those are the
findings of checking it segment by segment. The numbers check's shortcuts must
report what reading every number would report.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from model.glossary.entries import TermRecord, add_term
from model.ops.corrections import edit_text
from model.ops.gaps import insert_gap
from model.qa import CHECKS, check_view, prepare
from model.qa.numbers import _numbers, missing_numbers, numbers
from model.qa.scan import Scan
from model.readmodel import fill_turn_span, load_transcript
from model.schema import Redaction, Segment, Turn
from tests.helpers import make_transcript

EN = ["So, look, our partners took 3 steps.", "Thanks. The (inaudible) on Taiwan.",
      "And 12 ships, about $6- or $7 billion.", "Next callr.", "It was twenty-one countries in March 2022.",
      "At 6:22 P.M. EDT.", "Go ahead.",
      "The budget is 120 billion yen.", "  ", "We spoke with [senior administration official] (inaudible) today."]
JA = ["ありがとう。台湾の(聞き取れない)。", "そして12隻。", "次の方。", "予算は約１２００億円です。",
      "二十一か国、2022年3月に。", "午後6時22分。", "一緒に、三菱と。", "(聞き取れない)(聞き取れない)",
      "政府高官は述べた。", "60億ドルか70億ドル。"]
LABELS = [None, "Q", "OPERATOR", "SENIOR ADMINISTRATION OFFICIAL", "MODERATOR"]


def generated(store, turns: int = 60, seed: int = 5) -> int:
    """A transcript with every kind of finding: numbers, gaps, redactions, labels, empty and title turns,
    doubtful pairings."""
    rng = random.Random(seed)
    spec = [(rng.choice(LABELS), [(rng.choice(EN + [None]), rng.choice(JA + [None]))
                                  for _ in range(rng.randint(1, 5))]) for _ in range(turns)]
    spec[7] = ("Q", [(None, None)])  # an empty turn
    tid = make_transcript(store, spec)
    add_term(store, TermRecord("ships", "艦船"))  # for the glossary check
    view = load_transcript(store, tid)
    segments = [seg for _turn, seg in view.segments()]
    with store.operation("prefixes, redactions, a title") as op:
        s = op.session
        for seg in segments[::7]:
            row = s.get(Segment, seg.id)
            row.en_prefix = rng.choice(["Q: ", "MODERATOR: ", "[00:01:12] OPERATOR: ", ""])
            row.ja_prefix = rng.choice(["司会：", "政府高官: ", ""])
        for seg in segments[3::11]:
            s.add(Redaction(segment_id=seg.id, transcript_id=tid, lang=rng.choice(["en", "ja"]), start=0, end=1,
                            text="x"))
        s.query(Turn).filter_by(transcript_id=tid, position=2).one().kind = "title"
        for seg in segments[2::17]:  # pairs the importer was unsure of
            row = s.get(Segment, seg.id)
            row.pairing, row.confidence = "interleaved", 0.2
    for seg in segments[5::13]:  # corrected texts are what the checks read
        edit_text(store, seg.id, "en", f"Corrected: {rng.randint(2, 99)} ships (inaudible).")
    return tid


def prepared(store, tid):
    """The whole transcript, with what the checks need from the database (the glossary, the dictionary)."""
    view = load_transcript(store, tid)
    prepare(store, view)
    return view


def one_segment_at_a_time(store, tid):
    """Findings of checking each segment on its own (with its turn's turn-wide checks once), in reading order."""
    view = prepared(store, tid)
    found = []
    for turn in view.turns:
        if not turn.segments:
            found.extend(check_view(view, [], names=[n for n, c in CHECKS.items() if c.scope == "turn"]))
        for seg in turn.segments:
            for f in check_view(view, [seg.id]):
                if f not in found:
                    found.append(f)
    return found


def test_a_scan_in_steps_finds_what_one_check_and_a_segment_by_segment_check_find(store):
    tid = generated(store)
    whole = check_view(prepared(store, tid))
    assert {f.check for f in whole} == set(CHECKS)  # every check has something to find here
    assert sorted(whole, key=lambda f: f.key) == sorted(one_segment_at_a_time(store, tid), key=lambda f: f.key)
    for span in (1, 3, 1000):
        scan = Scan(store, tid, span=span, step_s=0)  # step_s=0: the smallest spans after the first
        steps = 1
        while not scan.step():
            steps += 1
        assert scan.findings == whole
        assert steps > 1 or span == 1000
        assert all(len(t.segments) == 0 for t in scan.view.turns)  # nothing kept but the findings


def test_recheck_after_edits_finds_what_a_new_check_finds(store):
    tid = generated(store, turns=30, seed=9)
    scan = Scan(store, tid)
    scan.run()
    view = load_transcript(store, tid)
    a, b = view.turns[4].segments[0], view.turns[20].segments[-1]
    edit_text(store, a.id, "en", "Now 250 ships.")
    insert_gap(store, b.id, "ja", 0)
    assert scan.recheck([a.id, b.id])
    assert scan.findings == check_view(prepared(store, tid))
    assert any(f.segment_id == a.id and f.check == "numbers" for f in scan.findings)
    assert not scan.recheck([10**9])  # a segment it never saw: scan again
    first, last = view.turns[0], view.turns[-1]
    with store.operation("move a segment to the last turn") as op:  # both turns are told (Changes.turn_ids)
        row = op.session.get(Segment, first.segments[-1].id)
        row.turn_id, row.position = last.id, 99
    assert scan.recheck([row.id], [first.id, last.id])
    assert scan.findings == check_view(prepared(store, tid))


def test_a_span_of_turns_reads_what_the_whole_transcript_holds(store):
    tid = generated(store, turns=12, seed=2)
    with store.operation("two turns share a position") as op:  # positions need not be unique
        op.session.query(Turn).filter_by(transcript_id=tid, position=5).one().position = 4
    whole = load_transcript(store, tid)
    outline = load_transcript(store, tid, segments=False)
    for first in range(0, len(outline.turns), 5):  # position 4 ends the first span and starts the second
        fill_turn_span(store, tid, outline.turns[first:first + 5])
    assert all(t.segments for t in outline.turns)
    assert sorted(outline.turns, key=lambda t: t.id) == sorted(whole.turns, key=lambda t: t.id)


# -- the numbers check's shortcuts ------------------------------------------------------------------
TOKENS = list("0123456789０１２.,:：-~〜%％$ ") + [
    " ", "thousand", "million", "billion", "bn", "st", "th", "p.m.", "a.m.", "percent", "seven", "twenty", "one", "a",
    "first", "March", "hundred", "and", "or", "to", "two-thirds", "half", "万", "億", "兆", "千", "百", "十", "一",
    "二", "〇", "から", "か", "、", "②", "²", "年", "円", "Pillar", "一緒", "ships"]
texts = st.lists(st.sampled_from(TOKENS), max_size=12).map("".join)


def missing_the_long_way(source, source_lang, target, target_lang):
    """What ``missing_numbers`` means, reading every number of both texts (no shortcut)."""
    firm = [n for n in (_numbers(source, source_lang, False) if source else ()) if n.firm]
    available = set()
    for n in (_numbers(target, target_lang, target_lang == "en") if target else ()):
        available |= n.values
    missing, seen = [], set()
    for n in firm:
        if not (n.values & available) and n.value not in seen:
            seen.add(n.value)
            missing.append(n)
    return missing


@settings(max_examples=400, deadline=None)
@given(texts, texts, st.sampled_from([("en", "ja"), ("ja", "en"), ("en", "en"), ("ja", "ja")]))
def test_numbers_shortcuts_report_what_reading_every_number_reports(a, b, langs):
    source_lang, target_lang = langs
    assert missing_numbers(a, source_lang, b, target_lang) == missing_the_long_way(a, source_lang, b, target_lang)
    for soft in (False, True):
        every = _numbers(a, source_lang, soft and source_lang == "en") if a else ()
        assert numbers(a, source_lang, soft) == list(every)


def test_a_paced_scan_reads_the_same_outline_and_steps_aside_every_few_turns(store, monkeypatch):
    # The QA thread passes its pace: the outline's read calls it every PACE_TURNS turns.
    import model.readmodel as readmodel

    tid = make_transcript(store, [(f"S{i}", [(f"Turn {i}.", f"ターン{i}。")]) for i in range(7)])
    monkeypatch.setattr(readmodel, "PACE_TURNS", 2)
    paces: list[int] = []
    paced = Scan(store, tid, pace=lambda: paces.append(1))
    assert len(paces) == 3  # after turns 2, 4 and 6
    assert [t.id for t in paced.view.turns] == [t.id for t in load_transcript(store, tid, segments=False).turns]
    assert paced.run() == Scan(store, tid).run()
