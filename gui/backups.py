"""Automatic backups in the window, and ``File > Restore from backup…`` (see ``model.backup``).

``BackupSchedule`` lives as long as the app (one per store): a copy when the window has
opened a sound database (after the damage check), at most every ``EVERY_MINUTES`` minutes
while the annotator works, and one when the app closes -- each only if the database changed
since the newest copy. Copies are taken in a thread of their own (SQLite releases the GIL).

The restore dialog lists the copies with their date and transcript count and restores one
into a NEW file, never over the open database, then offers to open it in a new window.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model import backup
from model.errors import TaiyakuError
from model.priority import yield_the_cpu
from model.store import Store

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    """Translate a string of the backups feature (context ``Trust``, like ``gui.window.storage_errors``)."""
    return QCoreApplication.translate("Trust", text)


def failure_message(reason: str) -> str:
    """The status bar's line when an automatic backup failed."""
    return tr("Automatic backup failed: {reason}").format(reason=reason)


def _changed_since_last_copy(path: Path) -> bool:
    """Whether the file (or its write-ahead log) was written after the newest copy was taken."""
    age = backup.last_backup_age(path)
    if age is None:
        return True
    newest = max((p.stat().st_mtime for p in (path, Path(f"{path}-wal")) if p.exists()), default=0.0)
    return newest > time.time() - age


# The window's copy at start waits this long after the first paint: copying the whole file (VACUUM
# INTO, 2-3 s at 200,000 segments) while the window's first reads, checks and marks run made its
# inputs wait 150-460 ms there instead of 100-200 (window_bench at 200k). A copy already exists
# whenever the file is unchanged since the newest one; an edit made meanwhile is in this one.
OPEN_DELAY_S = 10.0


class BackupSchedule(QObject):
    """Takes the automatic copies of one SQLite store (nothing for a database server)."""

    finished = Signal(str, str)  # ("ok", copy path) or ("failed", one-line reason)

    def __init__(self, store: Store, parent: QObject | None = None, minutes: float = backup.EVERY_MINUTES, *,
                 open_delay_s: float = 0.0) -> None:
        super().__init__(parent)
        self.store = store
        self.open_delay_s = open_delay_s  # the copy at start waits this long (see start)
        self.enabled = store.engine.dialect.name == "sqlite"
        self.path = Path(store.path)
        self._written = False
        self._thread: threading.Thread | None = None
        self._unwatch = store.watch_writes(self._on_write)
        self._timer = QTimer(self, interval=int(minutes * 60_000))
        self._timer.timeout.connect(self._tick)

    def _on_write(self, state: str, _detail: str) -> None:
        if state == "saved":
            self._written = True

    def start(self) -> None:
        """The database is known to be sound: copy it if it changed since the newest copy, then
        keep copying while the annotator works."""
        if not self.enabled:
            return
        if _changed_since_last_copy(self.path):
            if self.open_delay_s > 0:  # the window's first seconds: see OPEN_DELAY_S
                QTimer.singleShot(int(self.open_delay_s * 1000), self, lambda: self.take("open"))
            else:
                self.take("open")
        self._timer.start()

    def timer_running(self) -> bool:
        """Whether ``start`` has run (copies are being scheduled)."""
        return self._timer.isActive()

    def _tick(self) -> None:
        if self._written:
            self.take("work")

    def take(self, reason: str, *, wait: bool = False) -> None:
        """Take a copy in a thread of its own (``wait``: and wait for it); one at a time."""
        if not self.enabled or (self._thread is not None and self._thread.is_alive()):
            return
        self._written = False

        def run() -> None:
            yield_the_cpu()
            try:
                copy = backup.take_backup(self.path, reason)
            except TaiyakuError as exc:
                log.warning("automatic backup failed: %s", exc)
                self.finished.emit("failed", str(exc))
                return
            log.info("backed up to %s", copy)
            self.finished.emit("ok", str(copy))

        self._thread = threading.Thread(target=run, name="taiyaku-backup", daemon=True)
        self._thread.start()
        if wait:
            self._thread.join()

    def close(self) -> None:
        """The app closes: a last copy if anything was written since the newest one."""
        self._timer.stop()
        self._unwatch()
        if self._thread is not None:
            self._thread.join()
        if self.enabled and self._written:
            self.take("close", wait=True)


