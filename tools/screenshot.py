"""Render the main window on the bundled sample to docs/screenshot.png (and a dark variant).

    python tools/screenshot.py [--dark] [--lang ja] [--switch-to en] [--out docs/screenshot.png]

Runs offscreen in a temporary database and settings file; nothing of the
user's is touched. Japanese glyphs need a CJK font (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def dark_palette():  # type: ignore[no-untyped-def]
    """The app's dark palette (Preferences > Appearance > Dark)."""
    from gui.window.theme import dark_palette as palette

    return palette()


def default_out(dark: bool, lang: str) -> Path:
    """docs/screenshot[-ja][-dark].png: one file per UI language and palette, never another's."""
    name = "screenshot" + ("-ja" if lang == "ja" else "") + ("-dark" if dark else "")
    return ROOT / "docs" / f"{name}.png"


def settle(app, window=None, seconds: float = 1.5) -> None:  # type: ignore[no-untyped-def]
    """Let the window finish what follows its first paint (icons, review counts, the recording's
    peaks, read by threads) before the picture is taken: a grab at once shows a bare toolbar.
    Events for at least ``seconds``; with a ``window``, also until its icons (and peaks) are in."""
    import time

    deadline, end = time.monotonic() + 15, time.monotonic() + seconds
    audio = window.features.get("audio") if window is not None else None
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
        peaks = audio is None or audio.recording is None or audio.player.waveform.peaks is not None
        if time.monotonic() >= end and (window is None or window.registry.icons_loaded) and peaks:
            break
    app.processEvents()


def main(argv: list[str] | None = None) -> int:
    """Render the screenshot; returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--lang", default="en", choices=("en", "ja"), help="UI language")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--row", type=int, default=None, help="row to select (default: a turn with a gap)")
    parser.add_argument("--switch-to", choices=("en", "ja"), default=None,
                        help="then switch the UI language while running (the window is rebuilt) and render that")
    args = parser.parse_args(argv)
    out = args.out or default_out(args.dark, args.switch_to or args.lang)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["taiyaku"])
    app.setStyle("Fusion")
    if args.dark:
        app.setPalette(dark_palette())
    from gui.window.context import AppContext
    from gui.window.i18n import install_translators
    from gui.window.main_window import MainWindow
    from model.samples import ensure_sample
    from model.store import Store

    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "shot.sqlite3", annotator="Aiko Tanaka")
        tid = ensure_sample(store)
        ctx = AppContext(store)
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue("ui/language", args.lang)  # features read the choice from the settings
        settings.setValue("annotator/name", "Aiko Tanaka")
        window = MainWindow(ctx, settings)
        window.resize(1500, 940)
        window.open_initial(tid)
        window.show()
        app.processEvents()
        model = window.transcript_model
        row = args.row
        if row is None:  # a segment with a gap in both languages shows the most
            row = next((r for r in range(model.rowCount()) if (s := model.segment(r)) and
                        {g.lang for g in s.gaps} == {"en", "ja"}), 0)
        window.panes.pane("en").setFocus()
        window.panes.go_row(row)
        top = max(0, row - 2)
        window.panes.pane("en").verticalScrollBar().setValue(top)
        settle(app, window)
        if args.switch_to:
            from gui.window.language_switch import switch_language

            settings.setValue("ui/language", args.switch_to)
            window = switch_language(window, args.switch_to)
            settle(app, window)
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        window.close()
        ctx.bridge.detach()
        store.close()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
