"""The Japanese UI: translations load and actions show Japanese text; every string of the window is translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from gui_helpers import make_window
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "taiyaku_ja.ts"
WINDOW_CONTEXTS = {"App", "BilingualPanes", "DetailsArea", "ImportFlow", "LibraryModel", "MainWindow",
                   "PreferencesDialog", "Roles", "RowMetrics", "SegmentDelegate", "SegmentDetails",
                   "ShortcutsDialog", "TranscriptModel"}


@pytest.fixture
def japanese(qapp):
    from gui.window.i18n import install_translators

    assert install_translators(qapp, "ja") == "ja"
    yield
    install_translators(qapp, "en")


def test_japanese_ui_shows_translated_actions(qtbot, store, tmp_path, japanese):
    window, _ = make_window(qtbot, store, tmp_path)
    assert window.registry.get("import").text() == "取り込み(&I)…"
    assert window.registry.menus["go"].title() == "移動(&G)"
    assert "Ctrl+G" in window.registry.get("goto_turn").toolTip()
    assert window.saved_label.text().endswith("すべての変更を保存済み")
    assert window.panes.titles["en"].text() == "英語"
    from gui.window.theme import role_name

    assert role_name("journalist") == "記者"


def test_qt_own_strings_are_japanese_too(qtbot, japanese):
    # Qt's own dialogs (e.g. standard buttons) come from qtbase_ja.qm in the PySide6 wheel.
    assert QApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"


def test_every_window_string_has_a_japanese_translation():
    root = ET.parse(TS).getroot()
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name")
        if name not in WINDOW_CONTEXTS:
            continue
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
                missing.append((name, message.findtext("source")))
    assert missing == []


def test_english_is_the_fallback(qapp):
    from gui.window.i18n import resolve_language

    assert resolve_language("en") == "en"
    assert resolve_language("ja") == "ja"
    assert resolve_language("system") in ("en", "ja")


@pytest.mark.parametrize("catalog", ["annotate", "review", "export"])
def test_every_feature_string_has_a_japanese_translation(catalog):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "tools" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    translations = module.read_ts(module.I18N / f"{catalog}_ja.ts")
    strings = module.source_strings(catalog)
    assert strings
    assert [(c, s) for c, s, _p in strings if not module.is_finished(translations.get((c, s)))] == []
