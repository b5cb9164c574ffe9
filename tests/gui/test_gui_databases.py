"""File > Open database… and File > Open recent: another database, without losing typed text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui_helpers import make_window

from model.ops._base import current_text
from model.schema import Segment
from model.store import Store
from tests.faults import TEST_BUSY_TIMEOUT_MS, lock_held
from tests.helpers import make_transcript

ROOT = Path(__file__).resolve().parents[2]


def _databases(window):
    return window.features["work"].databases


def _errors(window, monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append((title, message)))
    return shown


def test_recent_databases_keep_no_password_and_grey_a_missing_file(qtbot, store, tmp_path):
    from gui.work.databases import recent_databases, remember

    window, _tid = make_window(qtbot, store, tmp_path)
    dbs = _databases(window)
    gone = tmp_path / "gone.sqlite3"
    Store.open(gone).close()
    remember(window.settings, str(gone))
    gone.unlink()
    remember(window.settings, "postgresql://aya:hunter2@db.example:5432/newsroom")
    recent = recent_databases(window.settings)
    assert recent[0] == "postgresql://aya@db.example:5432/newsroom"
    assert recent[1:] == [str(gone), str(store.path)]
    window.settings.sync()
    assert "hunter2" not in Path(window.settings.fileName()).read_text()
    dbs.fill_recent()
    actions = {a.text(): a for a in dbs.recent_menu.actions() if a.text()}
    assert not actions[str(gone)].isEnabled() and "gone" in actions[str(gone)].toolTip()
    assert not actions[str(store.path)].isEnabled()  # the one open now
    assert actions["postgresql://aya@db.example:5432/newsroom"].isEnabled()
    file_menu = [a.objectName() for a in window.registry.menus["file"].actions()]
    assert file_menu[0] == "action_open_database"  # which database comes before what to do in it
    assert file_menu.index("action_next_transcript") < file_menu.index("action_import")


def test_a_file_that_is_not_a_database_is_one_dialog_and_nothing_changes(qtbot, store, tmp_path, monkeypatch):
    window, _tid = make_window(qtbot, store, tmp_path)
    shown = _errors(window, monkeypatch)
    junk = tmp_path / "notes.sqlite3"
    junk.write_bytes(b"just some notes, not a database\n" * 100)
    assert _databases(window).switch_to(str(junk)) is False
    assert len(shown) == 1 and "not a Taiyaku database" in shown[0][1] and "\n" not in shown[0][1]
    assert window.ctx.switch_to is None and window.ctx.store is store
    assert junk.read_bytes() == b"just some notes, not a database\n" * 100


def _edit_first(qtbot, window, text: str):
    window.annotate.edit_current()
    qtbot.waitUntil(lambda: window.annotate.editor is not None)
    window.annotate.editor.setPlainText(text)
    return window.annotate.editor.segment_id


def test_the_editors_text_is_saved_before_switching(qtbot, store, tmp_path, monkeypatch):
    window, _tid = make_window(qtbot, store, tmp_path)
    segment = _edit_first(qtbot, window, "Typed, then another database chosen.")
    other = tmp_path / "other.sqlite3"
    assert _databases(window).switch_to(str(other)) is True
    assert window.ctx.switch_to == str(other)  # gui.app.run starts the window again on it
    with store.read() as s:
        assert current_text(s, s.get(Segment, segment), "en") == "Typed, then another database chosen."


def test_text_that_cannot_be_saved_keeps_the_database_open(qtbot, store, db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("TAIYAKU_BUSY_TIMEOUT_MS", TEST_BUSY_TIMEOUT_MS)
    window, _tid = make_window(qtbot, store, tmp_path)
    shown = _errors(window, monkeypatch)
    monkeypatch.setattr(window.ctx, "report_error", lambda message: None)  # the save's own dialog
    _edit_first(qtbot, window, "Typed while another program writes.")
    with lock_held(db_path):
        assert _databases(window).switch_to(str(tmp_path / "other.sqlite3")) is False
    assert window.ctx.switch_to is None and len(shown) == 1 and "stays open" in shown[0][1]
    assert window.annotate.editor is not None
    assert window.annotate.editor.toPlainText() == "Typed while another program writes."


SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from gui import app as gapp
runs = []
def started(ctx):
    runs.append(ctx)
    def shown():
        if len(runs) == 1:
            QTimer.singleShot(50, lambda: ctx.window.features["work"].databases.switch_to(sys.argv[2]))
        else:
            print("SECOND", ctx.store.path, ctx.window.isVisible(), flush=True)
            QTimer.singleShot(50, gapp.QApplication.instance().quit)
    ctx.firstPainted.connect(shown)
code = gapp.run(["--db", sys.argv[1]], started=started)
print("RUNS", len(runs), "FIRST-CLOSED", runs[0].store.engine.pool.checkedout() == 0, flush=True)
sys.exit(code)
"""


def test_the_window_starts_again_on_the_chosen_database(tmp_path):
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    for path, title in ((first, "First library"), (second, "Second library")):
        s = Store.open(path, annotator="tester")
        make_transcript(s, [("Q", [("Hello.", None)])], title=title)
        s.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(first), str(second)], capture_output=True, text=True,
                            timeout=180, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"SECOND {second} True" in result.stdout, result.stdout + result.stderr[-2000:]
    assert "RUNS 2 FIRST-CLOSED True" in result.stdout, result.stdout + result.stderr[-2000:]
    settings = next((tmp_path / "config").rglob("Taiyaku.conf")).read_text()
    assert str(second) in settings and str(first) in settings
