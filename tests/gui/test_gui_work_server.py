"""Team work in the window on a shared PostgreSQL server: the login decides who "I" am and which
steps the menu offers; a wrong password in Open database is one dialog and nothing changes."""

from __future__ import annotations

import pytest
from gui_helpers import make_window

from model.assignment.ops import assign
from model.people import add_person
from model.store import Store
from tests.helpers import make_transcript
from tests.model.test_assignment_roles import login

pytestmark = pytest.mark.pg


def test_an_annotators_window_on_a_server(pg_server, pg_url, qtbot, tmp_path, monkeypatch):
    owner = Store.open(pg_url, annotator="owner")
    url = login(pg_server, "aya", pg_url)
    with owner.engine.begin() as conn:
        add_person(conn, "Aya Mori", "annotator", "aya")
    mine = make_transcript(owner, [("Q", [("Mine.", None)])], title="Aya's call")
    assign(owner, mine, "Aya Mori")
    owner.close()
    store = Store.open(url, annotator="whatever the settings say")
    window = None
    try:
        window, tid = make_window(qtbot, store, tmp_path, closed_by_qtbot=False)  # made as aya: nobody's
        model, work = window.library_model, window.features["work"]
        qtbot.waitUntil(lambda: model.work.get(mine) is not None and model.me == "Aya Mori")
        work.mine.setChecked(True)
        assert [r.id for r in model.rows] == [mine]
        steps = [a.objectName() for a in window.library_tools.context_menu(mine).actions()
                 if a.objectName().startswith("work_")]
        assert steps == ["work_start"]  # an annotator: no assigning, no reviewing
        shown: list[tuple[str, str]] = []
        monkeypatch.setattr(window, "show_error", lambda title, message: shown.append((title, message)))
        wrong = url.replace("pw-aya", "not-her-password")
        assert work.databases.switch_to(wrong) is False
        assert len(shown) == 1 and "password" in shown[0][1] and "not-her-password" not in shown[0][1]
        assert window.ctx.switch_to is None and window.ctx.store is store
        errors: list[str] = []
        window.ctx.errorReported.connect(errors.append)
        assert work.assign(tid, "Aya Mori") is None
        assert errors == ["only an admin can assign work; Aya Mori is an annotator"]
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
            qtbot.wait(50)
        store.close()
