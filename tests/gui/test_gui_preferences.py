"""Edit > Preferences beyond name and language: work settings others read, appearance inside the app,
fonts per language, rebindable shortcuts (conflicts refused)."""

from __future__ import annotations

import pytest
from gui_helpers import make_window
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication

from gui.preferences.dialog import PreferencesDialog


@pytest.fixture
def win(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path)
    yield window
    window.ctx.undo_stack.clear()
    from gui.preferences import apply_appearance

    apply_appearance("system")


def test_work_preferences_are_stored_for_others_to_read(qtbot, win, tmp_path):
    from gui.export_dialog import start_folder
    from gui.preferences import gap_marker, rewind_seconds

    dialog = PreferencesDialog(win.settings, win)
    dialog.work.rewind.setValue(4.5)
    dialog.work.export_folder.setText(str(tmp_path))
    dialog.work.markers["en"].setText("[inaudible]")
    dialog.save()
    assert rewind_seconds(win.settings) == 4.5  # the player of the listening feature reads this
    assert start_folder(win.settings) == tmp_path  # no export made yet: the default export folder
    assert gap_marker(win.settings, "en") == "[inaudible]"
    assert gap_marker(win.settings, "ja") == "(聞き取れない)"


def test_inserted_gap_uses_the_chosen_marker(qtbot, store, win):
    from model.readmodel import load_segment

    win.settings.setValue("gaps/marker_en", "[unclear]")
    sid = win.transcript_model.segment_id(0)
    win.panes.active_lang = "en"
    win.panes.go_row(0)
    win.registry.get("edit_segment").trigger()
    editor = win.annotate.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    win.registry.get("insert_gap").trigger()
    seg = load_segment(store, sid)
    assert seg.en.endswith("[unclear]") and seg.gaps_in("en")[-1].text == "[unclear]"


def test_dark_light_and_system_inside_the_app(qtbot, win):
    from gui.window.theme import is_dark

    before = QApplication.palette().color(QPalette.ColorRole.Window)
    dialog = PreferencesDialog(win.settings, win)
    dialog.appearance.appearance.setCurrentIndex(dialog.appearance.appearance.findData("dark"))
    dialog.save()
    assert is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: win.panes.metrics.theme.dark)  # the panes recolour at once
    dialog = PreferencesDialog(win.settings, win)
    dialog.appearance.appearance.setCurrentIndex(dialog.appearance.appearance.findData("system"))
    dialog.save()
    assert QApplication.palette().color(QPalette.ColorRole.Window) == before


def test_font_per_language(qtbot, win):
    dialog = PreferencesDialog(win.settings, win)
    combo = dialog.appearance.families["en"]
    family = combo.itemData(1)
    combo.setCurrentIndex(1)
    dialog.appearance.sizes["ja"].setValue(20)
    dialog.save()
    fonts = win.panes.metrics.fonts
    assert fonts["en"].families()[0] == family
    assert fonts["ja"].pointSizeF() == 20 and fonts["en"].pointSizeF() != 20


def test_shortcuts_are_rebindable_and_conflicts_refused(qtbot, win):
    dialog = PreferencesDialog(win.settings, win)
    page = dialog.shortcuts
    keys = [page.tree.topLevelItem(i).data(0, 256) for i in range(page.tree.topLevelItemCount())]
    page.tree.setCurrentItem(page.tree.topLevelItem(keys.index("mark_gap")))
    assert not page.assign("Ctrl+F")  # Find has it
    assert "Ctrl+F" in page.message.text()
    assert page.assign("F10")
    dialog.save()
    assert win.registry.get("mark_gap").shortcut() == QKeySequence("F10")
    assert "F10" in win.registry.get("mark_gap").toolTip()
    assert win.settings.value("shortcuts/mark_gap") == "F10"
    # A new window (e.g. the next start) gets the rebound key too.
    from gui.window.main_window import MainWindow

    again = MainWindow(win.ctx, win.settings)
    qtbot.addWidget(again)
    assert again.registry.get("mark_gap").shortcut() == QKeySequence("F10")
    assert again.registry.get("find").shortcut() == QKeySequence("Ctrl+F")
