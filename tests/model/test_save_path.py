"""The Core save path (model/ops/save_path.py) writes and journals exactly what the ORM path did.

Every save through ``edit_text`` (and a kept conflict through ``keep_competing``) goes through
Core statements instead of the ORM's unit of work. Undo, redo, sync, live refresh and the
versions read what it journals, so the same edits are made on two databases of one engine --
one through ``edit_text``, one through the ORM path (``apply_edit`` inside ``Store.operation``,
which the other operations still use) -- and the journals, texts, versions, review states and
search rows must be the same, before and after undoing and redoing everything.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from model.ops._base import current_text, optional_operation
from model.ops.corrections import add_competing, apply_edit, edit_text, keep_competing
from model.ops.flags import add_flag
from model.ops.review_state import approve
from model.schema import ChangeEvent, Segment
from model.search_index import SearchText
from model.store import Store
from tests.helpers import make_transcript

TURNS = [("Q", [("The ship left on Monday.", "船は月曜日に出た。"),
                ("We (inaudible) the plan today.", "計画を(聞き取れない)。"),
                ("Prices rose sharply in May.", "五月に物価が急騰した。"),
                ("The minister will travel next week.", "大臣は来週訪問する。")])]
# (segment index, lang, new text): a plain edit, a gap moved, a flagged span moved and then
# deleted (the flag stays, on the whole segment), an edit after approval (needs review again),
# Japanese, an edit back to the original (no search row), a gap's whole text deleted.
EDITS = [(0, "en", "The ship left on Tuesday."),
         (1, "en", "So we (inaudible) the plan today."),
         (2, "en", "Prices rose very sharply in May."),
         (2, "en", "Prices rose in May."),
         (3, "en", "The minister will travel next month."),
         (3, "ja", "大臣は来月訪問する。"),
         (0, "en", "The ship left on Monday.")]
# Last, after the kept conflict: an edit deleting a gap's whole text goes through the ORM (its
# counterpart's link is set to NULL), after the Core attempt took a correction id it left unused
# on PostgreSQL: its correction's id differs from the ORM database's (ids are never reused anyway).
LAST = (1, "en", "So we the plan today.")


@pytest.fixture
def twins(any_db: Path | str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Store, Store]]:
    """Two fresh databases on the same engine: (saved through Core, saved through the ORM)."""
    if isinstance(any_db, Path):
        other: Path | str = tmp_path / "orm.sqlite3"
    else:
        server = request.getfixturevalue("pg_server")
        other = server.new_database()
    core, orm = Store.open(any_db, annotator="aya"), Store.open(other, annotator="aya")
    yield core, orm
    core.close()
    orm.close()
    if not isinstance(other, Path):
        server.drop_database(other)


def _orm_edit(store: Store, segment_id: int, lang: str, text: str) -> int | None:
    """The save as it was before the Core path: ``apply_edit`` inside ``Store.operation``."""
    with optional_operation(store, "Edit text") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        apply_edit(op, seg, lang, text)
        op.description = f"segment {segment_id} ({lang})"
    return op.event_id


def _orm_keep(store: Store, segment_id: int, lang: str, text: str) -> int | None:
    with optional_operation(store, "Resolve conflict") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        add_competing(op, seg, lang, text)
        op.description = f"segment {segment_id} ({lang}): competing kept"
    return op.event_id


def _setup(store: Store) -> list[int]:
    tid = make_transcript(store, TURNS)
    with store.read() as s:
        ids = list(s.scalars(select(Segment.id).where(Segment.transcript_id == tid).order_by(Segment.id)))
    add_flag(store, ids[2], "terminology", "check", lang="en", start=12, end=19)  # "sharply"
    approve(store, ids[3])
    return ids


def _without_times(value: Any) -> Any:
    """Journal rows with every timestamp replaced (the two databases were written a moment apart)."""
    if isinstance(value, dict):
        if "$dt" in value:
            return "<time>"
        return {k: _without_times(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def _state(store: Store, ids: list[int]) -> dict[str, Any]:
    with store.read() as s:
        segs = [s.get(Segment, sid) for sid in ids]
        return {
            "texts": [(current_text(s, seg, "en"), current_text(s, seg, "ja")) for seg in segs],
            "versions": [seg.version for seg in segs],
            "review": [(seg.review_state, seg.reviewed_by_id, seg.reviewed_at is None) for seg in segs],
            "search": sorted(s.execute(select(SearchText.segment_id, SearchText.en, SearchText.ja)).all()),
            "events": [(e.action, e.description, _without_times(e.rows))
                       for e in s.scalars(select(ChangeEvent).order_by(ChangeEvent.id))],
        }


def test_core_saves_journal_write_and_undo_exactly_as_the_orm_path(twins: tuple[Store, Store]):
    core, orm = twins
    ids, orm_ids = _setup(core), _setup(orm)
    assert ids == orm_ids
    events: dict[str, list[int]] = {"core": [], "orm": []}
    for index, lang, text in EDITS:
        for name, store, save in (("core", core, edit_text), ("orm", orm, _orm_edit)):
            event_id = save(store, ids[index], lang, text)
            assert event_id is not None
            events[name].append(event_id)
    for name, store, keep in (("core", core, keep_competing), ("orm", orm, _orm_keep)):
        events[name].append(keep(store, ids[0], "en", "The boat left on Monday."))
    assert _state(core, ids) == _state(orm, ids)
    index, lang, text = LAST
    for name, store, save in (("core", core, edit_text), ("orm", orm, _orm_edit)):
        events[name].append(save(store, ids[index], lang, text))
    after = _state(core, ids)
    assert _no_ids(after) == _no_ids(_state(orm, ids))
    assert after["texts"][0] == ("The ship left on Monday.", "船は月曜日に出た。")
    assert after["texts"][1][0] == "So we the plan today."
    assert after["texts"][2][0] == "Prices rose in May." and after["texts"][3][1] == "大臣は来月訪問する。"
    assert after["review"][3] == ("edited", None, True)  # approved, then edited: needs review again
    assert [sid for sid, *_ in after["search"]] == [ids[1], ids[2], ids[3]]  # segment 0 is back to the original
    for name, store in (("core", core), ("orm", orm)):
        for event_id in reversed(events[name]):
            store.undo(event_id)
    undone = _state(core, ids)
    assert _no_ids(undone) == _no_ids(_state(orm, ids))
    assert [t for t, _ja in undone["texts"]] == [en for en, _ja in TURNS[0][1]] and undone["search"] == []
    for name, store in (("core", core), ("orm", orm)):
        for event_id in events[name]:
            store.redo(event_id)
    assert _no_ids(_state(core, ids)) == _no_ids(_state(orm, ids))
    assert _state(core, ids)["texts"] == after["texts"]


def _no_ids(state: dict[str, Any]) -> dict[str, Any]:
    """``state`` with the last event's correction ids left out (see LAST)."""
    *events, (action, description, rows) = state["events"]
    rows = [{**row, "pk": None, "after": {**row["after"], "id": None}} if row["t"] == "correction" else row
            for row in rows]
    return {**state, "events": [*events, (action, description, rows)]}


def test_an_unchanged_text_records_nothing_and_a_missing_segment_says_so(twins: tuple[Store, Store]):
    from model.errors import NotFound

    core, _orm = twins
    ids = _setup(core)
    seen: list[object] = []
    core.subscribe(seen.append)
    assert edit_text(core, ids[0], "en", "The ship left on Monday.") is None
    assert keep_competing(core, ids[0], "en", "The ship left on Monday.") is None
    assert seen == []
    with pytest.raises(NotFound, match="segment 999 does not exist"):
        edit_text(core, 999, "en", "x", base_version=0)
    with pytest.raises(NotFound, match="segment 999 does not exist"):
        edit_text(core, 999, "en", "x")
