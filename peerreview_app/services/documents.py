"""Documents attached to a review (the kritische reflectie, the bezoekprogramma, evidence): attach, read, export.

The bytes live in the database, stored once per SHA-256; a document records the hash, and every read checks
that the stored bytes still have it.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable
from pathlib import Path
from uuid import UUID, uuid4

from peerreview_app.domain.completeness import check
from peerreview_app.domain.documents import Document, DocumentKind
from peerreview_app.domain.review import Review
from peerreview_app.fileio import atomic_write_bytes
from peerreview_app.i18n import _
from peerreview_app.services.errors import InputError, StorageError
from peerreview_app.services.workbench import Workbench

MAX_DOCUMENT_SIZE = 200 * 1024 * 1024
"""The largest file that can be attached (200 MB): the bytes are held in memory and in one database row."""

_CHUNK = 4 * 1024 * 1024
FALLBACK_MEDIA_TYPE = "application/octet-stream"

Progress = Callable[[int, int], None]


def document_kind_label(kind: DocumentKind) -> str:
    labels = {
        DocumentKind.SELF_REFLECTION: _("critical self-reflection"),
        DocumentKind.PROGRAMME: _("visit programme"),
        DocumentKind.EVIDENCE: _("supporting document"),
        DocumentKind.OTHER: _("other document"),
    }
    return labels[kind]


def suggested_kind(review: Review) -> DocumentKind:
    """The kind to offer for a new document: the kritische reflectie until the review has one."""
    if any(d.kind is DocumentKind.SELF_REFLECTION for d in review.documents):
        return DocumentKind.EVIDENCE
    return DocumentKind.SELF_REFLECTION


def media_type_of(name: str) -> str:
    return mimetypes.guess_type(name, strict=False)[0] or FALLBACK_MEDIA_TYPE


def attach_document(
    workbench: Workbench,
    review_id: UUID,
    path: Path,
    kind: DocumentKind = DocumentKind.EVIDENCE,
    *,
    progress: Progress | None = None,
    document_id: UUID | None = None,
) -> Document:
    """Attach the file at `path` to a review; its bytes are stored once, however many reviews use them.

    `progress(done, total)` is called while the file is read (it may raise to cancel). Raises `InputError`
    for a missing, unreadable or too large file, a `DomainError` for a locked review or a file whose content is
    already attached.
    """
    path = Path(path)
    content = _read(path, progress)
    document = Document(
        id=document_id or uuid4(),
        name=path.name,
        kind=DocumentKind(kind),
        media_type=media_type_of(path.name),
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        added_at=workbench.clock(),
        added_by=workbench.actor,
    )
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
        review.add_document(document)  # the rules first: nothing is written for a refused document
        uow.blobs.ensure(document.sha256, content)
        uow.reviews.save(review, check(review))
        uow.commit()
    return document


def _read(path: Path, progress: Progress | None) -> bytes:
    if not path.exists():
        raise InputError(_("Cannot attach {path}: the file does not exist").format(path=path))
    if path.is_dir():
        raise InputError(_("Cannot attach {path}: it is a folder, not a file").format(path=path))
    try:
        with path.open("rb") as handle:
            total = _size(path)
            parts: list[bytes] = []
            done = 0
            while chunk := handle.read(_CHUNK):
                done += len(chunk)
                if done > MAX_DOCUMENT_SIZE:
                    total = done
                    break
                parts.append(chunk)
                if progress is not None:
                    progress(done, max(total, done))
    except OSError as exc:
        raise InputError(_("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)) from None
    if total > MAX_DOCUMENT_SIZE:
        raise InputError(
            _("Cannot attach {path}: it is {size} MB, larger than the limit of {limit} MB").format(
                path=path, size=round(total / 1024 / 1024), limit=MAX_DOCUMENT_SIZE // 1024 // 1024
            )
        )
    return b"".join(parts)


def _size(path: Path) -> int:
    size = path.stat().st_size
    if size > MAX_DOCUMENT_SIZE:
        # Refuse before reading 200 MB for nothing; the read loop still guards files that grow.
        raise InputError(
            _("Cannot attach {path}: it is {size} MB, larger than the limit of {limit} MB").format(
                path=path, size=round(size / 1024 / 1024), limit=MAX_DOCUMENT_SIZE // 1024 // 1024
            )
        )
    return size


def document_content(workbench: Workbench, review_id: UUID, document_id: UUID) -> bytes:
    """The bytes of a document, checked against its SHA-256; `StorageError` when they were changed or damaged."""
    with workbench.uow() as uow:
        document = uow.reviews.get(review_id).document(document_id)
        content = uow.blobs.content(document.sha256)
    actual = hashlib.sha256(content).hexdigest()
    if actual != document.sha256 or len(content) != document.size:
        raise StorageError(
            _(
                "The stored content of {name} is damaged or was changed outside the workbench "
                "(SHA-256 {actual}…, expected {expected}…); restore the database from a backup"
            ).format(name=document.name, actual=actual[:12], expected=document.sha256[:12])
        )
    return content


def export_document(workbench: Workbench, review_id: UUID, document_id: UUID, target: Path) -> int:
    """Write a document's (checked) bytes to `target` atomically; answers the number of bytes written."""
    target = Path(target)
    if target.is_dir():
        raise InputError(_("Cannot write {path}: it is a folder").format(path=target))
    if not target.parent.is_dir():
        raise InputError(_("Cannot write {path}: the folder does not exist").format(path=target))
    content = document_content(workbench, review_id, document_id)
    atomic_write_bytes(target, content)
    return len(content)


def remove_document(workbench: Workbench, review_id: UUID, document_id: UUID) -> None:
    """Detach a document; its bytes go too when no other review (or revision) still uses them."""
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
        review.remove_document(document_id)
        uow.reviews.save(review, check(review))
        uow.commit()
