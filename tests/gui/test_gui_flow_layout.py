"""FlowLayout: a row of buttons that wraps in a narrow dock instead of widening it."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from gui.window.flow_layout import FlowLayout


def make_row(qtbot, texts):
    host = QWidget()
    qtbot.addWidget(host)
    outer = QVBoxLayout(host)
    flow = FlowLayout()
    buttons = [QPushButton(t, host) for t in texts]
    for b in buttons:
        flow.addWidget(b)
    outer.addLayout(flow)
    outer.addStretch(1)
    host.show()
    return host, flow, buttons


def test_one_row_when_wide_more_rows_when_narrow(qtbot):
    host, flow, buttons = make_row(qtbot, ["Reply", "Resolve", "Won't fix", "Reopen", "Edit…"])
    widest = max(b.sizeHint().width() for b in buttons)
    assert flow.minimumSize().width() == widest < flow.sizeHint().width()
    host.resize(flow.sizeHint().width() + 40, 200)
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) == 1)
    one_row = flow.heightForWidth(host.width())
    host.resize(widest + 30, 400)  # one button a row
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) == len(buttons))
    assert all(b.x() + b.width() <= host.width() for b in buttons)
    assert flow.heightForWidth(widest) > 4 * one_row
    assert flow.minimumSize().height() > 4 * one_row  # containers that ignore height-for-width see it too


def test_hidden_buttons_take_no_room(qtbot):
    host, flow, buttons = make_row(qtbot, ["One", "Two", "Three"])
    before = flow.sizeHint().width()
    buttons[1].hide()
    assert flow.sizeHint().width() == before - buttons[1].sizeHint().width() - 6
