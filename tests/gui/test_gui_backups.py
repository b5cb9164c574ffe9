"""File > Restore from backup… and the automatic copies of the window (issue #11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import make_window
from helpers import make_transcript
from PySide6.QtWidgets import QFileDialog, QMessageBox

from model import backup
from model.readmodel import list_transcripts
from model.store import Store


@pytest.fixture(autouse=True)
def backup_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "backups"
    monkeypatch.setenv(backup.BACKUP_DIR_ENV, str(folder))
    return folder


def test_restore_lists_copies_with_counts_and_restores_into_a_new_file_only(qtbot, store: Store, db_path: Path,
                                                                             tmp_path: Path, monkeypatch):
    import gui.backups as backups_ui

    window, _tid = make_window(qtbot, store, tmp_path)
    backup.take_backup(db_path, "open")
    make_transcript(store, [("Q", [("Later.", "後で。")])], title="Later")
    window.registry.get("restore_backup").trigger()
    dialog = window.restore_dialog
    qtbot.waitExposed(dialog)
    assert dialog.list.topLevelItemCount() == 1
    item = dialog.list.topLevelItem(0)
    assert item.text(1) == "1" and item.text(3) == "opened"
    dialog.grab().save(str(tmp_path / "restore-dialog.png"))
    # The open database is refused as a target; a new file is restored and offered to open.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(db_path), ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    assert dialog.restore_selected() is None
    assert warnings and "never restored over the open database" in warnings[0]
    target = tmp_path / "restored.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    opened: list[Path] = []
    monkeypatch.setattr(backups_ui, "open_in_new_window", lambda path: opened.append(path) or True)
    assert dialog.restore_selected() == target
    assert "Restored 1 transcripts" in asked[0] and opened == [target]
    other = Store.open(target, annotator="tester")
    try:
        assert len(list_transcripts(other)) == 1
    finally:
        other.close()
    assert len(list_transcripts(store)) == 2  # the open database as it was
    dialog.reject()
    window.ctx.undo_stack.clear()


def test_the_schedule_copies_at_start_after_work_and_at_close_only_when_something_changed(qtbot, store: Store,
                                                                                          db_path: Path):
    from gui.backups import BackupSchedule

    make_transcript(store, [("Q", [("Hello.", "こんにちは。")])])
    schedule = BackupSchedule(store, minutes=0.01)
    schedule.start()
    qtbot.waitUntil(lambda: len(backup.list_backups(db_path)) == 1)
    qtbot.wait(1100)  # file times have one-second granularity on some systems
    second = BackupSchedule(store)
    second.start()  # nothing changed since the newest copy: no new one
    second.close()
    assert len(backup.list_backups(db_path)) == 1
    make_transcript(store, [("Q", [("More.", "もっと。")])])  # work: the timer copies it
    qtbot.waitUntil(lambda: len(backup.list_backups(db_path)) == 2, timeout=5000)
    make_transcript(store, [("Q", [("Last.", "最後。")])])
    schedule._timer.stop()
    schedule.close()  # written since: a last copy
    copies = backup.list_backups(db_path)
    assert len(copies) == 3 and copies[0].transcripts == 3


def test_the_copy_at_start_waits_until_the_window_has_settled(qtbot, store: Store, db_path: Path):
    # The window's first seconds (reads, checks, marks) no longer share the machine with a copy of
    # the whole file: the copy at start comes after open_delay_s.
    from gui.backups import BackupSchedule

    make_transcript(store, [("Q", [("Hello.", "こんにちは。")])])
    schedule = BackupSchedule(store, open_delay_s=0.2)
    schedule.start()
    assert backup.list_backups(db_path) == []
    qtbot.waitUntil(lambda: len(backup.list_backups(db_path)) == 1, timeout=5000)
    schedule.close()
