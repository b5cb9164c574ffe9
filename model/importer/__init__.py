"""Importing plain-text bilingual transcripts (no Qt here).

``import_file(store, path)`` / ``import_text(store, text_or_bytes)`` decode,
parse and store a transcript in one transaction and return its id;
``parse(text)`` gives the parsed structure without touching a database.
"""

from model.importer.load import file_sha256, import_file, import_text, imported_before
from model.importer.parse import parse
from model.importer.parsed import ImportSummary

__all__ = ["ImportSummary", "file_sha256", "import_file", "import_text", "imported_before", "parse"]
