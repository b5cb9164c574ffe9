"""After the first paint: what the features build then does not hold up the annotator's input."""

from __future__ import annotations

from gui_helpers import make_transcript, make_window
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon, QKeyEvent

from tests.gui.test_gui_window import long_briefing


def test_a_key_pressed_at_the_paint_is_handled_between_two_after_paint_callbacks(qtbot, store, tmp_path):
    # The callbacks queued for after the paint ran all in one go: a key pressed at the paint
    # waited for every one of them (120-470 ms at 50,000 segments).
    from PySide6.QtCore import QSettings

    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow

    tid = make_transcript(store, long_briefing(10))
    window = MainWindow(AppContext(store), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    pane = window.panes.pane("en")
    rows_seen: list[int] = []

    def first() -> None:  # the annotator presses Down while the first callback works
        QCoreApplication.postEvent(pane, QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Down,
                                                   Qt.KeyboardModifier.NoModifier))

    window.after_paint(first)
    window.after_paint(lambda: rows_seen.append(window.panes.current_row()))
    window.open_initial(tid)
    window.show()
    pane.setFocus()
    qtbot.waitUntil(lambda: bool(rows_seen), timeout=5_000)
    assert rows_seen == [1]  # the key moved the selection before the next callback ran


def _settled_widths(qtbot, window) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The library's and the English pane's widths once they held for 0.5 s (at most 10 s)."""
    widths, steady = None, 0
    for _ in range(100):
        qtbot.wait(100)
        now = (window.library_dock.width(), window.panes.pane("en").width())
        steady = steady + 1 if now == widths else 0
        widths = now
        if steady >= 5:
            break
    assert widths is not None
    return widths


def test_a_step_queued_first_runs_next_in_a_turn_of_its_own(qtbot, store, tmp_path):
    # The ORM's set-up (20-25 ms) ran from a zero timer in the same turn as other after-paint work:
    # the first input waited for both. Queued first, it is the next step, alone in its turn.
    from PySide6.QtCore import QSettings

    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow

    tid = make_transcript(store, long_briefing(10))
    window = MainWindow(AppContext(store), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    calls: list[str] = []
    window.after_paint(lambda: (calls.append("a"), window.after_paint(lambda: calls.append("first"), first=True)))
    window.after_paint(lambda: calls.append("b"))
    window.open_initial(tid)
    window.show()
    qtbot.waitUntil(lambda: len(calls) == 3, timeout=5_000)
    assert calls == ["a", "first", "b"]


def test_the_left_docks_keep_their_width_when_the_icons_come(qtbot, store, tmp_path, monkeypatch):
    # The icons come after the first paint; the speakers panel's buttons grew 20 px wider then,
    # which widened the whole left column of docks (the library's) and narrowed the panes.
    from PySide6.QtCore import QSettings

    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow

    tid = make_transcript(store, long_briefing(10))
    window = MainWindow(AppContext(store), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    registry = window.registry
    load_icons = registry.load_icons
    monkeypatch.setattr(registry, "load_icons", lambda: None)  # not yet: the paint first
    window.open_initial(tid)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    assert not registry.icons_loaded
    library, pane = _settled_widths(qtbot, window)  # the reads after the paint may still resize docks
    load_icons()
    qtbot.waitUntil(lambda: registry.icons_loaded, timeout=10_000)
    qtbot.wait(100)
    assert (window.library_dock.width(), window.panes.pane("en").width()) == (library, pane)


def test_every_icon_comes_from_the_one_font_loaded(qtbot, store, tmp_path):
    # After the paint only Material Design Icons 6 is loaded (qtawesome's other eleven fonts cost
    # the window's thread 50 ms there): an icon from another font would be blank.
    from gui.window.actions import ICON_FONT

    window, _ = make_window(qtbot, store, tmp_path)
    registry = window.registry
    qtbot.waitUntil(lambda: registry.icons_loaded, timeout=10_000)
    names = dict(registry._icon_names)
    assert names and all(name.split(".")[0] == ICON_FONT for name in names.values())
    assert all(not registry.get(key).icon().isNull() for key in names if key in registry.items)


def test_the_icons_are_given_a_slice_per_turn_of_the_event_loop(qtbot, store, tmp_path):
    # All of them in one turn held the window's thread ~35 ms right after the paint.
    from gui.window.actions import ICON_SLICE

    window, _ = make_window(qtbot, store, tmp_path)
    registry = window.registry
    qtbot.waitUntil(lambda: registry.icons_loaded, timeout=10_000)
    keys = [key for key in registry._icon_names if key in registry.items]
    assert len(keys) > ICON_SLICE
    for key in keys:
        registry.get(key).setIcon(QIcon())
    registry.icons_loaded = False
    registry._give_icons(True)
    given = [key for key in keys if not registry.get(key).icon().isNull()]
    assert len(given) == ICON_SLICE and not registry.icons_loaded  # the rest in the next turns
    qtbot.waitUntil(lambda: registry.icons_loaded, timeout=5_000)
    assert all(not registry.get(key).icon().isNull() for key in keys)
