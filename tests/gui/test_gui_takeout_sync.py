"""File > Sync now off the UI thread: progress, a responsive window, stopping between operations,
and a server that goes away mid-sync -- against a real PostgreSQL server and a real file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy.engine import make_url

from model.store import Store
from model.sync.takeout import checkout, sync
from tests.model.test_sync import _edit, _server, _texts
from tests.tcp_cut import Relay

pytestmark = pytest.mark.pg
EDITS = 24


def _window_on(qtbot: Any, store: Store, tmp_path: Path, tid: int) -> Any:
    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow

    window = MainWindow(AppContext(store), QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.open_initial(tid)
    window.show()
    qtbot.waitExposed(window)
    return window


def _offline(url: str, tmp_path: Path, source: str | None = None) -> tuple[Path, int, list[int]]:
    """A server transcript checked out (from ``source``, default ``url``) with EDITS offline edits."""
    tid, segs = _server(url, EDITS)
    out = tmp_path / "offline.sqlite3"
    checkout(source or url, tid, out)
    for i, seg in enumerate(segs):
        _edit(out, "alice", seg, f"Sentence {i}, alice.")
    return out, tid, segs


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: messages.append(text))
    return messages


def test_sync_now_runs_off_the_ui_thread_with_progress(qtbot, pg_url, tmp_path, shown):
    out, tid, segs = _offline(pg_url, tmp_path)
    local = Store.open(out, annotator="alice")
    window = _window_on(qtbot, local, tmp_path, tid)
    takeout = window.features["takeout"]
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(takeout.job is not None))
    timer.start(10)
    seen: list[tuple[int, int]] = []
    labels: list[str] = []

    def half_way(done: int, total: int) -> None:
        seen.append((done, total))
        if done == EDITS // 2:  # the dialog as it is now (its own slot ran first)
            labels.append(takeout.progress.labelText())
            takeout.progress.grab().save(str(tmp_path / "sync-progress.png"))

    job = takeout.sync_now()
    job.progressed.connect(half_way)
    assert not takeout.sync_action.isEnabled()  # one sync at a time
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert labels == ["Sent 12 of 24 offline changes…"]
    timer.stop()
    assert sum(ticks) >= 5  # the window's event loop kept running while the sync worked
    assert seen[-1] == (EDITS, EDITS) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert shown[0].startswith("Changes sent: 24. Kept as competing corrections")
    assert "Refused by the server: 0." in shown[0]
    assert "server's transcript" in shown[0]
    assert takeout.progress is None and takeout.sync_action.isEnabled()
    assert _texts(pg_url, segs) == [f"Sentence {i}, alice." for i in range(EDITS)]
    local.close()


def test_stopping_a_sync_keeps_the_rest_for_the_next(qtbot, pg_url, tmp_path, shown, monkeypatch):
    import threading

    import model.sync.takeout as takeout_module

    out, tid, segs = _offline(pg_url, tmp_path)
    local = Store.open(out, annotator="alice")
    window = _window_on(qtbot, local, tmp_path, tid)
    takeout = window.features["takeout"]
    clicked = threading.Event()
    real_sync = takeout_module.sync

    def sync_waiting_for_the_click(*args: Any, progress: Any, **kwargs: Any) -> Any:
        def told(done: int, total: int) -> None:
            progress(done, total)
            if done == 3:
                assert clicked.wait(30)  # the worker waits until the window has pressed Stop
        return real_sync(*args, progress=told, **kwargs)

    monkeypatch.setattr(takeout_module, "sync", sync_waiting_for_the_click)

    def press_stop(done: int, _total: int) -> None:
        if done == 3:
            takeout.progress.findChild(QPushButton).click()
            clicked.set()

    job = takeout.sync_now()
    job.progressed.connect(press_stop)
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    message = shown[0]
    assert "Stopped after 3 of 24 offline changes" in message and "sent by the next sync" in message
    done = 3
    server = _texts(pg_url, segs)
    assert server[:done] == [f"Sentence {i}, alice." for i in range(done)]
    assert server[done:] == [f"Sentence {i}." for i in range(done, EDITS)]
    assert _texts(out, segs) == [f"Sentence {i}, alice." for i in range(EDITS)]  # nothing lost in the file
    local.close()
    rest = sync(out)
    assert rest.sent == EDITS - done and rest.already == done
    assert _texts(pg_url, segs) == [f"Sentence {i}, alice." for i in range(EDITS)]


def test_a_server_gone_mid_sync_is_one_line_and_the_file_keeps_what_was_not_sent(qtbot, pg_server, pg_url,
                                                                                  tmp_path, shown, monkeypatch):
    relay = Relay(pg_server.port).start()
    through = make_url(pg_url).set(port=relay.port).render_as_string(hide_password=False)
    out, tid, segs = _offline(pg_url, tmp_path, source=through)  # the file remembers the relay
    local = Store.open(out, annotator="alice")
    window = _window_on(qtbot, local, tmp_path, tid)
    takeout = window.features["takeout"]
    import model.sync.takeout as takeout_module

    real_sync = takeout_module.sync

    def sync_cut_after_two(*args: Any, progress: Any, **kwargs: Any) -> Any:
        def told(done: int, total: int) -> None:
            progress(done, total)
            if done == 2:
                relay.cut()  # the server goes away after the second change
        return real_sync(*args, progress=told, **kwargs)

    monkeypatch.setattr(takeout_module, "sync", sync_cut_after_two)
    takeout.sync_now()
    qtbot.waitUntil(lambda: takeout.job is None, timeout=60000)
    assert shown == []
    box = window.last_message_box
    assert box is not None and "\n" not in box.text()
    assert box.text().startswith("Sync stopped:") and "Nothing was lost" in box.text()
    box.grab().save(str(tmp_path / "sync-failed.png"))
    sent = sum(t.endswith(", alice.") for t in _texts(pg_url, segs))
    assert sent == 2
    assert _texts(out, segs) == [f"Sentence {i}, alice." for i in range(EDITS)]
    local.close()
    rest = sync(out, pg_url)
    assert rest.sent == EDITS - sent and rest.refreshed
