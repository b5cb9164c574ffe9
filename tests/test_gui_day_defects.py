"""Defects found in an annotator's day in a real window (issue 14), each checked as a user would notice it."""

from __future__ import annotations

import pytest
from gui_helpers import make_window

from model.readmodel import load_segment


@pytest.fixture
def win(qtbot, store, tmp_path):
    """A window on the test briefing; its undo stack is emptied while the window still exists."""
    window, tid = make_window(qtbot, store, tmp_path)
    yield window, tid
    window.ctx.undo_stack.clear()


def test_move_translation_moves_the_japanese_from_either_pane(qtbot, store, win):
    window, _ = win
    model = window.transcript_model
    first, second = model.segment_id(1), model.segment_id(2)
    en_before = load_segment(store, first).en, load_segment(store, second).en
    ja_first = load_segment(store, first).ja
    action = window.registry.get("translation_down")
    assert action.text().replace("&", "") == "Move Japanese down"
    assert window.registry.get("translation_up").text().replace("&", "") == "Move Japanese up"
    window.panes.active_lang = "en"  # the English pane has the focus
    window.panes.pane("en").setFocus()
    window.panes.go_row(1)
    action.trigger()
    assert (load_segment(store, first).en, load_segment(store, second).en) == en_before  # English stays
    assert load_segment(store, second).ja == ja_first  # the Japanese moved down
    assert window.ctx.undo_stack.undoText() == "Move Japanese down"
