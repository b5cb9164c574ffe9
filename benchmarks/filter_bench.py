"""Pane filter and F9 on a large transcript: how long folding rows away takes, and finding the next gap.

Run: ``python benchmarks/filter_bench.py [--segments N]``. Builds the transcript of
``window_bench`` (every segment has an open gap, a fifth are untranslated), opens the window
offscreen, then times each filter, "all rows" again, and F9. Prints the figures and the
peak memory (the machine may be shared: compare runs on the same machine).
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from benchmarks.memory import peak_mb  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    """Build, open, time; print one line per measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    args = parser.parse_args()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from window_bench import build

    app = QApplication.instance() or QApplication(["bench"])
    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow
    from model.skeleton import transcript_ids
    from model.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        build(db, args.segments)
        store = Store.open(db, annotator="bench")
        ctx = AppContext(store)
        window = MainWindow(ctx, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 900)
        window.open_initial(transcript_ids(store)[0])
        window.show()
        app.processEvents()
        extras = window.features["extras"]
        for kind in ("untranslated", "open_gaps", "unapproved", "flagged", "corrected", "commented", ""):
            t0 = time.perf_counter()
            extras.filter.set_kind(kind)
            app.processEvents()
            took = time.perf_counter() - t0
            print(f"filter {kind or 'all rows':<13} {took:6.3f} s  ({extras.filter.shown} rows shown)")
        window.panes.go_row(args.segments // 2)
        t0 = time.perf_counter()
        for _ in range(10):
            extras.filter.next_gap()
        print(f"F9 (next open gap)    {(time.perf_counter() - t0) / 10:6.3f} s each")
        print(f"peak memory {peak_mb():.0f} MB")
        window.close()
        ctx.bridge.detach()
        store.close()


if __name__ == "__main__":
    main()
