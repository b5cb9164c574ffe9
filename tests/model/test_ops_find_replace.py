"""Find and replace across a transcript; replace-all is one undo step of ordinary corrections."""

from __future__ import annotations

import pytest

from model.errors import OperationFailed
from model.ops.corrections import reject_correction
from model.ops.find_replace import find, replace_all, replace_one
from model.readmodel import load_transcript
from model.store import Store
from tests.helpers import make_transcript

pytestmark = pytest.mark.both_engines


@pytest.fixture
def tid(store: Store) -> int:
    return make_transcript(store, [
        ("Q", [("Kyoto News here. kyoto news again.", "京都ニュースです。"),
               ("The (inaudible) Kyoto office.", None)]),
        ("OFFICIAL", [("Thanks to Kyoto News.", "京都ニュースさん、ありがとう。")]),
    ])


def _texts(store: Store, tid: int, lang: str = "en") -> list[str | None]:
    return [seg.corrected(lang) for _t, seg in load_transcript(store, tid).segments()]


def test_find_in_both_languages_with_case_and_regex(store: Store, tid: int) -> None:
    hits = find(store, tid, "kyoto news")
    assert [(m.lang, m.text) for m in hits] == [("en", "Kyoto News"), ("en", "kyoto news"), ("en", "Kyoto News")]
    assert len(find(store, tid, "kyoto news", match_case=True)) == 1
    assert [m.text for m in find(store, tid, "京都", langs=("ja",))] == ["京都", "京都"]
    assert find(store, tid, "京都", langs=("en",)) == []
    assert [m.text for m in find(store, tid, r"Kyoto \w+", regex=True, match_case=True)] == [
        "Kyoto News", "Kyoto office", "Kyoto News"]
    with pytest.raises(OperationFailed, match="invalid regular expression"):
        find(store, tid, "(", regex=True)
    with pytest.raises(OperationFailed, match="type something"):
        find(store, tid, "")


def test_replace_all_is_one_step_of_ordinary_corrections(store: Store, tid: int) -> None:
    event = replace_all(store, tid, "kyoto news", "Kyodo News", category="mishearing")
    assert _texts(store, tid) == ["Kyodo News here. Kyodo News again.", "The (inaudible) Kyoto office.",
                                  "Thanks to Kyodo News."]
    view = load_transcript(store, tid)
    first = view.turns[0].segments[0]
    assert len(first.corrections) == 2 and {c.category for c in first.corrections} == {"mishearing"}
    assert first.review_state == "edited"
    assert store.history(tid)[0]["action"] == "Replace all"
    reject_correction(store, first.corrections[1].id)  # each replacement can be rejected on its own
    assert _texts(store, tid)[0] == "Kyodo News here. kyoto news again."
    store.undo(event + 1)
    store.undo(event)
    assert _texts(store, tid)[0] == "Kyoto News here. kyoto news again."
    assert replace_all(store, tid, "nothing like this", "x") is None


def test_regex_replacement_with_groups_keeps_gaps_in_place(store: Store, tid: int) -> None:
    replace_all(store, tid, r"(\w+) office", r"\1 bureau", regex=True, langs=("en",))
    seg = load_transcript(store, tid).turns[0].segments[1]
    assert seg.en == "The (inaudible) Kyoto bureau."
    [gap] = seg.gaps_in("en")
    assert seg.en[gap.start:gap.end] == "(inaudible)"
    with pytest.raises(OperationFailed, match="invalid replacement"):
        replace_all(store, tid, r"(\w+) bureau", r"\2", regex=True)


def test_replace_japanese(store: Store, tid: int) -> None:
    replace_all(store, tid, "京都ニュース", "共同通信", langs=("ja",))
    assert _texts(store, tid, "ja") == ["共同通信です。", None, "共同通信さん、ありがとう。"]


def test_replace_one_checks_the_match_is_still_there(store: Store, tid: int) -> None:
    hits = find(store, tid, "kyoto news")
    replace_one(store, hits[1], "kyoto news", "Kyodo News")
    assert _texts(store, tid)[0] == "Kyoto News here. Kyodo News again."
    with pytest.raises(OperationFailed, match="text changed since the search"):
        replace_one(store, hits[1], "kyoto news", "Kyodo News", match_case=True)
