"""The window keeps a bounded number of segments read, however far the annotator moves."""

from __future__ import annotations

from gui_helpers import long_briefing, make_window
from PySide6.QtWidgets import QAbstractItemView, QApplication

import gui.models.transcript_model as transcript_model
from model.ops.corrections import edit_text


def test_moving_through_a_long_transcript_keeps_a_bounded_cache_and_right_texts(qtbot, store, tmp_path, monkeypatch):
    monkeypatch.setattr(transcript_model, "MAX_SEGMENTS", 200)
    window, _tid = make_window(qtbot, store, tmp_path, turns=long_briefing(400))  # 800 rows
    model, panes = window.transcript_model, window.panes
    for row in range(0, model.rowCount(), 60):  # a read-through, a screenful at a time
        panes.go_row(row, QAbstractItemView.ScrollHint.PositionAtTop)
        QApplication.processEvents()
        assert len(model.cached_segments()) <= 200 + transcript_model.CHUNK + transcript_model.CHUNK // 4
    # The first rows were let go long ago: read again when shown, with their text as it is now.
    first = model.segment_id(0)
    assert first not in model.cached_segments()
    edit_text(store, first, "en", "The very first paragraph, corrected while it was far away.")
    QApplication.processEvents()
    panes.go_row(0, QAbstractItemView.ScrollHint.PositionAtTop)
    QApplication.processEvents()
    seg = model.segment(0)
    assert seg is not None and seg.en == "The very first paragraph, corrected while it was far away."
    assert model.segment(1) is not None and model.segment(1).en == "Turn 1 second paragraph."
    window.ctx.undo_stack.clear()


def test_a_segment_in_use_stays_read_while_older_reads_go(qtbot, store, tmp_path, monkeypatch):
    # Least recently used goes first: a segment asked for again and again (the row being edited,
    # a pinned detail) is not read again each time the cache is full.
    monkeypatch.setattr(transcript_model, "MAX_SEGMENTS", 200)
    window, _tid = make_window(qtbot, store, tmp_path, turns=long_briefing(400))  # 800 rows
    model = window.transcript_model
    kept = model.segment_id(0)
    assert model.segment(0) is not None
    reads: list[int] = []
    real = transcript_model.load_segments
    monkeypatch.setattr(transcript_model, "load_segments", lambda st, ids: reads.extend(ids) or real(st, ids))
    for row in range(100, model.rowCount(), 50):  # reads far away, touching row 0 between them
        assert model.segment(row) is not None
        assert model.segment(0) is not None
    assert kept in model.cached_segments() and kept not in reads  # never let go, never read again
    assert len(model.cached_segments()) <= 200 + transcript_model.CHUNK + transcript_model.CHUNK // 4
    window.ctx.undo_stack.clear()
