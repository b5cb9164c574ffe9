"""Render the review panel and the overview strip on the real press call (or the bundled sample).

    python tools/screenshot_review.py [OUT_DIR] [--lang=ja] [--size=1280x800]
                                                  (default: docs/, English UI, 1500x900)

Writes ``review-window.png`` (the window with flags, the review panel and the
strip) and ``review-panel.png`` (the panel alone). Runs offscreen.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sample_file() -> Path:
    shared = ROOT.parent / "shared" / "samples" / "press-call-2024-04-09.txt"
    for p in (shared, ROOT.parent.parent / "shared" / "samples" / "press-call-2024-04-09.txt"):
        if p.exists():
            return p
    return next((ROOT / "resources" / "samples").glob("*.txt"))


def main(out_dir: Path, lang: str = "en", size: tuple[int, int] = (1500, 900)) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow
    from model.importer import import_file
    from model.ops import flags as ops
    from model.ops.review_state import approve
    from model.readmodel import load_transcript
    from model.store import Store

    app = QApplication.instance() or QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    store = Store.open(tmp / "shot.sqlite3", annotator="Aiko Tanaka")
    tid = import_file(store, sample_file())
    segs = [s for _t, s in load_transcript(store, tid).segments()]
    approve(store, [s.id for s in segs[:9]])
    with_ja = [s for s in segs if s.ja and s.en]
    target = next((s for s in with_ja if "同盟予測" in (s.ja or "")), with_ja[-1])
    at = (target.ja or "").find("同盟予測")
    if at >= 0:
        ops.add_flag(store, target.id, "mistranslation",
                     "“alliance projection” is not **同盟予測** (forecast). Suggest *同盟の力の投射*.",
                     lang="ja", start=at, end=at + 4)
    ops.add_flag(store, with_ja[1].id, "speaker", "The Japanese label says 政府高官 but the turn is the moderator?")
    ops.add_flag(store, segs[12].id, "inaudible", "Listen again at the start: the name after *Moving to* is cut.")
    kyodo = next((s for s in segs if "Kyoto News" in (s.en or "")), segs[20])
    ops.add_flag(store, kyodo.id, "terminology", "Kyodo News, not Kyoto News — see [the style guide](https://example.org/style).")
    fid = max(f.id for f in __import__("model.review", fromlist=["list_flags"]).list_flags(store, tid).flags)
    store.set_annotator("Ken Sato")
    ops.reply_to_flag(store, fid, "Agreed — the agency is **Kyodo**.")
    ops.add_flag(store, segs[30].id, "other", "Tone: too casual for a press call?")
    f2 = max(f.id for f in __import__("model.review", fromlist=["list_flags"]).list_flags(store, tid).flags)
    ops.resolve_flag(store, f2, "Fine as is.")
    store.set_annotator("Aiko Tanaka")

    ctx = AppContext(store)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", lang)
    from gui.window.i18n import install_translators

    install_translators(app, lang)  # English too: its plural forms ("1 finding", "72 findings")
    window = MainWindow(ctx, settings)
    window.resize(*size)
    window.open_initial(tid)
    window.show()
    review = window.review  # type: ignore[attr-defined]
    for _ in range(20):
        app.processEvents()
    review.run_all_checks()
    deadline = time.monotonic() + 120
    while review.checking and time.monotonic() < deadline:  # the checks run in a thread of their own
        app.processEvents()
        time.sleep(0.01)
    review.review_dock.raise_()
    review.panel.set_filter("status", None)
    if at >= 0:
        review.go_flag(next(f for f in review.panel.model.items if f.segment_id == target.id))
    for _ in range(20):
        app.processEvents()
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "en" else f"-{lang}"
    window.grab().save(str(out_dir / f"review-window{suffix}.png"))
    review.review_dock.grab().save(str(out_dir / f"review-panel{suffix}.png"))
    review.findings_dock.raise_()
    for _ in range(5):
        app.processEvents()
    review.findings_dock.grab().save(str(out_dir / f"review-findings{suffix}.png"))
    if os.environ.get("TAIYAKU_SHOT_WINDOW_FINDINGS"):  # the whole window with the findings in front (checking)
        window.grab().save(os.environ["TAIYAKU_SHOT_WINDOW_FINDINGS"])
    print(f"wrote {out_dir / f'review-window{suffix}.png'}, review-panel{suffix}.png, review-findings{suffix}.png")
    window.close()
    store.close()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    chosen = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--lang=")), "en")
    w, h = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--size=")), "1500x900").split("x")
    main(Path(args[0]) if args else ROOT / "docs", chosen, (int(w), int(h)))
