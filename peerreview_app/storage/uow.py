"""The unit of work: one transaction per user action, committed explicitly or rolled back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from peerreview_app.storage.documents import DocumentBlobRepository
from peerreview_app.storage.engine import Database, database_error
from peerreview_app.storage.errors import Conflict
from peerreview_app.storage.partnerships import PartnershipRepository, SnapshotRepository
from peerreview_app.storage.report_files import ReportFileRepository
from peerreview_app.storage.reviews import ReviewRepository


def utcnow() -> datetime:
    return datetime.now(UTC)


class UnitOfWork:
    """``with uow: …; uow.commit()`` — everything in the block is one transaction; without commit, nothing stays."""

    reviews: ReviewRepository
    partnerships: PartnershipRepository
    snapshots: SnapshotRepository
    blobs: DocumentBlobRepository
    report_files: ReportFileRepository

    def __init__(
        self,
        database: Database,
        actor: str,
        clock: Callable[[], datetime] = utcnow,
        *,
        known_snapshots: set[str] | None = None,
    ) -> None:
        self._database = database
        self._known_snapshots = known_snapshots if known_snapshots is not None else set()
        self.actor = actor
        self.clock = clock
        self._session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        session = self._database.sessions()
        self._session = session
        self.blobs = DocumentBlobRepository(session)
        self.reviews = ReviewRepository(session, self.actor, self.clock, self.blobs)
        self.partnerships = PartnershipRepository(session, self.actor, self.clock)
        self.snapshots = SnapshotRepository(session, self.clock, self._known_snapshots)
        self.report_files = ReportFileRepository(session, self.actor, self.clock)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session = self._session
        self._session = None
        if session is None:
            return
        try:
            session.rollback()
        finally:
            session.close()
        if isinstance(exc, IntegrityError):
            raise Conflict(f"{self._database.label}: the change conflicts with stored data ({exc.orig})") from exc
        if isinstance(exc, DBAPIError):
            raise database_error(self._database.label, exc) from exc

    def commit(self) -> None:
        assert self._session is not None, "commit outside the unit of work"
        self.blobs.prune_released()
        self._session.commit()
        self.snapshots.committed()

    def flush(self) -> None:
        assert self._session is not None
        self._session.flush()
