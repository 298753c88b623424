"""Errors about the database itself: what is wrong with it, and where."""

from __future__ import annotations


class StorageError(Exception):
    """The database cannot be used as asked; the message names the database and the reason."""


class DatabaseRefused(StorageError):
    """The database is not one we can open safely (not SQLite, not ours, newer, corrupted): nothing was changed."""


class DatabaseBusy(StorageError):
    """Another program holds a lock on the database."""


class DatabaseReadOnly(StorageError):
    """The database can be read but not written (read-only file, medium or URL)."""


class NotFound(StorageError):
    """A record the user named does not exist."""


class Conflict(StorageError):
    """A record cannot be stored because it clashes with one already there."""
