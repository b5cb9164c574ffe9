"""Undo commands over journaled store operations.

Every user action is one store operation (one transaction, one ``ChangeEvent``)
and one ``QUndoCommand``: redo the first time runs the operation, later redo
and undo replay the journal (``store.redo`` / ``store.undo``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from gui.window.storage_errors import describe_failure
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
    stays, ``stuck`` is set, and ``keep_in_step`` puts the stack back where it was.
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
        # A first run that fails changed nothing: the stack drops it. A replay that fails is stuck.
        self._guarded(self._perform_or_replay, never_performed=self.event_id is None)

    def undo(self) -> None:
        if self._skip_next_undo:
            self._skip_next_undo = False
            return
        if self.event_id is None:
            return
        event_id = self.event_id
        self._guarded(lambda: self.store.undo(event_id), never_performed=False)

    def _perform_or_replay(self) -> None:
        if self.event_id is None:
            assert self._perform is not None
            self.event_id = self._perform()
        else:
            self.store.redo(self.event_id)

    def _guarded(self, step: Callable[[], object], *, never_performed: bool) -> None:
        """Run ``step``; a failure is reported in one line (and raised when no one listens)."""
        try:
            step()
        except StorageFailed as exc:
            if never_performed:  # nothing to keep
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

    def _report(self, message: str) -> None:
        if self._on_error is not None:
            self._on_error(message)


def _store_commands(command: QUndoCommand | None) -> list[StoreCommand]:
    if command is None:  # gone (the stack was cleared)
        return []
    if isinstance(command, StoreCommand):
        return [command]
    found: list[StoreCommand] = []
    for i in range(command.childCount()):  # a macro: its steps
        found.extend(_store_commands(command.child(i)))
    return found


def keep_in_step(stack: QUndoStack) -> None:
    """Keep ``stack`` in step with the database when an undo or redo could not be written.

    Another program's lock or a full disk (``StorageFailed``) changes nothing, but QUndoStack
    moves its index anyway -- from Edit > Undo as from a click in the History list
    (``setIndex``). This puts the index back where it was: the steps that could not be
    written are skipped on the way back (they never happened), the others are replayed.
    """
    state = {"index": stack.index(), "restoring": False}

    def changed(index: int) -> None:
        old, state["index"] = state["index"], index
        if state["restoring"] or index == old:
            return
        low, high = sorted((old, index))
        try:
            commands = [c for i in range(low, high) for c in _store_commands(stack.command(i))]
        except RuntimeError:  # the stack is being deleted (its last signals)
            return
        stuck = [c for c in commands if c.stuck]
        if not stuck:
            return
        for c in stuck:
            c.stuck = False
            if index < old:  # an undo that did not happen: the way back must not redo it
                c._skip_first_redo = True
            else:
                c._skip_next_undo = True
        state["restoring"] = True
        try:
            stack.setIndex(old)
        finally:
            state["restoring"] = False

    stack.indexChanged.connect(changed)
