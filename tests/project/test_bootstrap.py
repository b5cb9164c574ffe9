"""The README's two commands (tools/bootstrap.py), without creating a real environment."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bootstrap(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("bootstrap_under_test", ROOT / "tools" / "bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "VENV", tmp_path / "venv")
    monkeypatch.setattr(module, "STAMP", tmp_path / "venv" / ".taiyaku-installed")
    return module


def test_without_the_venv_module_it_names_the_debian_package(bootstrap, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "ensurepip", None)  # as on Debian without python3-venv
    with pytest.raises(SystemExit) as exit_info:
        bootstrap.ensure_venv()
    assert exit_info.value.code == 1
    assert "sudo apt-get install python3-venv" in capsys.readouterr().err
    assert not bootstrap.VENV.exists()


def test_the_test_command_runs_every_test_offscreen(bootstrap, monkeypatch):
    calls = []
    monkeypatch.setattr(bootstrap, "check_qt", lambda python, env: None)
    monkeypatch.setattr(bootstrap.subprocess, "call", lambda cmd, **kw: calls.append((cmd, kw)) or 5)
    assert bootstrap.run_tests(Path("/venv/bin/python"), ["-x"]) == 5  # "no tests" is a failure too
    [(command, kwargs)] = calls
    assert command[1:] == ["-m", "pytest", "-m", "", "-x"]  # -m "": slow tests included
    assert kwargs["env"]["QT_QPA_PLATFORM"] == "offscreen"
    assert kwargs["stdin"] is bootstrap.subprocess.DEVNULL


def test_the_run_command_opens_the_sample_by_default(bootstrap, monkeypatch):
    calls = []
    monkeypatch.setattr(bootstrap.subprocess, "call", lambda cmd, **kw: calls.append(cmd) or 0)
    bootstrap.run_app(Path("/venv/bin/python"), [])
    bootstrap.run_app(Path("/venv/bin/python"), ["list"])
    assert [c[2:] for c in calls] == [["--sample"], ["list"]]
    assert calls[0][1] == str(ROOT / "main.py")


def test_install_happens_once_per_pyproject(bootstrap, monkeypatch):
    runs = []

    class Done:
        returncode = 0

    monkeypatch.setattr(bootstrap.subprocess, "run", lambda cmd, **kw: runs.append(cmd) or Done())
    bootstrap.STAMP.parent.mkdir(parents=True)
    python = bootstrap.VENV / "bin" / "python"
    bootstrap.ensure_installed(python)
    bootstrap.ensure_installed(python)
    assert len(runs) == 1 and runs[0][-2] == "-e" and runs[0][-1].startswith(str(ROOT) + "[test")


def test_no_command_shows_the_usage(bootstrap, capsys):
    assert bootstrap.main([]) == 2
    assert "bootstrap.py run" in capsys.readouterr().err


def test_the_gate_runs_every_check_and_fails_on_any_finding(bootstrap, monkeypatch, capsys):
    calls = []

    def call(cmd, **kw):
        calls.append(cmd)
        return 1 if "mypy" in Path(cmd[0]).name else 0  # one check finds something

    monkeypatch.setattr(bootstrap.subprocess, "call", call)
    assert bootstrap.run_gate(Path("/venv/bin/python")) == 1
    assert [Path(c[0]).name for c in calls][:3] == ["ruff", "mypy", "lint-imports"]  # all run, even after one fails
    assert "gate: FAILED (mypy)" in capsys.readouterr().err
    monkeypatch.setattr(bootstrap.subprocess, "call", lambda cmd, **kw: 0)
    assert bootstrap.run_gate(Path("/venv/bin/python")) == 0
