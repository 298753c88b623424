"""Export a review to the JSON interchange format and import one back, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from peerreview_app.domain.completeness import check
from peerreview_app.domain.errors import DomainError
from peerreview_app.domain.partnership import Partnership
from peerreview_app.domain.review import Review
from peerreview_app.exchange.review_json import dumps, from_document, parse, to_document
from peerreview_app.fileio import atomic_write_bytes
from peerreview_app.i18n import _
from peerreview_app.services.errors import InputError, NotFound
from peerreview_app.services.workbench import Workbench
from peerreview_app.storage.uow import UnitOfWork


class ReviewExists(DomainError):
    """The file holds a review that is already here (and not adopted); import again with replace to overwrite."""

    def __init__(self, review_id: UUID, title: str) -> None:
        super().__init__(_("The review {id} already exists; use --replace to overwrite it").format(id=review_id))
        self.review_id = review_id
        self.title = title


@dataclass(frozen=True, slots=True)
class ImportResult:
    review_id: UUID
    title: str
    replaced: bool


def export_review_json(workbench: Workbench, review_id: UUID) -> bytes:
    """The review as interchange JSON (deterministic: the same review gives the same bytes)."""
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
        snapshot = uow.snapshots.content(review.forms.sha256)
    return dumps(to_document(review, snapshot))


def write_review_json(workbench: Workbench, review_id: UUID, target: Path) -> int:
    """Write the export to `target` atomically; answers the number of bytes written."""
    data = export_review_json(workbench, review_id)
    if not target.parent.is_dir():
        raise InputError(_("Cannot write {path}: the folder does not exist").format(path=target))
    atomic_write_bytes(target, data)
    return len(data)


def import_review_json(workbench: Workbench, source: Path, *, replace: bool = False) -> ImportResult:
    """Import a review file: everything is checked first, then stored in one transaction or not at all.

    An existing review with the same id is replaced only with `replace`, and an adopted review never.
    """
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise InputError(_("Cannot read {path}: {reason}").format(path=source, reason=exc.strerror or exc)) from None
    review, snapshot = from_document(parse(raw, str(source)), str(source))
    with workbench.uow() as uow:
        replaced = False
        existing_phase = uow.reviews.phase_of(review.id)
        if existing_phase is not None:
            if existing_phase.locked:
                raise DomainError(
                    _("The review {id} in the database is adopted; an adopted review is never replaced").format(
                        id=review.id
                    )
                )
            existing = uow.reviews.get(review.id)
            if not replace:
                raise ReviewExists(review.id, existing.title)
            # Format 1 carries no attached documents: the replaced review keeps the ones it had.
            review.documents = existing.documents
            if not review.factcheck_comments:  # a file from before the fact-check round must not erase it
                review.factcheck_comments = existing.factcheck_comments
            uow.reviews.delete(review.id)
            uow.flush()
            replaced = True
        stored = _stored_partnership(uow, review)
        if stored is not None:
            review.partnership = stored
        uow.snapshots.ensure(review.forms.sha256, snapshot, review.framework.key, review.forms.kind.key)
        uow.reviews.add(review, check(review), keep_stamps=True)
        uow.commit()
    return ImportResult(review.id, review.title, replaced)


def _stored_partnership(uow: UnitOfWork, review: Review) -> Partnership | None:
    """Reconcile the file's partnership with the database's: the one with the higher version wins."""
    incoming = review.partnership
    try:
        stored = uow.partnerships.get(incoming.id)
    except NotFound:
        uow.partnerships.add(incoming, keep_stamp=True)
        return None
    if incoming.stamp.version > stored.stamp.version:
        uow.partnerships.replace(incoming)
        return None
    return stored
