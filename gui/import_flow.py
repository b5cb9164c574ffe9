"""Importing transcript files from the window: File > Import…, drag and drop, progress, refusals."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from model.errors import TaiyakuError

if TYPE_CHECKING:  # pragma: no cover
    from gui.features import FeatureWindow

log = logging.getLogger(__name__)
PROGRESS_AFTER_BYTES = 256 * 1024  # smaller files import faster than a dialog could appear


class ImportFlow(QObject):
    """Runs the importer for the window and reports progress and refusals."""

    def __init__(self, window: FeatureWindow) -> None:
        super().__init__(window.widget())
        self.window = window
        self.ctx = window.ctx

    def choose_and_import(self) -> list[int]:
        """Ask for files and import them; returns the new transcript ids."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self.window.widget(), self.tr("Import transcripts"), str(self.window.settings.value("import/dir", "")),
            self.tr("Transcripts (*.txt *.text);;All files (*)"))
        if paths:
            self.window.settings.setValue("import/dir", str(Path(paths[0]).parent))
        return self.import_paths(paths)

    def import_paths(self, paths: Iterable[str | Path]) -> list[int]:
        """Import each file in turn, opening the last one imported; refusals are shown one by one."""
        ids = [tid for tid in (self.import_path(Path(p)) for p in paths) if tid is not None]
        if ids:
            self.window.library_model.reload()
            self.ctx.set_transcript(ids[-1])
        return ids

    def import_path(self, path: Path) -> int | None:
        """Import one file; on refusal show the importer's one-line reason and return None."""
        try:
            from model.importer import import_file
        except ImportError:  # the importer is another feature; say so rather than crash
            self.window.show_error(self.tr("Import refused"), self.tr("The importer is not available."))
            return None
        dialog: QProgressDialog | None = None
        try:
            size = path.stat().st_size if path.exists() else 0
        except OSError:
            size = 0
        if size >= PROGRESS_AFTER_BYTES:
            label = self.tr("Importing {name}…").format(name=path.name)
            dialog = QProgressDialog(label, "", 0, 1000, self.window.widget())
            dialog.setObjectName("import_progress")
            dialog.setCancelButton(None)  # an import is one transaction: it completes or changes nothing
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setValue(0)
        last = [0.0]

        def progress(*args: float) -> None:
            if dialog is None:
                return
            if len(args) >= 2 and args[1]:
                fraction = float(args[0]) / float(args[1])
            elif args:
                fraction = float(args[0])
            else:
                return
            now = time.monotonic()
            if now - last[0] > 0.05:  # repaint at most 20 times a second
                last[0] = now
                dialog.setValue(int(1000 * max(0.0, min(1.0, fraction))))
                QApplication.processEvents()

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return import_file(self.ctx.store, path, progress=progress)
        except TaiyakuError as exc:
            QApplication.restoreOverrideCursor()
            self._close(dialog)
            dialog = None
            self.window.show_error(self.tr("Import refused"), f"{path.name}: {exc}")
            return None
        finally:
            if QApplication.overrideCursor() is not None:
                QApplication.restoreOverrideCursor()
            self._close(dialog)

    @staticmethod
    def _close(dialog: QProgressDialog | None) -> None:
        if dialog is not None:
            dialog.setValue(dialog.maximum())
            dialog.close()
            dialog.deleteLater()


def local_files(urls: Iterable[object]) -> list[str]:
    """The local file paths among dropped URLs."""
    out = []
    for url in urls:
        if hasattr(url, "isLocalFile") and url.isLocalFile():
            out.append(url.toLocalFile())  # type: ignore[attr-defined]
    return out


