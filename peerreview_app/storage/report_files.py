"""Signed report files: append-only, one row per signature added; the newest row of a review is its report."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from peerreview_app.domain.signatures import SignerRecord, StoredReport
from peerreview_app.storage import models as m
from peerreview_app.storage.errors import NotFound


class ReportFileRepository:
    def __init__(self, session: Session, actor: str, clock: Callable[[], datetime]) -> None:
        self._session = session
        self._actor = actor
        self._clock = clock

    def add(self, review_id: uuid.UUID, content: bytes, signers: tuple[SignerRecord, ...]) -> StoredReport:
        """Keep a newly signed version of a review's report."""
        row = m.ReportFileRow(
            id=uuid.uuid4(),
            review_id=review_id,
            created_at=self._clock(),
            created_by=self._actor,
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
            signatures=len(signers),
            signers=[_signer_json(s) for s in signers],
            content=content,
        )
        self._session.add(row)
        self._session.flush()
        return _record(row)

    def latest(self, review_id: uuid.UUID) -> StoredReport | None:
        row = self._latest_row(review_id)
        return None if row is None else _record(row)

    def history(self, review_id: uuid.UUID) -> list[StoredReport]:
        """Every stored version of the review's signed report, oldest first."""
        rows = self._session.scalars(
            select(m.ReportFileRow)
            .where(m.ReportFileRow.review_id == review_id)
            .order_by(m.ReportFileRow.created_at, m.ReportFileRow.signatures)
        )
        return [_record(row) for row in rows]

    def content(self, report_id: uuid.UUID) -> bytes:
        content = self._session.scalar(select(m.ReportFileRow.content).where(m.ReportFileRow.id == report_id))
        if content is None:
            raise NotFound(f"no stored report {report_id}")
        return bytes(content)

    def known_fingerprints(self) -> dict[str, str]:
        """Fingerprint → signer name of every signature in any stored report."""
        known: dict[str, str] = {}
        for signers in self._session.scalars(select(m.ReportFileRow.signers)):
            for signer in signers:
                known.setdefault(signer["fingerprint"], signer["name"])
        return known

    def _latest_row(self, review_id: uuid.UUID) -> m.ReportFileRow | None:
        return self._session.scalars(
            select(m.ReportFileRow)
            .where(m.ReportFileRow.review_id == review_id)
            .order_by(m.ReportFileRow.signatures.desc(), m.ReportFileRow.created_at.desc())
            .limit(1)
        ).one_or_none()


def _signer_json(signer: SignerRecord) -> dict[str, Any]:
    return {
        "field": signer.field,
        "name": signer.name,
        "fingerprint": signer.fingerprint,
        "signed_at": signer.signed_at.isoformat(),
    }


def _record(row: m.ReportFileRow) -> StoredReport:
    return StoredReport(
        id=row.id,
        review_id=row.review_id,
        created_at=row.created_at,
        created_by=row.created_by,
        sha256=row.sha256,
        size=row.size,
        signers=tuple(
            SignerRecord(s["field"], s["name"], s["fingerprint"], datetime.fromisoformat(s["signed_at"]))
            for s in row.signers
        ),
    )
