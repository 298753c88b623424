"""The bytes of attached documents, stored once per SHA-256 (content-addressed)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.orm import Session

from peerreview_app.storage import models as m
from peerreview_app.storage.errors import NotFound


class DocumentBlobRepository:
    """Document content by hash; the caller computes the hash, `content` readers verify it.

    Content that documents stop using (a removed document, a deleted review) is `release`d and deleted when the
    unit of work commits, if nothing refers to it by then: a review deleted and stored again in the same unit of
    work (an import that replaces it) keeps its content.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._released: set[str] = set()

    def ensure(self, sha256: str, content: bytes) -> bool:
        """Store `content` under `sha256` unless it is there already; answers whether it was inserted."""
        if self.exists(sha256):
            return False
        self._session.execute(
            insert(m.table_of(m.DocumentBlobRow)), [{"sha256": sha256, "size": len(content), "content": content}]
        )
        return True

    def exists(self, sha256: str) -> bool:
        return bool(self._session.scalar(select(func.count()).where(m.DocumentBlobRow.sha256 == sha256)))

    def content(self, sha256: str) -> bytes:
        """The stored bytes (unverified); raises `NotFound`."""
        content = self._session.scalar(select(m.DocumentBlobRow.content).where(m.DocumentBlobRow.sha256 == sha256))
        if content is None:
            raise NotFound(f"the content of document {sha256[:12]} is missing from the database")
        return bytes(content)

    def release(self, hashes: Iterable[str]) -> None:
        """Documents no longer use this content; it goes at commit unless another document still refers to it."""
        self._released.update(hashes)

    def prune_released(self) -> int:
        """Delete the released content nothing refers to (the unit of work calls this before committing)."""
        released, self._released = self._released, set()
        return self.prune(released)

    def prune(self, hashes: Iterable[str]) -> int:
        """Delete those of `hashes` that no document refers to any more; answers how many were deleted."""
        wanted = list(dict.fromkeys(hashes))
        if not wanted:
            return 0
        self._session.flush()  # documents removed in this unit of work must be gone before we look
        used = exists().where(m.DocumentRow.sha256 == m.DocumentBlobRow.sha256)
        result = self._session.execute(
            delete(m.DocumentBlobRow).where(m.DocumentBlobRow.sha256.in_(wanted), ~used),
            execution_options={"synchronize_session": False},
        )
        return int(getattr(result, "rowcount", 0) or 0)
