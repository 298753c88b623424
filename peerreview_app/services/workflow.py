"""Phase transitions, adoption and revisions."""

from __future__ import annotations

from uuid import UUID

from peerreview_app.domain.completeness import check
from peerreview_app.domain.errors import TransitionError
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
                raise TransitionError(
                    _("{title!r} cannot move to {phase}: {count} item(s) open").format(
                        title=review.title, phase=phase_label(Phase(target)), count=len(exc.problems)
                    ),
                    exc.problems,
                ) from None
            raise TransitionError(
                _("{title!r} cannot go from {current} to {phase}").format(
                    title=review.title, current=phase_label(review.phase), phase=phase_label(Phase(target))
                )
            ) from None
        return review

    return edit(workbench, review_id, change)


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
