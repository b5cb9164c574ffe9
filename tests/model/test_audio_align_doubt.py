"""Where the aligner used to claim a wrong start, and how it now decides a start is doubtful.

The 60-minute benchmark had six paragraphs aligned 1.5-2.3 s early. Each began with a few
words the recogniser missed or misheard, right after speech that is not theirs: the operator's
hold message (which itself says "Thank you"), or the previous paragraph's unheard last word.
Forced alignment placed those words on that foreign speech. The recordings here are made with
espeak-ng and sox (repeatable noise), with a known true start for every paragraph.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from model.audio.align import _TextWord, align, doubtful_start, edge_matches
from model.audio.pcm import decode
from model.audio.words import Word, spoken_words
from tests.audio_fixture import Piece, make_recording, tools_or_skip

HOLD = ("Please hold while we connect the next caller. Your call is important to us. "
        "Thank you for waiting, the conference will resume shortly.")
OPENING = "Good afternoon, everyone, and thank you for joining today's briefing on the ferry agreement."
CROSSING = "We expect the crossing time to fall from nine hours to about five and a half hours."
# The questioner's "So" is not in the transcript, and "this is" is misheard: only "Thank you"
# is heard of the paragraph's head -- and the hold message just before says "Thank you" too.
QUESTION = "Thank you. This is for the senior official. Is the agreement a model for other routes?"
QUESTION_SPOKEN = "Thank you. So this is for the senior official. Is the agreement a model for other routes?"


@pytest.fixture(scope="module")
def after_hold(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[float]]:
    """A call where a question follows the hold message after 0.3 s: (path, texts, true starts)."""
    tools_or_skip()
    script = [(OPENING, OPENING, 0.6), (CROSSING, CROSSING, 0.3), (None, HOLD, 0.3),
              (QUESTION, QUESTION_SPOKEN, 0.6), (CROSSING, CROSSING, 0.5)]
    pieces = [Piece(pause_s=1.0)]
    texts: list[str] = []
    at: list[int] = []
    for text, spoken, pause in script:
        if text is not None:
            texts.append(text)
            at.append(len(pieces))
        pieces += [Piece(spoken, voice="en+f3" if text is None else "en-us+m3"), Piece(pause_s=pause)]
    out = tmp_path_factory.mktemp("doubt") / "after-hold.wav"
    truths = make_recording(pieces, out, noise=0.02)
    return out, texts, [truths[k].start for k in at]


def test_a_question_right_after_the_hold_message_starts_where_it_is_spoken(after_hold):
    # The old aligner forced "Thank you" onto the end of the hold message: 2 s early (or left the
    # question estimated). Now the heard "Thank you" beside the paragraph's anchor is taken.
    path, texts, truth = after_hold
    from model.audio.align import Paragraph

    result = align(decode(path), [Paragraph(k, t) for k, t in enumerate(texts)])
    assert sorted(result.segments) == [0, 1, 2, 3]
    errors = [abs(result.segments[k][0] / 1000 - truth[k]) for k in range(4)]
    assert max(errors) <= 0.5, errors


def test_a_short_opening_heard_beside_the_anchor_is_taken_but_not_its_twin_in_the_hold_message():
    text = ["hold", "on", "thank", "you", "this", "is", "for", "the", "senior", "official"]
    # Recognised: the hold message's "thank you for waiting", then the paragraph ("this is" misheard).
    heard = ["thank", "you", "for", "waiting", "resume", "shortly",
             "thank", "you", "so", "the", "sea", "for", "the", "senior", "official"]
    anchors = [(6, 11, 4)]  # "for the senior official"
    taken = edge_matches(text, heard, anchors)
    assert (2, 6, 2) in taken  # the paragraph's own "thank you", just before the anchor
    assert all(b != 0 for _, b, _ in taken)  # never the hold message's


def _words(text: str, times: list[tuple[int, int] | None], heard: list[bool]) -> list[_TextWord]:
    out = []
    for w, t, h in zip(spoken_words(text), times, heard, strict=True):
        out.append(_TextWord(0, Word(w.text, w.start, w.end), t[0] if t else None, t[1] if t else None, h))
    return out


QUESTION_TIMES = [(24_910, 25_200), (25_200, 25_500), (25_850, 26_000), (26_000, 26_100), (26_180, 26_500)]


def test_a_head_placed_in_one_piece_is_trusted():
    words = _words("Thank you. This is for", QUESTION_TIMES, [False, False, False, False, True])
    assert not doubtful_start("Thank you. This is for", words, said_before=24_000)


@pytest.mark.parametrize(("case", "times", "said_before"), [
    # "Thank you" forced onto the hold message, 2.7 s before "This" (across a full stop).
    ("stretched over a sentence end", [(22_660, 22_890), (22_890, 23_160), *QUESTION_TIMES[2:]], 20_000),
    # "Thank you" 1.5 s before "you" without a full stop between.
    ("stretched inside a sentence", [(23_400, 23_700), *QUESTION_TIMES[1:]], 20_000),
    # The first word starts before the previous paragraph has ended.
    ("on the previous speaker's tail", QUESTION_TIMES, 25_400),
])
def test_a_head_forced_where_nobody_speaks_like_that_leaves_the_start_estimated(case, times, said_before):
    words = _words("Thank you. This is for", times, [False, False, False, False, True])
    assert doubtful_start("Thank you. This is for", words, said_before), case


def test_a_paragraph_whose_first_word_was_heard_is_not_doubted():
    words = _words("Thank you. This is for", [(22_660, 22_890), *QUESTION_TIMES[1:]], [True] * 5)
    assert not doubtful_start("Thank you. This is for", words, said_before=20_000)


REMINDER = ("As a reminder, the background portion of this call is embargoed until 6:00 p.m. today. "
            "With that, over to Director Ishikura.")


@pytest.fixture(scope="module")
def said_twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[float]]:
    """A call where one paragraph is said twice, a hold message and a reminder between."""
    tools_or_skip()
    texts = [OPENING, CROSSING, REMINDER, CROSSING]
    pieces = [Piece(pause_s=1.0), Piece(OPENING), Piece(pause_s=0.6), Piece(CROSSING), Piece(pause_s=0.4),
              Piece(HOLD, voice="en+f3"), Piece(pause_s=1.2), Piece(REMINDER), Piece(pause_s=0.6),
              Piece(CROSSING), Piece(pause_s=0.5)]
    out = tmp_path_factory.mktemp("twice") / "said-twice.wav"
    truths = make_recording(pieces, out, noise=0.015)
    return out, texts, [truths[k].start for k in (1, 3, 7, 9)]


def test_a_paragraph_said_twice_is_found_both_times(said_twice):
    # difflib's longest block paired the first "We expect..." in the text with the second one
    # heard: that paragraph was claimed aligned 25 s late, and the two after it were lost.
    from model.audio.align import Paragraph

    path, texts, truth = said_twice
    result = align(decode(path), [Paragraph(k, t) for k, t in enumerate(texts)])
    assert sorted(result.segments) == [0, 1, 2, 3]
    errors = [abs(result.segments[k][0] / 1000 - truth[k]) for k in range(4)]
    assert max(errors) <= 0.5, errors


def test_common_runs_keep_a_repeated_phrase_in_its_own_place():
    from model.audio.align import common_runs

    text = ["good", "morning", "all", "we", "expect", "the", "ferry", "soon", "as", "a", "reminder", "it", "is",
            "late", "we", "expect", "the", "ferry", "soon"]
    heard = ["good", "morning", "all", "we", "expect", "the", "ferry", "soon", "please", "hold", "the", "line",
             "as", "a", "reminder", "it", "is", "late", "we", "expect", "the", "ferry", "soon"]
    assert common_runs(text, heard) == [(0, 0, 8), (8, 12, 11)]


def test_one_misheard_word_before_a_heard_one_takes_the_recognisers_time():
    from model.audio.align import _take_misheard

    # "As a reminder" heard as "have a reminder": "as" gets the time of "have".
    heard = [("shortly", 9_000, 9_600), ("have", 11_070, 11_250), ("a", 11_250, 11_310),
             ("reminder", 11_310, 11_940)]
    text = [_TextWord(0, Word(w, 0, 1)) for w in ("as", "a", "reminder")]
    for tw, at in zip(text[1:], (2, 3), strict=True):
        tw.start, tw.end, tw.heard, tw.heard_at = heard[at][1], heard[at][2], True, at
    _take_misheard(text, heard)
    assert (text[0].start, text[0].end) == (11_070, 11_250)
    # Not a word recognised with a pause before the next one: that is other speech.
    text[0].start = text[0].end = None
    _take_misheard(text, [heard[0], ("have", 10_070, 10_250), heard[2], heard[3]])
    assert text[0].start is None
