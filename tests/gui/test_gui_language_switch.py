"""A new UI language applies at once: the window is rebuilt in it and shows what it showed before."""

from __future__ import annotations

import gc

import pytest
from gui_helpers import long_briefing, make_window
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDockWidget, QTabWidget
from shiboken6 import Shiboken


@pytest.fixture
def back_to_english(qapp):
    yield
    from gui.window.i18n import install_translators

    install_translators(qapp, "en")


@pytest.fixture
def windows(qtbot):
    """The windows a test made or rebuilt; the live ones are closed at the end."""
    made: list = []
    yield made
    for w in made:
        if Shiboken.isValid(w):
            w.close()
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def choose_language(qtbot, window, lang: str):  # type: ignore[no-untyped-def]
    """Edit > Preferences, pick ``lang``, OK; returns the window that replaced ``window``."""
    from gui.preferences.dialog import PreferencesDialog

    def answer() -> None:
        dialog = window.findChild(PreferencesDialog, "preferences")
        combo = dialog.findChild(QComboBox, "ui_language")
        combo.setCurrentIndex(combo.findData(lang))
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(window.replaced, timeout=5000) as blocker:
        window.registry.get("preferences").trigger()
    new = blocker.args[0]
    qtbot.waitExposed(new)
    return new


def main_windows() -> list:
    from gui.window.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def left_dock_minimum(window) -> int:  # type: ignore[no-untyped-def]
    """The least width of the left dock area: the widest least width of the docks tabbed there."""
    docks = (window.library_dock, window.annotate.speakers_dock, window.annotate.gaps_dock,
             window.annotate.history_dock)
    return max(d.minimumSizeHint().width() for d in docks)


def dock_titles(window) -> set[str]:  # type: ignore[no-untyped-def]
    return {d.windowTitle() for d in window.findChildren(QDockWidget)}


def test_japanese_applies_at_once_and_english_comes_back(qtbot, store, tmp_path, back_to_english, windows):
    window, _tid = make_window(qtbot, store, tmp_path, closed_by_qtbot=False)
    windows.append(window)
    assert window.registry.menus["go"].title() == "&Go"
    ja = choose_language(qtbot, window, "ja")
    windows.append(ja)
    assert not Shiboken.isValid(window)  # the old window is gone, not hidden
    assert ja.registry.menus["go"].title() == "移動(&G)"
    assert ja.registry.get("import").text() == "取り込み(&I)…"
    assert "ライブラリ" in dock_titles(ja)
    assert ja.saved_label.text().endswith("すべての変更を保存済み")
    assert str(ja.settings.value("ui/language")) == "ja"
    en = choose_language(qtbot, ja, "en")
    windows.append(en)
    assert en.registry.menus["go"].title() == "&Go"
    assert {"Library", "Details"} <= dock_titles(en)


