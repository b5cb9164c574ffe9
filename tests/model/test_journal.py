"""The store journal, checked on the whole database: undo gives back exactly what was there."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from model.errors import NotFound, OperationFailed
from model.schema import Base, ChangeEvent, Gap, Segment, Speaker, Transcript
from model.store import Store
from tests.factory import make_transcript

pytestmark = pytest.mark.both_engines


# Bookkeeping that undo does not give back: the journal itself (with the undo/redo signals other
# programs' watchers read), and the segments' edit counters (they only ever grow, so that a save
# based on an older text is always recognised).
_BOOKKEEPING = {"segment": {"version"}}


def content(store: Store) -> list[str]:
    """Every row of every transcript table, one line each (the journal left out), on any engine."""
    lines = []
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in ("change_event", "live_signal"):
                continue
            columns = [c for c in table.c if c.name not in _BOOKKEEPING.get(table.name, ())]
            for row in conn.execute(select(*columns).order_by(*(list(table.primary_key.columns) or columns))):
                lines.append(f"{table.name} {tuple(row)!r}")
    return lines


def event_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(ChangeEvent)).scalar_one())


def test_undo_and_redo_of_deleting_a_whole_transcript(store: Store, db_path: Path):
    make_transcript(store, "Kept")
    tid = make_transcript(store, "Deleted and restored")
    before = content(store)
    with store.operation("Delete transcript") as op:
        op.session.delete(op.get(Transcript, tid))  # speakers, turns, segments, gaps... go with it
    after = content(store)
    assert after != before and not any("Deleted and restored" in line for line in after)

    store.undo(op.event_id)
    assert content(store) == before
    store.redo(op.event_id)
    assert content(store) == after
    store.undo(op.event_id)
    assert content(store) == before
    with pytest.raises(OperationFailed, match="already undone"):
        store.undo(op.event_id)
    assert content(store) == before


def test_undo_of_an_edit_restores_the_old_values(store: Store, db_path: Path):
    tid = make_transcript(store)
    before = content(store)
    with store.operation("Name the questioner") as op:
        speaker = op.session.query(Speaker).filter_by(transcript_id=tid, label_en="Q").one()
        speaker.name, speaker.affiliation = "Aya Mori", "Harbour Times"
    assert any("Aya Mori" in line for line in content(store))
    changes = store.undo(op.event_id)
    assert content(store) == before
    assert changes.kind == "undo" and changes.speaker_ids == {speaker.id}
    store.redo(op.event_id)
    assert any("Aya Mori" in line for line in content(store))


def test_a_failing_operation_leaves_the_database_unchanged(store: Store, db_path: Path):
    tid = make_transcript(store)
    before, events = content(store), event_count(store)
    heard = []
    store.subscribe(heard.append)
    with (pytest.raises(OperationFailed, match="conflicts with existing data"),
          store.operation("Add a segment to a turn that does not exist") as op):
        seg = op.session.query(Segment).filter_by(transcript_id=tid).first()
        seg.review_state = "approved"  # would be written if the operation went through
        op.session.add(Segment(turn_id=987654, transcript_id=tid, position=9, en_orig="orphan"))
    assert content(store) == before
    assert event_count(store) == events
    assert heard == []


def test_an_operation_on_a_missing_row_is_not_found_and_changes_nothing(store: Store, db_path: Path):
    make_transcript(store)
    before, events = content(store), event_count(store)
    with pytest.raises(NotFound, match="segment 4242 does not exist"), store.operation("Approve segment") as op:
        op.get(Segment, 4242).review_state = "approved"
    with pytest.raises(NotFound, match="change 4242 does not exist"):
        store.undo(4242)
    assert content(store) == before
    assert event_count(store) == events


def test_undo_of_deleting_an_edited_row_restores_it_as_it_was(store: Store, db_path: Path):
    make_transcript(store)
    before = content(store)
    with store.operation("Fill a gap, then remove it") as op:
        gap = op.session.query(Gap).one()
        gap.status, gap.proposed_text = "filled", "new terminal"  # never flushed: the delete wins
        op.session.delete(gap)
    assert not any('INSERT INTO "gap"' in line for line in content(store))
    store.undo(op.event_id)
    assert content(store) == before


def test_deleting_a_speaker_who_still_has_turns_is_refused(store: Store, db_path: Path):
    tid = make_transcript(store)
    before = content(store)
    with (pytest.raises(OperationFailed, match="conflicts with existing data"),
          store.operation("Delete speaker") as op):
        op.session.delete(op.session.query(Speaker).filter_by(transcript_id=tid, label_en="Q").one())
    assert content(store) == before


def test_another_program_writing_during_an_operation_waits_its_turn(store: Store, db_path: Path):
    import threading

    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write lock; PostgreSQL's row locks are tests/model/test_team_concurrency.py's")
    tid = make_transcript(store)
    outcome: dict[str, object] = {}

    def other_program() -> None:
        con = sqlite3.connect(db_path, timeout=10)
        try:
            con.execute("UPDATE transcript SET source = 'edited elsewhere' WHERE id = ?", (tid,))
            con.commit()
            outcome["other"] = "ok"
        except sqlite3.Error as exc:
            outcome["other"] = str(exc)
        finally:
            con.close()

    with store.operation("Rename speaker") as op:
        speaker = op.session.query(Speaker).filter_by(transcript_id=tid, label_en="Q").one()  # a read first
        writer = threading.Thread(target=other_program)
        writer.start()
        writer.join(0.5)  # the other program waits for our write lock...
        speaker.name = "Aya Mori"  # ...and our write after the read does not fail
    writer.join(10)
    assert outcome == {"other": "ok"}
    assert any("Aya Mori" in line for line in content(store))
    assert any("edited elsewhere" in line for line in content(store))


def test_approving_a_segment_announces_that_segment_so_its_row_repaints(store: Store):
    from model.ops.review_state import approve

    tid = make_transcript(store)
    with store.read() as s:
        sid = s.scalars(select(Segment.id).where(Segment.transcript_id == tid).order_by(Segment.id)).first()
    heard = []
    store.subscribe(heard.append)
    event = approve(store, [sid])
    assert event is not None
    (changes,) = heard
    assert changes.segment_ids == {sid} and changes.transcript_ids == {tid}
    store.undo(event)
    assert heard[-1].kind == "undo" and heard[-1].segment_ids == {sid}
