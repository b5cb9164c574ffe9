"""Times are looked up without reading every segment when nothing is known (no recording, no
timing, no timestamp): the window's start-up and the exports ask this of every transcript."""

from __future__ import annotations

from model.audio import ops
from model.schema import Segment
from model.store import Store
from tests.model.test_audio_model import plain_transcript


def test_a_transcript_with_labels_but_no_time_has_no_times(store: Store):
    tid, ids = plain_transcript(store, ["Hello there.", "More words here.", "Last."])
    with store.operation("labels") as op:
        for sid in ids:
            op.session.get(Segment, sid).en_prefix = "Q: "
    assert ops.segment_times(store, tid) == []


def test_a_timestamp_in_a_prefix_alone_is_an_anchor(store: Store):
    tid, ids = plain_transcript(store, ["Hello there.", "More words here.", "Last."])
    with store.operation("a timestamp in a label") as op:
        op.session.get(Segment, ids[1]).en_prefix = "[00:01:12] OPERATOR: "
    times = {t.segment_id: t for t in ops.segment_times(store, tid)}
    assert (times[ids[1]].kind, times[ids[1]].start_ms) == ("imported", 0)  # no recording: from the first
    assert times[ids[0]].kind == times[ids[2]].kind == "estimated"
