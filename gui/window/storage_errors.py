"""What the window says when the database cannot be written (issue #11: trust).

The model raises ``DatabaseBusy`` (another program holds the write lock longer than the app
waits), ``DiskFull`` and other ``StorageFailed`` errors in English; here they become one
translated line for a dialog. Nothing was written in any of these cases.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.errors import DatabaseBusy, DiskFull, StorageFailed, TaiyakuError


def tr(text: str) -> str:
    """Translate a string of this module (context ``Trust``)."""
    return QCoreApplication.translate("Trust", text)


def describe_failure(exc: TaiyakuError, *, text_kept: bool = False) -> str:
    """One line for a failed action; ``text_kept``: the annotator's typed text is still in the editor."""
    if isinstance(exc, DatabaseBusy):
        if text_kept:
            return tr("Another program is writing to this database; your text is kept, try again.")
        return tr("Another program is writing to this database; nothing was changed, try again.")
    if isinstance(exc, DiskFull):
        if text_kept:
            return tr("The disk is full; your text is kept. Free some space and try again.")
        return tr("The disk is full; nothing was changed. Free some space and try again.")
    if isinstance(exc, StorageFailed) and text_kept:
        return tr("Your text could not be saved and is kept in the editor: {reason}").format(reason=str(exc))
    return str(exc)


def status_text(state: str, detail: str) -> tuple[str, str] | None:
    """The status bar's save indicator (text, tooltip) for a ``Store.watch_writes`` state that
    is not "saved" (None: the window says every change is saved)."""
    if state == "waiting":
        return ("⏳ " + tr("Waiting for another program to finish writing… ({seconds} s)").format(seconds=detail),
                tr("Another program is writing to this database; Taiyaku waits a few seconds for it."))
    if state == "failed":
        return ("⚠ " + tr("Not saved"), tr("The last change could not be written: {reason}").format(reason=detail))
    return None
