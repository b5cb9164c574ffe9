"""The Linux desktop entry and AppStream metadata pass the distributions' validators."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import model
from model.resources import APP_ID

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; see packaging/ci-deps.sh)")
    return path


def test_desktop_file_validates():
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates_offline():
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ids_icon_and_release_agree_with_the_app():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.findtext("metadata_license") == "CC0-1.0"
    releases = [r.get("version") for r in root.find("releases")]
    assert model.__version__ in releases  # bump the metainfo with every version
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert entry["Icon"] == APP_ID


def test_the_window_announces_the_desktop_entry_id(tmp_path):
    """On Wayland the compositor finds the menu entry and icon through this id."""
    import os
    import sys

    script = ("import sys; from gui import app; from PySide6.QtGui import QGuiApplication; "
              f"code = app.run(['--db', {str(tmp_path / 'x.sqlite3')!r}, '--quit-after-load']); "
              "print(QGuiApplication.desktopFileName()); sys.exit(code)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            env=env, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == APP_ID
