"""The Japanese UI speaks Japanese: a walk over every widget of the main window finds no English
(labels, buttons, tooltips, placeholders, headers, tabs, docks, menus), apart from the transcript's
own text and names that stay as they are (key names, file formats, the language's own name)."""

from __future__ import annotations

import re

import pytest
from gui_helpers import BRIEFING, make_window
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTextEdit,
    QWidget,
)

WORD = re.compile(r"[A-Za-z]{3,}")
# Words that are not English prose: key names, formats, product and language names.
ALLOWED = {"Ctrl", "Shift", "Alt", "Enter", "Return", "Esc", "Tab", "Home", "End", "Backspace", "Space", "Del",
           "Delete", "PgUp", "PgDown", "Meta", "Taiyaku", "JSON", "HTML", "TMX", "CSV", "DOCX", "Markdown",
           "Word", "SQLite", "PostgreSQL", "sqlite", "Qt", "Ins", "Up", "Down", "Left", "Right", "Page", "Undo",
           "Redo", "inaudible", "Arial"}


@pytest.fixture
def japanese(qapp):
    from gui.window.i18n import install_translators

    assert install_translators(qapp, "ja") == "ja"
    yield
    install_translators(qapp, "en")


def _transcript_words(window) -> set[str]:  # type: ignore[no-untyped-def]
    # The transcript's title, the database's path, the annotator's name: the user's words.
    words: set[str] = set(WORD.findall(f"Test briefing {window.ctx.store.path} {window.ctx.store.annotator_name}"))
    for label, segments in BRIEFING:
        words |= set(WORD.findall(label or ""))
        for en, ja in segments:
            words |= set(WORD.findall(en or "")) | set(WORD.findall(ja or ""))
    return words


def _pending_sources() -> list[str]:
    """Strings that go through Qt's translation but whose Japanese is not written yet (another test,
    tests/gui/test_gui_i18n.py, asks for those): this walk looks for English that bypasses translation."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    out = []
    for ts in (Path(__file__).resolve().parents[2] / "resources" / "i18n").glob("*_ja.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            if translation is not None and (translation.get("type") == "unfinished" or not translation.text):
                out.append((message.findtext("source") or "").replace("&", ""))
    return [s for s in out if s]


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    out = [("tooltip", widget.toolTip()), ("whatsthis", widget.whatsThis())]
    if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
        out.append(("label", widget.text()))
    if isinstance(widget, QAbstractButton):
        out.append(("button", widget.text()))
    if isinstance(widget, QLineEdit):
        out.append(("placeholder", widget.placeholderText()))
    if isinstance(widget, QTextEdit):
        out.append(("placeholder", widget.placeholderText()))
        out.append(("text", widget.toPlainText()))
    if isinstance(widget, QComboBox):
        out.extend(("combo item", widget.itemText(i)) for i in range(widget.count()))
    if isinstance(widget, QTabWidget):
        out.extend(("tab", widget.tabText(i)) for i in range(widget.count()))
    if isinstance(widget, QDockWidget):
        out.append(("dock", widget.windowTitle()))
    if isinstance(widget, QMenu):
        out.append(("menu", widget.title()))
        for action in widget.actions():
            out.extend((("action", action.text()), ("action tip", action.toolTip()),
                        ("action status", action.statusTip())))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a model of Qt's own that hides it
            columns = 0
        for section in range(columns):
            out.append(("header", str(model.headerData(section, Qt.Orientation.Horizontal) or "")))
    return out


def test_the_japanese_main_window_has_no_english_text(qtbot, store, tmp_path, japanese):
    from model.schema import Speaker, Turn

    window, tid = make_window(qtbot, store, tmp_path, turns=BRIEFING + [("OPERATOR", [("Thank you.", None)])])
    model = window.transcript_model
    with store.operation("A speaker with no label") as op:  # e.g. split off a turn of the unlabelled start
        sp = Speaker(transcript_id=tid, role="unknown", position=9)
        op.session.add(sp)
        op.session.flush()
        op.session.get(Turn, model.turn(0).id).speaker_id = sp.id
    qtbot.waitUntil(lambda: model.speaker(model.turn(0)) is not None)
    window.panes.go_row(model.rowCount() - 1)  # untranslated: the details say which language is missing
    qtbot.wait(20)
    texts = [window.details.segment.toPlainText()]
    window.panes.go_row(1)  # gaps in both languages: the details name the languages
    qtbot.wait(20)
    texts.append(window.details.segment.toPlainText())
    window.panes.go_row(0)  # the speaker without a label: named as unknown in the details
    qtbot.wait(20)
    allowed = ALLOWED | _transcript_words(window)
    pending = _pending_sources()
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if isinstance(widget, QMenu) or widget.isVisibleTo(window) or isinstance(widget, QDockWidget):
            if widget.objectName() == "status_database":  # a path: the user's own words
                continue
            for kind, text in _texts(widget):
                english = [w for w in WORD.findall(text) if w not in allowed]
                if english and not any(p in text.replace("&", "") for p in pending):
                    found.append((type(widget).__name__, widget.objectName(), kind, text))
    for text in texts:
        english = [w for w in WORD.findall(text) if w not in allowed]
        if english:
            found.append(("details", "", "text", text))
    window.ctx.undo_stack.clear()
    assert found == [], "\n".join(map(repr, found))