def test_what_the_annotator_saw_survives_the_switch(qtbot, store, tmp_path, back_to_english, windows):
    window, tid = make_window(qtbot, store, tmp_path, turns=long_briefing(60), closed_by_qtbot=False)
    windows.append(window)
    from model.ops.corrections import edit_text

    panes = window.panes
    seg = window.transcript_model.segment(3)
    window.ctx.run("Edit text", lambda: edit_text(store, seg.id, "en", "Corrected before the switch."))
    window.zoom(2)
    point_size = panes.metrics.point_size
    panes.go_row(70)
    panes.switch_pane()  # the Japanese pane is the active one
    qtbot.waitUntil(lambda: panes.pane("en").verticalScrollBar().value() > 0)
    scroll = panes.pane("en").verticalScrollBar().value()
    sid = panes.current_segment_id()
    window.annotate.set_mode("changes")
    window.annotate.show_gaps()  # a dock other than the library in front
    window.details.setCurrentIndex(1)
    window.review.findings_dock.setFloating(True)
    gap_filter = window.annotate.gap_list.filter
    gap_index = gap_filter.count() - 1
    gap_filter.setCurrentIndex(gap_index)
    panes.splitter.setSizes([700, 300])
    sizes = panes.splitter.sizes()
    library_width = window.annotate.gaps_dock.width()  # the left docks' width: the one in front shows it
    old_minimum = left_dock_minimum(window)

    new = choose_language(qtbot, window, "ja")
    windows.append(new)
    p = new.panes
    qtbot.waitUntil(lambda: new.review.checks_started)  # painted, and the restore finished
    assert p.pane("en").verticalScrollBar().value() == scroll
    assert new.ctx.transcript_id == tid
    assert new.transcript_model.transcript_id == tid
    assert p.current_segment_id() == sid and p.current_row() == 70
    assert p.active_lang == "ja"
    assert p.metrics.point_size == point_size
    assert new.annotate.mode == "changes" and new.annotate.mode_actions["changes"].isChecked()
    # The same split (the same share: Japanese labels may ask the docks for a little more room).
    share = p.splitter.sizes()[0] / sum(p.splitter.sizes())
    assert abs(share - sizes[0] / sum(sizes)) < 0.02, (p.splitter.sizes(), sizes)
    # The same width -- unless the width was the least the docks' contents allowed: then it follows
    # their least width in the new language, which depends on the fonts installed (without a CJK font
    # Japanese labels take the fallback's widths), so only the bounds are certain.
    width = new.annotate.gaps_dock.width()  # (a dock tabbed behind keeps whatever width it last had)
    if library_width > old_minimum + 8:  # the annotator's choice
        assert abs(width - library_width) <= 8, (width, library_width)
    else:
        low, high = sorted((library_width, left_dock_minimum(new)))
        assert low - 8 <= width <= high + 8, (width, library_width, old_minimum, left_dock_minimum(new))
    assert new.details.currentIndex() == 1
    assert gap_index > 0 and new.annotate.gap_list.filter.currentIndex() == gap_index
    assert new.review.findings_dock.isFloating()
    assert not new.annotate.gaps_dock.visibleRegion().isEmpty()  # still the dock in front
    assert new.windowTitle().startswith("Test briefing")
    assert new.library_view.model().rowCount() > 0
    # The history survives: the edit made before the switch is undone from the new window.
    assert new.registry.get("undo").isEnabled()
    new.registry.get("undo").trigger()
    assert new.transcript_model.segment(3).corrected("en") != "Corrected before the switch."
    new.registry.get("redo").trigger()
    assert new.transcript_model.segment(3).corrected("en") == "Corrected before the switch."


def test_an_open_edit_is_saved_and_the_find_dialog_comes_back(qtbot, store, tmp_path, back_to_english, windows):
    window, _tid = make_window(qtbot, store, tmp_path, closed_by_qtbot=False)
    windows.append(window)
    window.panes.go_row(1)
    window.annotate.edit_current()
    qtbot.waitUntil(lambda: window.annotate.editor is not None)
    window.annotate.editor.setPlainText("Typed but not yet saved.")
    window.annotate.show_find(True)
    window.annotate.find_dialog.find_edit.setText("Japan")
    new = choose_language(qtbot, window, "ja")
    windows.append(new)
    assert new.transcript_model.segment(1).corrected("en") == "Typed but not yet saved."
    assert new.ctx.undo_stack.count() == 1
    qtbot.waitUntil(lambda: new.annotate.find_dialog is not None and new.annotate.find_dialog.isVisible())
    dialog = new.annotate.find_dialog
    assert dialog.find_edit.text() == "Japan" and dialog.replace_edit.isVisibleTo(dialog)
    assert dialog.windowTitle() == "検索と置換"


