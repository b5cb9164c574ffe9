"""Annotation in the window: in-place editing (Japanese through an input method event),
gaps, speakers, find/replace, view modes, undo/redo, failing actions."""

from __future__ import annotations

import pytest
from gui_helpers import make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from model.readmodel import load_segment


@pytest.fixture
def win(qtbot, store, tmp_path):
    """A window on the test briefing; its undo stack is emptied while the window still exists."""
    window, tid = make_window(qtbot, store, tmp_path)
    yield window, tid
    window.ctx.undo_stack.clear()  # the stack outlives the window: no signal to deleted widgets


def _open_editor(qtbot, window, row: int, lang: str):
    panes = window.panes
    panes.active_lang = lang
    panes.go_row(row)
    pane = panes.pane(lang)
    pane.setFocus()
    window.registry.get("edit_segment").trigger()
    editor = window.annotate.editor
    assert editor is not None and editor.lang == lang
    return editor


def _events(window) -> int:
    return len(window.ctx.store.history(window.ctx.transcript_id))


def test_edit_english_in_place_commit_with_enter_and_undo_redo(qtbot, store, win):
    window, tid = win
    editor = _open_editor(qtbot, window, 1, "en")
    assert editor.toPlainText().startswith("Thanks. The U.S. and Japan")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "Well. ")
    before = _events(window)
    assert _events(window) == before  # typing persists nothing
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    sid = window.transcript_model.segment_id(1)
    assert load_segment(store, sid).en.startswith("Well. Thanks.")
    assert window.transcript_model.segment(1).en.startswith("Well. Thanks.")
    assert window.annotate.editor is None
    assert window.ctx.undo_stack.count() == 1
    window.registry.get("undo").trigger()
    assert load_segment(store, sid).en.startswith("Thanks.")
    window.registry.get("redo").trigger()
    assert load_segment(store, sid).en.startswith("Well. Thanks.")
    assert "All changes saved" in window.saved_label.text()


def test_japanese_input_method_commits_only_when_the_edit_is_committed(qtbot, store, win):
    window, tid = win
    sid = window.transcript_model.segment_id(3)  # "Moving to the next caller..." / 次の質問者に移ります。...
    editor = _open_editor(qtbot, window, 3, "ja")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    before = _events(window)
    composing = QInputMethodEvent("しつもん", [])
    QApplication.sendEvent(editor, composing)  # preedit: not text yet
    assert _events(window) == before
    commit = QInputMethodEvent()
    commit.setCommitString("質問")
    QApplication.sendEvent(editor, commit)
    assert editor.toPlainText().endswith("さん。質問")
    assert _events(window) == before  # still nothing written: the edit is not committed
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert load_segment(store, sid).ja == "次の質問者に移ります。日経アジアのケン・モリヤスさん。質問"
    assert _events(window) == before + 1


def test_escape_cancels_and_ctrl_enter_moves_to_the_next_segment(qtbot, store, win):
    window, tid = win
    editor = _open_editor(qtbot, window, 1, "en")
    qtbot.keyClicks(editor, " Extra")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.annotate.editor is None
    assert window.ctx.undo_stack.count() == 0
    editor = _open_editor(qtbot, window, 1, "en")
    qtbot.keyClicks(editor, " Extra")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.annotate.editor is not None)
    assert window.panes.current_row() == 2
    assert window.annotate.editor.segment_id == window.transcript_model.segment_id(2)
    assert load_segment(store, window.transcript_model.segment_id(1)).en.endswith("on Taiwan. Extra")


