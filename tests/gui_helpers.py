"""Builders for GUI tests: a window on a store with a small, real-looking transcript."""

from __future__ import annotations

from pathlib import Path

from helpers import make_transcript
from PySide6.QtCore import QSettings

from model.store import Store

BRIEFING = [
    (None, [("So, look, I think it's fair to say that our Japanese partners have taken substantial steps.", None)]),
    ("SENIOR ADMINISTRATION OFFICIAL", [
        ("Thanks. The U.S. and Japan have carefully honed public (inaudible) on Taiwan.",
         "ありがとうございます。米国と日本は台湾に関する公的な(聞き取れない)ことを慎重に磨いてきました。"),
        ("And we expect you'll see language that's quite similar on this visit.",
         "今回の訪問では、非常によく似た言葉が見られることを期待しています。"),
    ]),
    ("OPERATOR", [("Moving to the next caller. Ken Moriyasu from Nikkei Asia.",
                   "次の質問者に移ります。日経アジアのケン・モリヤスさん。"),
                  ("Please go ahead.", None)]),
    ("Q", [("What is your expectation of the engagement in places like Ukraine and Gaza?",
            "ウクライナやガザ地区のような場所での関与について、どのような期待をお持ちですか。")]),
]


def long_briefing(turns: int) -> list:
    """Many turns alternating two speakers, two segments each (for scrolling tests)."""
    out = []
    for n in range(turns):
        label = "MODERATOR" if n % 2 else "SENIOR ADMINISTRATION OFFICIAL"
        out.append((label, [(f"Turn {n + 1} first paragraph, long enough to wrap a little in a pane. " * 2,
                             f"第{n + 1}ターンの最初の段落です。"),
                            (f"Turn {n + 1} second paragraph.", None)]))
    return out


def make_window(qtbot, store: Store, tmp_path: Path, turns=None, title: str = "Test briefing",  # type: ignore[no-untyped-def]
                closed_by_qtbot: bool = True):
    """A shown MainWindow on a fresh transcript; returns (window, transcript id).

    ``closed_by_qtbot=False``: the test deletes the window itself.
    """
    from gui.window.context import AppContext
    from gui.window.language_switch import follow_language
    from gui.window.main_window import MainWindow

    tid = make_transcript(store, turns or BRIEFING, title=title)
    ctx = AppContext(store)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ctx, settings)
    follow_language(window)  # as gui.app.run does: Preferences > language rebuilds the window
    if closed_by_qtbot:
        qtbot.addWidget(window)
    window.resize(1200, 800)
    window.open_initial(tid)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.library_model.rowCount() > 0)
    return window, tid
