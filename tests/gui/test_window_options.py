"""The window takes the options the command line parsed: main.py hands them over, gui.app
declares none of its own (--db, --sample, --quit-after-load and FILE are cli's)."""

from __future__ import annotations

from pathlib import Path

import main


def test_main_hands_the_window_the_options_cli_parsed(monkeypatch, tmp_path):
    from gui import app

    got = []
    monkeypatch.setattr(main, "display_problem", lambda: None)
    monkeypatch.setattr(app, "run", lambda options: got.append(options) or 0)
    assert main.main(["--db", str(tmp_path / "x.sqlite3"), "--sample", "--quit-after-load"]) == 0
    [options] = got
    assert options.db == tmp_path / "x.sqlite3" and options.sample == "" and options.quit_after_load
    assert options.file is None


def test_a_list_of_arguments_is_parsed_by_the_command_lines_parser(tmp_path):
    from cli.core import build_window_parser
    from gui import app

    argv = ["--db", str(tmp_path / "x.sqlite3"), "--quit-after-load", str(tmp_path / "briefing.txt")]
    assert app.parse_args(argv) == build_window_parser().parse_args(argv)
    assert app.parse_args(argv).file == Path(tmp_path / "briefing.txt")