def test_mark_and_insert_gap_from_the_editor_each_one_undo_step(qtbot, store, win):
    window, tid = win
    sid = window.transcript_model.segment_id(2)
    editor = _open_editor(qtbot, window, 2, "en")
    text = editor.toPlainText()
    start = text.index("quite similar")
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("quite similar"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    window.registry.get("mark_gap").trigger()
    seg = load_segment(store, sid)
    assert [seg.en[g.start:g.end] for g in seg.gaps] == ["quite similar"]
    assert window.ctx.undo_stack.count() == 1
    editor = _open_editor(qtbot, window, 2, "en")
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    window.registry.get("insert_gap").trigger()
    seg = load_segment(store, sid)
    assert seg.en.startswith("(inaudible)And we expect")
    assert sorted(seg.en[g.start:g.end] for g in seg.gaps) == ["(inaudible)", "quite similar"]
    assert window.annotate.gaps_tab.tree.topLevelItemCount() == 2
    window.ctx.undo_stack.undo()
    window.ctx.undo_stack.undo()
    seg = load_segment(store, sid)
    assert seg.gaps == [] and seg.en == seg.en_orig
    window.registry.get("mark_gap").trigger()  # nothing selected: a one-line reason, no command
    assert "Select the inaudible words" in window.last_message_box.text()
    assert window.ctx.undo_stack.index() == 0


def test_gap_list_lists_every_gap_and_jumps_to_it(qtbot, store, win):
    window, tid = win
    panel = window.annotate.gap_list
    qtbot.waitUntil(lambda: window.review.checks_started)  # the transcript was painted a while ago
    assert panel.model.rowCount() == 0  # its tab is behind the library's: not read yet
    # The list is read when its dock is shown, after the panes painted the transcript
    window.annotate.show_gaps()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert "2 open of 2" in panel.count.text()
    index = panel.proxy.index(1, 0)
    panel.jump(index)
    assert window.panes.current_row() == 1 and window.panes.active_lang == "ja"
    from model.ops.gaps import fill_gap

    _ = window.annotate  # built now, so the list below follows store changes
    fill_gap(store, panel.model.rows[0].id, "statements", "certain")
    assert "1 open of 2" in panel.count.text()


def test_failing_action_shows_a_reason_and_leaves_no_command(qtbot, store, win):
    window, tid = win
    window.panes.go_row(0)
    window.registry.get("merge_segment").trigger()  # the only segment of its turn
    assert "last segment of its turn" in window.last_message_box.text()
    assert window.ctx.undo_stack.count() == 0


def test_alignment_actions_from_the_window(qtbot, store, win):
    window, tid = win
    window.panes.go_row(1)
    window.registry.get("merge_segment").trigger()
    assert window.transcript_model.rowCount() == 5
    assert window.transcript_model.segment(1).en.endswith("on Taiwan. And we expect you'll see language "
                                                          "that's quite similar on this visit.")
    window.ctx.undo_stack.undo()
    assert window.transcript_model.rowCount() == 6
    editor = _open_editor(qtbot, window, 1, "en")
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("The U.S."))
    editor.setTextCursor(cursor)
    window.registry.get("split_segment").trigger()
    assert window.transcript_model.rowCount() == 7
    assert window.transcript_model.segment(2).en.startswith("The U.S. and Japan")


def test_rename_merge_and_pick_speakers(qtbot, store, win):
    window, tid = win
    panel = window.annotate.speakers_panel
    table = panel.model
    assert [s.display_name for s in table.speakers] == ["SENIOR ADMINISTRATION OFFICIAL", "OPERATOR", "Q"]
    assert table.setData(table.index(2, 0), "Ken Moriyasu")
    assert window.transcript_model.speaker(window.transcript_model.turn(5)).display_name == "Ken Moriyasu"
    assert table.setData(table.index(2, 2), "Nikkei Asia")
    assert table.speakers[2].affiliation == "Nikkei Asia"
    official, operator = table.speakers[0].id, table.speakers[1].id
    panel.merge_into(official, operator)
    assert len(table.speakers) == 2
    assert window.transcript_model.turn(3).speaker_id == official
    window.ctx.undo_stack.undo()
    assert len(table.speakers) == 3
    # The quick picker: type to filter, Enter to pick.
    window.panes.go_row(0)
    window.registry.get("change_speaker").trigger()
    picker = panel.picker
    qtbot.keyClicks(picker.filter, "ken")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert window.transcript_model.speaker(window.transcript_model.turn(0)).display_name == "Ken Moriyasu"
    assert window.ctx.undo_stack.undoText() == "Change speaker of turn"


