"""Importing from the window: File > Import…, drag and drop, and the refusal dialog."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import make_window
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

BRIEFING_TEXT = """Harbour ferry briefing 2025/3/14

MODERATOR: Good morning, everyone. We begin with the director.

司会: 皆さん、おはようございます。まず局長からお話しします。

DIRECTOR: Thank you. The new ferry will run twice a day from April.

局長: ありがとうございます。新しいフェリーは4月から1日2便運航します。

Q Will fares change? (inaudible)
"""


def write_briefing(tmp_path: Path, name: str = "ferry-briefing.txt") -> Path:
    path = tmp_path / name
    path.write_text(BRIEFING_TEXT, encoding="utf-8")
    return path


def test_import_by_menu_opens_the_new_transcript(qtbot, store, tmp_path, monkeypatch):
    window, first = make_window(qtbot, store, tmp_path)
    path = write_briefing(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    window.registry.get("import").trigger()
    tid = window.ctx.transcript_id
    assert tid is not None and tid != first
    assert window.transcript_model.rowCount() >= 3
    qtbot.waitUntil(lambda: window.library_model.rowCount() == 2)
    assert window.library_view.currentIndex().row() == window.library_model.row_of(tid)
    texts = [window.transcript_model.segment(r).en for r in range(window.transcript_model.rowCount())]
    assert any("twice a day" in (t or "") for t in texts)


def drop(window, paths):  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    event = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    return enter.isAccepted() and event.isAccepted()


def test_dropping_a_file_imports_and_opens_it(qtbot, store, tmp_path):
    window, first = make_window(qtbot, store, tmp_path)
    path = write_briefing(tmp_path, "dropped.txt")
    accepted = drop(window, [path])
    assert accepted is True
    qtbot.waitUntil(lambda: window.ctx.transcript_id not in (None, first))
    model = window.transcript_model
    assert "twice a day" in (model.segment(1).en or "") + (model.segment(2).en or "")


def test_refused_file_shows_the_importers_reason_and_changes_nothing(qtbot, store, tmp_path, monkeypatch):
    window, first = make_window(qtbot, store, tmp_path)
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    window.registry.get("import").trigger()
    box = window.last_message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text().startswith("scan.png: ") and "NUL" in box.text()
    assert len(box.text().splitlines()) == 1
    assert window.ctx.transcript_id == first
    assert window.library_model.rowCount() == 1
    box.close()


def test_dropping_a_refused_file_shows_the_dialog(qtbot, store, tmp_path):
    window, first = make_window(qtbot, store, tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert drop(window, [empty])
    qtbot.waitUntil(lambda: window.last_message_box is not None and window.last_message_box.isVisible())
    assert "empty" in window.last_message_box.text()
    assert window.ctx.transcript_id == first
    window.last_message_box.close()


def test_large_file_shows_a_progress_dialog(qtbot, store, tmp_path, monkeypatch):
    import gui.import_flow as flow

    window, _ = make_window(qtbot, store, tmp_path)
    path = write_briefing(tmp_path, "big.txt")
    monkeypatch.setattr(flow, "PROGRESS_AFTER_BYTES", 10)  # this small file counts as large
    seen = []
    original = flow.QProgressDialog.setValue

    def spy(self, value):  # type: ignore[no-untyped-def]
        seen.append((self.objectName(), value))
        return original(self, value)

    monkeypatch.setattr(flow.QProgressDialog, "setValue", spy)
    assert window.importer.import_paths([path])
    assert seen and seen[0][0] == "import_progress" and seen[-1][1] == 1000
