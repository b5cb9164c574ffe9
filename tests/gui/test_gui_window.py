"""The main window: opening a transcript, linked panes, navigation, models."""

from __future__ import annotations

from gui_helpers import long_briefing, make_window
from helpers import make_transcript
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication


def test_opening_shows_every_segment_with_speakers(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path)
    model = window.transcript_model
    assert model.rowCount() == 6
    assert "Test briefing" in window.windowTitle()
    assert window.library_model.rowCount() == 1
    assert model.speaker(model.turn(0)) is None  # the unknown speaker of the first turn
    assert model.speaker(model.turn(1)).label_en == "SENIOR ADMINISTRATION OFFICIAL"
    assert model.is_turn_start(1) and not model.is_turn_start(2)
    assert "4 turns" in window.counts_label.text()
    # A missing translation gets a visible placeholder in the Japanese pane only.
    assert window.panes.metrics.is_placeholder(0, "ja")
    assert not window.panes.metrics.is_placeholder(0, "en")


def test_context_says_when_the_transcript_is_on_screen(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path)
    with qtbot.waitSignal(window.ctx.transcriptShown, timeout=5000) as shown:
        window.ctx.set_transcript(None)
        window.ctx.set_transcript(tid)
    assert shown.args == [tid]


def test_rows_have_the_same_height_in_both_panes(qtbot, store, tmp_path):
    window, _ = make_window(qtbot, store, tmp_path)
    en, ja = window.panes.pane("en"), window.panes.pane("ja")
    for row in range(window.transcript_model.rowCount()):
        index = window.transcript_model.index(row, 0)
        assert en.visualRect(index).top() == ja.visualRect(index).top()
        assert en.visualRect(index).height() == ja.visualRect(index).height()


def test_selecting_in_either_pane_selects_in_the_other(qtbot, store, tmp_path):
    window, _ = make_window(qtbot, store, tmp_path)
    en, ja = window.panes.pane("en"), window.panes.pane("ja")
    model = window.transcript_model
    qtbot.mouseClick(en.viewport(), Qt.MouseButton.LeftButton, pos=en.visualRect(model.index(3, 0)).center())
    assert ja.currentIndex().row() == 3
    assert ja.selectionModel().isRowSelected(3)
    assert window.ctx.selection.segment_id == model.segment_id(3)
    assert window.ctx.selection.lang == "en"
    qtbot.mouseClick(ja.viewport(), Qt.MouseButton.LeftButton, pos=ja.visualRect(model.index(1, 0)).center())
    assert en.currentIndex().row() == 1
    assert window.ctx.selection.segment_id == model.segment_id(1)
    assert window.ctx.selection.lang == "ja"
    assert "Turn 2, segment 1" in window.details.segment.toPlainText()


def test_scrolling_one_pane_scrolls_the_other_to_the_same_turn(qtbot, store, tmp_path):
    window, _ = make_window(qtbot, store, tmp_path, turns=long_briefing(60))
    en, ja = window.panes.pane("en"), window.panes.pane("ja")
    assert en.verticalScrollBar().maximum() > 20
    en.verticalScrollBar().setValue(37)
    assert ja.verticalScrollBar().value() == 37
    top_en, top_ja = en.indexAt(en.viewport().rect().topLeft()), ja.indexAt(ja.viewport().rect().topLeft())
    assert top_en.row() == top_ja.row() == 37
    ja.verticalScrollBar().setValue(12)
    assert en.verticalScrollBar().value() == 12


def test_keyboard_navigation_from_either_pane(qtbot, store, tmp_path, monkeypatch):
    window, _ = make_window(qtbot, store, tmp_path, turns=long_briefing(30))
    panes, model = window.panes, window.transcript_model
    ja = panes.pane("ja")
    ja.setFocus()
    panes.go_row(0)
    qtbot.keyClick(ja, Qt.Key.Key_Down)
    assert panes.current_row() == 1
    window.registry.get("next_turn").trigger()
    assert model.turn(panes.current_row()).number == 2 and model.is_turn_start(panes.current_row())
    window.registry.get("next_segment").trigger()
    assert panes.current_row() == 3
    window.registry.get("prev_turn").trigger()  # back to the start of this turn first
    assert panes.current_row() == 2
    window.registry.get("last").trigger()
    assert panes.current_row() == model.rowCount() - 1
    last = model.index(model.rowCount() - 1, 0)
    assert panes.pane("en").viewport().rect().intersects(panes.pane("en").visualRect(last))
    window.registry.get("first").trigger()
    assert panes.current_row() == 0
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (17, True))
    window.registry.get("goto_turn").trigger()
    assert model.turn(panes.current_row()).number == 17
    en_view = panes.pane("en")
    assert en_view.verticalScrollBar().value() == ja.verticalScrollBar().value()


def test_feature_selection_request_moves_both_panes(qtbot, store, tmp_path):
    from gui.window.context import Selection

    window, _ = make_window(qtbot, store, tmp_path, turns=long_briefing(40))
    sid = window.transcript_model.segment_id(70)
    window.ctx.set_selection(Selection(segment_id=sid, lang="ja"))
    assert window.panes.current_row() == 70
    assert window.panes.pane("ja").selectionModel().isRowSelected(70)


def test_models_pass_qt_model_tester(qtbot, qtmodeltester, store, tmp_path):
    window, _ = make_window(qtbot, store, tmp_path)
    qtmodeltester.check(window.transcript_model)
    qtmodeltester.check(window.library_model)


