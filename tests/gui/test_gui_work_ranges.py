"""A range of turns in the window: the library says whose turns, an admin assigns turns from the
transcript's menu (an overlap is refused in one line), and File > Next transcript opens the
annotator's range, marked beside both panes, at its first turn."""

from __future__ import annotations

import os
from pathlib import Path

from gui_helpers import make_window
from helpers import make_transcript
from PySide6.QtWidgets import QInputDialog

from model.assignment.ops import list_work
from model.people import add_person

TURNS = [(f"S{i % 3}", [(f"Turn {i + 1}, first sentence.", f"第{i + 1}発言、その一。"),
                         (f"Turn {i + 1}, second sentence.", f"第{i + 1}発言、その二。")]) for i in range(8)]


def test_a_range_of_turns_is_assigned_shown_and_opened_marked(qtbot, store, tmp_path, monkeypatch):
    window, first = make_window(qtbot, store, tmp_path, title="Whole briefing")
    tid = make_transcript(store, TURNS, title="Split briefing")
    with store.engine.begin() as conn:
        add_person(conn, "aya", "annotator", None)
        add_person(conn, "tester", "annotator", None)
    window.reload_library()
    model, work = window.library_model, window.features["work"]
    qtbot.waitUntil(lambda: model.row_of(tid) is not None)
    # An admin (on SQLite: anyone) gives turns 3-5 to tester from the transcript's menu.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("3-5", True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("tester", True))
    menu = window.library_tools.context_menu(tid)
    next(a for a in menu.actions() if a.objectName() == "work_assign_turns").trigger()
    qtbot.waitUntil(lambda: model.state_text(tid) == "Assigned")
    assert model.assignee(tid) == "tester (turns 3–5)"
    errors: list[str] = []
    window.ctx.errorReported.connect(errors.append)
    assert work.assign(tid, "aya", turns=(5, 6)) is None
    assert errors == [f"turns 5-6 overlap turns 3-5 of transcript {tid} (assigned to tester); nothing changed"]
    work.assign(first, "aya")  # the whole other transcript is someone else's
    # "My work" keeps the transcript where I have a range; Next transcript opens it at my turns.
    work.mine.setChecked(True)
    qtbot.waitUntil(lambda: [r.id for r in model.rows] == [tid])
    shots = Path(os.environ.get("TAIYAKU_SHOTS", tmp_path))
    window.grab().save(str(shots / "team-range-library.png"))
    window.registry.get("next_transcript").trigger()
    assert window.ctx.transcript_id == tid
    marks = work.ranges
    qtbot.waitUntil(lambda: marks.span == (3, 5) and len(marks.segments) == 6)
    sk = window.transcript_model.skeleton
    marked_turns = {sk.turns[sk.row_turn[row]].number for row, sid in enumerate(sk.segment_ids)
                    if sid in marks.segments}
    assert marked_turns == {3, 4, 5}
    qtbot.waitUntil(lambda: window.transcript_model.turn(window.panes.current_row()).number == 3)
    assert "Your turns in this transcript: 3–5" in window.statusBar().currentMessage()
    assert [w.state for w in list_work(store) if w.transcript_id == tid] == ["unassigned", "in_progress",
                                                                             "unassigned"]
    window.grab().save(str(shots / "team-range-window.png"))


def test_my_range_is_read_beside_the_window_not_in_its_thread(qtbot, store, tmp_path, monkeypatch):
    import threading

    import model.assignment.ops as ops

    window, tid = make_window(qtbot, store, tmp_path, title="Briefing")
    readers: list[bool] = []
    real = ops.my_range

    def spy(s, transcript_id):
        readers.append(threading.current_thread() is threading.main_thread())
        return real(s, transcript_id)

    monkeypatch.setattr(ops, "my_range", spy)
    marks = window.features["work"].ranges
    marks.refresh()
    qtbot.waitUntil(lambda: bool(readers) and not marks._reader.reading)
    # A query (and a connection) the first input after the paint waited for on the window's thread.
    assert not any(readers) and marks.span is None and marks.segments == frozenset()
