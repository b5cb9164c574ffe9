"""The resource locator finds the shipped files from source and inside a bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from model import resources
from model.errors import TaiyakuError


def test_bundled_sample_is_found_and_is_a_bilingual_briefing():
    path = resources.bundled_sample_path()
    text = path.read_bytes().decode("utf-8")  # strict: the sample is plain UTF-8
    assert "\r" not in text and not text.startswith("\ufeff")
    first = text.splitlines()[0]
    assert first.rstrip().endswith("2025/3/14")
    body = text.split("\n", 1)[1].lstrip("\n")
    assert body.startswith("MODERATOR:")
    for needle in ("OFFICIAL:", "SENIOR OFFICIAL:", "政府高官:", "OPERATOR:", "\nQ ",
                   "(inaudible)", "(聞き取れない)", "[senior official]", "[政府高官]",
                   "$1.2 billion", "12億ドル", "Your line is open.", "4:05 P.M. JST"):
        assert needle in text, needle


def test_icons_exist_in_every_size():
    assert resources.icon_path().read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in resources.ICON_SIZES:
        png = resources.icon_path(size)
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(data[16:20], "big")
        height = int.from_bytes(data[20:24], "big")
        assert (width, height) == (size, size), png


def test_inside_a_bundle_the_bundle_copy_wins(tmp_path, monkeypatch):
    fake = tmp_path / "resources" / "samples"
    fake.mkdir(parents=True)
    (fake / resources.SAMPLE_NAME).write_text("MODERATOR: hi\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.bundled_sample_path() == fake / resources.SAMPLE_NAME
    assert resources.resources_root() == tmp_path / "resources"


def test_a_missing_resource_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.ENV_OVERRIDE, str(tmp_path))
    with pytest.raises(TaiyakuError) as err:
        resources.resource_path("nope/missing.txt")
    assert "\n" not in str(err.value) and "nope/missing.txt" in str(err.value)
    with pytest.raises(ValueError):
        resources.icon_path(17)


def test_resources_module_does_not_import_qt():
    import subprocess

    code = "import sys, model.resources; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], check=True)
    assert out.stdout.strip() == "False"
