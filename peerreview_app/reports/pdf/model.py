"""What a report build takes and gives: options, the finished PDF and its empty signature fields."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from peerreview_app.domain.partnership import PanelMember, Role
from peerreview_app.domain.review import Review
from peerreview_app.reports.errors import ReportInputError


class ReportError(ReportInputError):
    """A report cannot be built; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Choices that are not part of the review: the cover logo, and draft or final."""

    logo: bytes | None = None  # PNG or JPEG bytes from the settings, shown on the cover
    draft: bool | None = None  # None: a draft (CONCEPT watermark) unless the review is adopted or later


@dataclass(frozen=True, slots=True)
class SignatureSlot:
    """An empty visible signature field on the signature page, for one signing panel member."""

    field_name: str  # e.g. "signature-secretary", "signature-chair", "signature-member-2"
    member_id: UUID
    role: Role
    name: str
    page: int  # 0-based page index
    rect: tuple[float, float, float, float]  # PDF user space x1, y1, x2, y2


@dataclass(frozen=True, slots=True)
class ReportPdf:
    """An unsigned report: the PDF bytes, its number of pages and its signature fields in signing order."""

    content: bytes
    page_count: int
    signature_slots: tuple[SignatureSlot, ...]


def signature_field_name(role: Role, index: int, count: int) -> str:
    """The signature field of the `index`-th (1-based) of `count` signers with `role`, e.g. ``signature-chair``."""
    base = "signature-" + Role(role).value.replace("_", "-")
    return f"{base}-{index}" if count > 1 else base


def signing_order(review: Review) -> list[tuple[str, PanelMember]]:
    """Every panel member holding a signing role of the kind, with their signature field, in signing order."""
    order: list[tuple[str, PanelMember]] = []
    for role_value in review.forms.kind.report_signers:
        role = Role(role_value)
        holders = review.members_with_role(role)
        order += [(signature_field_name(role, index, len(holders)), m) for index, m in enumerate(holders, start=1)]
    return order
