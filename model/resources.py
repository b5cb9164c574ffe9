"""Finding Taiyaku's read-only resources (sample, icons, translations), no Qt.

The same code runs from a source checkout and from the PyInstaller bundle, where
data files are unpacked under ``sys._MEIPASS``. Everything else asks here, so
nobody hard-codes ``Path(__file__).parents[...]``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from model.errors import TaiyakuError

APP_ID = "io.github.taiyaku.Taiyaku"
SAMPLE_NAME = "taiyaku-sample-briefing.txt"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
ENV_OVERRIDE = "TAIYAKU_RESOURCES"  # a folder laid out like resources/ (tests, distro packages)


class ResourceMissing(TaiyakuError):
    """A file that ships with Taiyaku is not where it should be (a broken install)."""


def _candidates() -> list[Path]:
    """Folders that may hold resources/, most specific first."""
    found: list[Path] = []
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        found.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader
    if bundle:
        found.append(Path(bundle) / "resources")
    # Source checkout: model/resources.py -> <root>/resources
    found.append(Path(__file__).resolve().parents[1] / "resources")
    return found


def resources_root() -> Path:
    """The resources/ folder in use (the first that exists)."""
    for folder in _candidates():
        if folder.is_dir():
            return folder
    raise ResourceMissing("Taiyaku's resources folder is missing; please reinstall the app")


def resource_path(relative: str) -> Path:
    """The path of ``resources/<relative>``; ResourceMissing (one line) when absent.

    >>> resource_path("samples/taiyaku-sample-briefing.txt").name
    'taiyaku-sample-briefing.txt'
    """
    for folder in _candidates():
        path = folder / relative
        if path.exists():
            return path
    raise ResourceMissing(f"resource {relative} is missing; please reinstall the app")


def bundled_sample_path() -> Path:
    """The sample transcript imported on first run."""
    return resource_path(f"samples/{SAMPLE_NAME}")


def icon_path(size: int | None = None) -> Path:
    """The application icon: the SVG, or the PNG of *size* pixels (one of ICON_SIZES)."""
    if size is None:
        return resource_path("icons/taiyaku.svg")
    if size not in ICON_SIZES:
        raise ValueError(f"no {size}px icon; sizes are {ICON_SIZES}")
    return resource_path(f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png")


def translations_dir() -> Path | None:
    """The folder holding the app's compiled ``.qm`` translations, or None when none ship."""
    try:
        return resource_path("i18n")
    except ResourceMissing:
        return None


def is_frozen() -> bool:
    """True inside the packaged application (PyInstaller), False from source."""
    return bool(getattr(sys, "frozen", False))
