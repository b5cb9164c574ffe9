"""Details tab: the corrections of the selected segment, to accept, reject or revert."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.annotate.common import AnnotateParts, tr
from gui.lazy_import import lazy_module
from gui.window.theme import lang_name
from model.readmodel import CorrectionView
from model.schema import CORRECTION_CATEGORIES

if TYPE_CHECKING:  # pragma: no cover
    from model.ops import corrections
else:  # imported when a correction's details change, not before the first paint
    corrections = lazy_module("model.ops.corrections")


def status_name(status: str) -> str:
    return {"proposed": tr("proposed"), "accepted": tr("accepted"), "rejected": tr("rejected"),
            "reverted": tr("reverted")}.get(status, status)


def category_name(category: str | None) -> str:
    return {"mishearing": tr("mishearing"), "mistranslation": tr("mistranslation"), "typo": tr("typo"),
            "style": tr("style"), "other": tr("other")}.get(category or "", "")


WHITESPACE = {" ": "·", "\u00a0": "⍽", "\u3000": "□", "\t": "⇥", "\n": "⏎", "\r": ""}


def visible_whitespace(text: str) -> str:
    """``text`` with its leading and trailing whitespace (all of it, when that is all there is)
    shown as signs: · space, ⍽ no-break space, □ ideographic space, ⇥ tab, ⏎ line break."""
    core = text.strip()
    if not core:
        return "".join(WHITESPACE.get(ch, ch) for ch in text)
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    inner = core.replace("\n", "⏎")
    return "".join(WHITESPACE.get(ch, ch) for ch in lead) + inner + "".join(WHITESPACE.get(ch, ch) for ch in trail)


class _StatusIcon:
    """The status column of a correction's row, as something ``ActionRegistry.icon_later`` can give an icon."""

    def __init__(self, item: QTreeWidgetItem) -> None:
        self.item = item

    def setIcon(self, value: QIcon) -> None:  # the name icon_later calls, as on Qt's widgets
        self.item.setIcon(3, value)


class CorrectionsTab(QWidget):
    """Each correction: language, what changed, category, status, who and when."""

    def __init__(self, parts: AnnotateParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("corrections_tab")
        self.parts = parts
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("corrections_list")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels([tr("Language"), tr("Change"), tr("Category"), tr("Status"), tr("By"), tr("When")])
        self.tree.setColumnWidth(0, 70)
        self.tree.setColumnWidth(1, 320)
        self.tree.setColumnWidth(3, 140)  # room for "does not apply" beside its icon
        buttons = QHBoxLayout()
        reg = parts.registry
        for key in ("accept_correction", "reject_correction", "revert_segment"):
            action = reg.get(key)
            button = QPushButton(action.icon(), action.text().replace("&", ""), self)
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.category = QComboBox(self)
        self.category.setObjectName("correction_category")
        self.category.addItem(tr("(no category)"), None)
        for cat in CORRECTION_CATEGORIES:
            self.category.addItem(category_name(cat), cat)
        self.category.setToolTip(tr("Category of the selected correction"))
        self.note = QLineEdit(self)
        self.note.setObjectName("correction_note")
        self.note.setPlaceholderText(tr("Note on the selected correction (Enter to save)"))
        self.category.activated.connect(lambda _i: self.save_details())
        self.note.returnPressed.connect(self.save_details)
        buttons.addWidget(self.category)
        buttons.addWidget(self.note, 1)
        self.tree.currentItemChanged.connect(lambda *_: self._show_details())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tree)
        lay.addLayout(buttons)
        self._corrections: list[CorrectionView] = []
        parts.ctx.selectionChanged.connect(self.refresh)  # bound: cut when the tab goes
        parts.model.dataChanged.connect(self.refresh)  # bound, not a lambda: cut when the tab goes
        parts.model.modelReset.connect(self.refresh)

    def refresh(self) -> None:
        seg = self.parts.current_segment()
        keep = self.current_correction()
        self.tree.clear()
        self._corrections = list(seg.corrections) if seg is not None else []
        lost = set(seg.conflicts) if seg is not None else set()
        for c in reversed(self._corrections):  # newest first
            before = visible_whitespace(c.before) or "∅"
            after = visible_whitespace(c.after) or "∅"
            status = tr("does not apply") if c.id in lost else status_name(c.status)
            item = QTreeWidgetItem([lang_name(c.lang), f"{before} → {after}",
                                    category_name(c.category), status, c.annotator,
                                    c.created_at.strftime("%Y-%m-%d %H:%M")])
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            name = ("mdi6.alert-circle-outline" if c.id in lost else
                    {"accepted": "mdi6.check-circle-outline", "rejected": "mdi6.close-circle-outline",
                     "reverted": "mdi6.restore"}.get(c.status, "mdi6.circle-edit-outline"))
            # The icon library loads after the window's first paint (~0.3 s): before it, the icon follows.
            self.parts.registry.icon_later(_StatusIcon(item), name)
            if c.id in lost:  # it changed words that a rejected correction had written
                item.setToolTip(3, tr("The words this correction changed are gone (an earlier correction "
                                      "was rejected), so it does not change the text. Reject it, or edit again."))
            if c.note:
                item.setToolTip(1, c.note)
            self.tree.addTopLevelItem(item)
            if keep is not None and keep.id == c.id:
                self.tree.setCurrentItem(item)
        self._show_details()

    def _show_details(self) -> None:
        cor = self.current_correction()
        self.category.setEnabled(cor is not None)
        self.note.setEnabled(cor is not None)
        self.category.setCurrentIndex(max(0, self.category.findData(cor.category if cor else None)))
        self.note.setText(cor.note or "" if cor else "")

    def save_details(self) -> None:
        """Record the category and note chosen for the selected correction (one undo step)."""
        cor = self.current_correction()
        if cor is None:
            return
        ctx = self.parts.ctx
        category, note = self.category.currentData(), self.note.text()
        ctx.run(tr("Describe correction"),
                lambda: corrections.set_correction_details(ctx.store, cor.id, category=category, note=note))

    def current_correction(self) -> CorrectionView | None:
        """The correction selected in the list (None: none)."""
        item = self.tree.currentItem()
        if item is None:
            return None
        cid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((c for c in self._corrections if c.id == cid), None)
