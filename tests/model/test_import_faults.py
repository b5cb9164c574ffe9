"""Files from the wild that used to hang or be refused: a FIFO, UTF-16 without a byte order mark.

Each test fails on the importer before these fixes (the FIFO ones by hanging: the
timeouts turn a regression into a failure instead of a stuck suite).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import make_window
from PySide6.QtWidgets import QFileDialog, QMessageBox

from model.errors import ImportRefused
from model.importer import import_file
from model.readmodel import list_transcripts, load_transcript
from tests.import_support import export_txt

ROOT = Path(__file__).resolve().parents[2]
fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")

TEXT = ("MODERATOR: Good morning. The harbour board meets at nine.\n\n"
        "司会：おはようございます。港湾委員会は9時に開会します。\n\n"
        "Q Will the ferry timetable change this spring?\n\n"
        "Q この春、フェリーの時刻表は変わりますか。\n")


@fifo_only
@pytest.mark.timeout(20)
def test_a_fifo_is_refused_at_once_by_the_model(store, tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ImportRefused, match="named pipe"):
        import_file(store, fifo)
    assert list_transcripts(store) == []


@fifo_only
@pytest.mark.timeout(60)
def test_a_fifo_is_refused_in_one_line_by_the_command_line(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    db = tmp_path / "db.sqlite3"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "import", str(fifo)],
                            capture_output=True, text=True, timeout=50, cwd=ROOT)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("taiyaku: error: ") and "named pipe" in lines[0]
    assert not db.exists()  # refused before the database was even created


@fifo_only
@pytest.mark.timeout(30)
def test_a_fifo_is_refused_with_one_dialog_in_the_window(qtbot, store, tmp_path: Path, monkeypatch):
    window, first = make_window(qtbot, store, tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(fifo)], ""))
    window.registry.get("import").trigger()
    box = window.last_message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "named pipe" in box.text() and len(box.text().splitlines()) == 1
    assert window.ctx.transcript_id == first
    box.close()


@pytest.mark.timeout(20)
def test_a_device_is_refused(store):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(ImportRefused, match="device"):
        import_file(store, "/dev/zero")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [TEXT, "\u3000司会：おはようございます。一二三\u4e00。\n\n\u3000記者：質問です。\n"],
                         ids=["mixed", "japanese"])
def test_utf16_without_bom_is_imported(store, tmp_path: Path, codec: str, text: str):
    path = tmp_path / "no-bom.txt"
    path.write_bytes(text.encode(codec))
    tid = import_file(store, path)
    assert export_txt(store, tid, corrected=False) == text
    assert load_transcript(store, tid).encoding == codec


def test_binary_with_nul_bytes_is_still_refused(store, tmp_path: Path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ImportRefused, match="not text"):
        import_file(store, path)