def test_find_and_replace_all_is_one_undo_step(qtbot, store, win):
    window, tid = win
    window.registry.get("replace").trigger()
    dialog = window.annotate.find_dialog
    dialog.find_edit.setText("japan")
    dialog.step(1)
    assert "Match 1 of 2" in dialog.status.text()
    dialog.replace_edit.setText("Nippon")
    dialog.replace_all_button.click()
    dialog.preview.accept()  # after the preview of the matches
    texts = [window.transcript_model.segment(r).en for r in (0, 1)]
    assert "Nippon" in texts[0] and "Nippon" in texts[1]
    assert window.ctx.undo_stack.count() == 1
    window.ctx.undo_stack.undo()
    assert "Japanese" in window.transcript_model.segment(0).en
    dialog.find_edit.setText("日本")
    dialog.langs.setCurrentIndex(2)
    dialog.step(1)
    assert window.panes.active_lang == "ja" and "Match 1 of 1" in dialog.status.text()


def test_view_modes_switch_with_one_shortcut(qtbot, store, win):
    window, tid = win
    from model.ops.corrections import edit_text

    sid = window.transcript_model.segment_id(1)
    edit_text(store, sid, "en", window.transcript_model.segment(1).en.replace("honed", "refined"))
    metrics = window.panes.metrics
    assert "refined" in metrics.rendered(1, "en").text
    window.registry.get("cycle_view").trigger()
    assert window.annotate.mode == "changes"
    shown = metrics.rendered(1, "en")
    assert "honedrefined" in shown.text  # the old word struck through, then the new one marked
    assert any(f.fontStrikeOut() for _s, _e, f in shown.formats)
    assert any(f.fontUnderline() for _s, _e, f in shown.formats)
    window.registry.get("cycle_view").trigger()
    assert window.annotate.mode == "original" and "honed" in metrics.rendered(1, "en").text
    window.registry.get("cycle_view").trigger()
    assert window.annotate.mode == "corrected"


def test_first_run_asks_the_annotator_name(qtbot, store, win):
    window, tid = win
    window.annotate.ask_annotator_if_first_run()
    dialog = window.annotate.annotator_dialog
    assert dialog.textValue()  # prefilled with the system user name
    dialog.setTextValue("Aiko Tanaka")
    dialog.accept()
    assert store.annotator_name == "Aiko Tanaka"
    assert window.settings.value("annotator/name") == "Aiko Tanaka"
    assert "Aiko Tanaka" in window.annotator_label.text()


def test_every_annotation_action_names_its_shortcut(qtbot, store, win):
    window, tid = win
    for key in ("edit_segment", "mark_gap", "insert_gap", "fill_gap", "change_speaker", "split_segment",
                "merge_segment", "translation_up", "find", "replace", "cycle_view", "accept_correction"):
        action = window.registry.get(key)
        assert action.shortcut().toString() and action.shortcut().toString() in action.toolTip()


def test_corrections_tab_reviews_and_describes_corrections(qtbot, store, win):
    window, tid = win
    from model.ops.corrections import edit_text

    sid = window.transcript_model.segment_id(1)
    edit_text(store, sid, "en", window.transcript_model.segment(1).en.replace("honed", "refined"))
    window.panes.go_row(1)
    tab = window.annotate.corrections_tab
    assert tab.tree.topLevelItemCount() == 1
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    tab.category.setCurrentIndex(tab.category.findData("mistranslation"))
    tab.note.setText("honed is odd here")
    tab.save_details()
    cor = load_segment(store, sid).corrections[0]
    assert (cor.category, cor.note) == ("mistranslation", "honed is odd here")
    window.registry.get("reject_correction").trigger()
    assert "honed" in window.transcript_model.segment(1).en
    window.ctx.undo_stack.undo()
    assert "refined" in window.transcript_model.segment(1).en
    window.registry.get("revert_segment").trigger()
    assert window.transcript_model.segment(1).en == window.transcript_model.segment(1).en_orig


