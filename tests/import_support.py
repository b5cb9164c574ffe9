"""Helpers shared by the importer tests."""

from __future__ import annotations

from model.export import ExportOptions
from model.export.txt import export_text
from model.store import Store


def export_txt(store: Store, transcript_id: int, corrected: bool = True) -> str:
    """The transcript as plain text in the source layout, without annotations."""
    options = ExportOptions(text="corrected" if corrected else "original", annotations=False)
    result = export_text(store, transcript_id, options)
    assert isinstance(result, str)
    return result
