"""File > Export…: export one or several transcripts in any registered format.

The dialog offers the options of ``model.export.ExportOptions``, previews the
first page of the open (or first chosen) transcript as it will come out (text
and Markdown as plain text, HTML and Word in a QTextBrowser that follows no
link and loads nothing), shows a progress bar while a long transcript is
written, and writes every file atomically (``model.export.write_atomic``).
A failure is one line in a message box; nothing half-written is left behind.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt

from gui.lazy_import import lazy_module
from model.errors import TaiyakuError
from model.readmodel import TranscriptView

# model.export (with the importer's patterns) is imported when the dialog is used, not at the window's start.

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QDialog

    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow

# The dialog itself (gui.export_form): imported when File > Export… is chosen. Its Qt widget classes
# (message box, button box, file dialog…) build their enum types as they are first imported: tens of
# milliseconds the window's first paint used to wait for.
# (Typed as Any, not imported for type checkers: gui.export_form imports this module's helpers.)
export_form: Any = lazy_module("gui.export_form")

log = logging.getLogger(__name__)
PREVIEW_SEGMENTS = 30  # the "first page"
PREVIEW_CHARS = 12_000
FULL_PREVIEW_LIMIT = 3_000  # JSON and the report are previewed only for transcripts up to this size
LAYOUT_FORMATS = ("md", "html", "docx")


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a string of the export feature (context ``Export``); ``n`` fills ``%n``."""
    return QCoreApplication.translate("Export", text, disambiguation, n)


def format_names() -> dict[str, str]:
    """Format key -> name shown in the dialog, in the order offered."""
    return {"html": tr("Web page (HTML)"), "docx": tr("Word document (.docx)"), "md": tr("Markdown"),
            "txt": tr("Plain text (source layout)"), "tmx": tr("Translation memory (TMX)"),
            "json": tr("JSON (everything)"), "report": tr("Change report"),
            "srt": tr("Subtitles (SRT)"), "vtt": tr("Subtitles (WebVTT)")}


_STYLE_BLOCK = re.compile(r"<style>.*?</style>", re.S)
QT_PREVIEW_CSS = """
body { color: #1d2330; }
h1 { font-size: 15pt; font-weight: 700; margin-bottom: 4px; }
p.meta, p.legend { color: #5d6677; margin: 2px 0; }
p.speaker { font-size: 8pt; color: #2f5d9e; font-weight: 700; margin-top: 12px; margin-bottom: 3px; }
span.time { color: #5d6677; font-weight: 400; }
p { margin: 0 0 5px 0; }
p.tr { color: #3a4252; margin-left: 14px; }
span.gap { background-color: #eef0f4; color: #5d6677; font-style: italic; }
span.filled { background-color: #e5f3e8; color: #1e6b34; text-decoration: underline; }
aside.flag, div.reply { background-color: #fff6e0; color: #6b4e12; font-size: 9pt; margin-left: 14px; }
span.what { font-weight: 700; }
th { color: #5d6677; font-size: 8pt; text-align: left; border-bottom: 2px solid #1d2330; }
td { padding: 4px; vertical-align: top; border-bottom: 1px solid #dfe3ea; }
td.who { color: #2f5d9e; font-size: 8pt; font-weight: 700; }
footer { color: #5d6677; font-size: 8pt; }
"""


class ExportCancelled(TaiyakuError):
    """The user stopped an export; no file was written for the transcript in progress."""


def documents_folder() -> Path:
    """The user's documents folder (home when the system names none that exists)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def start_folder(settings: QSettings) -> Path:
    """Where the save dialog opens: the last folder used, else the default export folder of the
    Preferences, else the documents folder. A folder that is gone is skipped: the dialog would
    otherwise open in the program's own working folder."""
    for key in ("export/folder", "export/default_folder"):
        value = str(settings.value(key, "") or "")
        if value and Path(value).is_absolute() and Path(value).is_dir():
            return Path(value)
    return documents_folder()


def first_page(view: TranscriptView, segments: int = PREVIEW_SEGMENTS) -> TranscriptView:
    """A copy of ``view`` holding only its first ``segments`` segments (for the preview)."""
    turns = []
    left = segments
    for turn in view.turns:
        if left <= 0:
            break
        turns.append(dataclasses.replace(turn, segments=turn.segments[:left]))
        left -= len(turn.segments)
    return dataclasses.replace(view, turns=turns)


class ExportCommand:
    """File > Export…: opens the export dialog; the last one opened is ``dialog``."""

    def __init__(self, window: FeatureWindow, ctx: AppContext) -> None:
        self.window = window
        self.ctx = ctx
        self.dialog: QDialog | None = None

    def show(self) -> QDialog:
        """Open a new export dialog (deleted when it closes)."""
        dialog: QDialog = export_form.ExportDialog(self.ctx, self.window.settings, self.window.widget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog


def install(window: FeatureWindow, ctx: AppContext) -> ExportCommand:
    """Add File > Export… (Ctrl+E) to the main window."""
    command = ExportCommand(window, ctx)
    window.registry.add("export", tr("&Export…"), command.show, menu="file", shortcut="Ctrl+E",
                        icon_name="mdi6.file-export-outline", toolbar=True,
                        tip=tr("Export transcripts as text, Markdown, HTML, Word, JSON, TMX or a change report"))
    # Keep File > Export next to File > Import.
    file_menu = window.registry.menu("file")
    export_action = window.registry.items["export"].action
    import_item = window.registry.items.get("import")
    actions = file_menu.actions()
    if import_item is not None and import_item.action in actions:
        after = actions.index(import_item.action) + 1
        if after < len(actions) and actions[after] is not export_action:
            file_menu.removeAction(export_action)
            file_menu.insertAction(file_menu.actions()[after], export_action)
    return command

