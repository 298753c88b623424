"""Partnerships and the stored form snapshots."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from peerreview_app.domain.partnership import Partnership, Stamp
from peerreview_app.storage import mapping as mp, models as m
from peerreview_app.storage.errors import NotFound


class PartnershipRepository:
    def __init__(self, session: Session, actor: str, clock: Callable[[], datetime]) -> None:
        self._session = session
        self._actor = actor
        self._clock = clock

    def get(self, partnership_id: uuid.UUID) -> Partnership:
        row = self._session.scalars(select(m.PartnershipRow).where(m.PartnershipRow.id == partnership_id)).first()
        if row is None:
            raise NotFound(f"no partnership with id {partnership_id}")
        return mp.partnership_record(row)

    def find_by_name(self, name: str) -> Partnership | None:
        row = self._session.scalars(
            select(m.PartnershipRow).where(func.lower(m.PartnershipRow.name) == name.strip().lower())
        ).first()
        return mp.partnership_record(row) if row else None

    def all(self) -> list[Partnership]:
        rows = self._session.scalars(select(m.PartnershipRow).order_by(m.PartnershipRow.name))
        return [mp.partnership_record(r) for r in rows]

    def add(self, partnership: Partnership, *, keep_stamp: bool = False) -> None:
        if not keep_stamp:
            partnership.stamp = Stamp(self._clock(), self._actor, 1)
        stamp = partnership.stamp
        self._session.add(
            m.PartnershipRow(
                id=partnership.id,
                **mp.partnership_columns(partnership),
                updated_at=stamp.updated_at,
                updated_by=stamp.updated_by,
                version=stamp.version,
            )
        )

    def save(self, partnership: Partnership) -> None:
        row = self._session.get(m.PartnershipRow, partnership.id)
        if row is None:
            raise NotFound(f"no partnership with id {partnership.id}")
        columns = mp.partnership_columns(partnership)
        if any(getattr(row, k) != v for k, v in columns.items()):
            for key, value in columns.items():
                setattr(row, key, value)
            row.updated_at, row.updated_by, row.version = self._clock(), self._actor, row.version + 1
        partnership.stamp = mp.stamp_of(row)

    def replace(self, partnership: Partnership) -> None:
        """Overwrite a partnership with another copy of it, stamp included (imports of a newer copy)."""
        row = self._session.get(m.PartnershipRow, partnership.id)
        if row is None:
            raise NotFound(f"no partnership with id {partnership.id}")
        for key, value in mp.partnership_columns(partnership).items():
            setattr(row, key, value)
        stamp = partnership.stamp
        assert stamp.updated_at is not None
        row.updated_at, row.updated_by, row.version = stamp.updated_at, stamp.updated_by, stamp.version


class SnapshotRepository:
    """Form snapshots, stored once per content hash and never changed."""

    def __init__(self, session: Session, clock: Callable[[], datetime], known: set[str] | None = None) -> None:
        self._session = session
        self._clock = clock
        # Snapshots are never changed or deleted, so hashes seen committed may be shared across units of work;
        # hashes of this unit of work join them only on commit (a rollback takes the row away again).
        self._known = known if known is not None else set()
        self._pending: set[str] = set()

    def ensure(self, sha256: str, content: str, framework_key: str, kind_key: str) -> None:
        if sha256 in self._known or sha256 in self._pending:
            return
        stored = self._session.scalar(select(func.count()).where(m.FormSnapshotRow.sha256 == sha256))
        if not stored:
            self._session.execute(
                insert(m.table_of(m.FormSnapshotRow)),
                [
                    {
                        "sha256": sha256,
                        "content": content,
                        "framework_key": framework_key,
                        "kind_key": kind_key,
                        "created_at": self._clock(),
                    }
                ],
            )
        self._pending.add(sha256)

    def committed(self) -> None:
        """The unit of work committed: what it stored is now known to be stored."""
        self._known |= self._pending
        self._pending.clear()

    def content(self, sha256: str) -> str:
        content = self._session.scalar(select(m.FormSnapshotRow.content).where(m.FormSnapshotRow.sha256 == sha256))
        if content is None:
            raise NotFound(f"no forms snapshot {sha256[:12]}")
        return content
