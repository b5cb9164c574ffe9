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


class StorageFailed(OperationFailed):
    """The database could not be written (locked, full, read-only, damaged); nothing was changed.

    The GUI keeps what the user typed and says the change was not saved.
    """


class DatabaseBusy(StorageFailed):
    """Another program held the database's write lock for longer than the app waits."""


class DiskFull(StorageFailed):
    """The disk (or the database's size limit) is full; nothing was written."""


class NotFound(TaiyakuError):
    """A transcript, segment or other record does not exist."""
