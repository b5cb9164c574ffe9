"""Exports are read a batch of turns at a time and written as they go.

The golden files pin the output of the small fixture byte for byte; here the real
press call, with corrections, gaps, flags and replies made through the store, is
exported with batches of one segment and with the default batches: every format
gives the same bytes, and no batch is kept once it is written.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from export_fixture import build_export_sample
from sqlalchemy import func, select

import model.export.stream as stream
from model.errors import NotFound
from model.export import ExportFailed, ExportOptions, get_exporter, load_builtin_exporters
from model.importer.load import import_file
from model.ops.corrections import edit_text
from model.ops.flags import add_flag, reply_to_flag, resolve_flag
from model.ops.gaps import fill_gap
from model.ops.review_state import set_review_state
from model.schema import Flag, Gap, Segment

OPTIONS = {
    "default": {},
    "clean": {"annotations": False},
    "original": {"text": "original"},
    "side": {"layout": "side_by_side"},
    "approved": {"approved_only": True},
    "ja": {"langs": ("ja",)},
    "csv": {"extra": {"report_format": "csv"}},
    "report-html": {"extra": {"report_format": "html"}},
}


def _annotated_press_call(store, press_call: Path) -> int:
    tid = import_file(store, press_call)
    with store.read() as s:
        segs = s.execute(select(Segment.id, Segment.en_orig).where(Segment.transcript_id == tid)
                         .order_by(Segment.id)).all()
        gaps = list(s.scalars(select(Gap.id).where(Gap.transcript_id == tid).order_by(Gap.id)))
    edited = [(sid, en) for sid, en in segs if en and "Kyoto" in en] or [(sid, en) for sid, en in segs if en][:3]
    for sid, en in edited:
        edit_text(store, sid, "en", en.replace("Kyoto", "Kyodo") + " [checked]", category="mishearing")
    for n, (sid, _en) in enumerate(segs[::9]):
        add_flag(store, sid, "mistranslation", f"Check *this* <b>{n}</b>")
        with store.read() as s:
            flag = s.execute(select(func.max(Flag.id))).scalar_one()
        reply_to_flag(store, flag, "Agreed.")
        if n % 2:
            resolve_flag(store, flag, "fixed")
    for gid in gaps[::3]:
        fill_gap(store, gid, "the", "certain")
    for sid, _en in segs[::4]:
        set_review_state(store, sid, "approved")
    return tid


def _outputs(store, tid: int) -> dict[str, bytes]:
    out = {}
    for name in load_builtin_exporters():
        for label, opts in OPTIONS.items():
            try:
                data = get_exporter(name)(store, tid, ExportOptions(**opts))
            except ExportFailed as exc:  # e.g. subtitles without times: refused the same way
                data = f"refused: {exc}"
            if name == "docx" and isinstance(data, bytes):
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    data = z.read("word/document.xml")
            out[f"{name}-{label}"] = data.encode("utf-8") if isinstance(data, str) else data
    return out


def test_batches_of_one_segment_give_the_same_files(store, press_call, monkeypatch):
    tids = [_annotated_press_call(store, press_call), build_export_sample(store)]
    whole = {tid: _outputs(store, tid) for tid in tids}
    monkeypatch.setattr(stream, "BATCH_SEGMENTS", 1)
    monkeypatch.setattr(stream, "FIRST_TURNS", 1)
    for tid in tids:
        small = _outputs(store, tid)
        assert small.keys() == whole[tid].keys()
        for key, data in small.items():
            assert data == whole[tid][key], key


def test_a_batch_is_let_go_once_written(store, press_call):
    tid = _annotated_press_call(store, press_call)
    source = stream.ExportSource(store, tid, batch=5)
    held_most = 0
    seen = 0
    for run in source.batches():
        seen += sum(len(t.segments) for t in run)
        held = sum(len(t.segments) for t in source.view.turns)
        held_most = max(held_most, held)
    assert seen == source.total > 50
    # A batch holds whole turns: at most one turn beyond the size asked for.
    longest_turn = max(_turn_lengths(store, tid))
    assert held_most <= 5 + longest_turn
    assert all(not t.segments for t in source.view.turns)


def _turn_lengths(store, tid: int) -> list[int]:
    with store.read() as s:
        return [n for (n,) in s.execute(select(func.count()).select_from(Segment)
                                        .where(Segment.transcript_id == tid).group_by(Segment.turn_id))]


def test_a_file_export_streams_to_disk_and_matches_the_buffered_one(store, press_call, tmp_path):
    tid = _annotated_press_call(store, press_call)
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("txt", "json", "tmx"):
        exporter = get_exporter(name)
        path = exporter.write_file(store, tid, folder / f"out.{name}", ExportOptions())
        assert path.read_bytes() == exporter(store, tid, ExportOptions()).encode("utf-8")
    assert sorted(p.name for p in folder.iterdir()) == ["out.json", "out.tmx", "out.txt"]  # no leftovers


def test_a_failing_export_leaves_no_file(store, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(NotFound, match="does not exist"):
        get_exporter("txt").write_file(store, 999, folder / "gone.txt")
    assert list(folder.iterdir()) == []


def test_a_preview_reads_the_first_page_only(store, press_call):
    tid = _annotated_press_call(store, press_call)
    view, total = stream.first_segments(store, tid, 10)
    held = [seg.id for turn in view.turns for seg in turn.segments]
    assert 10 <= len(held) < total
    with store.read() as s:
        first = list(s.scalars(select(Segment.id).where(Segment.transcript_id == tid)
                               .order_by(Segment.turn_id, Segment.position).limit(len(held))))
    assert held == first
    flagged = [f for turn in view.turns for seg in turn.segments for f in seg.flags]
    assert flagged and all(hasattr(f, "replies") for f in flagged)  # as exports show them
