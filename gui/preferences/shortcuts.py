"""Rebindable shortcuts: the annotator's own keys (or a foot pedal's) for any command.

Overrides live in QSettings as ``shortcuts/<action key>`` (a portable key sequence; empty:
no shortcut). The defaults are what the features registered; ``apply_shortcuts`` puts the
overrides on the registry's actions, so menus, tooltips and Help > Keyboard shortcuts show them.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.window.actions import ActionRegistry

PREFIX = "shortcuts/"
Portable = QKeySequence.SequenceFormat.PortableText
Native = QKeySequence.SequenceFormat.NativeText


def defaults(registry: ActionRegistry) -> dict[str, str]:
    """The shortcut each action was registered with (first one), remembered on first call."""
    saved: dict[str, str] | None = getattr(registry, "default_shortcuts", None)
    if saved is None:
        saved = {key: item.action.shortcut().toString(Portable) for key, item in registry.items.items()}
        registry.default_shortcuts = saved  # type: ignore[attr-defined]
    for key, item in registry.items.items():  # actions registered since
        saved.setdefault(key, item.action.shortcut().toString(Portable))
    return saved


def overrides(settings: QSettings) -> dict[str, str]:
    """Action key -> the sequence the annotator chose ('' : none)."""
    settings.beginGroup(PREFIX.rstrip("/"))
    try:
        return {key: str(settings.value(key, "") or "") for key in settings.childKeys()}
    finally:
        settings.endGroup()


def apply_shortcuts(registry: ActionRegistry, settings: QSettings) -> None:
    """Give every action its chosen shortcut (or back its default), tooltips following."""
    base = defaults(registry)
    chosen = overrides(settings)
    for key, item in registry.items.items():
        if key not in chosen and item.action.shortcut().toString(Portable) == base.get(key, ""):
            continue  # untouched: keep any extra default sequences (e.g. Ctrl+Y for redo)
        seq = chosen.get(key, base.get(key, ""))
        item.action.setShortcut(QKeySequence(seq))
        tip = item.action.statusTip() or item.action.text()
        registry.set_tip(item.action, tip)


def conflict(registry: ActionRegistry, key: str, seq: str, pending: dict[str, str]) -> str | None:
    """The text of another action that already answers ``seq`` (None: it is free)."""
    if not seq:
        return None
    for other, item in registry.items.items():
        if other == key:
            continue
        current = pending.get(other)
        seqs = [current] if current is not None else [s.toString(Portable) for s in item.action.shortcuts()]
        if seq in seqs:
            return item.action.text().replace("&", "")
    return None


class ShortcutsPage(QWidget):
    """Preferences > Shortcuts: pick a command, press the new keys; a taken key is refused."""

    def __init__(self, registry: ActionRegistry, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_page")
        self.registry = registry
        self.settings = settings
        self.base = defaults(registry)
        self.pending: dict[str, str] = {}  # key -> new sequence, saved with OK
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcut_list")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for key, item in registry.items.items():
            row = QTreeWidgetItem([item.action.text().replace("&", ""),
                                   item.action.shortcut().toString(Native)])
            row.setData(0, Qt.ItemDataRole.UserRole, key)
            self.tree.addTopLevelItem(row)
        self.editor = QKeySequenceEdit(self)
        self.editor.setObjectName("shortcut_editor")
        self.editor.setMaximumSequenceLength(1)
        self.editor.setClearButtonEnabled(True)
        self.reset = QPushButton(self.tr("&Default"), self)
        self.message = QLabel(self)
        self.message.setObjectName("shortcut_message")
        self.message.setWordWrap(True)
        row_lay = QHBoxLayout()
        row_lay.addWidget(QLabel(self.tr("New shortcut:"), self))
        row_lay.addWidget(self.editor, 1)
        row_lay.addWidget(self.reset)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tree, 1)
        lay.addLayout(row_lay)
        lay.addWidget(self.message)
        self.tree.currentItemChanged.connect(self._show_current)
        self.editor.editingFinished.connect(lambda: self.assign(self.editor.keySequence().toString(Portable)))
        self.reset.clicked.connect(lambda: self.assign(self.base.get(self.current_key() or "", "")))

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show_current(self) -> None:
        key = self.current_key()
        if key is not None:
            seq = self.pending.get(key, self.registry.get(key).shortcut().toString(Portable))
            self.editor.setKeySequence(QKeySequence(seq))
        self.message.clear()

    def assign(self, seq: str) -> bool:
        """Bind the selected command to ``seq`` (portable text; '' : none). Refused when taken."""
        key = self.current_key()
        if key is None:
            return False
        taken = conflict(self.registry, key, seq, self.pending)
        if taken is not None:
            self.message.setText(self.tr("{keys} is already the shortcut of “{command}”: choose another, or "
                                         "change that one first.").format(
                keys=QKeySequence(seq).toString(Native), command=taken))
            self._show_current_keys(key)
            return False
        self.pending[key] = seq
        item = self.tree.currentItem()
        if item is not None:
            item.setText(1, QKeySequence(seq).toString(Native))
        self.message.clear()
        return True

    def _show_current_keys(self, key: str) -> None:
        seq = self.pending.get(key, self.registry.get(key).shortcut().toString(Portable))
        self.editor.blockSignals(True)
        self.editor.setKeySequence(QKeySequence(seq))
        self.editor.blockSignals(False)

    def save(self) -> None:
        """Store the changed shortcuts (a default again: the override goes) and apply them."""
        for key, seq in self.pending.items():
            if seq == self.base.get(key, ""):
                self.settings.remove(PREFIX + key)
            else:
                self.settings.setValue(PREFIX + key, seq)
        apply_shortcuts(self.registry, self.settings)