def test_zoom_changes_row_heights_and_is_remembered(qtbot, store, tmp_path):
    window, _ = make_window(qtbot, store, tmp_path)
    before = window.panes.metrics.row_height(0)
    window.registry.get("zoom_in").trigger()
    window.registry.get("zoom_in").trigger()
    QApplication.processEvents()
    assert window.panes.metrics.row_height(0) > before
    assert float(window.settings.value("ui/point_size")) == window.panes.metrics.point_size


def test_shortcuts_help_lists_registered_actions(qtbot, store, tmp_path):
    window, _ = make_window(qtbot, store, tmp_path)
    window.registry.add("demo", "Demo feature command", lambda: None, menu="edit", shortcut="Ctrl+Shift+D")
    dialog = window.show_shortcuts()
    texts = dict(dialog.all_texts())
    assert texts["Go to turn…"] == "Ctrl+G"
    assert texts["Demo feature command"] == "Ctrl+Shift+D"
    assert "Ctrl+G" in window.registry.get("goto_turn").toolTip()
    dialog.close()


def test_selection_model_is_shared(qtbot, store, tmp_path):
    window, _ = make_window(qtbot, store, tmp_path)
    en, ja = window.panes.pane("en"), window.panes.pane("ja")
    assert en.selectionModel() is ja.selectionModel()
    en.selectionModel().setCurrentIndex(window.transcript_model.index(4, 0),
                                        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert ja.currentIndex().row() == 4


def test_rows_follow_structural_changes_and_undo(qtbot, store, tmp_path):
    from model.schema import Segment

    window, _ = make_window(qtbot, store, tmp_path)
    model = window.transcript_model
    keep = model.segment_id(4)
    window.panes.go_row(4)
    doomed = model.segment_id(2)

    def delete() -> int:
        with store.operation("Delete segment") as op:
            op.session.delete(op.get(Segment, doomed))
        return op.event_id

    window.ctx.run("Delete segment", delete)
    assert model.rowCount() == 5 and model.row_of_segment(doomed) is None
    assert window.panes.current_segment_id() == keep  # still on the same segment
    en, ja = window.panes.pane("en"), window.panes.pane("ja")
    index = model.index(3, 0)
    assert en.visualRect(index).top() == ja.visualRect(index).top()
    window.ctx.undo_stack.undo()
    assert model.rowCount() == 6 and model.row_of_segment(doomed) == 2
    assert model.segment(2).en.startswith("And we expect")



def test_an_edit_repaints_its_row_without_reading_the_outline_again(qtbot, store, tmp_path, monkeypatch):
    """At 50,000 segments the outline costs 0.1-0.3 s: an edit or an approval must not re-read it."""
    import gui.models.transcript_model as transcript_model
    from model.ops import alignment, corrections, review_state

    window, _ = make_window(qtbot, store, tmp_path)
    model = window.transcript_model
    reads = []
    real = transcript_model.load_skeleton
    monkeypatch.setattr(transcript_model, "load_skeleton", lambda *a: reads.append(a) or real(*a))
    sid = model.segment_id(1)
    window.ctx.run("Edit", lambda: corrections.edit_text(store, sid, "en", "A corrected sentence."))
    window.ctx.run("Approve", lambda: review_state.approve(store, sid))
    assert model.segment(1).en == "A corrected sentence."
    assert reads == []
    rows = model.rowCount()
    errors = []
    window.ctx.errorReported.connect(errors.append)
    other = model.segment_id(2)
    window.ctx.run("Split", lambda: alignment.split_segment(store, other, "en", 5))
    assert errors == []
    assert len(reads) == 1 and model.rowCount() == rows + 1

def test_wheel_over_the_english_pane_scrolls_both(qtbot, store, tmp_path):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    window, _ = make_window(qtbot, store, tmp_path, turns=long_briefing(40))
    en, ja = window.panes.pane("en"), window.panes.pane("ja")
    assert not en.verticalScrollBar().isVisible()  # one scroll bar, at the right
    pos = QPointF(en.viewport().rect().center())
    event = QWheelEvent(pos, en.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, -240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(en.viewport(), event)
    assert en.verticalScrollBar().value() > 0
    assert ja.verticalScrollBar().value() == en.verticalScrollBar().value()


def test_a_title_in_one_language_shows_quietly_in_both_panes(qtbot, store, tmp_path):
    from PySide6.QtCore import QSettings

    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow
    from model.schema import Turn

    tid = make_transcript(store, [(None, [(None, "記者会見の背景")]), ("Q", [("Hello.", None)])])
    with store.operation("Make the first turn a title") as op:
        op.transcript_id = tid
        first = min((t for t in op.session.query(Turn).filter_by(transcript_id=tid)), key=lambda t: t.position)
        first.kind = "title"
    window = MainWindow(AppContext(store), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_initial(tid)
    metrics = window.panes.metrics
    assert metrics.rendered(0, "en").text == "記者会見の背景"
    assert not metrics.is_placeholder(0, "en")
    assert metrics.is_placeholder(1, "ja")  # a speech turn still shows its missing translation
    window.panes.go_row(0)
    assert "untranslated" not in window.details.segment.toPlainText()
    window.panes.go_row(1)
    assert "untranslated" in window.details.segment.toPlainText()
