"""The library at scale: a filter and a sort order above the list, and a context menu to open,
rename or delete a transcript.

Renaming is one store operation (undoable with Edit > Undo when the transcript is on screen).
Deleting asks first, then writes the transcript's JSON export (the full truth) into the
backups folder and names the file, then deletes it in one journaled step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.models.library_model import TranscriptIdRole
from model.errors import TaiyakuError

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a string of the library tools (context ``Library``)."""
    return QCoreApplication.translate("Library", text, disambiguation, n)


def backup_folder() -> Path:
    """Where the copies of deleted transcripts go: ``deleted transcripts`` in the backup folder
    (``model.backup``; its rolling database copies are kept apart, in a folder per database)."""
    from model.backup import backup_root

    return backup_root() / "deleted transcripts"


class LibraryTools(QWidget):
    """Filter and sort above the library list; its context menu; rename and delete."""

    def __init__(self, window: MainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.setObjectName("library_panel")
        self.window_ = window
        self.ctx = ctx
        self.view = window.library_view
        self.model = window.library_model
        self.backups = backup_folder()
        self.last_backup: Path | None = None
        # Other features add entries to a transcript's menu (gui.work: the steps of its work).
        self.menu_extensions: list[Callable[[QMenu, int], None]] = []
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(tr("Filter by title…"))
        self.filter.setClearButtonEnabled(True)
        self.sort = QComboBox(self)
        for key, text in (("imported", tr("Imported")), ("title", tr("Title")), ("date", tr("Date")),
                          ("progress", tr("Progress"))):
            self.sort.addItem(text, key)
        self.sort.setToolTip(tr("Sort the library"))
        self.order = QToolButton(self)
        self.order.setCheckable(True)
        self.order.setText("↓")
        self.order.setToolTip(tr("Reverse the order"))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.sort)
        top.addWidget(self.order)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.filter.textChanged.connect(self._apply)
        self.sort.currentIndexChanged.connect(self._apply)
        self.order.toggled.connect(self._apply)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        settings = window.settings
        self.sort.setCurrentIndex(max(0, self.sort.findData(settings.value("library/sort", "imported"))))
        self.order.setChecked(str(settings.value("library/descending", "false")).lower() == "true")

    def _apply(self, *_: object) -> None:
        self.order.setText("↑" if self.order.isChecked() else "↓")
        self.model.set_view(self.filter.text(), self.sort.currentData(), self.order.isChecked())
        self.view.show_transcript(self.ctx.transcript_id)
        self.window_.settings.setValue("library/sort", self.sort.currentData())
        self.window_.settings.setValue("library/descending", self.order.isChecked())

    # -- the context menu ---------------------------------------------------------------------
    def _menu(self, at: QPoint) -> None:
        index = self.view.indexAt(at)
        tid = index.siblingAtColumn(0).data(TranscriptIdRole) if index.isValid() else None
        if tid is None:
            return
        menu = self.context_menu(int(tid))
        menu.exec(self.view.viewport().mapToGlobal(at))

    def context_menu(self, transcript_id: int) -> QMenu:
        """The menu of one transcript: open, rename, delete."""
        menu = QMenu(self)
        menu.addAction(tr("&Open"), lambda: self.ctx.set_transcript(transcript_id))
        menu.addAction(tr("&Rename…"), lambda: self.ask_rename(transcript_id))
        menu.addSeparator()
        menu.addAction(tr("&Delete…"), lambda: self.ask_delete(transcript_id))
        for extend in self.menu_extensions:
            extend(menu, transcript_id)
        return menu

    def _title(self, transcript_id: int) -> str:
        return next((r.title for r in self.model.all_rows if r.id == transcript_id), str(transcript_id))

    # -- rename -------------------------------------------------------------------------------
    def ask_rename(self, transcript_id: int) -> None:
        """Ask for a new title, then rename."""
        title, ok = QInputDialog.getText(self, tr("Rename transcript"), tr("Title:"),
                                         QLineEdit.EchoMode.Normal, self._title(transcript_id))
        if ok:
            self.rename(transcript_id, title)

    def rename(self, transcript_id: int, title: str) -> None:
        """Rename: one undo step when the transcript is on screen (undo only touches what is shown)."""
        from model.ops.transcripts import rename_transcript

        if " ".join(title.split()) == self._title(transcript_id):
            return  # nothing to change: no empty undo step
        if transcript_id == self.ctx.transcript_id:
            self.ctx.run(tr("Rename transcript"),
                         lambda: rename_transcript(self.ctx.store, transcript_id, title) or 0)
        else:
            try:
                rename_transcript(self.ctx.store, transcript_id, title)
            except TaiyakuError as exc:
                self.ctx.report_error(str(exc))
        self.model.reload()
        if transcript_id == self.ctx.transcript_id:
            self.window_.setWindowTitle(f"{self._title(transcript_id)} — Taiyaku")

    # -- delete -------------------------------------------------------------------------------
    def ask_delete(self, transcript_id: int) -> None:
        """Ask whether to delete (naming what and where its copy goes), then delete."""
        title = self._title(transcript_id)
        size = next((r.segments for r in self.model.all_rows if r.id == transcript_id), 0)
        answer = QMessageBox.question(
            self, tr("Delete transcript"),
            tr("Delete “{title}” ({n} segments) with all its corrections, gaps and flags?\n\n"
               "A complete copy (JSON) is saved first in {folder}.").format(title=title, n=size, folder=self.backups),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(transcript_id)

    def delete(self, transcript_id: int) -> Path | None:
        """Save a JSON copy, then delete the transcript in one step; another one opens if it was on screen.

        Returns the copy's path (None if nothing was deleted: the error is reported).
        """
        from model.ops.transcripts import backup_before_delete, delete_transcript

        title = self._title(transcript_id)
        try:
            copy = backup_before_delete(self.ctx.store, transcript_id, self.backups)
            on_screen = transcript_id == self.ctx.transcript_id
            if on_screen:
                self.ctx.set_transcript(None)
                self.ctx.undo_stack.clear()  # its steps were about the transcript that goes
            delete_transcript(self.ctx.store, transcript_id)
        except (TaiyakuError, OSError) as exc:
            self.ctx.report_error(str(exc))
            return None
        self.last_backup = copy
        self.model.reload()
        if self.ctx.transcript_id is None and self.model.rows:
            self.ctx.set_transcript(self.model.rows[0].id)
        self.ctx.statusMessage.emit(tr("Deleted “{title}”; a copy is in {path}").format(title=title, path=copy))
        return copy


def install(window: MainWindow, ctx: AppContext) -> None:
    """Put the filter and sort above the library list and give it a context menu."""
    tools = LibraryTools(window, ctx)
    window.library_tools = tools  # type: ignore[attr-defined]
    window.library_dock.setWidget(tools)
