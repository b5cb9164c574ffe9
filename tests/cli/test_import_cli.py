"""``python main.py import`` with several files, folders, a translation file, its summary and duplicates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"


def taiyaku(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", XDG_DATA_HOME=str(cwd))
    env.pop("TAIYAKU_DEBUG", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=cwd, timeout=120)


def test_two_files_make_one_aligned_transcript_with_a_summary_on_stderr(tmp_path: Path):
    db = tmp_path / "db.sqlite3"
    result = taiyaku("--db", db, "import", LAYOUTS / "two-files-en.txt", "--translation",
                     LAYOUTS / "two-files-ja.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "1"
    assert "layout: files, lead language: en" in result.stderr
    assert "6 turns, 3 speakers, 7 pairs, 0 untranslated, 0 gaps, 0 markers" in result.stderr
    exported = taiyaku("--db", db, "export", "1", "--format", "json", cwd=tmp_path)
    assert "20億ドル" in exported.stdout and "$2 billion" in exported.stdout


def test_a_folder_and_several_files_import_in_one_process_one_transcript_each(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("mofa-interleaved.txt", "interleaved-nm.txt"):
        shutil.copy(LAYOUTS / name, folder / name)
    (folder / "notes.md").write_text("not a transcript", encoding="utf-8")
    db = tmp_path / "db.sqlite3"
    result = taiyaku("--db", db, "import", folder, LAYOUTS / "two-blocks.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    ids = [line for line in result.stdout.splitlines() if line.isdigit()]
    assert ids == ["1", "2", "3"]
    assert result.stderr.count("layout:") == 3 and "layout: blocks" in result.stderr
    listed = taiyaku("--db", db, "list", cwd=tmp_path).stdout
    assert "外務大臣会見記録" in listed and "Press Briefing on the Harbour Agreement" in listed


def test_one_bad_file_among_several_is_reported_and_the_others_are_imported(tmp_path: Path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    db = tmp_path / "db.sqlite3"
    result = taiyaku("--db", db, "import", LAYOUTS / "interleaved-nm.txt", bad, cwd=tmp_path)
    assert result.returncode == 2
    assert [line for line in result.stderr.splitlines() if "error" in line] == [
        f"taiyaku: error: {bad}: the file is empty"]
    assert [line for line in result.stdout.splitlines() if line.isdigit()] == ["1"]


def test_importing_the_same_file_twice_warns_on_stderr(tmp_path: Path):
    db = tmp_path / "db.sqlite3"
    first = taiyaku("--db", db, "import", LAYOUTS / "interleaved-nm.txt", cwd=tmp_path)
    assert "warning" not in first.stderr
    second = taiyaku("--db", db, "import", LAYOUTS / "interleaved-nm.txt", cwd=tmp_path)
    assert second.returncode == 0
    warnings = [line for line in second.stderr.splitlines() if line.startswith("taiyaku: warning:")]
    assert len(warnings) == 1 and "imported before (transcript 1" in warnings[0]
    assert second.stdout.splitlines()[-1] == "2"


def test_translation_with_several_files_is_refused_in_one_line(tmp_path: Path):
    result = taiyaku("--db", tmp_path / "db.sqlite3", "import", LAYOUTS / "two-files-en.txt",
                     LAYOUTS / "two-blocks.txt", "--translation", LAYOUTS / "two-files-ja.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "exactly one FILE" in result.stderr
