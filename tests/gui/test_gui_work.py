"""Team work in the window: the library's state and assignee, "My work", the steps in the
transcript's menu (a refused one says why in one line), and File > Next transcript."""

from __future__ import annotations

from gui_helpers import make_window
from helpers import make_transcript
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from model.assignment.ops import assign, list_work, transition
from model.people import add_person


def _work(store, tid):
    return {w.transcript_id: w for w in list_work(store)}[tid]


def _menu_steps(window, tid):
    menu = window.library_tools.context_menu(tid)
    return [a.objectName() for a in menu.actions() if a.objectName().startswith("work_")]


def test_library_shows_state_and_who_filters_my_work_and_offers_the_steps(qtbot, store, tmp_path, monkeypatch):
    other = make_transcript(store, [("Q", [("Someone else's.", None)])], title="Aya's call")
    with store.engine.begin() as conn:
        add_person(conn, "aya", "annotator", None)
        add_person(conn, "tester", "annotator", None)
    assign(store, other, "aya")
    window, tid = make_window(qtbot, store, tmp_path, title="My call")
    model, work = window.library_model, window.features["work"]
    qtbot.waitUntil(lambda: model.work.get(other) is not None)
    column = model.COLUMNS.index("state")
    row = model.row_of(other)
    assert model.index(row, column).data() == "Assigned"
    assert model.index(row, model.COLUMNS.index("assignee")).data() == "aya"
    assert model.index(model.row_of(tid), column).data() == ""  # nobody has it yet
    # On SQLite nobody's role is checked: the whole menu of an unassigned transcript is assigning.
    assert _menu_steps(window, tid) == ["work_assign", "work_assign_review", "work_assign_turns"]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("tester", True))
    menu = window.library_tools.context_menu(tid)
    next(a for a in menu.actions() if a.objectName() == "work_assign").trigger()
    qtbot.waitUntil(lambda: model.state_text(tid) == "Assigned")
    assert _menu_steps(window, tid)[0] == "work_start"
    menu = window.library_tools.context_menu(tid)
    next(a for a in menu.actions() if a.objectName() == "work_start").trigger()
    qtbot.waitUntil(lambda: model.state_text(tid) == "In progress")
    # "My work": only what I annotate or review and have not finished.
    work.mine.setChecked(True)
    assert [r.id for r in model.rows] == [tid]
    assert window.settings.value("library/mine") in (True, "true")
    work.mine.setChecked(False)
    assert len(model.rows) == 2
    # Undo takes the step back, on the transcript's own stack (it is on screen).
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: model.state_text(tid) == "Assigned")
    # A refused step says why in one line.
    errors: list[str] = []
    window.ctx.errorReported.connect(errors.append)
    assert work.take_step(other, "submit") is None
    assert errors == [f"cannot submit work: transcript {other} is assigned, not in progress"]


def test_reject_asks_why_and_the_annotator_sees_it_back_in_progress(qtbot, store, tmp_path, monkeypatch):
    window, tid = make_window(qtbot, store, tmp_path)
    with store.engine.begin() as conn:
        add_person(conn, "tester", "annotator", None)
    assign(store, tid, "tester")
    transition(store, tid, "start")
    transition(store, tid, "submit")
    transition(store, tid, "review")
    work = window.features["work"]
    qtbot.waitUntil(lambda: work.allowed_steps(tid) == ["approve", "reject"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Turn 2's speaker", True))
    assert work.take_step(tid, "reject") is not None
    assert (_work(store, tid).state, _work(store, tid).note) == ("in_progress", "Turn 2's speaker")
    model = window.library_model
    qtbot.waitUntil(lambda: model.state_text(tid) == "In progress")
    tip = model.index(model.row_of(tid), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("Sent back by the reviewer: Turn 2's speaker")


def test_file_next_transcript_claims_and_opens_it(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path, title="Open one")
    second = make_transcript(store, [("Q", [("Second.", None)])], title="Second")
    window.reload_library()
    qtbot.waitUntil(lambda: window.library_model.rowCount() == 2)
    window.registry.get("next_transcript").trigger()
    assert window.ctx.transcript_id == tid and _work(store, tid).state == "in_progress"
    window.registry.get("next_transcript").trigger()
    assert window.ctx.transcript_id == second and _work(store, second).annotator == "tester"
    messages: list[str] = []
    window.ctx.statusMessage.connect(messages.append)
    window.registry.get("next_transcript").trigger()
    assert window.ctx.transcript_id == second and messages == ["Nothing left: every transcript has someone on it"]
    qtbot.waitUntil(lambda: window.library_model.state_text(second) == "In progress")