class RestoreDialog(QDialog):
    """The copies of the open database, newest first; restores one into a new file."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(tr("Restore from backup"))
        self.resize(640, 380)
        self.store = store
        self.db_path = Path(store.path)
        self.restored: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Taiyaku copies this database when it opens and closes and every {minutes} minutes "
                          "of work, keeping the newest {keep}. A copy is restored into a new file; the open "
                          "database is not changed.").format(minutes=backup.EVERY_MINUTES, keep=backup.KEEP), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QTreeWidget(self)
        self.list.setObjectName("backup_list")
        self.list.setHeaderLabels([tr("Taken"), tr("Transcripts"), tr("Size"), tr("When")])
        self.list.setRootIsDecorated(False)
        layout.addWidget(self.list, 1)
        self.folder_label = QLabel(self)
        self.folder_label.setTextFormat(self.folder_label.textFormat().PlainText)
        self.folder_label.setWordWrap(True)
        layout.addWidget(self.folder_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(tr("&Restore into a new file…"), self)
        self.restore_button.setObjectName("restore_button")
        self.backup_button = QPushButton(tr("&Back up now"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_button.clicked.connect(self.back_up_now)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """List the copies again."""
        self.list.clear()
        kinds = {"open": tr("opened"), "close": tr("closed"), "work": tr("while working"), "manual": tr("by hand")}
        for info in backup.list_backups(self.db_path):
            kind = info.path.stem.split("-")[2] if info.path.stem.count("-") >= 2 else ""
            count = "?" if info.transcripts is None else str(info.transcripts)
            item = QTreeWidgetItem([info.taken_at.strftime("%Y-%m-%d %H:%M:%S"), count,
                                    f"{info.size / 1e6:.1f} MB", kinds.get(kind, kind)])
            item.setData(0, 256, str(info.path))  # Qt.UserRole
            self.list.addTopLevelItem(item)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        for column in range(4):
            self.list.resizeColumnToContents(column)
        self.restore_button.setEnabled(self.list.topLevelItemCount() > 0)
        self.folder_label.setText(tr("Folder: {folder}").format(folder=backup.backup_dir(self.db_path)))

    def back_up_now(self) -> None:
        """Take a copy now (in this thread: the annotator asked and waits for it)."""
        try:
            backup.take_backup(self.db_path, "manual")
        except TaiyakuError as exc:
            QMessageBox.warning(self, tr("Back up"), str(exc))
        self.reload()

    def restore_selected(self) -> Path | None:
        """Ask for a new file, restore the selected copy into it, and offer to open it."""
        item = self.list.currentItem()
        if item is None:
            return None
        copy = Path(str(item.data(0, 256)))
        suggestion = self.db_path.with_name(f"{self.db_path.stem}-restored-{copy.stem[:15]}.sqlite3")
        chosen, _ = QFileDialog.getSaveFileName(self, tr("Restore into a new file"), str(suggestion),
                                                tr("Taiyaku database (*.sqlite3)"))
        if not chosen:
            return None
        try:
            target = backup.restore_backup(copy, chosen, open_database=self.db_path)
        except TaiyakuError as exc:
            QMessageBox.warning(self, tr("Restore from backup"), str(exc))
            return None
        self.restored = target
        count = backup.transcript_count(target)
        answer = QMessageBox.question(
            self, tr("Restore from backup"),
            tr("Restored {count} transcripts into {path}. Open it in a new window?").format(
                count=count if count is not None else "?", path=target))
        if answer == QMessageBox.StandardButton.Yes:
            open_in_new_window(target)
        return target


def open_in_new_window(path: Path) -> bool:
    """Start another Taiyaku on the database at ``path`` (this one keeps its own)."""
    from PySide6.QtCore import QProcess  # here, not at the window's start: rarely used

    if getattr(sys, "frozen", False):
        program, args = sys.executable, ["--db", str(path)]
    else:
        program, args = sys.executable, [str(Path(__file__).resolve().parents[1] / "main.py"), "--db", str(path)]
    started = QProcess.startDetached(program, args)
    return bool(started[0] if isinstance(started, tuple) else started)


def install(window, ctx) -> None:  # type: ignore[no-untyped-def]
    """``File > Restore from backup…``."""
    def show() -> RestoreDialog:
        dialog = RestoreDialog(ctx.store, window)
        window.restore_dialog = dialog
        dialog.open()
        return dialog

    if ctx.store.engine.dialect.name != "sqlite":
        return  # a server's database is backed up on the server
    action = window.registry.add("restore_backup", tr("Restore from &backup…"), show, menu="file",
                                 icon_name="mdi6.backup-restore",
                                 tip=tr("Restore an automatic copy of this database into a new file"))
    menu = window.registry.menu("file")
    quit_action = window.registry.get("quit")
    menu.removeAction(action)
    menu.insertAction(quit_action, action)  # above Quit, beside Import
