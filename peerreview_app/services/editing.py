"""The shape of every edit: load the review, let the domain change it, save what changed, commit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar
from uuid import UUID

from peerreview_app.domain.completeness import check
from peerreview_app.domain.review import Review
from peerreview_app.services.workbench import Workbench

T = TypeVar("T")


def edit(workbench: Workbench, review_id: UUID, change: Callable[[Review], T]) -> T:
    """Apply `change` to the review in one transaction; if it raises, nothing is stored."""
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
        result = change(review)
        uow.reviews.save(review, check(review))
        uow.commit()
        return result