def test_switching_twice_leaves_one_window_and_reaches_no_dead_object(qtbot, store, tmp_path, back_to_english,
                                                                       windows, capfd, qtlog):
    window, tid = make_window(qtbot, store, tmp_path, closed_by_qtbot=False)
    windows.append(window)
    qtbot.waitUntil(lambda: window.review.checks_started and not window.review.checking)
    before = len(main_windows())
    w = window
    for lang in ("ja", "en", "ja"):
        w = choose_language(qtbot, w, lang)
        windows.append(w)
        qtbot.waitUntil(lambda w=w: w.review.checks_started and not w.review.checking)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert len(main_windows()) == before
    ctx = w.ctx
    ctx.selectionChanged.emit(ctx.selection)
    ctx.transcriptShown.emit(tid)
    w.zoom(1)
    qtbot.wait(50)
    err = capfd.readouterr().err
    assert "already deleted" not in err and "Traceback" not in err
    assert [m.message for m in qtlog.records if "delete" in m.message.lower() or "destroyed" in m.message.lower()] == []


def test_the_same_language_rebuilds_nothing(qtbot, store, tmp_path, windows):
    window, _tid = make_window(qtbot, store, tmp_path, closed_by_qtbot=False)
    windows.append(window)
    from gui.preferences.dialog import PreferencesDialog

    def answer() -> None:
        dialog = window.findChild(PreferencesDialog, "preferences")
        combo = dialog.findChild(QComboBox, "ui_language")
        combo.setCurrentIndex(combo.findData("en"))
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.assertNotEmitted(window.replaced, wait=100):
        window.show_preferences()
    assert Shiboken.isValid(window)
    assert isinstance(window.details, QTabWidget)


def test_review_filters_chosen_flag_and_a_reply_draft_survive(qtbot, store, tmp_path, back_to_english, windows):
    from model.ops import flags as flag_ops

    window, tid = make_window(qtbot, store, tmp_path, closed_by_qtbot=False)
    windows.append(window)
    sids = [window.transcript_model.segment_id(r) for r in range(4)]
    flag_ops.add_flag(store, sids[1], "mistranslation", "a")
    flag_ops.add_flag(store, sids[2], "speaker", "b")
    flag_ops.add_flag(store, sids[3], "mistranslation", "c")
    review = window.review
    review.refresh_review()
    review.panel.set_filter("category", "mistranslation")
    assert [f.note for f in review.panel.model.items] == ["a", "c"]
    review.panel.view.setCurrentIndex(review.panel.model.index(1, 0))
    review.panel.reply_edit.setPlainText("Half-written reply")
    new = choose_language(qtbot, window, "ja")
    windows.append(new)
    panel = new.review.panel
    qtbot.waitUntil(lambda: [f.note for f in panel.model.items] == ["a", "c"])
    assert panel.view.currentIndex().row() == 1
    assert panel.reply_edit.toPlainText() == "Half-written reply"
    assert new.annotate.history.stack() is new.ctx.undo_stack  # the history view lists the same stack


def test_the_running_app_follows_the_rebuilt_window(tmp_path):
    """The context names the live window after a switch (windowChanged); the app keeps running and
    quits normally; the first paint is announced once (firstPainted), not again by the new window."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui import app

seen = {{"paints": 0}}

def switch():
    from gui.window.language_switch import switch_language
    new = switch_language(seen["window"], "ja")
    live = seen["window"]
    QTimer.singleShot(50, lambda: (print("LIVE", live is new and seen["ctx"].window is new,
                                          live.registry.menus["go"].title(), live.transcript_model.rowCount() > 0),
                                   print("FIRST PAINTS", seen["paints"]), QApplication.quit()))

def first_paint():
    seen["paints"] += 1
    QTimer.singleShot(0, switch)

def started(ctx):
    seen["ctx"] = ctx
    ctx.windowChanged.connect(lambda w: seen.__setitem__("window", w))
    ctx.firstPainted.connect(first_paint)

sys.exit(app.run(["--db", {str(tmp_path / "x.sqlite3")!r}], started=started))
"""
    config = tmp_path / "config"
    (config / "Taiyaku").mkdir(parents=True)
    (config / "Taiyaku" / "Taiyaku.conf").write_text("[annotator]\nname=Tester\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config),
               XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            env=env, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "LIVE True 移動(&G) True" in result.stdout, result.stdout + result.stderr[-2000:]
    assert "FIRST PAINTS 1" in result.stdout  # announced once; the rebuilt window announced nothing
    assert "already deleted" not in result.stderr, result.stderr
