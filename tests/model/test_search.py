"""Search across the library: original and corrected text, English and Japanese substrings,
kept current through edits and undo, from the command line too."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from model.ops.corrections import edit_text
from model.schema import Segment
from model.search import BadPattern, search
from model.search_index import SearchText, rebuild
from model.store import Store
from tests.cli.test_cli import assert_one_error_line, taiyaku
from tests.helpers import make_transcript


def _library(store: Store) -> tuple[int, int]:
    a = make_transcript(store, [
        ("OFFICIAL", [("We spoke with Kyoto News about the alliance.", "共同通信と同盟について話しました。")]),
        ("Q", [("Is it AI hypersonic capability?", "AI極超音速能力なのか?"),
               ("A 100% sure [answer].", None)]),
    ], title="Press call")
    b = make_transcript(store, [
        ("MODERATOR", [("The next caller is from Nikkei.", "次は日経の方です。")]),
        ("OFFICIAL", [("kyoto news asked (inaudible) twice.", "共同通信は二度質問した。")]),
    ], title="Briefing")
    return a, b


def _segment(store: Store, tid: int, text: str) -> int:
    with store.read() as s:
        return s.execute(select(Segment.id).where(Segment.transcript_id == tid, Segment.en_orig == text)).scalar_one()


def test_substrings_in_both_languages_grouped_by_transcript(store):
    a, b = _library(store)
    result = search(store, "KYOTO news")
    groups = result.by_transcript()
    assert [(tid, title, [(h.turn, h.segment, h.lang) for h in hits]) for tid, title, hits in groups] == [
        (a, "Press call", [(1, 1, "en")]), (b, "Briefing", [(2, 1, "en")])]
    hit = groups[0][2][0]
    assert (hit.before, hit.match, hit.after) == ("We spoke with ", "Kyoto News", " about the alliance.")
    ja = search(store, "極超音速").hits  # no spaces in Japanese: a substring inside a word
    assert [(h.transcript_id, h.turn, h.lang, h.match) for h in ja] == [(a, 2, "ja", "極超音速")]
    assert [h.transcript_id for h in search(store, "共同通信", langs=("ja",)).hits] == [a, b]
    assert search(store, "共同通信", langs=("en",)).hits == []
    assert [h.transcript_id for h in search(store, "共同通信", transcript_id=b).hits] == [b]
    # LIKE's wildcards are plain text here.
    assert [h.match for h in search(store, "100% sure [").hits] == ["100% sure ["]
    assert search(store, "_00").hits == []


def test_corrected_text_is_found_and_follows_edits_and_undo(store):
    a, _b = _library(store)
    sid = _segment(store, a, "We spoke with Kyoto News about the alliance.")
    event = edit_text(store, sid, "en", "We spoke with Kyodo News about the alliance.", category="mishearing")
    hits = search(store, "kyodo").hits
    assert [(h.segment_id, h.which, h.match) for h in hits] == [(sid, "corrected", "Kyodo")]
    # The imported text still has the old words: found, and marked as only in the original.
    old = [h for h in search(store, "kyoto news").hits if h.segment_id == sid]
    assert [(h.which, h.text) for h in old] == [("original", "We spoke with Kyoto News about the alliance.")]
    store.undo(event)
    assert search(store, "kyodo").hits == []
    assert [h.which for h in search(store, "kyoto news").hits if h.segment_id == sid] == ["corrected"]
    store.redo(event)
    assert [h.segment_id for h in search(store, "kyodo").hits] == [sid]


def test_the_index_kept_by_operations_equals_a_rebuild(store):
    a, b = _library(store)
    edit_text(store, _segment(store, a, "Is it AI hypersonic capability?"), "en", "Is it hypersonic capability?")
    edit_text(store, _segment(store, b, "The next caller is from Nikkei."), "en", "The next caller: Nikkei Asia.")
    sid = _segment(store, b, "kyoto news asked (inaudible) twice.")
    event = edit_text(store, sid, "en", "Kyodo News asked (inaudible) twice.")
    store.undo(event)

    def rows() -> list[tuple[object, ...]]:
        with store.read() as s:
            return [tuple(r) for r in s.execute(select(SearchText.segment_id, SearchText.transcript_id,
                                                       SearchText.en, SearchText.ja).order_by(SearchText.segment_id))]

    kept = rows()
    assert len(kept) == 2
    with store.engine.begin() as conn:
        rebuild(conn)
    assert rows() == kept


def test_regular_expressions_and_bad_patterns(store):
    a, b = _library(store)
    assert [h.match for h in search(store, r"kyoto\s+NEWS\b", regex=True).hits] == ["Kyoto News", "kyoto news"]
    assert [h.match for h in search(store, r"(?i)next|二度", regex=True).hits] == ["next", "二度"]
    with pytest.raises(BadPattern, match="regular expression"):
        search(store, "(unclosed", regex=True)
    with pytest.raises(BadPattern):
        search(store, "")


def test_the_command_line(db_path):
    store = Store.open(db_path, annotator="tester")
    try:
        a, b = _library(store)
    finally:
        store.close()
    result = taiyaku("search", "共同通信", "--db", db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"#{a} Press call (1)", "  1.1 ja: [共同通信]と同盟について話しました。",
        f"#{b} Briefing (1)", "  2.1 ja: [共同通信]は二度質問した。", "2 hits"]
    result = taiyaku("search", "NIKKEI", "--lang", "en", "--format", "json", "--db", db_path)
    data = json.loads(result.stdout)
    assert [(h["transcript_id"], h["turn"], h["segment"], h["match"]) for h in data["hits"]] == [(b, 1, 1, "Nikkei")]
    nothing = taiyaku("search", "no such words", "--db", db_path)
    assert (nothing.returncode, nothing.stdout.strip()) == (1, "0 hits")
    assert_one_error_line(taiyaku("search", "(", "--regex", "--db", db_path), "regular expression")
