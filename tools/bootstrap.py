"""Set up Taiyaku in a local virtual environment, then run the app or the tests.

    python3 tools/bootstrap.py run [ARGS...]    the app (no ARGS: the window on the bundled sample)
    python3 tools/bootstrap.py test [ARGS...]   the whole test suite, headless (ARGS go to pytest)
    python3 tools/bootstrap.py gate             the checks: ruff, mypy, import-linter, import cycles

Needs only python3 (3.11 or newer) with its standard library. Creates ``.venv``
beside this repository's ``pyproject.toml`` when it is missing, and installs
Taiyaku into it (``pip install -e .[test,package,dev]``) again whenever pyproject.toml
changes. Set TAIYAKU_VENV to use another folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(os.environ.get("TAIYAKU_VENV") or ROOT / ".venv")
STAMP = VENV / ".taiyaku-installed"
MIN_PYTHON = (3, 11)


def say(message: str) -> None:
    """Progress on stderr, so stdout stays the app's or pytest's."""
    print(f"bootstrap: {message}", file=sys.stderr, flush=True)


def venv_python() -> Path:
    """The virtual environment's interpreter (Scripts\\python.exe on Windows)."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _venv_missing_hint() -> str:
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return ("python3 cannot create virtual environments here. On Debian/Ubuntu install the venv module:\n"
            f"    sudo apt-get install python3-venv   (or python{version}-venv)\nthen run this command again.")


def ensure_venv() -> Path:
    """Create the virtual environment if it is missing (or broken); returns its python."""
    python = venv_python()
    if python.exists():
        return python
    try:
        import ensurepip  # noqa: F401  Debian ships it separately (python3-venv)
        import venv  # noqa: F401
    except ImportError:
        say(_venv_missing_hint())
        raise SystemExit(1) from None
    if VENV.exists():
        say(f"{VENV} is incomplete; making it again")
        shutil.rmtree(VENV)
    say(f"creating a virtual environment in {VENV}")
    result = subprocess.run([sys.executable, "-m", "venv", str(VENV)], stdin=subprocess.DEVNULL)
    if result.returncode != 0 or not python.exists():
        shutil.rmtree(VENV, ignore_errors=True)
        say(_venv_missing_hint())
        raise SystemExit(1)
    return python


def _wanted_stamp(python: Path) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest} {python}\n"


def ensure_installed(python: Path) -> None:
    """``pip install -e .[test,package,dev]`` unless this pyproject.toml is already installed."""
    wanted = _wanted_stamp(python)
    if STAMP.exists() and STAMP.read_text(encoding="utf-8") == wanted:
        return
    say("installing Taiyaku and its dependencies (first run only; needs the network)")
    command = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
               "--quiet", "-e", f"{ROOT}[test,package,dev]"]
    if subprocess.run(command, cwd=ROOT, stdin=subprocess.DEVNULL).returncode != 0:
        say("pip could not install the dependencies (see above); nothing was started")
        raise SystemExit(1)
    STAMP.write_text(wanted, encoding="utf-8")


def run_app(python: Path, args: list[str]) -> int:
    """The app: the window on the bundled sample, or main.py with the given arguments."""
    return subprocess.call([str(python), str(ROOT / "main.py"), *(args or ["--sample"])], cwd=ROOT)


QT_SYSTEM_LIBS = "libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3"


def check_qt(python: Path, env: dict[str, str]) -> None:
    """Warn (with the apt line) when Qt cannot load for lack of system libraries."""
    probe = subprocess.run([str(python), "-c", "import PySide6.QtGui"], env=env, capture_output=True,
                           text=True, stdin=subprocess.DEVNULL)
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["unknown error"])[-1]
        say(f"Qt cannot load ({last}); the window's tests will fail. On Debian/Ubuntu:\n"
            f"    sudo apt-get install {QT_SYSTEM_LIBS}")


def run_tests(python: Path, args: list[str]) -> int:
    """Every test, slow ones included, with Qt offscreen (no display needed)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    check_qt(python, env)
    # -m "" clears any marker filter, so tests marked slow run too.
    command = [str(python), "-m", "pytest", "-m", "", *args]
    status = subprocess.call(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL)
    if status == 5:
        say("pytest collected no tests: that counts as a failure")
    return status


def venv_tool(python: Path, name: str) -> str:
    """A console script installed beside ``python`` (ruff, mypy, lint-imports)."""
    suffix = ".exe" if os.name == "nt" else ""
    return str(python.parent / f"{name}{suffix}")


def gate_commands(python: Path) -> list[tuple[str, list[str]]]:
    """The gate's checks, each (name, command); configured in pyproject.toml."""
    return [
        ("ruff", [venv_tool(python, "ruff"), "check", "."]),
        ("mypy", [venv_tool(python, "mypy")]),
        ("import-linter", [venv_tool(python, "lint-imports"), "--no-cache"]),
        ("import cycles", [str(python), str(ROOT / "tools" / "check_cycles.py")]),
    ]


def run_gate(python: Path) -> int:
    """Every check, even after one fails (all findings at once); 1 if any found something."""
    failed = []
    for name, command in gate_commands(python):
        say(f"gate: {name}")
        if subprocess.call(command, cwd=ROOT, stdin=subprocess.DEVNULL) != 0:
            failed.append(name)
    if failed:
        say(f"gate: FAILED ({', '.join(failed)})")
        return 1
    say("gate: all checks passed")
    return 0


def main(argv: list[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        say(f"Taiyaku needs Python {'.'.join(map(str, MIN_PYTHON))} or newer; this is {sys.version.split()[0]}")
        return 1
    if not argv or argv[0] not in ("run", "test", "gate"):
        print("\n\n".join(__doc__.strip().split("\n\n")[:2]), file=sys.stderr)  # what it does, and how
        return 2
    python = ensure_venv()
    ensure_installed(python)
    if argv[0] == "gate":
        return run_gate(python)
    return run_app(python, argv[1:]) if argv[0] == "run" else run_tests(python, argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
