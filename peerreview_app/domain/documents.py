"""Documents attached to a review: the kritische reflectie, the bezoekprogramma and other evidence.

The domain keeps what a document *is* (name, kind, size, SHA-256); its bytes are stored once per hash by
the storage layer, however many reviews or revisions use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from .errors import InvalidValueError
from .partnership import Stamp

MAX_NAME_LENGTH = 255
_SHA256 = re.compile(r"[0-9a-f]{64}")


class DocumentKind(StrEnum):
    """What a document is for the review."""

    SELF_REFLECTION = "self_reflection"  # kritische reflectie
    PROGRAMME = "programme"  # bezoekprogramma
    EVIDENCE = "evidence"  # onderliggend document
    OTHER = "other"


@dataclass(slots=True)
class Document:
    """A file attached to a review, identified by the SHA-256 of its content."""

    id: UUID
    name: str  # the file name as given, shown to the user and used when the file is opened or saved
    kind: DocumentKind
    media_type: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str
    stamp: Stamp = field(default_factory=Stamp)


def check_document(document: Document) -> None:
    """Raise `InvalidValueError` when a document's own values are not usable."""
    name = document.name.strip()
    if not name:
        raise InvalidValueError("a document needs a name")
    if len(document.name) > MAX_NAME_LENGTH:
        raise InvalidValueError(f"document name of {len(document.name)} characters is longer than {MAX_NAME_LENGTH}")
    if not _SHA256.fullmatch(document.sha256):
        raise InvalidValueError(f"document {name!r}: {document.sha256!r} is not a SHA-256 in lowercase hex")
    if document.size < 0:
        raise InvalidValueError(f"document {name!r}: the size cannot be negative")
    try:
        DocumentKind(document.kind)
    except ValueError:
        raise InvalidValueError(f"document {name!r}: unknown kind {document.kind!r}") from None
