"""The headless command line, run as a user runs it: ``python main.py ...`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import model
from tests.factory import make_transcript

ROOT = Path(__file__).resolve().parents[2]


def taiyaku(*args: object, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``main.py`` with ``args``; never inherits the user's default database."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", XDG_DATA_HOME=str(cwd or ROOT / ".no-such-data"))
    env.pop("TAIYAKU_DEBUG", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=cwd or ROOT, input=stdin, timeout=120)


def assert_one_error_line(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 2, nothing but one ``taiyaku: error:`` line on stderr, mentioning every fragment."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("taiyaku: error: "), lines[0]
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def test_version_comes_from_the_model_package():
    result = taiyaku("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Taiyaku {model.__version__}"


@pytest.mark.parametrize("command", [[], ["import"], ["list"], ["export"]])
def test_help_on_every_command(command: list[str]):
    result = taiyaku(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: main.py " + " ".join(command))
    assert "--db" in result.stdout
    if command == ["export"]:
        from model.export import load_builtin_exporters

        assert all(name in result.stdout for name in load_builtin_exporters())


def test_list_of_a_missing_database_says_so_and_creates_nothing(tmp_path: Path):
    db = tmp_path / "none.sqlite3"
    result = taiyaku("list", "--db", db)
    assert result.returncode == 0
    assert "no transcripts" in result.stdout
    assert not db.exists()


def test_list_shows_an_aligned_table(store, db_path: Path):
    make_transcript(store, "Harbour briefing")
    make_transcript(store, "港湾ブリーフィング")
    store.close()
    result = taiyaku("list", "--db", db_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "title", "turns", "segments"]
    assert lines[1].split() == ["1", "Harbour", "briefing", "3", "3"]
    assert lines[2].split() == ["2", "港湾ブリーフィング", "3", "3"]
    # Right-aligned numbers end in the same column, wide characters counted twice.
    from cli.core import display_width

    assert len({display_width(line) for line in lines}) == 1


def test_db_option_also_before_the_command(store, db_path: Path):
    make_transcript(store)
    store.close()
    result = taiyaku("--db", db_path, "list")
    assert result.returncode == 0, result.stderr
    assert "Briefing on the harbour project" in result.stdout


def test_export_json_to_stdout_and_to_a_file(store, db_path: Path, tmp_path: Path):
    tid = make_transcript(store)
    store.close()
    result = taiyaku("export", tid, "--format", "json", "--db", db_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Briefing on the harbour project"
    out = tmp_path / "out" / "harbour.json"
    out.parent.mkdir()
    result = taiyaku("export", tid, "-o", out, "--db", db_path)  # format from the extension
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == data
    assert sorted(p.name for p in out.parent.iterdir()) == ["harbour.json"]  # no temporary file left


def test_the_report_format_comes_from_the_extension_too(store, db_path: Path, tmp_path: Path):
    tid = make_transcript(store)
    store.close()
    csv_out, html_out, md_out = tmp_path / "report.csv", tmp_path / "report.html", tmp_path / "forced.csv"
    result = taiyaku("export", tid, "-o", csv_out, "--db", db_path)  # .csv: only the change report writes it
    assert result.returncode == 0, result.stderr
    assert csv_out.read_text(encoding="utf-8-sig").startswith("kind,where,speaker,lang,before,after")
    result = taiyaku("export", tid, "--format", "report", "-o", html_out, "--db", db_path)  # not Markdown in .html
    assert result.returncode == 0, result.stderr
    assert html_out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    result = taiyaku("export", tid, "--format", "report", "--report-format", "md", "-o", md_out, "--db", db_path)
    assert result.returncode == 0, result.stderr
    assert md_out.read_text(encoding="utf-8").startswith("# ")  # said on the command line: wins
    # .html alone is still the transcript page, not the report.
    page = tmp_path / "page.html"
    assert taiyaku("export", tid, "-o", page, "--db", db_path).returncode == 0
    assert "Change report" not in page.read_text(encoding="utf-8")


def test_failed_export_leaves_an_existing_file_alone(store, db_path: Path, tmp_path: Path):
    make_transcript(store)
    store.close()
    out = tmp_path / "keep.json"
    out.write_text("precious", encoding="utf-8")
    result = taiyaku("export", "99", "--format", "json", "-o", out, "--db", db_path)
    assert_one_error_line(result, "transcript 99 does not exist")
    assert out.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["keep.json", db_path.name]) or \
        not [p for p in tmp_path.iterdir() if p.name.startswith(".keep.json")]


@pytest.mark.parametrize(
    "args, fragments",
    [
        (["frobnicate"], ["'frobnicate' is neither a command", "import, list, export"]),
        (["export", "abc", "--format", "json"], ["a transcript id is a number"]),
        (["export", "1", "--format", "pdf"], ["invalid choice", "pdf"]),
        (["export", "1"], ["choose a format"]),
        (["import"], ["FILE"]),
        (["list", "--no-such-option"], ["unrecognized arguments"]),
    ],
)
def test_usage_errors_are_one_line(args: list[str], fragments: list[str], tmp_path: Path):
    assert_one_error_line(taiyaku(*args, "--db", tmp_path / "db.sqlite3"), *fragments)


def test_export_from_a_missing_database_is_refused_without_creating_it(tmp_path: Path):
    db = tmp_path / "nothing.sqlite3"
    assert_one_error_line(taiyaku("export", "1", "--format", "json", "--db", db), "no database", str(db))
    assert not db.exists()


def test_import_of_a_missing_file_is_one_line(tmp_path: Path):
    db = tmp_path / "db.sqlite3"
    assert_one_error_line(taiyaku("import", tmp_path / "absent.txt", "--db", db), "absent.txt", "no such file")
    assert not db.exists()


def test_no_window_means_a_one_line_explanation_and_the_help(tmp_path: Path, monkeypatch):
    import main

    monkeypatch.setattr("importlib.util.find_spec", lambda name, *a: None)
    code = main.main(["--db", str(tmp_path / "db.sqlite3")])
    assert code == 0


def test_the_command_line_never_imports_qt(store, db_path: Path, tmp_path: Path):
    tid = make_transcript(store)
    store.close()
    script = f"""
