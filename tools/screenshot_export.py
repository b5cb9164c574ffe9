"""Screenshots of the export feature: the dialog (docs/export-dialog.png) and the exported
HTML page (docs/export-page.png, docs/export-page-side.png; rendered by headless Chromium when
installed, else by Qt's QTextBrowser). Run: ``python tools/screenshot_export.py``
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def chromium_shot(html: Path, png: Path, width: int = 1100, height: int = 1400) -> bool:
    """Render ``html`` with headless Chromium; False when there is no Chromium."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        return False
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={width},{height}", f"--screenshot={png}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return png.exists()


def main() -> int:
    from export_fixture import build_export_sample
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from gui.export_dialog import ExportDialog
    from gui.window.context import AppContext
    from model.export import ExportOptions, get_exporter
    from model.importer import import_file
    from model.store import Store

    app = QApplication.instance() or QApplication([])
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "shots.sqlite3", annotator="Aiko")
        # The shared samples: $TAIYAKU_SAMPLES, else ../shared/samples (as tests/conftest.py looks).
        folder = os.environ.get("TAIYAKU_SAMPLES") or str(ROOT.parent / "shared" / "samples")
        sample = Path(folder) / "press-call-2024-04-09.txt"
        tid = import_file(store, sample) if sample.exists() else build_export_sample(store)
        build_export_sample(store, title="Background call: Japan visit (test sample)")
        ctx = AppContext(store)
        ctx.set_transcript(tid)
        dialog = ExportDialog(ctx, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        dialog.format.setCurrentIndex(dialog.format.findData("html"))
        dialog.resize(1100, 700)
        dialog.show()
        dialog.update_preview()
        app.processEvents()
        dialog.grab().save(str(docs / "export-dialog.png"))
        for layout, name in (("interleaved", "export-page"), ("side_by_side", "export-page-side")):
            page = Path(tmp) / f"{name}.html"
            page.write_text(get_exporter("html")(store, 2, ExportOptions(layout=layout)), encoding="utf-8")
            png = docs / f"{name}.png"
            if not chromium_shot(page, png):
                browser = QTextBrowser()
                browser.setOpenLinks(False)
                browser.resize(1100, 1400)
                browser.setHtml(page.read_text(encoding="utf-8"))
                browser.show()
                app.processEvents()
                browser.grab().save(str(png))
            print(f"wrote {png.relative_to(ROOT)}")
        dialog.close()
        store.close()
    print(f"wrote {(docs / 'export-dialog.png').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
