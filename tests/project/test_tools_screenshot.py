"""tools/screenshot.py writes each UI language and palette to its own file."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_japanese_screenshot_goes_to_its_own_file(qapp, tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import screenshot
    finally:
        sys.path.remove(str(ROOT / "tools"))
    from gui.window.i18n import install_translators

    monkeypatch.setattr(screenshot, "ROOT", tmp_path)
    style = qapp.style().name()
    try:
        assert screenshot.main(["--lang", "ja"]) == 0
    finally:
        install_translators(qapp, "en")
        qapp.setStyle(style)  # the tool picks Fusion for the whole app: later tests get theirs back
    written = sorted(p.name for p in (tmp_path / "docs").iterdir())
    assert written == ["screenshot-ja.png"]  # the English screenshot is not overwritten
