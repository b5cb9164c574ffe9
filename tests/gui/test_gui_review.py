"""The review feature in the window: flag dialog, queue filters and navigation, F8, approve, findings, strip."""

from __future__ import annotations

from gui_helpers import long_briefing, make_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from model.ops import flags as flag_ops
from model.review import list_flags


def open_review(qtbot, store, tmp_path, turns=None):
    window, tid = make_window(qtbot, store, tmp_path, turns=turns)
    review = window.review
    qtbot.waitUntil(lambda: review.checks_started and not review.checking)
    return window, tid, review


def row_sid(window, row):
    return window.transcript_model.segment_id(row)


def test_flag_shortcut_opens_dialog_with_preview_and_creates_one_undo_step(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    window.panes.go_row(2)
    window.panes.active_pane().setFocus()
    qtbot.keyClick(window.panes.active_pane(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = review.last_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.category.setCurrentIndex(dialog.category.findData("terminology"))
    dialog.note.setPlainText("Is **similar** right? <script>alert(1)</script> [x](javascript:alert(1))")
    dialog.update_preview()
    preview = dialog.preview.toHtml()
    assert "<script" not in preview and "javascript:" not in preview
    assert "<script>alert(1)</script>" in dialog.preview.toPlainText()  # shown as harmless text
    dialog.accept()
    flags = list_flags(store, tid).flags
    assert [(f.segment_id, f.category) for f in flags] == [(row_sid(window, 2), "terminology")]
    qtbot.waitUntil(lambda: review.panel.model.rowCount() == 1)
    window.ctx.undo_stack.undo()
    assert list_flags(store, tid).total == 0
    qtbot.waitUntil(lambda: review.panel.model.rowCount() == 0)


def test_queue_filters_and_counts(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    flag_ops.add_flag(store, row_sid(window, 1), "mistranslation", "a", lang="ja", start=0, end=4)
    flag_ops.add_flag(store, row_sid(window, 3), "speaker", "b")
    store.set_annotator("reviewer")
    flag_ops.add_flag(store, row_sid(window, 4), "mistranslation", "c")
    first = list_flags(store, tid).flags[0]
    flag_ops.resolve_flag(store, first.id, "fixed")
    review.refresh_review()
    panel = review.panel
    assert [f.note for f in panel.model.items] == ["b", "c"]  # open flags by default
    assert "2 open · 1 resolved" in panel.counts_label.text()
    panel.set_filter("status", None)
    assert [f.note for f in panel.model.items] == ["a", "b", "c"]
    panel.set_filter("category", "mistranslation")
    assert [f.note for f in panel.model.items] == ["a", "c"]
    panel.set_filter("lang", "ja")
    assert [f.note for f in panel.model.items] == ["a"]
    panel.set_filter("lang", None)
    panel.set_filter("category", None)
    panel.set_filter("author", "reviewer")
    assert [f.note for f in panel.model.items] == ["c"]
    assert "1 of 3 shown" in panel.counts_label.text()


def test_clicking_a_flag_goes_to_it_and_shows_its_thread(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    flag_ops.add_flag(store, row_sid(window, 4), "speaker", "Who is **this**?")
    fid = list_flags(store, tid).flags[0].id
    flag_ops.reply_to_flag(store, fid, "The operator said Ken.")
    review.refresh_review()
    view = review.panel.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(review.panel.model.index(0, 1)).center())
    assert window.panes.current_row() == 4
    thread = review.panel.thread_view.toPlainText()
    assert "Who is this?" in thread and "The operator said Ken." in thread


def test_f8_walks_open_flags_from_anywhere_and_wraps(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    for row in (1, 4):
        flag_ops.add_flag(store, row_sid(window, row), "other", f"row {row}")
    review.refresh_review()
    window.panes.go_row(0)
    window.panes.active_pane().setFocus()
    qtbot.keyClick(window.panes.active_pane(), Qt.Key.Key_F8)
    assert window.panes.current_row() == 1
    review.panel.view.setFocus()  # from the panel too
    qtbot.keyClick(review.panel.view, Qt.Key.Key_F8)
    assert window.panes.current_row() == 4
    qtbot.keyClick(review.panel.view, Qt.Key.Key_F8)
    assert window.panes.current_row() == 1  # wrapped
    qtbot.keyClick(window.panes.active_pane(), Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.panes.current_row() == 4


def test_resolve_and_reopen_from_keyboard(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    flag_ops.add_flag(store, row_sid(window, 3), "other", "check")
    review.refresh_review()
    review.next_flag()
    review.panel.reply_edit.setPlainText("Checked with the recording.")
    pane = window.panes.active_pane()
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    flag = list_flags(store, tid).flags[0]
    assert (flag.status, flag.resolution_note) == ("resolved", "Checked with the recording.")
    qtbot.keyClick(pane, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert list_flags(store, tid).flags[0].status == "open"
    window.ctx.undo_stack.undo()
    assert list_flags(store, tid).flags[0].status == "resolved"


def test_approve_shortcut_and_next_needing_review(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    window.panes.go_row(0)
    pane = window.panes.active_pane()
    pane.setFocus()
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane, Qt.Key.Key_A, mods)  # row 0 has no Japanese: the first press only asks
    qtbot.keyClick(pane, Qt.Key.Key_A, mods)
    qtbot.keyClick(window.panes.active_pane(), Qt.Key.Key_A, mods)
    from model.readmodel import load_transcript

    states = [s.review_state for _t, s in load_transcript(store, tid).segments()]
    assert states[:3] == ["approved", "approved", "not_reviewed"]
    assert window.panes.current_row() == 2  # approving moves on
    window.panes.go_row(5)
    qtbot.keyClick(window.panes.active_pane(), Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert window.panes.current_row() == 2  # wrapped past the approved rows 0 and 1
    qtbot.waitUntil(lambda: "2 of 6 segments approved" in review.panel.progress_label.text())
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: "1 of 6 segments approved" in review.panel.progress_label.text())


def test_findings_listed_flagged_dismissed_and_rerun_after_an_edit(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    checks = {(f.check, f.turn, f.segment) for f in review.findings}
    assert ("untranslated", 1, 1) in checks and ("unknown_speaker", 1, 1) in checks
    assert ("untranslated", 3, 2) in checks
    untranslated = next(f for f in review.findings if f.turn == 3)
    review.dismiss(untranslated, "a courtesy, no translation needed")
    assert untranslated.key not in {f.key for f in review.findings}
    unknown = next(f for f in review.findings if f.check == "unknown_speaker")
    review.flag_from_finding(unknown)
    assert list_flags(store, tid).flags[0].finding_key == unknown.key
    assert unknown.key not in {f.key for f in review.findings}
    # An edit that adds the missing translation clears that finding (checks rerun for the segment).
    from model.ops.corrections import edit_text

    sid = row_sid(window, 0)
    before = len(review.findings)
    edit_text(store, sid, "ja", "ですから、日本のパートナーは大きな措置を講じてきました。")
    qtbot.waitUntil(lambda: len(review.findings) == before - 1)
    assert not any(f.segment_id == sid and f.check == "untranslated" for f in review.findings)


def test_overview_strip_marks_and_jumps(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path, turns=long_briefing(40))
    sid = row_sid(window, 60)
    flag_ops.add_flag(store, sid, "other", "far down")
    qtbot.waitUntil(lambda: any(m & 1 for m in review.strip.marks.values()))
    strip = review.strip
    assert strip.marks[60] & 1  # flag
    assert strip.row_count == 80
    y = strip.y_of(60) + 1
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(strip.width() // 2, y))
    assert window.panes.current_row() == 60
    first, last = strip.visible
    assert first <= 60 <= last
    # An edit repaints that row's mark only (edited = blue bit), without a full re-read.
    from model.ops.corrections import edit_text

    edit_text(store, row_sid(window, 5), "en", "Turn 3 first paragraph, edited.")
    qtbot.waitUntil(lambda: bool(strip.marks.get(5, 0) & 4))
    assert strip.marks[60] & 1


def test_findings_filter_by_check(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    panel = review.findings_panel
    total = panel.model.rowCount()
    panel.set_check_filter("unknown_speaker")
    assert panel.model.rowCount() == 1 < total
    assert panel.model.items[0].check == "unknown_speaker"
    panel.set_check_filter(None)
    assert panel.model.rowCount() == total


def test_japanese_ui_translates_the_review_feature(qtbot, store, tmp_path):
    from PySide6.QtCore import QCoreApplication, QSettings

    from gui.window.i18n import install_translators

    QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).setValue("ui/language", "ja")
    install_translators(QCoreApplication.instance(), "ja")
    try:
        window, tid, review = open_review(qtbot, store, tmp_path)
        assert window.registry.menus["review"].title() == "レビュー(&R)"
        assert window.registry.get("next_flag").text() == "次の未解決フラグ(&N)"
        assert review.review_dock.windowTitle() == "レビュー"
        assert review.panel.status_filter.itemText(1) == "未解決"
    finally:
        install_translators(QCoreApplication.instance(), "en")


def test_links_in_notes_are_never_followed(qtbot, store, tmp_path):
    from PySide6.QtCore import QUrl

    window, tid, review = open_review(qtbot, store, tmp_path)
    flag_ops.add_flag(store, row_sid(window, 1), "other", "See [the guide](https://example.org/guide)")
    review.refresh_review()
    review.panel.select_row(0)
    thread = review.panel.thread_view
    assert thread.openLinks() is False and thread.openExternalLinks() is False
    before = thread.toHtml()
    messages = []
    window.ctx.statusMessage.connect(messages.append)
    thread.anchorClicked.emit(QUrl("https://example.org/guide"))
    assert thread.toHtml() == before  # the view stayed on the note
    assert QApplication.clipboard().text() == "https://example.org/guide"
    assert messages and "not opened" in messages[-1]


def test_details_tab_lists_the_segments_flags_in_both_panes(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    sid = row_sid(window, 1)
    flag_ops.add_flag(store, sid, "mistranslation", "**公的な** is odd here", lang="ja", start=15, end=18)
    qtbot.waitUntil(lambda: window.transcript_model.segment(1).flags != [])
    window.panes.go_row(1)
    text = review.flags_tab.toPlainText()
    assert "Open" in text and "Mistranslation" in text and "公的な is odd here" in text
    window.panes.go_row(0)
    assert "No flags on this segment." in review.flags_tab.toPlainText()


def test_review_models_pass_qt_model_tester(qtbot, qtmodeltester, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    flag_ops.add_flag(store, row_sid(window, 1), "speaker", "who?")
    review.refresh_review()
    qtmodeltester.check(review.panel.model)
    qtmodeltester.check(review.findings_panel.model)


def test_dismissed_findings_can_be_shown_and_restored(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    panel = review.findings_panel
    target = next(f for f in review.findings if f.check == "unknown_speaker")
    review.dismiss(target, "the call starts mid-sentence")
    assert target.key not in {f.key for f in panel.model.items}
    panel.show_settled.setChecked(True)
    row = next(i for i, f in enumerate(panel.model.items) if f.key == target.key)
    shown = panel.model.index(row, 3).data()
    assert "dismissed: the call starts mid-sentence" in shown
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    assert panel.restore_button.isEnabled() and not panel.dismiss_button.isEnabled()
    panel.restore_button.click()
    assert target.key in {f.key for f in review.findings}
    row = next(i for i, f in enumerate(panel.model.items) if f.key == target.key)
    assert "dismissed" not in panel.model.index(row, 3).data()


def test_edit_a_flag_from_the_panel(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    flag_ops.add_flag(store, row_sid(window, 3), "other", "first thought")
    review.refresh_review()
    review.panel.select_row(0)
    review.panel.edit_button.click()
    dialog = review.last_dialog
    assert dialog.note.toPlainText() == "first thought"
    dialog.category.setCurrentIndex(dialog.category.findData("speaker"))
    dialog.note.setPlainText("The operator introduced **Ken**, not the official.")
    dialog.accept()
    flag = list_flags(store, tid).flags[0]
    assert (flag.category, flag.note) == ("speaker", "The operator introduced **Ken**, not the official.")
    qtbot.waitUntil(lambda: "introduced Ken" in review.panel.thread_view.toPlainText())
    window.ctx.undo_stack.undo()
    assert list_flags(store, tid).flags[0].note == "first thought"


def test_finding_messages_follow_the_ui_language(qtbot, store, tmp_path):
    from PySide6.QtCore import QCoreApplication, QSettings

    from gui.review.names import finding_message
    from gui.window.i18n import install_translators

    window, tid, review = open_review(qtbot, store, tmp_path)
    untranslated = next(f for f in review.findings if f.check == "untranslated")
    assert finding_message(untranslated) == untranslated.message  # English UI: the model's words
    try:
        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).setValue("ui/language", "ja")
        assert install_translators(QCoreApplication.instance(), "ja") == "ja"
        assert finding_message(untranslated) == "日本語の本文がありません: 未翻訳の段落です"
    finally:
        install_translators(QCoreApplication.instance(), "en")


def test_an_edit_brings_up_a_finding_on_that_segment_only(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    from model.ops.corrections import edit_text

    sid = row_sid(window, 2)  # translated, no finding yet
    assert not any(f.segment_id == sid for f in review.findings)
    others = {f.key for f in review.findings}
    edit_text(store, sid, "en", "And we expect you'll see 3 statements that are quite similar on this visit.")
    qtbot.waitUntil(lambda: any(f.segment_id == sid for f in review.findings))
    assert {f.key for f in review.findings if f.segment_id != sid} == others  # the rest is kept as it was
    assert {f.check for f in review.findings if f.segment_id == sid} == {"numbers"}


def test_review_docks_shrink_to_300_px_with_every_button_in_sight(qtbot, store, tmp_path):
    window, tid, review = open_review(qtbot, store, tmp_path)
    # What used to set a 436 px minimum: the progress line, the filter combos, the buttons row.
    assert review.panel.minimumSizeHint().width() <= 300
    assert review.findings_panel.minimumSizeHint().width() <= 300
    window.resizeDocks([review.review_dock], [300], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: review.review_dock.width() <= 310)
    panel = review.panel
    buttons = [panel.reply_button, panel.resolve_button, panel.wontfix_button, panel.reopen_button, panel.edit_button]
    for b in buttons:  # wrapped onto a second row, not cut off at the dock's edge
        top_left = b.mapTo(panel, QPoint(0, 0))
        assert top_left.x() >= 0 and top_left.x() + b.width() <= panel.width()
        assert top_left.y() + b.height() <= panel.height()
    assert len({b.y() for b in buttons}) == 2
    window.resizeDocks([review.review_dock], [700], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) == 1)  # room again: one row
