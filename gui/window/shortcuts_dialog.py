"""Help > Keyboard shortcuts: generated from the registered actions, so features appear by themselves."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from gui.window.actions import ActionRegistry


class ShortcutsDialog(QDialog):
    """A list of every shortcut, grouped by menu."""

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 560)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        groups: dict[str, QTreeWidgetItem] = {}
        for group, text, keys in registry.shortcut_rows() + self.native_rows():
            parent_item = groups.get(group)
            if parent_item is None:
                parent_item = QTreeWidgetItem(self.tree, [group])
                font = parent_item.font(0)
                font.setBold(True)
                parent_item.setFont(0, font)
                parent_item.setFirstColumnSpanned(True)
                groups[group] = parent_item
            QTreeWidgetItem(parent_item, [text, keys])
        self.tree.expandAll()
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def native_rows(self) -> list[tuple[str, str, str]]:
        """Keys the panes understand without an action."""
        group = self.tr("In a pane")
        return [
            (group, self.tr("Previous / next segment"), self.tr("Up, Down")),
            (group, self.tr("Page up / down"), self.tr("PgUp, PgDown")),
            (group, self.tr("Extend the selection"), self.tr("Shift+Up, Shift+Down")),
        ]

    def all_texts(self) -> list[tuple[str, str]]:
        """(command, shortcut) of every line, for tests and checks."""
        out: list[tuple[str, str]] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            children = [top.child(j) for j in range(top.childCount())] if top is not None else []
            out.extend((child.text(0), child.text(1)) for child in children if child is not None)
        return out
