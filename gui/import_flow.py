"""Importing transcript files from the window: File > Import…, drag and drop, progress, refusals."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from model.errors import TaiyakuError

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.features import FeatureWindow
    from model.importer.parsed import ImportSummary  # the importer (~50 ms) loads at the first import

log = logging.getLogger(__name__)
PROGRESS_AFTER_BYTES = 256 * 1024  # smaller files import faster than a dialog could appear
TRANSCRIPT_SUFFIXES = (".txt", ".text")


class ImportFlow(QObject):
    """Runs the importer for the window and reports progress and refusals."""

    def __init__(self, window: FeatureWindow) -> None:
        super().__init__(window.widget())
        self.window = window
        self.ctx = window.ctx
        self.summary_box: QMessageBox | None = None  # the last import summary shown
        self._summaries: list[tuple[str, ImportSummary]] = []

    def choose_pair_and_import(self) -> list[int]:
        """Ask for a transcript file, then for the file holding its translation; align them as one transcript."""
        folder = str(self.window.settings.value("import/dir", "") or "")
        kinds = self.tr("Transcripts (*.txt *.text);;All files (*)")
        source, _filter = QFileDialog.getOpenFileName(self.window.widget(), self.tr("Import: the source file"), folder,
                                                      kinds)
        if not source:
            return []
        translation, _filter = QFileDialog.getOpenFileName(
            self.window.widget(), self.tr("Import: its translation"), str(Path(source).parent), kinds)
        if not translation:
            return []
        self.window.settings.setValue("import/dir", str(Path(source).parent))
        self._summaries = []
        tid = self.import_path(Path(source), translation=Path(translation))
        return self._finish([tid] if tid is not None else [])

    def choose_and_import(self) -> list[int]:
        """Ask for files and import them; returns the new transcript ids."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self.window.widget(), self.tr("Import transcripts"), str(self.window.settings.value("import/dir", "")),
            self.tr("Transcripts (*.txt *.text);;All files (*)"))
        if paths:
            self.window.settings.setValue("import/dir", str(Path(paths[0]).parent))
        return self.import_paths(paths)

    def import_paths(self, paths: Iterable[str | Path]) -> list[int]:
        """Import each file (a folder: its transcript files) in turn, opening the last one imported;
        refusals are shown one by one, then one summary of what the imports found."""
        self._summaries = []
        files: list[Path] = []
        for p in map(Path, paths):
            if p.is_dir():
                files.extend(sorted(f for f in p.iterdir() if f.suffix.lower() in TRANSCRIPT_SUFFIXES and f.is_file()))
            else:
                files.append(p)
        ids = [tid for tid in (self.import_path(p) for p in files) if tid is not None]
        return self._finish(ids)

    def _finish(self, ids: list[int]) -> list[int]:
        if ids:
            self.window.library_model.reload()
            self.ctx.set_transcript(ids[-1])
        if self._summaries:
            self.show_summary(self._summaries)
        return ids

    def summary_text(self, name: str, s: ImportSummary) -> str:
        """One import's summary in the UI language."""
        layouts = {"interleaved": self.tr("paragraph and translation in turn"),
                   "blocks": self.tr("two blocks (one language, then the other)"),
                   "files": self.tr("two files (source and translation)")}
        lines = [name,
                 self.tr("Layout: {layout}; lead language: {lang}").format(
                     layout=layouts.get(s.layout, s.layout), lang=self.tr("English") if s.lead_lang == "en"
                     else self.tr("Japanese")),
                 self.tr("{turns} turns, {speakers} speakers, {pairs} pairs, {untranslated} untranslated, "
                         "{gaps} gaps, {markers} markers").format(
                     turns=s.turns, speakers=s.speakers, pairs=s.pairs, untranslated=s.untranslated, gaps=s.gaps,
                     markers=s.markers)]
        if s.doubtful:
            lines.append(self.tr("{n} doubtful pairs: QA lists them as “check this pairing”").format(n=s.doubtful))
        lines.extend(self.tr("Warning: {text}").format(text=w) for w in s.warnings)
        return "\n".join(lines)

    def show_summary(self, summaries: list[tuple[str, ImportSummary]]) -> QMessageBox:
        """What the import(s) found, in a window-modal dialog (kept in ``summary_box``)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import summary"),
                          "\n\n".join(self.summary_text(name, s) for name, s in summaries),
                          QMessageBox.StandardButton.Ok, self.window.widget())
        box.setObjectName("import_summary")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_box = box
        box.open()
        return box

    def _confirm_again(self, path: Path) -> bool:
        """Whether to import ``path`` although the same bytes were imported before (asks; True if new)."""
        from model.importer import file_sha256, imported_before

        earlier = imported_before(self.ctx.store, file_sha256(path))
        if not earlier:
            return True
        tid, title = earlier[-1]
        answer = QMessageBox.question(
            self.window.widget(), self.tr("Import again?"),
            self.tr("{name} was imported before (“{title}”). Import it again as a new transcript?").format(
                name=path.name, title=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def import_path(self, path: Path, translation: Path | None = None) -> int | None:
        """Import one file (with its translation file); on refusal show the importer's one-line reason
        and return None. The same file imported before is imported again only if the user says so."""
        try:
            from model.importer import import_file
        except ImportError:  # the importer is another feature; say so rather than crash
            self.window.show_error(self.tr("Import refused"), self.tr("The importer is not available."))
            return None
        try:
            if not self._confirm_again(path):
                return None
        except TaiyakuError as exc:  # not there, not a regular file (a FIFO), unreadable
            self.window.show_error(self.tr("Import refused"), f"{path.name}: {exc}")
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

        from model.importer.parsed import ImportSummary

        summary = ImportSummary()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            tid = import_file(self.ctx.store, path, progress=progress, translation=translation, summary=summary)
            self._summaries.append((path.name if translation is None else f"{path.name} + {translation.name}",
                                    summary))
            return tid
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


