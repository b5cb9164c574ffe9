"""Render the annotation views on the bundled sample: the changes view and the speakers panel.

Writes ``docs/annotate-changes.png`` and ``docs/annotate-speakers.png`` (offscreen).
Run: ``python tools/annotate_screenshots.py``
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow
    from model.importer import import_file
    from model.ops.corrections import edit_text
    from model.ops.gaps import fill_gap
    from model.ops.speakers import rename_speaker, set_speaker_details
    from model.readmodel import load_transcript
    from model.resources import bundled_sample_path
    from model.store import Store

    tmp = Path(tempfile.mkdtemp())
    store = Store.open(tmp / "shots.sqlite3", annotator="Aiko Tanaka")
    tid = import_file(store, bundled_sample_path())
    view = load_transcript(store, tid)
    segs = [s for _t, s in view.segments() if s.en and s.ja]
    # A few believable corrections, so the changes view has something to show.
    for seg in segs[1:4]:
        en = seg.en.replace("for the first time since", "for the first time in decades, since", 1) \
            .replace("Thank you.", "Thank you very much.", 1).replace("both", "the two", 1)
        edit_text(store, seg.id, "en", en, category="style")
        edit_text(store, seg.id, "ja", seg.ja.replace("。", "です。", 1) if seg.ja.endswith("。") else seg.ja + "。")
    gap_seg = next((s for _t, s in view.segments() if s.gaps), None)
    if gap_seg is not None:
        fill_gap(store, gap_seg.gaps[0].id, "Brennmouth", "best_guess")
    speakers = sorted(view.speakers.values(), key=lambda s: s.position)
    if speakers:
        rename_speaker(store, speakers[0].id, "Keiko Morrow")
        set_speaker_details(store, speakers[0].id, role="moderator", affiliation="Ministry press office",
                            label_ja="司会")
    from model.ops.speakers import accept_suggestion, list_suggestions

    first = next((s for s in list_suggestions(store, tid) if s.name), None)
    if first is not None:
        accept_suggestion(store, first.id)
    ctx = AppContext(store)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", "Aiko Tanaka")
    window = MainWindow(ctx, settings)
    window.resize(1500, 900)
    window.open_initial(tid)
    window.show()
    feature = window.annotate  # type: ignore[attr-defined]
    feature.set_mode("changes")
    window.panes.select_segment(segs[1].id, "en")
    for _ in range(5):
        app.processEvents()
    out = ROOT / "docs"
    out.mkdir(exist_ok=True)
    window.grab().save(str(out / "annotate-changes.png"))
    feature.show_speakers()
    for _ in range(5):
        app.processEvents()
    feature.speakers_panel.grab().save(str(out / "annotate-speakers.png"))
    print(f"wrote {out / 'annotate-changes.png'} and {out / 'annotate-speakers.png'}")
    ctx.undo_stack.clear()
    window.close()
    store.close()


if __name__ == "__main__":
    main()