import sys
import model, cli, cli.core, model.db, model.store, model.export
import main
codes = [main.main(["list", "--db", {str(db_path)!r}]),
         main.main(["export", "{tid}", "--format", "json", "-o", {str(tmp_path / 'x.json')!r},
                    "--db", {str(db_path)!r}]),
         main.main(["export", "{tid}", "--format", "txt", "-o", {str(tmp_path / 'x.txt')!r}, "--db", {str(db_path)!r}]),
         main.main(["--help"])]
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "gui")))
print("QT", qt, "CODES", codes)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "QT [] CODES" in result.stdout, result.stdout + result.stderr


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, line endings normalised."""
    import re

    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_import_list_and_export_the_real_press_call(press_call: Path, tmp_path: Path):
    db = tmp_path / "library.sqlite3"
    result = taiyaku("import", press_call, "--db", db, "--title", "Press call, 9 April 2024")
    assert result.returncode == 0, result.stderr
    tid = int(result.stdout.splitlines()[-1])  # the id alone on the last line
    assert tid == 1

    listing = taiyaku("list", "--db", db)
    assert listing.returncode == 0
    header, row = listing.stdout.splitlines()
    assert row.split()[:5] == ["1", "Press", "call,", "9", "April"]
    turns, segments = map(int, row.split()[-2:])
    assert 20 < turns <= segments

    data = json.loads(taiyaku("export", tid, "--format", "json", "--db", db).stdout)
    assert data["title"] == "Press call, 9 April 2024"
    assert sum(len(t["segments"]) for t in data["turns"]) == segments
    assert len(data["turns"]) == turns

    out = tmp_path / "press-call.txt"
    result = taiyaku("export", tid, "--format", "txt", "-o", out, "--db", db)
    assert result.returncode == 0, result.stderr
    # Unedited, the text export gives back the input's paragraphs in order.
    assert paragraphs(out.read_text(encoding="utf-8")) == paragraphs(press_call.read_text(encoding="utf-8"))


def test_importing_a_binary_file_is_refused_and_changes_nothing(tmp_path: Path):
    db = tmp_path / "library.sqlite3"
    sample = ROOT / "resources" / "samples" / "taiyaku-sample-briefing.txt"
    assert taiyaku("import", sample, "--db", db).returncode == 0
    before = taiyaku("export", "1", "--format", "json", "--db", db).stdout
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_error_line(taiyaku("import", binary, "--db", db), "photo.txt")
    assert taiyaku("list", "--db", db).stdout.count("\n") == 2  # header and the one transcript
    assert taiyaku("export", "1", "--format", "json", "--db", db).stdout == before


def test_without_a_window_file_or_sample_is_refused_before_any_write(tmp_path: Path, capsys):
    """Issue #11, defect 10: it used to import, then fail, print the help and a listing."""
    from cli import core as cli

    db = tmp_path / "library.sqlite3"
    source = tmp_path / "t.txt"
    source.write_text("Q: A question.\nQ: 質問です。\n", encoding="utf-8")
    for args in (["--sample"], [str(source)], ["--sample"]):
        assert cli.main([*args, "--db", str(db)], window=None) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert len(err.splitlines()) == 1 and err.startswith("taiyaku: error: the window is not available here")
        assert "nothing was imported" in err
    assert not db.exists()
    # Through main.py without a display: the same single line, nothing created.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), str(source), "--db", str(db)],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert_one_error_line(result, "no graphical display", "nothing was imported")
    assert result.stdout == "" and not db.exists()


