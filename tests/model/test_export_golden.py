"""Golden files: every format of the small sample transcript, byte for byte.

A change in output shows up as a diff here. When the change is intended,
regenerate and review the diff in git:

    TAIYAKU_REGEN_GOLDEN=1 python -m pytest tests/model/test_export_golden.py
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from export_fixture import build_export_sample
from lxml import etree

from model.export import ExportOptions, get_exporter

GOLDEN = Path(__file__).parents[1] / "golden"
REGEN = bool(os.environ.get("TAIYAKU_REGEN_GOLDEN"))

CASES = {
    "sample.txt": ("txt", {}),
    "sample-clean.txt": ("txt", {"annotations": False}),
    "sample.md": ("md", {}),
    "sample-side.md": ("md", {"layout": "side_by_side"}),
    "sample.html": ("html", {}),
    "sample-side.html": ("html", {"layout": "side_by_side"}),
    "sample.json": ("json", {}),
    "sample.tmx": ("tmx", {}),
    "sample-report.md": ("report", {}),
    "sample-report.csv": ("report", {"extra": {"report_format": "csv"}}),
    "sample-report.html": ("report", {"extra": {"report_format": "html"}}),
    "sample.docx.xml": ("docx", {}),
    "sample-side.docx.xml": ("docx", {"layout": "side_by_side"}),
}


def docx_body(data: bytes) -> str:
    """word/document.xml, indented, so a golden diff is readable (the zip itself carries dates)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return etree.tostring(root, pretty_print=True, encoding="unicode")


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_matches_its_golden_file(store, name: str):
    fmt, options = CASES[name]
    tid = build_export_sample(store)
    data = get_exporter(fmt)(store, tid, ExportOptions(**options))
    text = docx_body(data) if fmt == "docx" else data
    path = GOLDEN / name
    if REGEN:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        pytest.skip(f"regenerated {path.name}")
    assert path.exists(), f"no golden file {path.name}: run with TAIYAKU_REGEN_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8")
