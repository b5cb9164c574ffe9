"""File > Check out for offline work… and File > Sync now, against a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import make_window
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from model.ops._base import current_text
from model.ops.corrections import edit_text
from model.schema import Segment
from model.store import Store
from tests.helpers import make_transcript

pytestmark = pytest.mark.pg


def _window_on(qtbot, store: Store, tmp_path: Path, tid: int):  # type: ignore[no-untyped-def]
    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow

    window = MainWindow(AppContext(store), QSettings(str(tmp_path / "settings2.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.open_initial(tid)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_check_out_work_in_the_window_and_sync_now(qtbot, store: Store, pg_url: str, tmp_path: Path, monkeypatch):
    server = Store.open(pg_url, annotator="boss")
    try:
        tid = make_transcript(server, [("Q", [("One.", "一。"), ("Two.", "二。")])], title="Shared briefing")
        with server.read() as s:
            segs = list(s.scalars(select(Segment.id).order_by(Segment.id)))
    finally:
        server.close()
    window, _ = make_window(qtbot, store, tmp_path)
    takeout = window.features["takeout"]
    assert not takeout.sync_action.isEnabled()  # not a checked-out file
    dialog = takeout.check_out()
    qtbot.waitExposed(dialog)
    out = tmp_path / "offline.sqlite3"
    dialog.source.setText(pg_url)
    dialog.transcript.setValue(tid)
    dialog.file.setText(str(out))
    dialog.grab().save(str(tmp_path / "checkout-dialog.png"))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    job = dialog.check_out()
    assert job is not None and not dialog.ok.isEnabled() and dialog.working.isVisibleTo(dialog)  # working, in a thread
    qtbot.waitUntil(lambda: dialog.target == out, timeout=60000)
    assert asked and str(out) in asked[0]
    window.ctx.undo_stack.clear()

    local = Store.open(out, annotator="alice")
    offline = _window_on(qtbot, local, tmp_path, tid)
    ctx = offline.ctx
    sync_action = offline.features["takeout"].sync_action
    assert sync_action.isEnabled()
    ctx.run("Edit text", lambda: edit_text(local, segs[0], "en", "One, offline."))
    bob = Store.open(pg_url, annotator="bob")
    try:
        edit_text(bob, segs[1], "en", "Two, on the server.")
    finally:
        bob.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    sync_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)  # the sync runs in a thread of its own
    assert "Changes sent: 1." in shown[0] and "server's transcript" in shown[0]
    row = offline.transcript_model.row_of_segment(segs[1])
    qtbot.waitUntil(lambda: getattr(offline.transcript_model.segment(row), "en", None) == "Two, on the server.")
    offline.grab().save(str(tmp_path / "after-sync.png"))
    assert ctx.undo_stack.count() == 0  # its steps named the file's own changes, now replaced
    check = Store.open(pg_url)
    try:
        with check.read() as s:
            assert current_text(s, s.get(Segment, segs[0]), "en") == "One, offline."
    finally:
        check.close()


def test_a_checkout_from_a_server_that_cannot_be_reached_is_one_line_and_writes_nothing(qtbot, store: Store,
                                                                                      tmp_path: Path, monkeypatch):
    from tests.pg import free_port

    window, _ = make_window(qtbot, store, tmp_path)
    dialog = window.features["takeout"].check_out()
    qtbot.waitExposed(dialog)
    dialog.source.setText(f"postgresql://aya:hunter2@127.0.0.1:{free_port()}/taiyaku")
    dialog.file.setText(str(tmp_path / "never.sqlite3"))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    dialog.check_out()
    qtbot.waitUntil(lambda: bool(warned), timeout=30000)
    assert "\n" not in warned[0] and "cannot reach" in warned[0] and "hunter2" not in warned[0]
    assert dialog.isVisible() and dialog.ok.isEnabled() and not dialog.working.isVisibleTo(dialog)
    assert not (tmp_path / "never.sqlite3").exists()
