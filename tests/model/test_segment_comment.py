"""An annotator's own comment on a segment: one undoable operation, in the read model, the JSON
export and the change report; the pane filter finds commented segments."""

from __future__ import annotations

import json

import pytest

from model.errors import OperationFailed
from model.export import ExportOptions, get_exporter
from model.filters import matching_segments
from model.ops.comments import set_comment
from model.readmodel import load_segment
from tests.factory import make_transcript


@pytest.fixture
def tid(store):
    return make_transcript(store)


def _first_segment(store, tid):  # type: ignore[no-untyped-def]
    from model.readmodel import load_transcript

    return next(load_transcript(store, tid).segments())[1].id


def test_comment_is_one_undoable_step(store, tid):
    sid = _first_segment(store, tid)
    event = set_comment(store, sid, "  check the date against the audio  ")
    assert load_segment(store, sid).comment == "check the date against the audio"
    assert set_comment(store, sid, "check the date against the audio") is None  # nothing to change
    store.undo(event)
    assert load_segment(store, sid).comment is None
    store.redo(event)
    set_comment(store, sid, "")
    assert load_segment(store, sid).comment is None
    with pytest.raises(OperationFailed):
        set_comment(store, sid, "x" * 5000)


def test_comment_in_json_and_report(store, tid):
    sid = _first_segment(store, tid)
    set_comment(store, sid, "speaker may be the ambassador")
    data = json.loads(get_exporter("json")(store, tid))
    segs = [seg for turn in data["turns"] for seg in turn["segments"]]
    assert [s.get("comment") for s in segs if s["id"] == sid] == ["speaker may be the ambassador"]
    assert all("comment" not in s for s in segs if s["id"] != sid)
    report = get_exporter("report")(store, tid, ExportOptions())
    assert "## Comments" in report and "speaker may be the ambassador" in report
    csv = get_exporter("report")(store, tid, ExportOptions(extra={"report_format": "csv"}))
    assert "comment" in csv and "speaker may be the ambassador" in csv
    assert matching_segments(store, tid, "commented") == {sid}
