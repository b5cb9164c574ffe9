"""StoreCommand, the bridge and the context: one action = one undo step; views refresh from the store."""

from __future__ import annotations

import pytest
from helpers import make_transcript

from gui.window.commands import StoreCommand
from gui.window.context import AppContext
from model.errors import OperationFailed
from model.schema import Speaker


def rename(store, speaker_id: int, name: str) -> int:
    with store.operation("Rename speaker") as op:
        sp = op.get(Speaker, speaker_id)
        op.transcript_id = sp.transcript_id
        sp.name = name
    return op.event_id


def speaker_name(store, sid):
    with store.read() as s:
        return s.get(Speaker, sid).name


@pytest.fixture
def speaker_id(store):
    make_transcript(store, [("OPERATOR", [("Hello.", "こんにちは。")])])
    with store.read() as s:
        return s.query(Speaker).one().id


def test_context_run_is_one_undo_step(qtbot, store, speaker_id):
    ctx = AppContext(store)
    seen = []
    ctx.bridge.changed.connect(seen.append)
    assert ctx.run("Rename speaker", lambda: rename(store, speaker_id, "Operator Kim")) is not None
    assert speaker_name(store, speaker_id) == "Operator Kim"
    assert ctx.undo_stack.count() == 1 and seen[-1].kind == "do"
    ctx.undo_stack.undo()
    assert speaker_name(store, speaker_id) is None and seen[-1].kind == "undo"
    ctx.undo_stack.redo()
    assert speaker_name(store, speaker_id) == "Operator Kim" and seen[-1].kind == "redo"
    assert speaker_id in seen[-1].speaker_ids


def test_failing_operation_reports_one_line_and_leaves_no_command(qtbot, store, speaker_id):
    ctx = AppContext(store)
    errors = []
    ctx.errorReported.connect(errors.append)
    assert ctx.run("Rename speaker", lambda: rename(store, 99999, "x")) is None
    assert ctx.undo_stack.count() == 0
    assert errors == ["speaker 99999 does not exist"]


def test_store_command_runs_its_operation_on_first_redo(qtbot, store, speaker_id):
    ctx = AppContext(store)
    cmd = StoreCommand(store, "Rename speaker", lambda: rename(store, speaker_id, "A"))
    ctx.undo_stack.push(cmd)
    assert speaker_name(store, speaker_id) == "A" and cmd.event_id is not None
    ctx.undo_stack.undo()
    assert speaker_name(store, speaker_id) is None


def test_store_command_failure_is_obsolete(qtbot, store, speaker_id):
    errors = []
    cmd = StoreCommand(store, "Rename", lambda: rename(store, 4242, "x"), on_error=errors.append)
    cmd.redo()
    assert cmd.isObsolete() and errors and cmd.event_id is None
    bare = StoreCommand(store, "Rename", lambda: (_ for _ in ()).throw(OperationFailed("nope")))
    with pytest.raises(OperationFailed):
        bare.redo()
    assert bare.isObsolete()


def test_window_repaints_speaker_rename(qtbot, store, tmp_path):
    from gui_helpers import make_window

    window, _ = make_window(qtbot, store, tmp_path)
    sp = window.transcript_model.speaker(window.transcript_model.turn(1))
    window.ctx.run("Rename speaker", lambda: rename(store, sp.id, "Jake Sullivan"))
    assert window.transcript_model.speaker(window.transcript_model.turn(1)).name == "Jake Sullivan"
    window.ctx.undo_stack.undo()
    assert window.transcript_model.speaker(window.transcript_model.turn(1)).name is None


def test_an_operation_carries_its_initiator_and_undo_carries_none(qtbot, store, speaker_id):
    ctx = AppContext(store)
    seen = []
    ctx.bridge.changed.connect(seen.append)
    editor = object()
    ctx.run("Rename speaker", lambda: rename(store, speaker_id, "Operator Kim"), initiator=editor)
    assert seen[-1].kind == "do" and seen[-1].initiator is editor
    ctx.run("Rename speaker", lambda: rename(store, speaker_id, "Operator Lee"))  # no initiator given
    assert seen[-1].initiator is None
    ctx.undo_stack.undo()  # an undo is everyone's news, the initiator's too
    assert seen[-1].kind == "undo" and seen[-1].initiator is None


def test_an_operation_with_nothing_to_do_pushes_no_step(qtbot, store, speaker_id):
    ctx = AppContext(store)
    messages = []
    ctx.statusMessage.connect(messages.append)
    assert ctx.run("Edit text", lambda: None) is None
    assert ctx.undo_stack.count() == 0 and messages == ["Nothing to change"]


def test_the_editor_is_not_reset_by_its_own_saved_edit(qtbot, store, tmp_path):
    from gui_helpers import make_window

    window, _ = make_window(qtbot, store, tmp_path)
    window.panes.go_row(0)
    window.annotate.edit_current()
    editor = window.annotate.editor
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    editor.insertPlainText("Well, ")
    cursor = editor.textCursor().position()
    window.annotate.save_editor(editor)  # saved, the editor still open
    assert window.transcript_model.segment(0).en.startswith("Well, ")
    assert editor.textCursor().position() == cursor  # not moved to the end by a reload of its own text
    assert editor.document().isUndoAvailable()  # and its own undo history is still there
    window.annotate.close_editor(save=False)
