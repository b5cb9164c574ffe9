"""A change to a row far off screen (an edit, replace-all, undo) costs a screenful of work, not a
walk over every row above it, and the row still shows at its new height when scrolled to."""

from __future__ import annotations

import pytest
from gui_helpers import long_briefing, make_window
from PySide6.QtWidgets import QAbstractItemView, QApplication

from model.ops.corrections import edit_text

TURNS = 600  # two rows per turn: 1,200 rows, a few screenfuls tall many times over
FAR = 1150
LONGER = "This paragraph grew much longer after the edit, long enough to wrap over several lines. " * 4


@pytest.fixture
def win(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path, turns=long_briefing(TURNS))
    settle(window)
    yield window
    window.ctx.undo_stack.clear()


def settle(window) -> None:
    """Let queued work run and paint both panes, as the annotator would see them."""
    for _ in range(3):
        QApplication.processEvents()
    for pane in window.panes.panes.values():
        pane.viewport().repaint()


def measured_rows(window, monkeypatch) -> set[int]:
    """Rows whose height is asked for from now on (by either pane, for any reason)."""
    metrics = window.panes.metrics
    asked: set[int] = set()
    real = metrics.row_height

    def row_height(row: int) -> int:
        asked.add(row)
        return real(row)

    monkeypatch.setattr(metrics, "row_height", row_height)
    return asked


def shown_height(window, row: int) -> tuple[int, int]:
    """Heights the two panes give ``row`` on screen."""
    index = window.transcript_model.index(row, 0)
    en, ja = window.panes.pane("en"), window.panes.pane("ja")
    return en.visualRect(index).height(), ja.visualRect(index).height()


def assert_panes_tied(window) -> None:
    en, ja = window.panes.pane("en"), window.panes.pane("ja")
    assert en.verticalScrollBar().value() == ja.verticalScrollBar().value()
    assert en.verticalScrollBar().maximum() == ja.verticalScrollBar().maximum()
    for row in en.visible_rows():
        index = window.transcript_model.index(row, 0)
        assert en.visualRect(index).top() == ja.visualRect(index).top()
        assert en.visualRect(index).height() == ja.visualRect(index).height()


def test_editing_a_row_far_below_measures_about_a_screenful(win, store, monkeypatch):
    model = win.transcript_model
    assert model.rowCount() == 2 * TURNS
    screenful = len(win.panes.pane("en").visible_rows())
    asked = measured_rows(win, monkeypatch)
    edit_text(store, model.segment_id(FAR), "en", LONGER)  # the store announces it; the panes follow
    settle(win)
    assert model.segment(FAR).corrected("en") == LONGER
    # The rows on screen and the last screenful (the scroll bar's range), never the 1,150 above.
    assert len(asked) <= 3 * screenful + 10, f"{len(asked)} rows measured for one change"
    assert_panes_tied(win)


def test_undo_and_replace_all_far_below_measure_about_a_screenful(win, store, monkeypatch):
    model = win.transcript_model
    screenful = len(win.panes.pane("en").visible_rows())
    event = edit_text(store, model.segment_id(FAR), "en", LONGER)
    settle(win)
    asked = measured_rows(win, monkeypatch)
    store.undo(event)
    settle(win)
    assert model.segment(FAR).corrected("en") != LONGER
    assert len(asked) <= 3 * screenful + 10, f"{len(asked)} rows measured for an undo"
    # Many rows at once, most of them off screen: one relayout, still no walk down the transcript.
    from model.ops.find_replace import replace_all

    asked.clear()
    replace_all(store, win.ctx.transcript_id, "second paragraph", "closing paragraph", langs=("en",))
    settle(win)
    assert "closing paragraph" in model.segment(2 * TURNS - 1).corrected("en")
    assert len(asked) <= 3 * screenful + 10, f"{len(asked)} rows measured for a replace-all"
    assert_panes_tied(win)


def test_a_far_row_changed_while_away_shows_its_new_height_when_scrolled_to(win, store):
    panes, model = win.panes, win.transcript_model
    top = QAbstractItemView.ScrollHint.PositionAtTop
    panes.go_row(FAR, top)  # seen once: Qt remembers its height
    settle(win)
    before = shown_height(win, FAR)
    assert before[0] == before[1] == panes.metrics.row_height(FAR)
    panes.go_first()
    settle(win)
    event = edit_text(store, model.segment_id(FAR), "en", LONGER)
    settle(win)
    panes.go_row(FAR, top)
    settle(win)
    after = shown_height(win, FAR)
    assert after[0] == after[1] == panes.metrics.row_height(FAR) > before[0]
    assert_panes_tied(win)
    # Undone while away: back to the old height when shown again.
    panes.go_first()
    settle(win)
    store.undo(event)
    settle(win)
    panes.go_row(FAR, top)
    settle(win)
    assert shown_height(win, FAR) == before
    assert_panes_tied(win)


def test_a_row_on_screen_grows_at_once(win, store):
    panes, model = win.panes, win.transcript_model
    before = shown_height(win, 2)
    edit_text(store, model.segment_id(2), "en", LONGER)
    settle(win)
    after = shown_height(win, 2)
    assert after[0] == after[1] == panes.metrics.row_height(2) > before[0]
    assert_panes_tied(win)


def test_an_open_editor_shows_a_change_that_arrives_with_far_ones(win, store):
    panes, model = win.panes, win.transcript_model
    panes.go_row(FAR, QAbstractItemView.ScrollHint.PositionAtTop)  # seen once: Qt remembers its height
    settle(win)
    panes.go_row(3)
    panes.pane("en").setFocus()
    win.registry.get("edit_segment").trigger()
    editor = win.annotate.editor
    assert editor is not None and editor.segment_id == model.segment_id(3)
    # A far row and the edited one change together (as in a replace-all): the far one makes the
    # panes lay out again, and the editor must still get the new text of its own row.
    edit_text(store, model.segment_id(FAR), "en", LONGER)
    edit_text(store, model.segment_id(3), "en", LONGER)
    settle(win)
    assert win.annotate.editor is editor
    assert editor.toPlainText() == LONGER
