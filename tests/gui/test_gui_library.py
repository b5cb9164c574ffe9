"""The library panel: filter and sort, and renaming or deleting a transcript from its context menu."""

from __future__ import annotations

import json

from gui_helpers import make_window
from helpers import make_transcript
from PySide6.QtWidgets import QInputDialog, QMessageBox

from model.readmodel import list_transcripts


def _shown(window):
    return [r.title for r in window.library_model.rows]


def _tools(qtbot, store, tmp_path):
    make_transcript(store, [("Q", [("Alpha text.", None)])], title="Zeta briefing 2024")
    make_transcript(store, [("Q", [("Beta text.", None)])], title="alpha call")
    window, tid = make_window(qtbot, store, tmp_path, title="Middle press call")
    tools = window.library_tools
    tools.backups = tmp_path / "backups"
    return window, tid, tools


def test_filter_and_sort(qtbot, store, tmp_path):
    window, _tid, tools = _tools(qtbot, store, tmp_path)
    assert _shown(window) == ["Zeta briefing 2024", "alpha call", "Middle press call"]
    tools.filter.setText("CALL")
    assert _shown(window) == ["alpha call", "Middle press call"]
    tools.filter.setText("")
    tools.sort.setCurrentIndex(tools.sort.findData("title"))
    assert _shown(window) == ["alpha call", "Middle press call", "Zeta briefing 2024"]
    tools.order.setChecked(True)
    assert _shown(window) == ["Zeta briefing 2024", "Middle press call", "alpha call"]
    assert window.settings.value("library/sort") == "title"


def test_rename_from_the_menu_is_one_undo_step(qtbot, store, tmp_path, monkeypatch):
    window, tid, tools = _tools(qtbot, store, tmp_path)
    menu = tools.context_menu(tid)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:3] == ["&Open", "&Rename…", "&Delete…"]  # then the steps of its work (gui.work)
    assert all(a.objectName().startswith("work_") for a in menu.actions() if a.text() and a.text() not in texts[:3])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Renamed call", True))
    next(a for a in menu.actions() if a.text() == "&Rename…").trigger()
    assert [t.title for t in list_transcripts(store) if t.id == tid] == ["Renamed call"]
    assert "Renamed call" in _shown(window) and window.windowTitle().startswith("Renamed call")
    window.ctx.undo_stack.undo()
    assert [t.title for t in list_transcripts(store) if t.id == tid] == ["Middle press call"]


def test_delete_asks_keeps_a_copy_and_opens_another(qtbot, store, tmp_path, monkeypatch):
    window, tid, tools = _tools(qtbot, store, tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    tools.ask_delete(tid)
    assert len(list_transcripts(store)) == 3  # cancelled: nothing happened
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tools.ask_delete(tid)
    assert [t.title for t in list_transcripts(store)] == ["Zeta briefing 2024", "alpha call"]
    copy = tools.last_backup
    assert copy is not None and copy.parent == tmp_path / "backups"
    assert json.loads(copy.read_text(encoding="utf-8"))["title"] == "Middle press call"
    assert _shown(window) == ["Zeta briefing 2024", "alpha call"]
    assert window.ctx.transcript_id is not None and window.ctx.transcript_id != tid


def test_the_window_reads_the_library_in_a_thread(qtbot, store, tmp_path, monkeypatch):
    import gc
    import sys
    import threading

    import gui.models.library_model as library_model

    window, _tid, _unused = _tools(qtbot, store, tmp_path)
    readers: list[bool] = []
    hurried: list[tuple[bool, bool]] = []
    real = library_model.list_transcripts

    def spy(s):
        readers.append(threading.current_thread() is threading.main_thread())
        # stepping aside for the window: the GIL handed back quickly, no collection in the read
        hurried.append((sys.getswitchinterval() < 0.005, gc.isenabled()))
        return real(s)

    monkeypatch.setattr(library_model, "list_transcripts", spy)
    make_transcript(store, [("Q", [("New one.", None)])], title="Arrived later")
    window.reload_library()
    # (the read starts when the window is idle: 15 s for a loaded machine)
    qtbot.waitUntil(lambda: "Arrived later" in _shown(window), timeout=15_000)
    # Read beside the window, never in its thread (on a slow machine the start-up's own read may
    # come after the spy was put in place: two reads then, both in a thread).
    assert readers and not any(readers)
    assert hurried and all(h == (True, False) for h in hurried)
    assert window.library_view.currentIndex().row() == _shown(window).index("Middle press call")
