"""The window: a save that meets someone else's newer change asks theirs / mine / both."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from gui.annotate import conflict_ui
from model.ops._base import current_text
from model.ops.corrections import edit_text, segment_version
from model.schema import Correction, Flag, Segment
from model.store import Store
from model.versions import EditConflict
from tests.helpers import make_transcript


@pytest.mark.parametrize("choice", ["theirs", "mine", "both"])
def test_the_conflict_dialog_keeps_the_losers_text_whatever_is_chosen(qtbot, store: Store, db_path, monkeypatch,
                                                                       tmp_path, choice):
    tid = make_transcript(store, [("Q", [("The ship left on Monday.", None)])])
    with store.read() as s:
        seg = s.query(Segment.id).filter_by(transcript_id=tid).scalar()
    base = segment_version(store, seg)
    ken = Store.open(db_path, annotator="ken")
    edit_text(ken, seg, "en", "The ship left on Tuesday.")
    ken.close()
    with pytest.raises(EditConflict) as err:
        edit_text(store, seg, "en", "The boat left on Monday.", base_version=base)
    shots: list[str] = []

    def click(box: QMessageBox) -> None:
        box.grab().save(str(tmp_path / "conflict.png"))
        shots.append(box.text())
        label = {"theirs": "Keep theirs", "mine": "Use mine", "both": "Keep both for review"}[choice]
        next(b for b in box.buttons() if b.text() == label).click()

    monkeypatch.setattr(QMessageBox, "exec", lambda self: click(self))
    picked = conflict_ui.ask(None, err.value)
    assert picked == choice and "ken" in shots[0]
    conflict_ui.settle(store, err.value, picked)
    with store.read() as s:
        text = current_text(s, s.get(Segment, seg), "en")
        competing = s.query(Correction).filter_by(segment_id=seg, status="competing").count()
        flags = s.query(Flag).filter_by(segment_id=seg, category="conflict").count()
    assert text == ("The boat left on Monday." if choice == "mine" else "The ship left on Tuesday.")
    assert competing == (0 if choice == "mine" else 1)
    assert flags == (1 if choice == "both" else 0)