def test_corrections_tab_shows_a_correction_that_no_longer_applies(qtbot, store, win):
    window, tid = win
    from model.ops.corrections import edit_text, reject_correction

    sid = window.transcript_model.segment_id(1)
    text = window.transcript_model.segment(1).en
    edit_text(store, sid, "en", text.replace("honed", "sharpened"))
    edit_text(store, sid, "en", text.replace("honed", "Sharpened"))  # an edit of the first one's word
    reject_correction(store, load_segment(store, sid).corrections[0].id)
    window.panes.go_row(1)
    tab = window.annotate.corrections_tab
    tab.refresh()
    newest, first = tab.tree.topLevelItem(0), tab.tree.topLevelItem(1)
    assert (newest.text(1), newest.text(3)) == ("s → S", "does not apply")
    assert "rejected" in newest.toolTip(3)
    assert first.text(3) == "rejected"
    assert window.transcript_model.segment(1).en == text  # neither changes the text


def test_japanese_ui_strings_are_translated(qtbot, store, tmp_path):
    from helpers import make_transcript
    from PySide6.QtCore import QCoreApplication, QSettings

    from gui.window.context import AppContext
    from gui.window.i18n import install_translators
    from gui.window.main_window import MainWindow

    assert install_translators(QCoreApplication.instance(), "ja") == "ja"
    try:
        assert QCoreApplication.translate("Annotate", "&Annotate") == "注釈(&A)"
        tid = make_transcript(store, [("Q", [("Hello.", "こんにちは。")])])
        settings = QSettings(str(tmp_path / "ja.ini"), QSettings.Format.IniFormat)
        settings.setValue("ui/language", "ja")
        window = MainWindow(AppContext(store), settings)
        qtbot.addWidget(window)
        window.open_initial(tid)
        assert window.registry.menus["annotate"].title() == "注釈(&A)"
        assert window.registry.get("mark_gap").text() == "選択範囲を聞き取れない箇所にする(&M)"
    finally:
        install_translators(QCoreApplication.instance(), "en")
    assert QCoreApplication.translate("Annotate", "&Annotate") == "&Annotate"


def test_no_two_actions_of_the_window_share_a_shortcut(qtbot, store, win):
    window, tid = win
    seen: dict[str, str] = {}
    for key, item in window.registry.items.items():
        for seq in item.action.shortcuts():
            text = seq.toString()
            assert seen.get(text, key) == key, f"{text} is used by both {seen.get(text)} and {key}"
            seen[text] = key


def test_history_shows_session_steps_and_recorded_changes(qtbot, store, win):
    window, tid = win
    from model.ops.speakers import rename_speaker

    panel = window.annotate.history_panel
    speaker = window.transcript_model.speaker(window.transcript_model.turn(1))
    window.ctx.run("Rename speaker", lambda: rename_speaker(store, speaker.id, "Director Ishikura"))
    assert panel.undo_view.model().rowCount() == 2  # "Opened" + the step
    panel.setCurrentWidget(panel.changes)
    qtbot.waitUntil(lambda: panel.changes.topLevelItemCount() >= 2)
    top = panel.changes.topLevelItem(0)
    assert top.text(2) == "Rename speaker" and top.text(1) == "tester"
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.changes.topLevelItem(0).toolTip(2) == "undone")


def test_annotation_docks_leave_the_panes_room_to_read(qtbot, store, win):
    window, tid = win
    assert window.feature_errors == []
    for lang in ("en", "ja"):
        assert window.panes.pane(lang).width() >= window.width() // 5
    assert window.tabifiedDockWidgets(window.library_dock)  # speakers, gaps, history share its column


