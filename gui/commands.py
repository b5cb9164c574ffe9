"""Undo commands over journaled store operations.

Every user action is one store operation (one transaction, one ``ChangeEvent``)
and one ``QUndoCommand``: redo the first time runs the operation, later redo
and undo replay the journal (``store.redo`` / ``store.undo``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from model.errors import TaiyakuError
from model.store import Store


class StoreCommand(QUndoCommand):
    """A QUndoCommand wrapping one store operation.

    ``perform`` runs the operation and returns its change event id. When the
    operation was already performed (``event_id`` given), the first ``redo``
    (which ``QUndoStack.push`` calls) does nothing.
    A failure marks the command obsolete so the stack drops it (FIELD-NOTES:
    a command whose redo raised would otherwise stay on the stack), and
    ``on_error`` receives the one-line reason.
    """

    def __init__(self, store: Store, text: str, perform: Callable[[], int] | None = None, *,
                 event_id: int | None = None, on_error: Callable[[str], None] | None = None) -> None:
        super().__init__(text)
        if perform is None and event_id is None:
            raise ValueError("StoreCommand needs an operation or the id of a performed one")
        self.store = store
        self._perform = perform
        self.event_id = event_id
        self._on_error = on_error
        self._skip_first_redo = event_id is not None

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        try:
            if self.event_id is None:
                assert self._perform is not None
                self.event_id = self._perform()
            else:
                self.store.redo(self.event_id)
        except TaiyakuError as exc:
            self.setObsolete(True)
            self._report(str(exc))
            if self._on_error is None:
                raise

    def undo(self) -> None:
        if self.event_id is None:
            return
        try:
            self.store.undo(self.event_id)
        except TaiyakuError as exc:
            self.setObsolete(True)
            self._report(str(exc))
            if self._on_error is None:
                raise

    def _report(self, message: str) -> None:
        if self._on_error is not None:
            self._on_error(message)
