"""packaging/linux/install.sh puts the app where a Linux desktop menu finds it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from model.resources import APP_ID, ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
INSTALL = ROOT / "packaging" / "linux" / "install.sh"


@pytest.fixture
def fake_dist(tmp_path: Path) -> Path:
    """A stand-in for dist/Taiyaku: a program that says who it is."""
    dist = tmp_path / "dist" / "Taiyaku"
    (dist / "_internal").mkdir(parents=True)
    program = dist / "taiyaku"
    program.write_text("#!/bin/sh\necho Taiyaku fake\n", encoding="utf-8")
    program.chmod(0o755)
    return dist


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(INSTALL), *args], capture_output=True, text=True, timeout=60)


def test_install_then_uninstall(tmp_path, fake_dist):
    prefix = tmp_path / "prefix"
    result = run("--prefix", str(prefix), str(fake_dist))
    assert result.returncode == 0, result.stderr
    link = prefix / "bin" / "taiyaku"
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout.strip() == "Taiyaku fake"
    desktop = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={prefix}/lib/taiyaku/taiyaku" in desktop.read_text(encoding="utf-8")
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        assert (prefix / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout

    result = run("--prefix", str(prefix), "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not link.exists() and not desktop.exists() and not (prefix / "lib" / "taiyaku").exists()
    assert not list((prefix / "share" / "icons").rglob(f"{APP_ID}.*"))


def test_install_without_a_build_says_how_to_build(tmp_path):
    result = run("--prefix", str(tmp_path / "p"), str(tmp_path / "nothing"))
    assert result.returncode == 1
    assert "python packaging/build.py" in result.stderr
    assert not (tmp_path / "p" / "lib" / "taiyaku").exists()
