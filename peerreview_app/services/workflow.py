"""Phase transitions, adoption and revisions."""

from __future__ import annotations

from uuid import UUID

from peerreview_app.domain.completeness import CompletenessItem, Problem, check
from peerreview_app.domain.errors import TransitionError
from peerreview_app.domain.partnership import Role
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _
from peerreview_app.services.editing import edit
from peerreview_app.services.labels import describe, phase_label
from peerreview_app.services.workbench import Workbench


def move_to(workbench: Workbench, review_id: UUID, target: Phase) -> Review:
    """Move a review to another phase; refused (`TransitionError`) with the list of what is missing."""

    def change(review: Review) -> Review:
        problems = [describe(item) for item in check(review).items]
        try:
            review.move_to(target, actor=workbench.actor, now=workbench.clock(), problems=problems)
        except TransitionError as exc:
            if exc.problems:
                # The domain names missing panel roles by id; completeness items are already sentences.
                open_items = tuple(_role_problem(review, p) if p in _ROLE_IDS else p for p in exc.problems)
                raise TransitionError(
                    _("{title!r} cannot move to {phase}: {count} item(s) open").format(
                        title=review.title, phase=phase_label(Phase(target)), count=len(open_items)
                    ),
                    open_items,
                ) from None
            raise TransitionError(
                _("{title!r} cannot go from {current} to {phase}").format(
                    title=review.title, current=phase_label(review.phase), phase=phase_label(Phase(target))
                )
            ) from None
        return review

    return edit(workbench, review_id, change)


_ROLE_IDS = {role.value for role in Role}


def _role_problem(review: Review, role_id: str) -> str:
    role = Role(role_id)
    problem = Problem.ROLE_DUPLICATE if review.members_with_role(role) else Problem.ROLE_MISSING
    return describe(CompletenessItem(None, "", "panel", problem, detail=role.value))


def adopt(workbench: Workbench, review_id: UUID) -> Review:
    """Adopt (vaststellen) a complete review in rapportage: from now on it is read-only."""
    return move_to(workbench, review_id, Phase.ADOPTED)


def start_revision(workbench: Workbench, review_id: UUID) -> Review:
    """A new revision of an adopted review, in rapportage; the adopted one stays untouched."""
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
        later = uow.reviews.revisions_of(review_id)
        if later:
            raise TransitionError(
                _("{title!r} already has a later revision ({id})").format(title=review.title, id=later[0])
            )
        revision = review.new_revision(created_at=workbench.clock(), created_by=workbench.actor)
        uow.reviews.add(revision, check(revision))
        uow.commit()
    return revision
