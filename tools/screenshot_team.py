"""Render the team screenshots of the docs, reproducibly and offscreen (fonts-noto-cjk for the Japanese).

    python tools/screenshot_team.py [OUT_DIR] [--lang=ja]     (default: docs/, English UI)

Writes:
- ``team-work.png``: the window on a library of five small transcripts in every assignment state
  (the README's "who works on what");
- ``checkout-dialog.png``: File > Check out for offline work…;
- ``sync-progress.png`` and ``sync-result.png``: File > Sync now in a checked-out file, half-way
  and when done (one offline edit overlaps the "server's": its text is kept for review).

Everything is built from scratch in a fixed temporary folder on every run (the "server" is a
second SQLite file: a checkout accepts one, and the pictures need no PostgreSQL server).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
from screenshot import settle  # noqa: E402  (after the paths; the same wait as the main screenshots)

# (title, English, Japanese, assignment steps: (who acts, step) after "assign to" the first name)
LIBRARY: list[tuple[str, str, str, str | None, list[tuple[str, str]]]] = [
    ("White House press call, April 9", "Question 0 about the alliance.", "同盟についての質問。", "Mika",
     [("Mika", "start")]),
    ("Foreign Ministry briefing", "Question 1 about the summit.", "首脳会談についての質問。", "Aya",
     [("Aya", "start"), ("Aya", "submit"), ("Rita", "review")]),
    ("Defence briefing", "Question 2 about the budget.", "予算についての質問。", "Ken",
     [("Ken", "start"), ("Ken", "submit"), ("Rita", "review"), ("Rita", "approve")]),
    ("Kyodo interview", "Question 3 about the visit.", "訪問についての質問。", "Aya", []),
    ("Trade talks", "Question 4 about tariffs.", "関税についての質問。", None, []),
]
WORK = Path(tempfile.gettempdir()) / "taiyaku-team-screenshots"


def build_library(path: Path) -> list[int]:
    """The five transcripts with their assignments, in a new SQLite file; their ids."""
    from model.assignment.ops import assign, transition
    from model.importer import import_file
    from model.store import Store

    store = Store.open(path, annotator="Admin")
    ids: list[int] = []
    try:
        for name in ("Mika", "Aya", "Ken", "Rita"):
            store.set_annotator(name)
            _ = store.annotator_id  # known to the library before anyone is assigned
        for title, en, ja, who, steps in LIBRARY:
            source = path.parent / f"{len(ids)}.txt"
            source.write_text(f"Q: {en}\n\nQ: {ja}\n\nA: Thank you.\n\nA: ありがとう。\n", encoding="utf-8")
            store.set_annotator("Admin")
            tid = import_file(store, source, title=title)
            ids.append(tid)
            if who is not None:
                assign(store, tid, who)
            for actor, step in steps:
                store.set_annotator(actor)
                transition(store, tid, step)
    finally:
        store.close()
    return ids


def window_on(app: Any, path: Path, tid: int, annotator: str, lang: str, size: tuple[int, int]) -> Any:
    """A shown main window on ``path`` (its own settings in the work folder)."""
    from PySide6.QtCore import QSettings

    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow
    from model.store import Store

    store = Store.open(path, annotator=annotator)
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    settings.setValue("ui/language", lang)
    window = MainWindow(AppContext(store), settings)
    window.resize(*size)
    window.open_initial(tid)
    window.show()
    settle(app, seconds=0.4)
    return window


def sync_shots(app: Any, out_dir: Path, lang: str, suffix: str) -> None:
    """A "server" file, a checkout of it with twelve offline edits (one overlapping a server edit),
    then File > Sync now: the progress dialog half-way and the result."""
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import select

    from model.ops.corrections import edit_text
    from model.schema import Segment
    from model.store import Store
    from model.sync.takeout import checkout

    server_path = WORK / "server.sqlite3"
    server = Store.open(server_path, annotator="Ken")
    try:
        from model.importer import import_file

        lines = [f"Q: Question {i} about the alliance.\n\nQ: 同盟についての質問{i}。\n" for i in range(12)]
        source = WORK / "briefing.txt"
        source.write_text("\n".join(lines), encoding="utf-8")
        tid = import_file(server, source, title="Shared briefing")
        with server.read() as s:
            segs = list(s.scalars(select(Segment.id).where(Segment.transcript_id == tid).order_by(Segment.id)))
    finally:
        server.close()
    offline_path = WORK / "offline.sqlite3"
    checkout(server_path, tid, offline_path)
    local = Store.open(offline_path, annotator="Mika")
    try:
        for i, seg in enumerate(segs):
            edit_text(local, seg, "en", f"Question {i} about the alliance, checked offline.")
    finally:
        local.close()
    server = Store.open(server_path, annotator="Ken")
    try:
        edit_text(server, segs[3], "en", "Question 3 about the alliance's future.")
    finally:
        server.close()
    window = window_on(app, offline_path, tid, "Mika", lang, (1100, 700))
    takeout = window.features["takeout"]
    shown: list[str] = []
    QMessageBox.information = lambda _p, _t, text, *a: shown.append(text)  # type: ignore[method-assign,assignment]

    def half_way(done: int, total: int) -> None:
        if done == total // 2 and takeout.progress is not None:
            takeout.progress.grab().save(str(out_dir / f"sync-progress{suffix}.png"))

    job = takeout.sync_now()
    job.progressed.connect(half_way)
    while not shown:
        app.processEvents()
    box = QMessageBox(QMessageBox.Icon.Information, "Sync now", shown[0],
                      QMessageBox.StandardButton.Ok, window)
    box.setWindowTitle(window.tr("Sync now"))
    box.show()
    settle(app, seconds=0.2)
    box.grab().save(str(out_dir / f"sync-result{suffix}.png"))
    box.close()
    window.close()
    window.ctx.store.close()


def main(out_dir: Path, lang: str = "en") -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from gui.window.i18n import install_translators

    install_translators(app, lang)  # English too: its plural forms
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "en" else f"-{lang}"
    library = WORK / "team.sqlite3"
    ids = build_library(library)
    window = window_on(app, library, ids[0], "Mika", lang, (1300, 700))
    window.resizeDocks([window.library_dock], [360], Qt.Orientation.Horizontal)
    settle(app, window, 0.5)
    window.grab().save(str(out_dir / f"team-work{suffix}.png"))
    dialog = window.features["takeout"].check_out()
    dialog.source.setText("postgresql://mika@db.example.org/taiyaku")
    dialog.transcript.setValue(ids[0])
    dialog.file.setText("/home/mika/briefing.sqlite3")
    settle(app, seconds=0.2)
    dialog.grab().save(str(out_dir / f"checkout-dialog{suffix}.png"))
    dialog.reject()
    window.close()
    window.ctx.store.close()
    sync_shots(app, out_dir, lang, suffix)
    print(f"wrote team-work{suffix}.png, checkout-dialog{suffix}.png, sync-progress{suffix}.png, "
          f"sync-result{suffix}.png in {out_dir}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    chosen = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--lang=")), "en")
    main(Path(args[0]) if args else ROOT / "docs", chosen)
