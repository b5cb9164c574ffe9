"""Live refresh in the window: another program's change and its undo show up while the
annotator keeps their selection, scroll position and open editor with its unsaved text --
on SQLite (a second process; ``PRAGMA data_version`` polling) and PostgreSQL (NOTIFY)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui_helpers import make_window

from model.store import Store

ROOT = Path(__file__).resolve().parents[2]
# Another annotator's program: one edit, or the undo of a change, on the same transcript.
OTHER = """
import sys
from model.store import Store
store = Store.open(sys.argv[1], annotator="ken")
if sys.argv[2] == "edit":
    from model.ops.corrections import edit_text
    print(edit_text(store, int(sys.argv[3]), "en", sys.argv[4]))
else:
    store.undo(int(sys.argv[3]))
store.close()
"""
TURNS = [(f"SPEAKER {t}", [(f"Sentence {t}.{i} of a long briefing that wraps over a line or two.", f"文{t}.{i}。")
                           for i in range(4)]) for t in range(15)]


def _other(db: object, *args: object) -> str:
    result = subprocess.run([sys.executable, "-c", OTHER, str(db), *map(str, args)], capture_output=True,
                            text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_live_refresh_keeps_selection_scroll_and_the_open_editor(qtbot, any_db, tmp_path):
    store = Store.open(any_db, annotator="aya")
    watcher = window = None
    try:
        window, _tid = make_window(qtbot, store, tmp_path, turns=TURNS, closed_by_qtbot=False)
        model, panes = window.transcript_model, window.panes
        watcher = store.watch_others()
        row = 40
        edited, far = model.segment_id(row), model.segment_id(42)
        assert edited is not None and far is not None
        panes.go_row(row)
        window.annotate.edit_current()
        qtbot.waitUntil(lambda: window.annotate.editor is not None)
        editor = window.annotate.editor
        editor.setPlainText("Half typed, not saved yet")
        bar = panes.pane("en").verticalScrollBar()
        assert bar.maximum() > 0  # the transcript is longer than the pane
        scroll, selection = bar.value(), window.ctx.selection
        assert selection.segment_id == edited

        def kept() -> None:
            assert window.annotate.editor is editor
            assert editor.toPlainText() == "Half typed, not saved yet"
            assert window.ctx.selection.segment_id == edited
            assert bar.value() == scroll

        # Someone else edits a segment next to mine: it shows within about a second...
        event = int(_other(any_db, "edit", far, "Ken's correction of this sentence."))
        qtbot.waitUntil(lambda: (model.segment(42).en or "").startswith("Ken's correction"), timeout=3000)
        kept()
        # ...and so does their undo of it.
        _other(any_db, "undo", event)
        qtbot.waitUntil(lambda: (model.segment(42).en or "").startswith("Sentence 10.2"), timeout=3000)
        kept()
        assert [h["annotator"] for h in store.history(model.transcript_id)][0] == "ken"
    finally:
        if watcher is not None:
            watcher.stop()
        if window is not None:  # before the database goes: its pending refreshes read it
            window.close()
            window.deleteLater()
            qtbot.wait(50)
        store.close()
