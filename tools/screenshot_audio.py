"""Render the window with the bundled sample's recording synced to docs/screenshot-audio.png.

    python tools/screenshot_audio.py [--lang ja] [--out docs/screenshot-audio.png] [--dock PATH]

Runs offscreen in a temporary database, settings file and cache folder; nothing of the
user's is touched. The sample's Ogg recording is decoded by Qt (as the window does), synced
with ``model.audio.align``, and a segment with a gap is selected with the playhead in it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    """Render the screenshot(s); returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=("en", "ja"), help="UI language")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot-audio.png")
    parser.add_argument("--dock", type=Path, default=None, help="also save the Recording dock alone here")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="taiyaku-shot-"))
    os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["taiyaku"])
    app.setStyle("Fusion")
    from gui.audio.waveform import QtPcm
    from gui.window.context import AppContext
    from gui.window.i18n import install_translators
    from gui.window.main_window import MainWindow
    from model.audio import ops
    from model.audio.align import align
    from model.samples import ensure_sample
    from model.store import Store

    def wait_for(done, seconds: float) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while not done() and time.monotonic() < end:
            app.processEvents()

    install_translators(app, args.lang)
    store = Store.open(tmp / "shot.sqlite3", annotator="Aiko Tanaka")
    tid = ensure_sample(store)
    rec = ops.recording_of(store, tid)
    assert rec is not None
    decoded: list[object] = []
    pcm = QtPcm()
    pcm.done.connect(decoded.append)
    pcm.start(rec.path)
    wait_for(lambda: decoded, 120)
    ops.apply_alignment(store, tid, align(decoded[0], ops.paragraphs_to_align(store, tid)))  # type: ignore[arg-type]
    ctx = AppContext(store)
    settings = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", args.lang)
    settings.setValue("annotator/name", "Aiko Tanaka")
    window = MainWindow(ctx, settings)
    window.resize(1500, 940)
    window.open_initial(tid)
    window.show()
    audio = window.features["audio"]
    wait_for(lambda: audio.player.waveform.peaks is not None, 60)
    model = window.transcript_model
    row = next((r for r in range(model.rowCount()) if (s := model.segment(r)) and
                {g.lang for g in s.gaps} == {"en", "ja"}), 0)
    window.panes.pane("en").setFocus()
    window.panes.go_row(row)
    wait_for(lambda: False, 0.3)
    current = audio._current()
    if current is not None:
        audio.player.seek(current.start_ms + 2500)
    wait_for(lambda: False, 1.0)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.out))
    if args.dock is not None:
        audio.dock.grab().save(str(args.dock))
    window.close()
    ctx.bridge.detach()
    store.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
