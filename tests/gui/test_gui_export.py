"""The export dialog (File > Export…): options, preview, progress, atomic files, errors."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from export_fixture import build_export_sample
from gui_helpers import make_window
from PySide6.QtCore import Qt


@pytest.fixture
def win(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path)
    return window


def open_dialog(qtbot, window):
    window.registry.items["export"].action.trigger()
    dialog = window.features["export_dialog"].dialog
    qtbot.waitExposed(dialog)
    return dialog


def choose(combo, key: str) -> None:
    combo.setCurrentIndex(combo.findData(key))


def test_file_menu_has_export_with_a_shortcut(win):
    action = win.registry.items["export"].action
    assert action.shortcut().toString() == "Ctrl+E"
    assert action in win.registry.menu("file").actions()


def test_preview_follows_format_and_options(qtbot, win):
    dialog = open_dialog(qtbot, win)
    choose(dialog.format, "txt")
    dialog.update_preview()
    text = dialog.preview_text.toPlainText()
    assert "SENIOR ADMINISTRATION OFFICIAL" not in text  # make_transcript writes no label prefixes
    assert "Thanks. The U.S. and Japan have carefully honed public (inaudible) on Taiwan." in text
    assert "ありがとうございます" in text
    choose(dialog.langs, "en")
    dialog.update_preview()
    assert "ありがとうございます" not in dialog.preview_text.toPlainText()
    choose(dialog.format, "html")
    dialog.update_preview()
    assert dialog.preview_stack.currentWidget() is dialog.preview_html
    assert "honed public" in dialog.preview_html.toPlainText()
    assert not dialog.preview_html.openLinks() and not dialog.preview_html.openExternalLinks()
    assert dialog.layout_box.isEnabled()
    choose(dialog.format, "tmx")
    assert not dialog.layout_box.isEnabled()


def test_export_writes_the_file_atomically_and_remembers_the_folder(qtbot, win, tmp_path: Path):
    dialog = open_dialog(qtbot, win)
    choose(dialog.format, "docx")
    choose(dialog.layout_box, "side_by_side")
    target = tmp_path / "out" / "briefing.docx"
    target.parent.mkdir()
    assert dialog.export_to(target) == [target]
    doc = docx.Document(io.BytesIO(target.read_bytes()))
    assert len(doc.tables) == 1
    assert [p.name for p in target.parent.iterdir()] == ["briefing.docx"]
    assert dialog.settings.value("export/folder") == str(target.parent)
    assert "Wrote 1 file" in dialog.status.text()


def test_several_transcripts_go_into_a_folder(qtbot, win, tmp_path: Path):
    build_export_sample(win.ctx.store)
    dialog = open_dialog(qtbot, win)
    for i in range(dialog.transcripts.count()):
        dialog.transcripts.item(i).setCheckState(Qt.CheckState.Checked)
    assert dialog.export_button.text() == "&Export 2 transcripts…"
    choose(dialog.format, "report")
    choose(dialog.report_format, "csv")
    written = dialog.export_to(tmp_path / "batch")
    assert sorted(p.name for p in written) == ["Background press call b & b Japan visit.csv", "Test briefing.csv"]


def test_a_failure_is_one_line_and_leaves_no_file(qtbot, win, tmp_path: Path):
    dialog = open_dialog(qtbot, win)
    choose(dialog.format, "md")
    missing = tmp_path / "no" / "such" / "folder" / "x.md"
    assert dialog.export_to(missing) == []
    box = dialog.error_box
    assert box.objectName() == "export_error" and "\n" not in box.text() and "no" in box.text()
    assert not (tmp_path / "no").exists()


def test_progress_bar_and_cancel(qtbot, win, tmp_path: Path, monkeypatch):
    import model.export.walk as walk

    monkeypatch.setattr(walk, "PROGRESS_EVERY", 1)
    dialog = open_dialog(qtbot, win)
    choose(dialog.format, "txt")
    seen = []
    original = dialog._progress_for

    def spy(index, count):
        report = original(index, count)

        def progress(done, total):
            seen.append((dialog.progress.isVisible(), done, total))
            dialog._cancel = done >= 2  # the user presses Cancel during the export
            report(done, total)
        return progress

    monkeypatch.setattr(dialog, "_progress_for", spy)
    target = tmp_path / "cancelled.txt"
    assert dialog.export_to(target) == []
    assert seen and seen[0][0] is True
    assert not target.exists() and list(tmp_path.glob(".cancelled*")) == []
    assert "cancelled" in dialog.status.text()
    assert not dialog.progress.isVisible()


def test_japanese_ui(qtbot, store, tmp_path):
    from PySide6.QtWidgets import QApplication

    from gui.export_dialog import tr
    from gui.window.i18n import install_translators
    try:
        assert install_translators(QApplication.instance(), "ja") == "ja"
        assert tr("&Export…") == "書き出し…(&E)"
        assert tr("Export") != "Export"
    finally:
        install_translators(QApplication.instance(), "en")
    assert tr("&Export…") == "&Export…"
