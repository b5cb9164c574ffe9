"""Undo commands over journaled store operations.

Every user action is one store operation (one transaction, one ``ChangeEvent``)
and one ``QUndoCommand``: redo the first time runs the operation, later redo
and undo replay the journal (``store.redo`` / ``store.undo``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from gui.storage_errors import describe_failure
from model.errors import StorageFailed, TaiyakuError
from model.store import Store


class StoreCommand(QUndoCommand):
    """A QUndoCommand wrapping one store operation.

    ``perform`` runs the operation and returns its change event id. When the
    operation was already performed (``event_id`` given), the first ``redo``
    (which ``QUndoStack.push`` calls) does nothing.
    A failure marks the command obsolete so the stack drops it (QUndoStack.push keeps a
    command whose redo raised: the stack would hold a step that never happened), and
    ``on_error`` receives the one-line reason. A failure of the database itself (another
    program's lock, a full disk: ``StorageFailed``) changed nothing and may pass: the command
    stays, ``stuck`` is set, and ``step`` puts the stack back where it was.
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
        self._skip_next_undo = False
        self.stuck = False

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
        except StorageFailed as exc:
            if self.event_id is None:  # never performed: nothing to keep
                self.setObsolete(True)
            else:
                self.stuck = True
            self._report(describe_failure(exc))
            if self._on_error is None:
                raise
        except TaiyakuError as exc:
            self.setObsolete(True)
            self._report(str(exc))
            if self._on_error is None:
                raise

    def undo(self) -> None:
        if self._skip_next_undo:
            self._skip_next_undo = False
            return
        if self.event_id is None:
            return
        try:
            self.store.undo(self.event_id)
        except StorageFailed as exc:
            self.stuck = True
            self._report(describe_failure(exc))
            if self._on_error is None:
                raise
        except TaiyakuError as exc:
            self.setObsolete(True)
            self._report(str(exc))
            if self._on_error is None:
                raise

    def _report(self, message: str) -> None:
        if self._on_error is not None:
            self._on_error(message)


def _store_commands(command: QUndoCommand) -> list[StoreCommand]:
    if isinstance(command, StoreCommand):
        return [command]
    found: list[StoreCommand] = []
    for i in range(command.childCount()):  # a macro: its steps
        found.extend(_store_commands(command.child(i)))
    return found


def step(stack: QUndoStack, undo: bool) -> None:
    """Undo (or redo) one step of ``stack``, as Edit > Undo does.

    When the database could not be written (another program's lock, a full disk), nothing
    changed: the step stays where it was, ready to be tried again, instead of the stack
    believing it was undone.
    """
    index = stack.index()
    if not (stack.canUndo() if undo else stack.canRedo()):
        return
    commands = _store_commands(stack.command(index - 1 if undo else index))
    stack.undo() if undo else stack.redo()
    try:
        stuck = any(c.stuck for c in commands)
    except RuntimeError:  # a command the stack dropped as obsolete
        return
    if stuck and stack.index() != index:
        for c in commands:
            c.stuck = False
            if undo:
                c._skip_first_redo = True
            else:
                c._skip_next_undo = True
        stack.setIndex(index)  # back, without touching the database again
