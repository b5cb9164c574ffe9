"""Importing from the window: two files, the import summary, the same file twice, reflowed hard wraps."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import make_window
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.row_metrics import reflow
from gui.window.theme import turn_kind_name
from model.readmodel import list_transcripts, load_transcript

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"
SHOTS = Path(__file__).parents[2] / "build" / "screenshots"


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_import_with_translation_file_aligns_two_files_and_shows_a_summary(qtbot, store, tmp_path, monkeypatch):
    window, first = make_window(qtbot, store, tmp_path)
    picks = iter([str(LAYOUTS / "two-files-en.txt"), str(LAYOUTS / "two-files-ja.txt")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (next(picks), ""))
    window.registry.get("import_pair").trigger()
    tid = window.ctx.transcript_id
    assert tid not in (None, first)
    view = load_transcript(store, tid)
    assert view.layout == "files"
    assert sum(1 for _, s in view.segments() if s.en and s.ja) == 7
    box = window.importer.summary_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "two-files-en.txt + two-files-ja.txt" in box.text()
    assert "7 pairs, 0 untranslated" in box.text()
    _shot(box, "import-summary.png")
    box.close()


def test_a_dropped_folder_imports_each_file_and_sums_them_up(qtbot, store, tmp_path):
    window, first = make_window(qtbot, store, tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("mofa-interleaved.txt", "two-blocks.txt", "two-blocks-3to1.txt"):
        (folder / name).write_bytes((LAYOUTS / name).read_bytes())
    ids = window.importer.import_paths([folder])
    assert len(ids) == 3
    text = window.importer.summary_box.text()
    assert "mofa-interleaved.txt" in text and "two blocks (one language, then the other)" in text
    assert "two-blocks-3to1.txt" in text and "6 pairs, 0 untranslated" in text
    _shot(window.importer.summary_box, "import-summary-folder.png")
    window.importer.summary_box.close()


def test_importing_the_same_file_again_asks_first(qtbot, store, tmp_path, monkeypatch):
    window, _first = make_window(qtbot, store, tmp_path)
    path = LAYOUTS / "interleaved-nm.txt"
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert window.importer.import_paths([path]) != []
    assert asked == []  # the first time: no question
    before = len(list_transcripts(store))
    assert window.importer.import_paths([path]) == []  # "No": nothing imported
    assert len(asked) == 1 and "imported before" in asked[0]
    assert len(list_transcripts(store)) == before
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert len(window.importer.import_paths([path])) == 1  # "Yes": a second transcript
    assert len(list_transcripts(store)) == before + 1


def test_hard_wrapped_lines_show_reflowed_and_markers_quietly_named(qtbot, store, tmp_path):
    window, _first = make_window(qtbot, store, tmp_path)
    window.importer.import_paths([LAYOUTS / "whitehouse-nbsp.txt"])
    window.importer.summary_box.close()
    model = window.transcript_model
    row = next(r for r in range(model.rowCount()) if (model.segment(r) and (model.segment(r).en or "")
                                                        .startswith("Good afternoon")))
    layout, _height = window.panes.metrics.layout(row, "en")
    assert "\n" in model.segment(row).en and "\n" not in layout.text()
    assert layout.text() == model.segment(row).en.replace("\n", " ")
    assert turn_kind_name("omission") == "Omission" and turn_kind_name("crosstalk") == "Crosstalk"
    _shot(window, "import-whitehouse-reflowed.png")


def test_reflow_keeps_every_offset():
    text = "one line\nand the next\n\nnew paragraph\n日本語の\n続き"
    shown = reflow(text)
    assert len(shown) == len(text)
    assert shown == "one line and the next\u2028\u2028new paragraph 日本語の\u200b続き"