def test_enter_and_double_click_open_the_editor_and_untranslated_rows_take_a_translation(qtbot, store, win):
    window, tid = win
    pane = window.panes.pane("ja")
    window.panes.active_lang = "ja"
    window.panes.go_row(0)  # untranslated in Japanese
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    editor = window.annotate.editor
    assert editor is not None and editor.toPlainText() == ""
    commit = QInputMethodEvent()
    commit.setCommitString("見てください。")
    QApplication.sendEvent(editor, commit)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.transcript_model.segment(0).ja == "見てください。"
    assert not window.panes.metrics.is_placeholder(0, "ja")
    en = window.panes.pane("en")
    en.doItemsLayout()  # the new translation changed row heights: lay out before aiming
    rect = en.visualRect(window.transcript_model.index(2, 0))
    qtbot.mouseClick(en.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first half
    qtbot.mouseDClick(en.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.annotate.editor is not None and window.annotate.editor.lang == "en"


def test_fill_gap_dialog_and_unrecoverable(qtbot, store, win):
    window, tid = win
    window.panes.go_row(1)
    tab = window.annotate.gaps_tab
    assert tab.tree.topLevelItemCount() == 2  # English and Japanese
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    window.registry.get("fill_gap").trigger()
    dialog = tab.dialog
    dialog.text.setText("statements")
    dialog.certain.setChecked(True)
    dialog.accept()
    gap = next(g for g in window.transcript_model.segment(1).gaps if g.lang == "en")
    assert (gap.status, gap.proposed_text, gap.confidence) == ("filled", "statements", "certain")
    tab.tree.setCurrentItem(tab.tree.topLevelItem(1))
    window.registry.get("fill_gap").trigger()
    tab.dialog.done(tab.dialog.UNRECOVERABLE)
    gap = next(g for g in window.transcript_model.segment(1).gaps if g.lang == "ja")
    assert gap.status == "unrecoverable"
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    tab.link()
    en, ja = sorted(window.transcript_model.segment(1).gaps, key=lambda g: g.lang)
    assert en.counterpart_id == ja.id and ja.counterpart_id == en.id


def test_split_speaker_from_the_panel_and_accept_all_suggestions(qtbot, store, win):
    window, tid = win
    from model.schema import SpeakerSuggestion

    panel = window.annotate.speakers_panel
    official = panel.model.speakers[0]
    panel.select_speaker(official.id)
    window.panes.go_row(2)  # the official's second segment (same turn)
    panel.split_selected()
    assert len(panel.model.speakers) == 4
    assert window.transcript_model.turn(1).speaker_id != official.id
    window.ctx.undo_stack.undo()
    model = window.transcript_model
    with store.operation("Suggest") as op:
        op.session.add(SpeakerSuggestion(transcript_id=tid, turn_id=model.turn(5).id, name="Ken Moriyasu",
                                         affiliation="Nikkei Asia"))
    assert panel.suggestions.topLevelItemCount() == 1
    number = list(model.skeleton.turns.ids).index(model.turn(5).id) + 1  # the turn's number, shown first
    assert panel.suggestions.topLevelItem(0).text(0) == str(number)
    assert window.panes.metrics.turn_hints == {model.turn(5).id: "Ken Moriyasu?"}  # hinted in the turn header
    panel.decide_all(True)
    assert model.speaker(model.turn(5)).display_name == "Ken Moriyasu"
    assert window.panes.metrics.turn_hints == {}
    assert window.ctx.undo_stack.undoText() == "Accept all speaker suggestions"


def test_find_next_from_the_first_row_starts_at_its_own_match(qtbot, store, win):
    # Row 0 is a row like any other: its match comes first, not after the others (a lookup that
    # took row 0 for "no row" skipped it).
    window, _tid = win
    window.panes.go_row(0)
    window.registry.get("replace").trigger()
    dialog = window.annotate.find_dialog
    dialog.find_edit.setText("japan")
    dialog.step(1)
    assert "Match 1 of 2" in dialog.status.text()
    assert window.panes.current_row() == 0
