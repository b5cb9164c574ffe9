"""The window under faults (issue #11): another program holding the write lock while the
annotator edits or undoes. The typed text is kept, the status bar never claims "saved"."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from model.readmodel import load_segment
from tests.faults import TEST_BUSY_TIMEOUT_MS, lock_held


@pytest.fixture
def win(qtbot, store, tmp_path, monkeypatch):
    monkeypatch.setenv("TAIYAKU_BUSY_TIMEOUT_MS", TEST_BUSY_TIMEOUT_MS)
    window, tid = make_window(qtbot, store, tmp_path)
    yield window, tid
    window.ctx.undo_stack.clear()


def _open_editor(window, row: int, lang: str):
    panes = window.panes
    panes.active_lang = lang
    panes.go_row(row)
    panes.pane(lang).setFocus()
    window.registry.get("edit_segment").trigger()
    editor = window.annotate.editor
    assert editor is not None
    return editor


def _close_dialog(qtbot, window) -> str:
    box = window.last_message_box
    assert box is not None and box.isVisible()
    text = box.text()
    box.accept()
    qtbot.waitUntil(lambda: not box.isVisible())
    return text


def test_an_edit_committed_under_a_lock_stays_in_the_editor_and_is_not_called_saved(qtbot, store, db_path: Path,
                                                                                      win):
    window, _tid = win
    states: list[str] = []
    window.ctx.bridge.writeState.connect(lambda state, _detail: states.append(state))
    sid = window.transcript_model.segment_id(1)
    editor = _open_editor(window, 1, "en")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "Well. ")
    with lock_held(db_path):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert "waiting" in states  # the status bar said it was waiting
        assert "Not saved" in window.saved_label.text()
        assert "saved" not in window.saved_label.text().replace("Not saved", "")
        assert window.annotate.editor is editor and editor.toPlainText().startswith("Well. Thanks.")
        qtbot.wait(50)  # the dialog takes the focus: the editor must stay
        message = _close_dialog(qtbot, window)
        assert "another program is writing to this database" in message.lower()
        assert "your text is kept" in message
        assert window.annotate.editor is editor and editor.toPlainText().startswith("Well. Thanks.")
        assert load_segment(store, sid).en.startswith("Thanks.")
        assert window.ctx.undo_stack.count() == 0
    # The other program is done: Enter again saves it.
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert load_segment(store, sid).en.startswith("Well. Thanks.")
    assert window.annotate.editor is None
    assert window.ctx.undo_stack.count() == 1
    assert "All changes saved" in window.saved_label.text()


def test_text_of_an_editor_closed_under_a_lock_comes_back_when_edited_again(qtbot, store, db_path: Path, win):
    window, _tid = win
    sid = window.transcript_model.segment_id(1)
    editor = _open_editor(window, 1, "en")
    editor.setPlainText("Completely new words.")
    with lock_held(db_path):
        window.annotate.close_editor(save=True)  # e.g. the annotator clicked elsewhere
        _close_dialog(qtbot, window)
    assert window.annotate.editor is None
    assert load_segment(store, sid).en.startswith("Thanks.")
    editor = _open_editor(window, 1, "en")
    assert editor.toPlainText() == "Completely new words."  # re-offered
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert load_segment(store, sid).en == "Completely new words."


def test_undo_and_redo_under_a_lock_keep_the_step(qtbot, store, db_path: Path, win):
    window, _tid = win
    sid = window.transcript_model.segment_id(1)
    editor = _open_editor(window, 1, "en")
    editor.setPlainText("Edited once.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    stack = window.ctx.undo_stack
    assert stack.count() == 1 and stack.index() == 1
    with lock_held(db_path):
        window.registry.get("undo").trigger()
        assert "another program is writing" in _close_dialog(qtbot, window).lower()
        assert stack.count() == 1 and stack.index() == 1  # still there, still to undo
        assert "Not saved" in window.saved_label.text()
    assert load_segment(store, sid).en == "Edited once."
    window.registry.get("undo").trigger()
    assert load_segment(store, sid).en.startswith("Thanks.") and stack.index() == 0
    with lock_held(db_path):
        window.registry.get("redo").trigger()
        _close_dialog(qtbot, window)
        assert stack.index() == 0
    window.registry.get("redo").trigger()
    assert load_segment(store, sid).en == "Edited once." and stack.index() == 1
    assert "All changes saved" in window.saved_label.text()


def test_import_and_review_actions_under_a_lock_say_so_and_change_nothing(qtbot, store, db_path: Path, win,
                                                                          tmp_path: Path):
    from model.ops.review_state import approve
    from model.readmodel import list_transcripts

    window, _tid = win
    source = tmp_path / "call.txt"
    source.write_text("Q: A question.\n\nQ: 質問です。\n", encoding="utf-8")
    before = len(list_transcripts(store))
    sid = window.transcript_model.segment_id(1)
    with lock_held(db_path):
        assert window.importer.import_paths([source]) == []
        message = _close_dialog(qtbot, window)
        assert message.startswith("call.txt: ") and "another program is writing to this database" in message
        assert window.ctx.run("Approve", lambda: approve(store, sid)) is None
        assert _close_dialog(qtbot, window) == ("Another program is writing to this database; nothing was changed, "
                                                "try again.")
        assert "Not saved" in window.saved_label.text()
    assert len(list_transcripts(store)) == before
    assert load_segment(store, sid).review_state == "not_reviewed"
    assert window.ctx.undo_stack.count() == 0


def test_an_edit_on_a_full_disk_keeps_the_text_and_says_the_disk_is_full(qtbot, store, win):
    from tests.faults import limit_pages

    window, _tid = win
    sid = window.transcript_model.segment_id(1)
    editor = _open_editor(window, 1, "en")
    long_text = "A very long correction that the full disk cannot hold. " * 300
    editor.setPlainText(long_text)
    limit_pages(store, extra_pages=1)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _close_dialog(qtbot, window).startswith("The disk is full; your text is kept.")
    assert window.annotate.editor is editor and editor.toPlainText() == long_text
    assert "Not saved" in window.saved_label.text()
    assert load_segment(store, sid).en.startswith("Thanks.")


def test_going_back_in_the_history_list_under_a_lock_keeps_every_step(qtbot, store, db_path: Path, win):
    window, _tid = win
    sid = window.transcript_model.segment_id(1)
    for text in ("First edit.", "Second edit."):
        editor = _open_editor(window, 1, "en")
        editor.setPlainText(text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    stack = window.ctx.undo_stack
    assert stack.index() == 2
    with lock_held(db_path):
        stack.setIndex(0)  # a click on the first line of the History dock's list
        assert stack.index() == 2 and stack.count() == 2
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1  # one dialog for the click, not one per step
        _close_dialog(qtbot, window)
    assert load_segment(store, sid).en == "Second edit."
    stack.setIndex(0)
    assert load_segment(store, sid).en.startswith("Thanks.") and stack.index() == 0
    stack.setIndex(2)
    assert load_segment(store, sid).en == "Second edit."


def test_the_flag_dialog_says_a_note_is_too_long_before_the_store_would_refuse_it(qtbot):
    from gui.review.flag_dialog import FlagDialog
    from model.notes import MAX_NOTE_CHARS

    dialog = FlagDialog("Turn 2, segment 1")
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("[" * (MAX_NOTE_CHARS + 1))
    dialog.update_preview()  # what the 150 ms timer does after typing
    assert not dialog.ok_button.isEnabled()
    assert "a note is limited to 10,000" in dialog.preview.toPlainText()
    assert dialog.note.toPlainText().startswith("[[[")  # the text is kept
    dialog.note.setPlainText("[ok](https://example.org)")
    dialog.update_preview()
    assert dialog.ok_button.isEnabled() and "ok" in dialog.preview.toPlainText()
