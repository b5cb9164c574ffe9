"""Language switch benchmark: how long the annotator waits for the window in the new language.

Opens a big transcript (window_bench's database), selects a segment in the middle, then
switches English -> Japanese -> English (``gui.window.language_switch.switch_language``) and measures:
- the rebuild: new translators, a new window with every feature, the old one deleted;
- until the panes have painted the transcript again (``ctx.transcriptShown``).
No target is set; opening the window is the yardstick (window_bench's first paint).
The last line is machine-readable:

    switch_s=… painted_s=… segments=…

Run: ``python benchmarks/language_switch_bench.py [--segments N] [--runs 3]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    """Build the database, switch the language ``--runs`` times each way, print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from window_bench import build

    app = QApplication.instance() or QApplication(["taiyaku"])
    from gui.window.context import AppContext
    from gui.window.i18n import install_translators
    from gui.window.language_switch import switch_language
    from gui.window.main_window import MainWindow
    from model.skeleton import transcript_ids
    from model.store import Store

    def settle(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        build(db, args.segments)
        store = Store.open(db, annotator="bench")
        ctx = AppContext(store)
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        install_translators(app, "en")
        window = MainWindow(ctx, settings)
        window.resize(1500, 940)
        window.show()
        window.open_initial(transcript_ids(store)[0])
        settle(3.0)
        window.panes.go_row(window.transcript_model.rowCount() // 2)
        settle(0.5)
        switches, paints = [], []
        for lang in ["ja", "en"] * args.runs:
            shown: list[float] = []
            ctx.transcriptShown.connect(lambda _tid, shown=shown: shown.append(time.perf_counter()))
            start = time.perf_counter()
            window = switch_language(window, lang)
            switches.append(time.perf_counter() - start)
            while not shown and time.perf_counter() - start < 60:
                app.processEvents()
            paints.append(shown[0] - start if shown else float("nan"))
            print(f"-> {lang}: rebuilt in {switches[-1]:.3f} s, painted after {paints[-1]:.3f} s", flush=True)
            settle(1.0)  # let the checks of the new window run, as an annotator would
        window.close()
        ctx.bridge.detach()
        store.close()
    print(f"switch_s={statistics.median(switches):.3f} painted_s={statistics.median(paints):.3f} "
          f"segments={args.segments}")


if __name__ == "__main__":
    main()
