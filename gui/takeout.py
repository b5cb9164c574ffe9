"""``File > Check out for offline work…`` and ``File > Sync now`` (see ``model.sync.takeout``).

Checking out copies one transcript of a shared database into a new file and offers to open it
in a new window. In a checked-out file, Sync now sends the offline work back, then the file is
a fresh copy of the server's transcript: the window reads it again, and its undo steps (which
named the file's own changes) are cleared -- what was done is in the History, on the server.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.takeout_job import TakeoutJob
from model.store import Changes, Store


def tr(text: str) -> str:
    """Translate a string of this feature (context ``Takeout``)."""
    return QCoreApplication.translate("Takeout", text)


def checked_out_from(store: Store) -> Any:
    """The checkout row of the open database (None: not a checked-out file, or a server)."""
    if store.engine.dialect.name != "sqlite":
        return None
    from model.sync.tables import read_checkout

    try:
        with store.engine.connect() as conn:
            return read_checkout(conn)
    except Exception:  # an older file without the table: not a checkout
        return None


class CheckoutDialog(QDialog):
    """Which server, which transcript, which new file."""

    def __init__(self, store: Store, transcript_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkout_dialog")
        self.setWindowTitle(tr("Check out for offline work"))
        self.target: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Copies one transcript of a shared database, with its history, into a new file you can "
                          "work in without the server. Sync now sends your work back; edits that overlap "
                          "someone else's are kept for the reviewer."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        on_server = store.engine.dialect.name != "sqlite"
        self.source = QLineEdit(store.path if on_server else "", self)
        self.source.setObjectName("checkout_source")
        self.source.setPlaceholderText("postgresql://user@host/taiyaku")
        form.addRow(tr("&Server:"), self.source)
        self.transcript = QSpinBox(self)
        self.transcript.setObjectName("checkout_transcript")
        self.transcript.setRange(1, 2_000_000_000)
        self.transcript.setValue(transcript_id or 1)
        form.addRow(tr("&Transcript number:"), self.transcript)
        row = QHBoxLayout()
        self.file = QLineEdit(self)
        self.file.setObjectName("checkout_file")
        self.file.setText(str(Path.home() / f"taiyaku-transcript-{self.transcript.value()}.sqlite3"))
        browse = QPushButton(tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        label = QLabel(tr("&New file:"), self)
        label.setBuddy(self.file)  # a row of several widgets gets no buddy by itself
        form.addRow(label, row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(tr("&Check out"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.check_out)
        buttons.rejected.connect(self.reject)
        self.working = QProgressBar(self)
        self.working.setObjectName("checkout_working")
        self.working.setRange(0, 0)  # busy: a copy is one snapshot, its length unknown beforehand
        self.working.setFormat(tr("Copying…"))
        self.working.setVisible(False)
        layout.addWidget(self.working)
        layout.addWidget(buttons)
        self.job: TakeoutJob | None = None
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, tr("Check out into a new file"), self.file.text(),
                                                tr("Taiyaku database (*.sqlite3)"))
        if chosen:
            self.file.setText(chosen)

    def check_out(self) -> TakeoutJob | None:
        """Copy the transcript in a thread of its own (the dialog shows it working and stays
        responsive); the dialog closes when the file is made, or says why not in one line (nothing
        is written then). Returns the running job (None: the form is incomplete)."""
        from model.sync.takeout import checkout

        source, target = self.source.text().strip(), Path(self.file.text().strip()).expanduser()
        if not source or not self.file.text().strip():
            QMessageBox.warning(self, self.windowTitle(), tr("Give the server's address and a new file."))
            return None
        if self.job is not None:
            return self.job
        tid = self.transcript.value()
        self.job = job = TakeoutJob(lambda _progress, _cancelled: checkout(source, tid, target), self)
        job.succeeded.connect(lambda _copied: self._copied(target))
        job.failed.connect(self._failed)
        self._busy(True)
        job.start()
        return job

    def _busy(self, busy: bool) -> None:
        self.working.setVisible(busy)
        for widget in (self.ok, self.source, self.transcript, self.file):
            widget.setEnabled(not busy)

    def _copied(self, target: Path) -> None:
        self.job = None
        self._busy(False)
        self.target = target
        self.accept()

    def _failed(self, line: str) -> None:
        self.job = None
        self._busy(False)
        QMessageBox.warning(self, self.windowTitle(), line)

    def reject(self) -> None:
        """Cancel closes the dialog, except while the copy runs (it is one transaction: it finishes)."""
        if self.job is None:
            super().reject()


class Takeout(QObject):
    """The two File menu commands of one window."""

    def __init__(self, window: Any, ctx: Any) -> None:
        super().__init__(window.widget())
        self.window, self.ctx = window, ctx
        self.dialog: CheckoutDialog | None = None
        self.last_message = ""
        self.job: TakeoutJob | None = None
        self.progress: QProgressDialog | None = None
        self._syncing = 0
        reg = window.registry
        self.checkout_action = reg.add("checkout", tr("Check &out for offline work…"), self.check_out, menu="file",
                                       icon_name="mdi6.briefcase-download",
                                       tip=tr("Copy a transcript of a shared database into a file to work offline"))
        self.sync_action = reg.add("sync_now", tr("S&ync now"), self.sync_now, menu="file",
                                   icon_name="mdi6.briefcase-upload",
                                   tip=tr("Send the work of this checked-out file back to its server"))
        self.sync_action.setEnabled(checked_out_from(ctx.store) is not None)

    def check_out(self) -> CheckoutDialog:
        """Open the dialog; after a checkout, offer to open the file in a new window."""
        dialog = CheckoutDialog(self.ctx.store, self.ctx.transcript_id, self.window.widget())
        self.dialog = dialog
        dialog.accepted.connect(self._checked_out)
        dialog.open()
        return dialog

    def _checked_out(self) -> None:
        from gui.backups import open_in_new_window

        dialog = self.dialog
        if dialog is None or dialog.target is None:
            return
        answer = QMessageBox.question(self.window.widget(), tr("Check out for offline work"),
                                      tr("Checked out into {path}. Open it in a new window?").format(
                                          path=dialog.target))
        if answer == QMessageBox.StandardButton.Yes:
            open_in_new_window(dialog.target)

    def sync_now(self) -> TakeoutJob | None:
        """Send the file's work to its server in a thread of its own, with a progress dialog that can
        stop it between two operations; then read the refreshed file again and say what happened in
        one dialog (``last_message``). Returns the running job (None: not a checked-out file)."""
        from model.sync.takeout import sync

        info = checked_out_from(self.ctx.store)
        if info is None:
            self.window.show_error(tr("Sync now"), tr("This database is not a checked-out file."))
            return None
        if self.job is not None:
            return self.job  # one sync at a time
        path = Path(self.ctx.store.path)
        job = TakeoutJob(lambda progress, cancelled: sync(path, progress=progress, cancelled=cancelled), self)
        self.job, self._syncing = job, int(info.transcript_id)
        self.sync_action.setEnabled(False)
        self.progress = dialog = QProgressDialog(tr("Connecting to the server…"), tr("&Stop after this change"),
                                                 0, 0, self.window.widget())
        dialog.setObjectName("sync_progress")
        bar = QProgressBar(dialog)
        bar.setTextVisible(False)  # the label says "n of m"
        dialog.setBar(bar)
        dialog.setWindowTitle(tr("Sync now"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(460)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._stop)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._synced)
        job.failed.connect(self._sync_failed)
        self.window.widget().statusBar().showMessage(tr("Syncing with the server…"))
        dialog.show()
        job.start()
        return job

    def _stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
            if self.progress is not None:
                self.progress.setLabelText(tr("Stopping after the change being sent…"))

    def _progressed(self, done: int, total: int) -> None:
        dialog = self.progress
        if dialog is None or (self.job is not None and self.job.cancel_requested):
            return
        text = tr("Sent {done} of {total} offline changes…").format(done=done, total=total)
        if done >= total:
            text = tr("All {total} offline changes sent; refreshing this file from the server…").format(total=total)
        dialog.setLabelText(text)  # before the value: a modal dialog's setValue may process events
        dialog.setRange(0, total)
        dialog.setValue(done)
        self.window.widget().statusBar().showMessage(text)

    def _finish_job(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._stop)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.job is not None:
            self.job.deleteLater()
            self.job = None
        self.sync_action.setEnabled(checked_out_from(self.ctx.store) is not None)

    def _sync_failed(self, line: str) -> None:
        self._finish_job()
        self.last_message = tr("Sync stopped: {reason}. Nothing was lost: what was not sent stays in this file; "
                               "sync again later.").format(reason=line.rstrip("."))
        self.window.widget().statusBar().showMessage(tr("Sync stopped; nothing was lost."), 10000)
        self.window.show_error(tr("Sync now"), self.last_message)

    def _synced(self, report: Any) -> None:
        self._finish_job()
        tid = self._syncing
        if report.refreshed:
            self.ctx.undo_stack_for(tid).clear()  # its steps named the file's own changes, now replaced
            self.ctx.store.announce(self._everything(tid))
            self.window.reload_library()
        lines = [tr("Changes sent: {sent}. Kept as competing corrections (they overlapped the server's): "
                    "{conflicts}; conflict flags for the reviewer: {flags}. Refused by the server: {refused}.").format(
                        sent=report.sent, conflicts=report.conflicts, flags=report.flags,
                        refused=len(report.refused))]
        if report.cancelled:
            lines.append(tr("Stopped after {done} of {total} offline changes: the rest stays in this file and is "
                            "sent by the next sync.").format(done=report.done, total=report.total))
        elif report.refreshed:
            lines.append(tr("This file now holds the server's transcript."))
        else:
            lines.append(tr("This file was not refreshed (it changed meanwhile): sync again."))
        lines += report.refused + report.notes
        self.last_message = "\n".join(lines)
        self.window.widget().statusBar().showMessage(lines[0], 10000)
        QMessageBox.information(self.window.widget(), tr("Sync now"), self.last_message)

    def _everything(self, tid: int) -> Changes:
        """What a refresh changed, for the views: the whole transcript may differ."""
        from sqlalchemy import select

        from model.schema import Segment

        with self.ctx.store.read() as s:
            ids = frozenset(int(i) for i in s.scalars(select(Segment.id).where(Segment.transcript_id == tid)))
        return Changes(action="Sync", kind="import", transcript_ids=frozenset({tid}),
                       rows={"transcript": frozenset({tid}), "segment": ids}, segment_ids=ids)


def install(window: Any, ctx: Any) -> Takeout:
    """``File > Check out for offline work…`` and ``File > Sync now``, above Quit."""
    takeout = Takeout(window, ctx)
    menu = window.registry.menu("file")
    quit_action = window.registry.get("quit")
    for action in (takeout.checkout_action, takeout.sync_action):
        menu.removeAction(action)
        menu.insertAction(quit_action, action)
    return takeout
