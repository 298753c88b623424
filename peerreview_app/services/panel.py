"""The panel of a review: members, their roles and organisations."""

from __future__ import annotations

from uuid import UUID, uuid4

from peerreview_app.domain.partnership import PanelMember, Role
from peerreview_app.domain.review import Review
from peerreview_app.services.editing import edit
from peerreview_app.services.workbench import Workbench


def add_member(
    workbench: Workbench,
    review_id: UUID,
    *,
    name: str,
    role: Role,
    organisation: str = "",
    email: str = "",
    member_id: UUID | None = None,
) -> PanelMember:
    """Add a person; a panel has exactly one voorzitter and one secretaris (checked here and on advancing)."""
    member = PanelMember(member_id or uuid4(), name.strip(), Role(role), organisation.strip(), email.strip())

    def change(review: Review) -> PanelMember:
        review.add_member(member)
        return member

    return edit(workbench, review_id, change)


def update_member(workbench: Workbench, review_id: UUID, member_id: UUID, **changes: object) -> PanelMember:
    """Change a member's name, role, organisation or e-mail."""

    def change(review: Review) -> PanelMember:
        review.update_member(member_id, **changes)
        return review.member(member_id)

    return edit(workbench, review_id, change)


def remove_member(workbench: Workbench, review_id: UUID, member_id: UUID) -> None:
    edit(workbench, review_id, lambda review: review.remove_member(member_id))
