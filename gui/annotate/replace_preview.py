"""Replace all, previewed: every match (where, before → after) and a word about approvals lost."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.annotate.common import tr
from gui.window.theme import lang_name
from model.ops.find_replace import Preview

SHOWN = 2000  # rows listed; the count above says how many there are in all


class ReplacePreviewDialog(QDialog):
    """Asks before replacing: lists the replacements; Enter replaces, Esc cancels."""

    def __init__(self, previews: list[Preview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replace_preview")
        self.setWindowTitle(tr("Replace all"))
        self.resize(760, 420)
        lay = QVBoxLayout(self)
        segments = len({p.segment_id for p in previews})
        approved = len({p.segment_id for p in previews if p.approved})
        self.summary = QLabel(tr("{n} replacements in {m} segments.").format(n=len(previews), m=segments), self)
        self.summary.setObjectName("replace_summary")
        lay.addWidget(self.summary)
        self.warning = QLabel(self)
        self.warning.setObjectName("replace_approval_warning")
        self.warning.setWordWrap(True)
        if approved:
            self.warning.setText(tr("{n} of these segments are approved: replacing resets their approval "
                                    "(they need review again).").format(n=approved))
        self.warning.setVisible(bool(approved))
        lay.addWidget(self.warning)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("replace_list")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([tr("Turn"), tr("Language"), tr("Before"), tr("After"), tr("Approved")])
        header = self.tree.header()
        self.tree.setColumnWidth(0, 50)
        self.tree.setColumnWidth(1, 70)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for p in previews[:SHOWN]:
            item = QTreeWidgetItem([str(p.turn_number), lang_name(p.lang), p.before, p.after,
                                    tr("yes — approval reset") if p.approved else ""])
            item.setToolTip(2, p.before)
            item.setToolTip(3, p.after)
            self.tree.addTopLevelItem(item)
        lay.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(tr("Replace &all"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
