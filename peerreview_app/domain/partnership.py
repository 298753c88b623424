"""Partnerships (partnerschappen Samen Opleiden & Professionaliseren) and panel members."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID


class Sector(StrEnum):
    """Education sectors a partnership works in."""

    PO = "PO"  # primair onderwijs
    VO = "VO"  # voortgezet onderwijs
    MBO = "MBO"  # middelbaar beroepsonderwijs


class RecognitionStatus(StrEnum):
    """Erkend (recognised) or aspirant (newly admitted, assessed after about four years)."""

    RECOGNISED = "recognised"  # erkend
    ASPIRANT = "aspirant"


class Role(StrEnum):
    """A person's role in a review panel."""

    CHAIR = "chair"  # voorzitter
    SECRETARY = "secretary"  # secretaris
    MEMBER = "member"  # panellid
    STUDENT_MEMBER = "student_member"  # studentlid
    EXPERT = "expert"  # externe deskundige
    PARTNERSHIP_CONTACT = "partnership_contact"  # contactpersoon partnerschap, not on the panel

    @property
    def on_panel(self) -> bool:
        return self is not Role.PARTNERSHIP_CONTACT


def missing_panel_roles(roles: Iterable[Role]) -> list[Role]:
    """The roles of which a panel does not have exactly one: a panel has one voorzitter and one secretaris."""
    counts = Counter(roles)
    return [role for role in (Role.CHAIR, Role.SECRETARY) if counts[role] != 1]


@dataclass(slots=True)
class Stamp:
    """Who changed a record last, when, and how often it changed: what offline merging compares."""

    updated_at: datetime | None = None
    updated_by: str = ""
    version: int = 0


@dataclass(slots=True)
class Partnership:
    """A regional partnership of school boards and teacher-training institutes."""

    id: UUID
    name: str
    sectors: tuple[Sector, ...] = ()
    region: str = ""  # onderwijsregio
    status: RecognitionStatus = RecognitionStatus.RECOGNISED
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(slots=True)
class PanelMember:
    """A person in a review: a panel member with a role, or the partnership's contact person."""

    id: UUID
    name: str
    role: Role
    organisation: str = ""
    email: str = ""
    certificate_fingerprint: str = ""  # SHA-256 of the signing certificate, set by the signing issue
    stamp: Stamp = field(default_factory=Stamp)
