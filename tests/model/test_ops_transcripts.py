"""Renaming and deleting whole transcripts: one undoable step each; a copy is kept before deleting."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from model.errors import NotFound, OperationFailed
from model.ops.transcripts import backup_before_delete, delete_transcript, rename_transcript
from model.readmodel import list_transcripts
from model.schema import Segment
from model.search import search
from tests.helpers import make_transcript


def _titles(store):
    return [t.title for t in list_transcripts(store)]


def test_rename_is_one_undoable_step(store):
    tid = make_transcript(store, [("Q", [("Kyoto News asks.", None)])], title="Old")
    event = rename_transcript(store, tid, "  New   title ")
    assert _titles(store) == ["New title"]
    assert rename_transcript(store, tid, "New title") is None
    store.undo(event)
    assert _titles(store) == ["Old"]
    with pytest.raises(OperationFailed):
        rename_transcript(store, tid, "   ")
    with pytest.raises(NotFound):
        rename_transcript(store, 99, "x")


def test_delete_keeps_a_json_copy_and_can_be_undone(store, tmp_path):
    keep = make_transcript(store, [("Q", [("Stays here.", None)])], title="Kept")
    tid = make_transcript(store, [("Q", [("Kyoto News asks.", "共同通信が聞く。")])], title="Gone / soon")
    copy = backup_before_delete(store, tid, tmp_path / "backups")
    data = json.loads(copy.read_text(encoding="utf-8"))
    assert data["title"] == "Gone / soon" and data["turns"][0]["segments"][0]["ja"] == "共同通信が聞く。"
    assert copy.parent == tmp_path / "backups" and "/" not in copy.name
    event = delete_transcript(store, tid)
    assert _titles(store) == ["Kept"]
    with store.read() as s:
        assert s.execute(select(func.count()).select_from(Segment)).scalar_one() == 1
    assert search(store, "kyoto").hits == []
    store.undo(event)
    assert _titles(store) == ["Kept", "Gone / soon"]
    assert [h.transcript_id for h in search(store, "kyoto").hits] == [tid]
    assert keep != tid
