"""Reading a transcript's segments a slice of turns at a time gives what one whole read gives."""

from __future__ import annotations

import pytest

from model.ops.corrections import edit_text
from model.qa import check_turns, check_view
from model.readmodel import fill_turns, load_transcript
from tests.helpers import make_transcript

TURNS = [
    (None, [("So, look, our partners took 3 steps.", None)]),
    ("SENIOR ADMINISTRATION OFFICIAL", [("Thanks. The (inaudible) on Taiwan.", "ありがとう。台湾の(聞き取れない)。"),
                                        ("And 12 ships.", "そして12隻。")]),
    ("OPERATOR", [("Next caller.", "次の方。"), ("Go ahead.", None)]),
    ("Q", [("What about Gaza?", "ガザは?")]),
]


pytestmark = pytest.mark.both_engines


def test_turns_filled_in_slices_match_the_whole_transcript_and_its_findings(store):
    tid = make_transcript(store, TURNS)
    whole = load_transcript(store, tid)
    edit_text(store, whole.turns[1].segments[1].id, "en", "And 14 ships.")
    whole = load_transcript(store, tid)
    outline = load_transcript(store, tid, segments=False)
    assert [t.id for t in outline.turns] == [t.id for t in whole.turns]
    assert all(len(t.segments) == 0 for t in outline.turns)
    found = []
    for first in range(0, len(outline.turns), 2):
        fill_turns(store, outline.turns[first:first + 2])
        found.extend(check_turns(outline, first, first + 2))
    assert outline.turns == whole.turns  # texts corrected the same way, children included
    assert outline.turns[1].segments[1].en == "And 14 ships."
    assert found == check_view(whole) and any(f.check == "numbers" for f in found)
