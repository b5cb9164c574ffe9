"""Friction removed from an annotator's day (issue 14): next open gap, the pane filter, comments,
keyboard-only dialogs, approving an untranslated segment."""

from __future__ import annotations

import pytest
from gui_helpers import long_briefing, make_window
from PySide6.QtCore import QModelIndex


@pytest.fixture
def win(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path)
    yield window, tid
    window.ctx.undo_stack.clear()


def test_f9_goes_to_the_next_open_gap_from_anywhere_and_wraps(qtbot, store, tmp_path):
    turns = long_briefing(6)
    turns[1][1][0] = ("A first (inaudible) part.", "最初の(聞き取れない)部分。")
    turns[4][1][1] = ("Later (inaudible) words.", None)
    window, tid = make_window(qtbot, store, tmp_path, turns=turns)
    model = window.transcript_model
    action = window.registry.get("next_gap")
    assert action.shortcut().toString() == "F9"
    assert window.registry.get("prev_gap").shortcut().toString() == "Shift+F9"
    window.panes.go_row(0)
    action.trigger()
    assert window.panes.current_row() == 2
    action.trigger()
    assert window.panes.current_row() == 9
    action.trigger()
    assert window.panes.current_row() == 2  # wraps
    window.registry.get("prev_gap").trigger()
    assert window.panes.current_row() == 9
    assert window.ctx.selection.segment_id == model.segment_id(9)


def test_pane_filter_folds_other_rows_away_in_both_panes(qtbot, store, win):
    window, tid = win
    panes = window.panes
    day = window.features["extras"]
    day.filter.set_kind("untranslated")
    root = QModelIndex()
    visible = [r for r in range(window.transcript_model.rowCount()) if not panes.pane("en").isRowHidden(r, root)]
    assert visible == [0, 4]  # the unlabelled start and "Please go ahead." have no Japanese
    assert visible == [r for r in range(window.transcript_model.rowCount())
                       if not panes.pane("ja").isRowHidden(r, root)]  # the panes stay linked
    panes.go_row(0)
    panes.step_segment(1)  # Down passes over the folded rows
    assert panes.current_row() == 4
    window.registry.get("comment")  # the filter by comment exists too
    day.filter.set_kind("")
    assert not any(panes.pane("en").isRowHidden(r, root) for r in range(window.transcript_model.rowCount()))


def test_comment_from_the_keyboard_shows_in_details_and_filters(qtbot, store, win):
    window, tid = win
    window.panes.go_row(3)
    window.registry.get("comment").trigger()
    dialog = window.features["extras"].comment_dialog
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPlainTextEdit

    box = dialog.findChild(QPlainTextEdit)
    box.setPlainText("Check Ken's affiliation with the audio.")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # saves, no new line
    qtbot.waitUntil(lambda: window.transcript_model.segment(3).comment == "Check Ken's affiliation with the audio.")
    qtbot.waitUntil(lambda: "Check Ken" in window.details.segment.toPlainText())
    assert window.ctx.undo_stack.undoText() == "Comment"
    window.features["extras"].filter.set_kind("commented")
    root = QModelIndex()
    assert [r for r in range(window.transcript_model.rowCount())
            if not window.panes.pane("en").isRowHidden(r, root)] == [3]


def test_flag_dialog_works_from_the_keyboard(qtbot, store, win):
    window, tid = win
    from PySide6.QtCore import Qt

    from model.review import list_flags

    window.panes.go_row(2)
    window.registry.get("flag_segment").trigger()
    dialog = window.review.last_dialog
    qtbot.waitExposed(dialog)
    assert dialog.note.hasFocus() or dialog.focusWidget() is dialog.note
    qtbot.keyClick(dialog.note, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # the fifth category
    assert dialog.category.currentIndex() == 4
    qtbot.keyClicks(dialog.note, "check this term")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # submits
    flags = list_flags(store, tid).flags
    assert [(f.category, f.note) for f in flags] == [(dialog.category.itemData(4), "check this term")]
    assert dialog.flag_button.isDefault()


def test_approving_an_untranslated_segment_needs_a_second_press(qtbot, store, win):
    window, tid = win
    from model.readmodel import load_segment

    model = window.transcript_model
    approve = window.registry.get("approve_segment")
    window.panes.go_row(4)  # "Please go ahead." has no Japanese
    statuses = []
    window.ctx.statusMessage.connect(statuses.append)
    approve.trigger()
    assert load_segment(store, model.segment_id(4)).review_state != "approved"
    assert window.panes.current_row() == 4 and "again" in statuses[-1]
    approve.trigger()
    assert load_segment(store, model.segment_id(4)).review_state == "approved"
    window.panes.go_row(1)  # translated: approved at the first press
    approve.trigger()
    assert load_segment(store, model.segment_id(1)).review_state == "approved"


def test_history_made_before_a_language_switch_is_shown_in_the_new_language(qtbot, store, tmp_path, qapp):
    from shiboken6 import Shiboken

    from gui.window.i18n import install_translators
    from gui.window.language_switch import switch_language
    from model.ops.corrections import edit_text

    window, tid = make_window(qtbot, store, tmp_path, closed_by_qtbot=False)
    model = window.transcript_model
    window.panes.go_row(1)
    window.annotate.merge_segment()  # an undo step named in English: "Merge segments"
    assert window.ctx.undo_stack.undoText() == "Merge segments"
    edit_text(store, model.segment_id(0), "en", "So, look.")  # a recorded change (All changes tab)
    new = window
    window.features["extras"].filter.set_kind("untranslated")
    try:
        new = switch_language(window, "ja")
        assert new.features["extras"].filter.kind == "untranslated"  # the pane filter survives too
        qtbot.waitUntil(lambda: new.panes.pane("en").isRowHidden(1, QModelIndex()))
        stack = new.ctx.undo_stack
        assert stack.undoText() == "段落の結合"  # the step made in English, now named in Japanese
        panel = new.annotate.history_panel
        panel.setCurrentWidget(panel.changes)
        panel.reload()
        actions = [panel.changes.topLevelItem(i).text(2) for i in range(panel.changes.topLevelItemCount())]
        assert "本文の編集" in actions and "Edit text" not in actions
        new = switch_language(new, "en")
        assert new.ctx.undo_stack.undoText() == "Merge segments"  # and back
    finally:
        install_translators(qapp, "en")
        new.ctx.undo_stack.clear()
        if Shiboken.isValid(new):
            new.close()
            new.deleteLater()


def test_filter_follows_edits_without_reading_every_row(qtbot, store, win):
    window, tid = win
    from model.ops.comments import set_comment

    model = window.transcript_model
    flt = window.features["extras"].filter
    flt.set_kind("commented")
    root = QModelIndex()
    assert all(window.panes.pane("en").isRowHidden(r, root) for r in range(model.rowCount()))
    set_comment(store, model.segment_id(2), "a note")  # the row comes into the filter after the edit
    qtbot.waitUntil(lambda: not window.panes.pane("ja").isRowHidden(2, root))
    assert not window.panes.pane("en").isRowHidden(2, root)