def test_the_run_command_opens_the_window_on_the_sample(tmp_path: Path):
    """What `python3 tools/bootstrap.py run` starts: main.py --sample (here offscreen, quitting once shown)."""
    db = tmp_path / "library.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--sample", "--quit-after-load", "--db", str(db)],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    listing = taiyaku("list", "--db", db).stdout.splitlines()
    assert len(listing) == 2 and "北部海峡フェリー" in listing[1]


def test_window_options_are_checked_before_any_window(tmp_path: Path):
    assert_one_error_line(taiyaku("--no-such-option", "--db", tmp_path / "x.sqlite3"), "--no-such-option")
    assert not (tmp_path / "x.sqlite3").exists()


def test_a_window_that_cannot_open_is_explained_in_one_line(monkeypatch, tmp_path: Path):
    import ctypes.util

    import main

    monkeypatch.setattr(main.sys, "platform", "linux")
    assert "no graphical display" in main.display_problem({})
    assert main.display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert main.display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else "lib.so")
    assert main.display_problem({"DISPLAY": ":0"}).endswith("(sudo apt-get install libxcb-cursor0)")
    # Through the command line: one line, then the help; nothing is created.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "db.sqlite3")],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "taiyaku: the window cannot open: there is no graphical display (DISPLAY is not set); "
        "the command line works without it:"]
    assert result.stdout.startswith("usage: ")


def test_export_into_a_missing_folder_is_one_line(store, db_path: Path, tmp_path: Path):
    tid = make_transcript(store)
    store.close()
    out = tmp_path / "no" / "such" / "folder" / "x.json"
    assert_one_error_line(taiyaku("export", tid, "-o", out, "--db", db_path), "cannot write")
    assert not (tmp_path / "no").exists()


def test_unexpected_system_errors_are_described_in_one_line():
    from cli.core import describe_unexpected

    assert describe_unexpected(PermissionError(13, "Permission denied", "/srv/t.txt")) == \
        "/srv/t.txt: Permission denied"
    line = describe_unexpected(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"))
    assert line.startswith("a text encoding problem: ") and "\n" not in line
    assert describe_unexpected(ValueError("odd")).startswith("unexpected ValueError: odd")


def test_no_module_of_the_model_imports_qt():
    script = """
import importlib, pkgutil, sys
import model
names = [m.name for m in pkgutil.walk_packages(model.__path__, "model.") if "migrations" not in m.name]
for name in names:
    importlib.import_module(name)
print(len(names), sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "gui"))))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    count, qt = result.stdout.split(" ", 1)
    assert int(count) > 20 and qt.strip() == "[]", result.stdout


def test_help_and_the_commands_list_do_not_load_the_storage_stack():
    # Every command module is imported to list the commands; none may import SQLAlchemy (0.3-0.7 s)
    # at its top: --help would pay for it, and so would the window before its frame.
    code = ("import sys, contextlib, io; sys.path.insert(0, sys.argv[1]); import main\n"
            "with contextlib.redirect_stdout(io.StringIO()): main.main(['--help'])\n"
            "print('sqlalchemy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr
