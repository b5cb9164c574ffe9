"""Errors whose message is fit to show a user in one line."""

from __future__ import annotations


class TaiyakuError(Exception):
    """Base of every error the app reports to the user as one line, without a traceback."""


class DatabaseError(TaiyakuError):
    """The database file cannot be used (not a database, corrupt, locked, read-only, too new)."""


class ImportRefused(TaiyakuError):
    """A transcript file was refused by the importer; the database is unchanged."""


class OperationFailed(TaiyakuError):
    """A store operation could not be carried out; the database is unchanged."""


class NotFound(TaiyakuError):
    """A transcript, segment or other record does not exist."""
