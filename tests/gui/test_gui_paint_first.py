"""What waits for the transcript's first paint (issue 15): the library's counts, the ORM's mapper
configuration and the dialogs come after it, so the paint waits only for what it shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui_helpers import BRIEFING, make_transcript


def _window(qtbot, store, tmp_path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow

    window = MainWindow(AppContext(store), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_the_library_is_read_after_the_transcript_has_painted(qtbot, store, tmp_path):
    # Its thread read every segment's counts while the window laid out and painted the transcript.
    tid = make_transcript(store, BRIEFING, title="Counted later")
    window = _window(qtbot, store, tmp_path)
    window.open_initial(tid)
    qtbot.wait(50)
    assert not window.painted()
    assert not window.library_model.reading and window.library_model.rowCount() == 0
    window.show()
    qtbot.waitUntil(lambda: window.library_model.rowCount() == 1, timeout=5_000)
    assert window.library_view.currentIndex().isValid()  # the open transcript is highlighted


def test_without_a_transcript_the_library_is_read_at_once(qtbot, store, tmp_path, monkeypatch):
    window = _window(qtbot, store, tmp_path)
    reads: list[bool] = []
    monkeypatch.setattr(window, "reload_library", lambda: reads.append(window.painted()))
    window.open_initial(None)  # an empty database: no paint of a transcript to wait for
    qtbot.waitUntil(lambda: reads == [False], timeout=5_000)


def test_the_dialogs_are_imported_when_first_opened(tmp_path):
    # Preferences and the shortcuts list were imported with the main window, before its first paint.
    script = ("import sys\nimport gui.window.main_window, gui.backups\n"
              "dialogs = ('gui.preferences.dialog', 'gui.window.shortcuts_dialog')\n"
              "print(sorted(m for m in dialogs if m in sys.modules))\n"
              "from PySide6.QtCore import QProcess\n"
              "print('QProcess' in vars(sys.modules['gui.backups']))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.stdout.split("\n")[:2] == ["[]", "False"], result.stdout + result.stderr[-2000:]


def test_preferences_and_shortcuts_still_open_from_the_window(qtbot, store, tmp_path, monkeypatch):
    from gui.preferences.dialog import PreferencesDialog

    window = _window(qtbot, store, tmp_path)
    opened: list[str] = []
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: opened.append(self.objectName()) or 0)
    window.registry.get("preferences").trigger()
    dialog = window.show_shortcuts()
    assert opened == ["preferences"] and dialog.isVisible()
    dialog.close()


def test_rows_of_segments_are_found_after_a_load_and_none_after_closing(qtbot, store):
    import gui.models.transcript_model as tm

    tid = make_transcript(store, BRIEFING)
    model = tm.TranscriptModel(store)
    model.load(tid)
    assert model.skeleton is not None
    rows = [r for r, sid in enumerate(model.skeleton.segment_ids) if sid is not None]
    assert len(rows) > 3
    first, far = model.skeleton.segment_ids[rows[0]], model.skeleton.segment_ids[rows[-1]]
    assert model.row_of_segment(first) == rows[0]
    assert model.row_of_segment(far) == rows[-1]
    assert model.row_of_segment(10**9) is None
    model.load(None)
    assert model.row_of_segment(far) is None
    model.load(tid)
    assert model.row_of_segment(far) == rows[-1]
