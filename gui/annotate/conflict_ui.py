"""The "theirs / mine / both" choice when a save meets someone else's newer change.

``model.versions``: the save was refused (nothing overwritten); whatever the annotator
chooses, their text is never dropped -- "theirs" and "both" keep it as a competing correction
(a reviewer may accept it later), "both" also flags the segment for review ("conflict"),
"mine" applies it over the other text (which stays in the history).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from gui.annotate.common import tr
from model.ops.corrections import keep_competing
from model.store import Store
from model.versions import EditConflict


def ask(parent: QWidget | None, conflict: EditConflict) -> str | None:
    """Ask which text wins: "theirs", "mine", "both" (None: the dialog was closed: "theirs")."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Someone else changed this text"),
                      tr("%1 changed this segment while you were editing it. Nothing was overwritten.")
                      .replace("%1", conflict.by), parent=parent)
    box.setObjectName("conflict_dialog")
    box.setInformativeText(tr("Theirs: %1\nYours: %2").replace("%1", conflict.theirs).replace("%2", conflict.mine))
    theirs = box.addButton(tr("Keep theirs"), QMessageBox.ButtonRole.RejectRole)
    mine = box.addButton(tr("Use mine"), QMessageBox.ButtonRole.DestructiveRole)
    both = box.addButton(tr("Keep both for review"), QMessageBox.ButtonRole.AcceptRole)
    for button, hint in ((theirs, tr("Their text stays; yours is kept as a competing correction")),
                         (mine, tr("Your text replaces theirs; theirs stays in the history")),
                         (both, tr("Their text stays; yours is kept and the segment is flagged for a reviewer"))):
        button.setToolTip(hint)
    box.setDefaultButton(both)
    box.exec()
    clicked = box.clickedButton()
    return {id(theirs): "theirs", id(mine): "mine", id(both): "both"}.get(id(clicked), "theirs")


def settle(store: Store, conflict: EditConflict, choice: str) -> int | None:
    """Record the choice as one undo step; the annotator's text is kept whatever it is."""
    return keep_competing(store, conflict.segment_id, conflict.lang, conflict.mine,
                          mine_wins=choice == "mine", flag=choice == "both")
