"""Exporting from the command line: formats, options, several transcripts, atomic files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from export_fixture import build_export_sample

from model.export import EXPORTERS, ExportFailed, ExportOptions, export_many, get_exporter, register, write_atomic
from tests.cli.test_cli import assert_one_error_line, taiyaku


@pytest.fixture
def two(store, db_path):
    first = build_export_sample(store)
    second = build_export_sample(store, title="Background press call <b>&</b> **Japan** visit")
    third = build_export_sample(store, title="../../etc/passwd")
    store.close()
    return first, second, third


def test_export_markdown_and_html_with_options(two, db_path: Path, tmp_path: Path):
    tid = two[0]
    out = tmp_path / "call.html"
    result = taiyaku("export", tid, "-o", out, "--layout", "side-by-side", "--clean", "--db", db_path)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert '<table class="bilingual">' in page and 'class="flag"' not in page
    result = taiyaku("export", tid, "--format", "md", "--lang", "ja", "--gap-text-ja", "[不明]", "--db", db_path)
    assert result.returncode == 0, result.stderr
    assert "それとも他の*\\[不明\\]*のか" in result.stdout and "Welcome" not in result.stdout
    result = taiyaku("export", tid, "--format", "txt", "--original", "--approved-only", "--db", db_path)
    assert "Kyoto News" in result.stdout and "hypersonic" not in result.stdout


def test_export_several_transcripts_into_a_folder(two, db_path: Path, tmp_path: Path):
    folder = tmp_path / "exports"
    result = taiyaku("export", *two, "--format", "md", "-o", folder, "--db", db_path)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["Background press call b & b Japan visit (2).md", "Background press call b & b Japan visit.md",
                     "etc passwd.md"]
    assert result.stderr.count("wrote ") == 3


def test_several_transcripts_need_a_folder_and_existing_ids(two, db_path: Path, tmp_path: Path):
    assert_one_error_line(taiyaku("export", *two, "--format", "md", "--db", db_path), "-o FOLDER")
    folder = tmp_path / "none"
    assert_one_error_line(taiyaku("export", two[0], 77, "--format", "md", "-o", folder, "--db", db_path),
                          "transcript 77 does not exist")
    assert not folder.exists() or not list(folder.iterdir())


def test_a_write_failing_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch):
    target = tmp_path / "call.txt"
    target.write_text("the old export", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ExportFailed, match="No space left"):
        write_atomic(target, "x" * 100_000)
    assert target.read_text(encoding="utf-8") == "the old export"
    assert [p.name for p in tmp_path.iterdir()] == ["call.txt"]


def test_an_exporter_raising_midway_leaves_no_file(store, tmp_path: Path):
    first = build_export_sample(store)
    second = build_export_sample(store, title="Second")
    calls = []

    @register("explode", suffix=".txt", description="fails on its second transcript")
    def explode(st, tid, options):
        calls.append(tid)
        if len(calls) == 2:
            raise ExportFailed("disk on fire")
        return get_exporter("txt")(st, tid, options)

    try:
        with pytest.raises(ExportFailed, match="disk on fire"):
            export_many(store, [first, second], EXPORTERS["explode"], ExportOptions(), tmp_path / "out")
    finally:
        EXPORTERS.pop("explode")
    # The first file is whole; the second was never started; nothing half-written lies around.
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["Background press call b & b Japan visit.txt"]
    assert (tmp_path / "out" / files[0]).read_text(encoding="utf-8") == get_exporter("txt")(store, first)
