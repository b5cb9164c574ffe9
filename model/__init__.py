"""Taiyaku's domain: storage, import, QA and export. Never imports Qt."""

__version__ = "0.1.0"
