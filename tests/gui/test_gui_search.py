"""The Search dock: typing searches every transcript off the window's thread, hits are grouped by
transcript with context, and choosing one opens its transcript at the segment."""

from __future__ import annotations

import sys
import threading

from gui_helpers import make_window
from helpers import make_transcript
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def _hits(panel):
    model = panel.model
    return [(model.item(r).data(Qt.ItemDataRole.UserRole),
             [model.item(r).child(c).data(Qt.ItemDataRole.UserRole + 1).segment_id
              for c in range(model.item(r).rowCount())])
            for r in range(model.rowCount())]


def test_typing_finds_hits_in_every_transcript_and_a_click_opens_one(qtbot, store, tmp_path):
    other = make_transcript(store, [("OFFICIAL", [("Nikkei Asia asked first.", "日経アジアが最初に質問した。"),
                                                  ("Then Kyodo.", None)])], title="Other call")
    window, tid = make_window(qtbot, store, tmp_path)
    panel = window.search_panel
    assert window.registry.items["search_library"].action.shortcut() == QKeySequence("Ctrl+Shift+L")
    window.registry.items["search_library"].action.trigger()
    assert panel.pattern.hasFocus() or not window.isActiveWindow()
    panel.pattern.setText("日経アジア")  # Japanese: set through the widget API (keyClicks would abort)
    qtbot.waitUntil(lambda: not panel.searching and panel.model.rowCount() == 2, timeout=5000)
    groups = _hits(panel)
    assert [title for title, _ in groups] == ["Other call", "Test briefing"]  # library order
    assert all(len(sids) == 1 for _, sids in groups)
    assert "1 match" not in panel.status.text() and "2" in panel.status.text()
    assert window.ctx.transcript_id == tid
    hit = panel.model.item(0).child(0)
    assert "<b>日経アジア</b>" in hit.data(Qt.ItemDataRole.UserRole + 2)
    panel.open_hit(hit.index())
    qtbot.waitUntil(lambda: window.ctx.transcript_id == other and panel._pending is None, timeout=5000)
    row = window.panes.current_row()
    assert window.transcript_model.segment_id(row) == groups[0][1][0]
    assert window.panes.active_lang == "ja"


def test_a_newer_pattern_replaces_the_older_results_and_bad_regex_says_why(qtbot, store, tmp_path):
    window, _tid = make_window(qtbot, store, tmp_path)
    panel = window.search_panel
    panel.pattern.setText("caller")
    panel.run()
    panel.pattern.setText("Ukraine")
    panel.run()
    qtbot.waitUntil(lambda: not panel.searching, timeout=5000)
    assert len(_hits(panel)) == 1 and len(_hits(panel)[0][1]) == 1
    assert "Ukraine" in panel.model.item(0).child(0).text()
    panel.regex.setChecked(True)
    panel.pattern.setText("(unclosed")
    panel.run()
    qtbot.waitUntil(lambda: not panel.searching, timeout=5000)
    assert "regular expression" in panel.status.text() and panel.model.rowCount() == 0
    panel.pattern.setText("")
    panel.run()
    assert panel.status.text() == "" and panel.model.rowCount() == 0


def test_the_first_keystroke_searches_at_once_and_the_last_one_a_moment_later(qtbot, store, tmp_path):
    window, _tid = make_window(qtbot, store, tmp_path)
    panel = window.search_panel
    panel.pattern.setText("U")  # the first keystroke: no typing pause to wait for
    assert panel.searching
    first = panel._generation
    panel.pattern.setText("Uk")  # typing goes on: the text as it is when the typing pause runs out
    panel.pattern.setText("Ukraine")
    assert panel._generation == first
    qtbot.waitUntil(lambda: panel._generation > first and not panel.searching, timeout=5000)
    assert panel._generation == first + 1  # one more search, with the last text
    assert len(_hits(panel)) == 1 and "Ukraine" in panel.model.item(0).child(0).text()


def test_the_english_ui_counts_one_match_and_two_matches(qtbot, store, qapp, tmp_path):
    """English says "1 match" and "2 matches" (plural forms from plurals_en.qm), not "match(es)"."""
    from gui.window.i18n import install_translators

    make_transcript(store, [("OFFICIAL", [("Nikkei Asia asked first.", "日経アジアが最初に質問した。")])],
                    title="Other call")
    install_translators(qapp, "en")
    window, _tid = make_window(qtbot, store, tmp_path)
    panel = window.search_panel
    panel.pattern.setText("Nikkei Asia")
    qtbot.waitUntil(lambda: not panel.searching and panel.model.rowCount() == 2, timeout=5000)
    assert panel.status.text() == "2 matches"
    panel.pattern.setText("asked first")
    qtbot.waitUntil(lambda: not panel.searching and panel.model.rowCount() == 1, timeout=5000)
    assert panel.status.text() == "1 match"


def test_the_search_thread_steps_aside_for_the_window(qtbot, store, tmp_path, monkeypatch):
    import gc

    import gui.search_panel as search_panel
    from gui.window import activity

    window, _tid = make_window(qtbot, store, tmp_path)
    panel = window.search_panel
    seen: list[tuple[bool, bool]] = []
    paced: list[str] = []
    real = search_panel.search

    def spy(*args, **kwargs):
        # the GIL handed back to the window quickly, and no collection walking what start-up made
        seen.append((sys.getswitchinterval() < 0.005, gc.isenabled()))
        return real(*args, **kwargs)

    def spy_pace(*args, **kwargs):
        paced.append(threading.current_thread().name)  # each chunk begins when the window waits for events
        return activity.pace(*args, **kwargs)

    monkeypatch.setattr(search_panel, "search", spy)
    monkeypatch.setattr(search_panel, "pace", spy_pace, raising=False)
    panel.pattern.setText("Ukraine")
    panel.run()
    qtbot.waitUntil(lambda: not panel.searching, timeout=5000)
    assert seen and all(s == (True, False) for s in seen)
    assert len(paced) >= len(seen) and set(paced) == {"taiyaku-search"}
