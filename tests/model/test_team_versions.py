"""No lost update: stale saves, competing corrections, undo after someone else's change, roles.

Run on SQLite and on PostgreSQL (both_engines); the multi-process races are in
tests/model/test_team_concurrency.py.
"""

from __future__ import annotations

import pytest

from model.ops.corrections import edit_text, keep_competing, segment_version
from model.ops.find_replace import replace_all
from model.ops.flags import add_flag, resolve_flag
from model.ops.review_state import approve
from model.schema import Correction, Flag, Segment
from model.store import Store
from model.versions import EditConflict, UndoConflict
from tests.helpers import make_transcript

pytestmark = pytest.mark.both_engines


def _other(store: Store, name: str) -> Store:
    """A second person on the same database (its own engine, like another process)."""
    return Store.open(store.engine.url.render_as_string(hide_password=False)
                      if store.engine.dialect.name != "sqlite" else store.engine.url.database, annotator=name)


def _text(store: Store, sid: int, lang: str = "en") -> str:
    from model.ops._base import current_text

    with store.read() as s:
        return current_text(s, s.get(Segment, sid), lang)


@pytest.fixture
def seg(store: Store) -> int:
    tid = make_transcript(store, [("Q", [("The ship left on Monday.", "船は月曜日に出た。")])])
    with store.read() as s:
        return s.query(Segment.id).filter_by(transcript_id=tid).scalar()


def test_a_stale_save_is_refused_and_names_who_changed_it(store: Store, seg: int):
    base = segment_version(store, seg)
    ken = _other(store, "ken")
    try:
        edit_text(ken, seg, "en", "The ship left on Tuesday.", base_version=base)
        with pytest.raises(EditConflict) as err:
            edit_text(store, seg, "en", "The boat left on Monday.", base_version=base)
    finally:
        ken.close()
    assert "changed by ken" in str(err.value)
    assert err.value.theirs == "The ship left on Tuesday." and err.value.mine == "The boat left on Monday."
    assert _text(store, seg) == "The ship left on Tuesday."  # theirs stands, nothing overwritten
    # A save based on the current version goes through.
    edit_text(store, seg, "en", "The boat left on Tuesday.", base_version=err.value.version)
    assert _text(store, seg) == "The boat left on Tuesday."


def test_the_losers_text_is_kept_as_a_competing_correction_and_can_win_later(store: Store, seg: int):
    from model.ops.corrections import accept_correction

    base = segment_version(store, seg)
    edit_text(_other(store, "ken"), seg, "en", "The ship left on Tuesday.", base_version=base)
    with pytest.raises(EditConflict) as err:
        edit_text(store, seg, "en", "The boat left on Monday.", base_version=base)
    keep_competing(store, seg, "en", err.value.mine, flag=True)  # "both"
    assert _text(store, seg) == "The ship left on Tuesday."
    with store.read() as s:
        competing = s.query(Correction.id).filter_by(segment_id=seg, status="competing").scalar()
        assert s.query(Flag).filter_by(segment_id=seg, category="conflict", status="open").count() == 1
    accept_correction(store, competing)  # a reviewer prefers it: it becomes the text
    assert _text(store, seg) == "The boat left on Monday."


def test_mine_wins_applies_my_text_over_theirs(store: Store, seg: int):
    base = segment_version(store, seg)
    edit_text(_other(store, "ken"), seg, "en", "The ship left on Tuesday.", base_version=base)
    with pytest.raises(EditConflict) as err:
        edit_text(store, seg, "en", "The boat left on Monday.", base_version=base)
    keep_competing(store, seg, "en", err.value.mine, mine_wins=True)
    assert _text(store, seg) == "The boat left on Monday."


def test_undo_after_someone_else_changed_the_same_segment_is_refused(store: Store, seg: int):
    mine = edit_text(store, seg, "en", "The ship left on Tuesday.")
    edit_text(_other(store, "ken"), seg, "en", "The ship left on Tuesday at noon.")
    with pytest.raises(UndoConflict, match="ken changed segment"):
        store.undo(mine)
    assert _text(store, seg) == "The ship left on Tuesday at noon."  # theirs intact


def test_undo_and_redo_of_my_own_last_change_still_work_and_versions_only_grow(store: Store, seg: int):
    v0 = segment_version(store, seg)
    event = edit_text(store, seg, "en", "The ship left on Tuesday.")
    v1 = segment_version(store, seg)
    store.undo(event)
    v2 = segment_version(store, seg)
    assert _text(store, seg) == "The ship left on Monday."
    store.redo(event)
    assert _text(store, seg) == "The ship left on Tuesday."
    assert v0 < v1 < v2 < segment_version(store, seg)  # an old version never comes back
    # A save based on the text before the undo is recognised as stale.
    with pytest.raises(EditConflict):
        edit_text(store, seg, "en", "The ship left on Wednesday.", base_version=v1)


def test_undo_of_replace_all_checks_the_same_way(store: Store, seg: int):
    with store.read() as s:
        tid = s.get(Segment, seg).transcript_id
    event = replace_all(store, tid, "Monday", "Friday")
    edit_text(_other(store, "ken"), seg, "en", "The ship left on Friday night.")
    with pytest.raises(UndoConflict):
        store.undo(event)
    assert _text(store, seg) == "The ship left on Friday night."


def test_a_flag_elsewhere_does_not_block_undo(store: Store, seg: int):
    event = edit_text(store, seg, "en", "The ship left on Tuesday.")
    add_flag(_other(store, "ken"), seg, "other", "check the day")  # not a text change
    store.undo(event)
    assert _text(store, seg) == "The ship left on Monday."


def test_on_sqlite_or_as_the_owner_every_role_is_allowed(store: Store, seg: int):
    assert store.role is None
    approve(store, seg)
    flag = add_flag(store, seg, "other", "x")
    with store.read() as s:
        fid = s.query(Flag.id).filter_by(segment_id=seg).scalar()
    assert flag and resolve_flag(store, fid)
