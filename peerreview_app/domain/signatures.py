"""Signed reports as the app keeps them: which PDF was signed, by whom, in which order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True)
class SignerRecord:
    """One signature in a stored report."""

    field: str
    name: str
    fingerprint: str
    signed_at: datetime


@dataclass(frozen=True, slots=True)
class StoredReport:
    """A signed report file kept with its review (without its bytes)."""

    id: UUID
    review_id: UUID
    created_at: datetime
    created_by: str
    sha256: str
    size: int
    signers: tuple[SignerRecord, ...]

    @property
    def signatures(self) -> int:
        return len(self.signers)
