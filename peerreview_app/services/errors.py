"""Errors of the service layer, and the families the CLI and UI sort errors into."""

from __future__ import annotations

from peerreview_app.domain.errors import DomainError
from peerreview_app.forms.errors import FormError
from peerreview_app.reports.errors import ReportInputError
from peerreview_app.storage.errors import (
    Conflict,
    DatabaseBusy,
    DatabaseReadOnly,
    DatabaseRefused,
    NotFound,
    StorageError,
)


class InputError(Exception):
    """What the user gave (an id, a file, a value) is not usable; the message says what and where."""


BAD_INPUT: tuple[type[Exception], ...] = (
    InputError,
    ReportInputError,
    FormError,
    NotFound,
    DatabaseRefused,
    DatabaseBusy,
    DatabaseReadOnly,
)
"""Errors caused by what the user gave us (exit code 2)."""

FAILED: tuple[type[Exception], ...] = (DomainError, Conflict, StorageError, OSError)
"""Errors where a valid request could not be carried out (exit code 1)."""

__all__ = [
    "BAD_INPUT",
    "FAILED",
    "Conflict",
    "DatabaseBusy",
    "DatabaseReadOnly",
    "DatabaseRefused",
    "DomainError",
    "FormError",
    "InputError",
    "NotFound",
    "StorageError",
]
