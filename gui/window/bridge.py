"""The store's change announcements as a Qt signal.

``model.store.Store.subscribe`` calls plain Python listeners; views want a Qt
signal so they refresh in the GUI thread even when a change was made by a
worker thread (the signal is then delivered through the event loop).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from model.store import Changes, Store


class StoreBridge(QObject):
    """Re-emits every ``Changes`` the store announces as ``changed(Changes)``."""

    changed = Signal(object)  # model.store.Changes
    # Store.watch_writes: ("waiting", seconds) while another program holds the write lock,
    # ("saved", action), ("failed", reason). Emitted in the writing thread, during the write.
    writeState = Signal(str, str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._unsubscribe = store.subscribe(self._on_changes)
        self._unwatch = store.watch_writes(self.writeState.emit)

    def _on_changes(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def detach(self) -> None:
        """Stop listening to the store (before closing it)."""
        self._unsubscribe()
        self._unwatch()
