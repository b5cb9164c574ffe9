"""Undo belongs to the transcript on screen: one undo stack per transcript, as documents in an
editor have. Ctrl+Z never reaches a transcript that is not shown; showing it again brings its
steps back; the History dock lists the steps of the transcript shown."""

from __future__ import annotations

import pytest
from gui_helpers import make_window
from helpers import make_transcript

from model.readmodel import load_transcript


def states(store, tid):
    return [s.review_state for _t, s in load_transcript(store, tid).segments()]


@pytest.fixture
def two(qtbot, store, tmp_path):
    window, a = make_window(qtbot, store, tmp_path)
    b = make_transcript(store, [("Q", [("A question from B.", "Bからの質問。")])], title="Briefing B")
    yield window, a, b
    for stack in window.ctx.undo_group.stacks():
        stack.clear()  # the stacks outlive the window: no signal to deleted widgets


def test_ctrl_z_on_another_transcript_leaves_the_approval_alone(qtbot, store, two):
    window, a, b = two
    window.panes.go_row(1)  # translated: approved at the first press (row 0 has no Japanese)
    window.registry.get("approve_segment").trigger()
    assert states(store, a)[1] == "approved"
    window.ctx.set_transcript(b)  # the annotator opens B from the library
    undo = window.registry.get("undo")
    assert not undo.isEnabled()  # nothing done on B
    undo.trigger()  # Ctrl+Z
    assert states(store, a)[1] == "approved"
    assert window.annotate.history.stack().count() == 0  # History lists B's steps: none

    window.ctx.set_transcript(a)  # back to A: its step comes back with it
    assert undo.isEnabled() and window.annotate.history.stack().count() == 1
    undo.trigger()
    assert states(store, a)[1] != "approved"
    window.registry.get("redo").trigger()
    assert states(store, a)[1] == "approved"


def test_each_transcript_keeps_its_own_steps_in_order(qtbot, store, two):
    window, a, b = two
    window.panes.go_row(1)  # translated: approved at the first press (row 0 has no Japanese)
    window.registry.get("approve_segment").trigger()  # A: one step
    window.ctx.set_transcript(b)
    qtbot.waitUntil(lambda: window.transcript_model.rowCount() > 0)
    window.panes.go_row(0)
    window.registry.get("approve_segment").trigger()  # B: one step
    assert states(store, a)[1] == states(store, b)[0] == "approved"
    window.registry.get("undo").trigger()  # undoes B's, not A's
    assert states(store, b)[0] != "approved" and states(store, a)[1] == "approved"
    assert window.ctx.undo_stack.count() == 1 and window.ctx.undo_stack.index() == 0
