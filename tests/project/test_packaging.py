"""The packaged application (PyInstaller folder) starts and keeps its data straight.

Slow: builds dist/Taiyaku into a temporary folder once per run (about 20-60 s on
two cores; PyInstaller caches its binary analysis in ~/.cache/pyinstaller).
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import model
from model.resources import bundled_sample_path

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def _ensure_pyinstaller() -> None:
    """Install the ``package`` extra's PyInstaller if missing; skip when that is impossible."""
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-input",
                             "pyinstaller>=6.5,<7"], capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or importlib.util.find_spec("PyInstaller") is None:
        pytest.skip(f"PyInstaller is not installed and pip could not install it: {result.stderr.strip()[-200:]}")


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    """The built console program (dist/Taiyaku/taiyaku), built once for this module."""
    _ensure_pyinstaller()
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"),
         "--dist", str(out / "dist"), "--work", str(out / "work")],
        capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    figures = result.stdout.strip().splitlines()[-1]
    assert figures.startswith("build_s=") and "bundle_mb=" in figures
    print(figures)  # shown with -s; the build's own timing and size
    if sys.platform == "win32":
        return out / "dist" / "Taiyaku" / "taiyaku-cli.exe"
    if sys.platform == "darwin":
        return out / "dist" / "Taiyaku.app" / "Contents" / "MacOS" / "Taiyaku"
    return out / "dist" / "Taiyaku" / "taiyaku"


def _env(tmp_path: Path) -> dict[str, str]:
    """Offscreen Qt, a private home (so the default database is ours), and no Python around."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), PATH="/usr/bin:/bin")
    return env


def _run(app: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # cwd outside the repository: the bundle must not find the sources by accident.
    return subprocess.run([str(app), *args], capture_output=True, text=True, timeout=180,
                          env=_env(tmp_path), cwd=tmp_path)


def _transcripts(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT title FROM transcript ORDER BY id")]


def test_version_comes_from_the_model(app, tmp_path):
    result = _run(app, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Taiyaku {model.__version__}"


def test_translations_ship_in_the_bundle(app):
    if sys.platform == "darwin":
        pytest.skip("the .app bundle lays files out differently")
    internal = app.parent / "_internal"
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_ja.qm").is_file()
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        qm = internal / "resources" / "i18n" / ts.with_suffix(".qm").name
        assert qm.is_file() and qm.stat().st_size > 100, qm


def test_headless_import_and_list_create_a_migrated_database(app, tmp_path):
    if importlib.util.find_spec("model.importer") is None:
        pytest.skip("model/importer is not written yet")
    db = tmp_path / "x.sqlite3"
    result = _run(app, tmp_path, "import", str(bundled_sample_path()), "--db", str(db))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:  # created and stamped by the bundled Alembic migrations
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall()
    listing = _run(app, tmp_path, "list", "--db", str(db))
    assert listing.returncode == 0, listing.stderr
    assert len(_transcripts(db)) == 1 and _transcripts(db)[0] in listing.stdout


def _content(path: Path) -> dict[str, bytes]:
    """A file's bytes; for a zip (docx), its members' bytes, less the creation-time metadata."""
    import zipfile

    if not zipfile.is_zipfile(path):
        return {"": path.read_bytes()}
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def test_every_export_format_works_inside_the_bundle(app, tmp_path):
    """Exporters are loaded by name and some read files next to their code (CSS)."""
    if importlib.util.find_spec("model.importer") is None:
        pytest.skip("model/importer is not written yet")
    from model.export import load_builtin_exporters

    db = tmp_path / "x.sqlite3"
    assert _run(app, tmp_path, "import", str(bundled_sample_path()), "--db", str(db)).returncode == 0
    # Subtitles need times: the sample's recording gives every segment one (estimated until synced).
    recording = bundled_sample_path().with_suffix(".ogg")
    if recording.exists():
        attached = _run(app, tmp_path, "audio", "attach", "1", str(recording), "--db", str(db))
        assert attached.returncode == 0, attached.stderr
    for name, exporter in load_builtin_exporters().items():
        out = tmp_path / f"bundle{exporter.file_suffix()}"
        result = _run(app, tmp_path, "export", "1", "--format", name, "-o", str(out), "--db", str(db))
        assert result.returncode == 0, f"{name}: {result.stderr}"
        # The same export from the sources: the bundle must not lose a template or a stylesheet.
        ref = tmp_path / f"source{exporter.file_suffix()}"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "1", "--format", name, "-o", str(ref),
                        "--db", str(db)], check=True, capture_output=True, timeout=180, cwd=tmp_path)
        assert _content(out) == _content(ref), name


def test_bad_database_is_one_line_not_a_traceback(app, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all")
    result = _run(app, tmp_path, "list", "--db", str(junk))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert junk.read_bytes() == b"this is not a database at all"


def _window(app: Path, tmp_path: Path, *args: str) -> None:
    if not (ROOT / "gui" / "app.py").exists():
        pytest.skip("gui/app.py (the window) is not written yet")
    result = _run(app, tmp_path, *args, "--quit-after-load")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_first_run_creates_the_database_in_the_user_data_folder_with_the_sample(app, tmp_path):
    db = tmp_path / "data" / "Taiyaku" / "taiyaku.sqlite3"  # platformdirs under XDG_DATA_HOME
    _window(app, tmp_path)
    titles = _transcripts(db)
    assert len(titles) == 1 and titles[0] in bundled_sample_path().read_text(encoding="utf-8").splitlines()[0]
    _window(app, tmp_path)  # the second start opens it again, without a second copy of the sample
    assert len(_transcripts(db)) == 1


def test_window_opens_a_given_database_and_quits(app, tmp_path):
    db = tmp_path / "chosen.sqlite3"
    _window(app, tmp_path, "--db", str(db))
    assert len(_transcripts(db)) == 1


@pytest.fixture
def x_display():
    """A private X server (Xvfb) for a real window; skipped when Xvfb is not installed."""
    import shutil

    if sys.platform != "linux" or shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (Debian package xvfb)")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_window_starts_on_a_real_x_display(app, tmp_path, x_display):
    """The xcb platform plugin and the X libraries it needs are in the bundle."""
    if not (ROOT / "gui" / "app.py").exists():
        pytest.skip("gui/app.py (the window) is not written yet")
    env = dict(_env(tmp_path), QT_QPA_PLATFORM="xcb", DISPLAY=x_display)
    db = tmp_path / "x11.sqlite3"
    result = subprocess.run([str(app), "--db", str(db), "--quit-after-load"], capture_output=True, text=True,
                            timeout=180, env=env, cwd=tmp_path)
    import main

    missing = main.display_problem({"DISPLAY": x_display})  # this machine's X11 libraries (the README's list)
    if missing is not None:
        # Qt would abort the bundle with "xcb-cursor0 is needed" whatever was missing: one line instead.
        assert result.returncode == 2, result.stderr[-3000:]
        assert result.stderr.splitlines()[0].startswith("taiyaku: the window cannot open: Qt needs X11 libraries")
        assert "sudo apt-get install" in result.stderr.splitlines()[0] and "Reinstalling" not in result.stderr
        return
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(_transcripts(db)) == 1
