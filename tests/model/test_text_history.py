"""The text history (model.text): where a correction is anchored, and how spans, cuts and joins
follow it whatever the review decisions. Pure functions, no database."""

from __future__ import annotations

from dataclasses import dataclass

from model.text import Derived, carry_spans, derive, history, join, single_edit


@dataclass
class C:
    id: int
    start: int
    end: int
    before: str
    after: str
    status: str = "proposed"


def _edit(original: str, cors: list[C], new_text: str) -> None:
    """Record ``new_text`` as the next correction, the way the edit operation does."""
    h = history(original, cors)
    start, end, before, after = single_edit(h.text, new_text)
    cors.append(C(len(cors) + 1, *h.anchor(start, end), before, after))


def test_an_edit_is_anchored_where_it_was_made_even_over_rejected_text() -> None:
    original, cors = "From Kyoto News.", []
    _edit(original, cors, "From Kyodo News.")
    cors[0].status = "rejected"
    _edit(original, cors, "From Kyoto News agency.")  # made while the first is rejected
    assert derive(original, cors).text == "From Kyoto News agency."
    cors[0].status = "accepted"  # both count again, each where it was made
    assert derive(original, cors).text == "From Kyodo News agency."


def test_an_edit_inside_rejected_words_is_a_conflict_not_moved_elsewhere() -> None:
    original, cors = "the talks", []
    _edit(original, cors, "the alliance talks")
    _edit(original, cors, "the Alliance talks")   # edits the first correction's words
    cors[0].status = "rejected"
    assert derive(original, cors) == Derived("the talks", (2,))


def test_spans_keep_their_own_characters_or_what_replaced_them() -> None:
    original, cors = "said (inaudible) today", []
    _edit(original, cors, "said Kishida today")  # typed over the marker
    old = history(original, cors)
    cors[0].status = "rejected"
    new = history(original, cors)
    at = old.text.index("Kishida")
    assert carry_spans(old, new, [(at, at + 7), (0, 4)]) == [(5, 16), (0, 4)]  # the marker is back


def test_a_cut_never_goes_through_an_applied_correction_and_a_join_restores_it() -> None:
    original, cors = "We spoke to Kyoto News. Then we left.", []
    _edit(original, cors, "We spoke to Kyoto Tsushin. Then we left.")
    h = history(original, cors)
    assert h.cut(len("We spoke to Kyoto Tsu")) is None  # inside the corrected word
    plan = h.cut(len("We spoke to Kyoto Tsushin. "))
    assert (plan.original, plan.first, plan.second) == (24, {1: (18, 22)}, {})
    left = history(original[:24], [C(1, *plan.first[1], "News", "Tsushin")])
    assert left.text == "We spoke to Kyoto Tsushin. "
    assert join(left, "", history(original[24:], [])) == {1: (18, 22)}
    cors[0].status = "rejected"  # a rejected correction never stops a cut; it goes with its words
    plan = history(original, cors).cut(len("We spoke to Kyoto Ne"))
    assert (plan.original, plan.first, plan.second) == (20, {}, {1: (0, 2)})


def test_a_span_over_a_rejected_insertion_after_the_first_letter_does_not_take_that_letter() -> None:
    # A gap marked over "Y", typed after the "K"; the edit is rejected: the gap empties, and never
    # swallows the "K" before it.
    original, cors = "Kishida said", []
    _edit(original, cors, "KYishida said")
    old = history(original, cors)
    cors[0].status = "rejected"
    assert carry_spans(old, history(original, cors), [(1, 2)]) == [(1, 1)]


def test_a_rejected_deletion_cut_through_keeps_only_its_own_characters_in_the_first_part() -> None:
    original, cors = "Kyoto News today", []
    _edit(original, cors, "Kyoto today")
    cors[0].status = "rejected"
    plan = history(original, cors).cut(len("Kyoto Ne"))
    # "Ne" of the rejected deletion of "News " stays with the first part, and nothing beyond it.
    assert (plan.original, plan.first, plan.second) == (8, {1: (6, 8)}, {})


def test_a_split_right_before_a_corrected_word_is_allowed_and_the_word_goes_with_the_second_part() -> None:
    original, cors = "Kyoto News", []
    _edit(original, cors, "Kyoto Press")
    plan = history(original, cors).cut(len("Kyoto "))
    assert plan is not None
    assert (plan.original, plan.first, plan.second) == (6, {}, {1: (0, 3)})


def test_a_split_after_a_rejected_word_keeps_the_correction_whole_so_accepting_it_later_works() -> None:
    original, cors = "Kyoto News today", []
    _edit(original, cors, "Kyoto Jiji today")
    cors[0].status = "rejected"
    plan = history(original, cors).cut(len("Kyoto News"))
    # Cutting between "News" and its hidden replacement would also show the right text, but
    # the correction could never apply again: the cut that goes through nothing is preferred.
    assert (plan.original, plan.first, plan.second) == (10, {1: (6, 10)}, {})
    accepted = C(1, *plan.first[1], "News", "Jiji", "accepted")
    assert history(original[:plan.original], [accepted]).text == "Kyoto Jiji"


def test_a_rejected_deletion_after_the_split_goes_with_the_second_part() -> None:
    original, cors = "Kyoto News today. Then we left.", []
    _edit(original, cors, "Kyoto News today. Then we.")
    cors[0].status = "rejected"
    plan = history(original, cors).cut(len("Kyoto News today. "))
    assert (plan.original, plan.first, plan.second) == (18, {}, {1: (7, 12)})  # " left" of "Then we left."


def test_a_letter_typed_inside_rejected_words_is_a_conflict_not_left_stranded() -> None:
    original, cors = "the talks", []
    _edit(original, cors, "the alliance talks")
    _edit(original, cors, "the allXiance talks")  # typed inside the first correction's words
    cors[0].status = "rejected"
    assert derive(original, cors) == Derived("the talks", (2,))


def test_words_typed_at_the_start_apply_even_with_rejected_markers_at_both_ends() -> None:
    original, cors = "said so", []
    _edit(original, cors, "(inaudible) said so")
    _edit(original, cors, "(inaudible) said so (crosstalk)")
    cors[0].status = cors[1].status = "rejected"
    _edit(original, cors, "He said so")  # before the hidden "(inaudible) ": nothing on its left
    assert derive(original, cors) == Derived("He said so", ())
