"""Create, find, list and remove reviews; their details and completeness."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid4

from peerreview_app.domain.completeness import CompletenessItem, check
from peerreview_app.domain.errors import DomainError
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import ReviewFilter, ReviewSummary
from peerreview_app.domain.partnership import Partnership, RecognitionStatus, Sector
from peerreview_app.domain.review import IdFactory, Review
from peerreview_app.domain.text import Language
from peerreview_app.forms.loader import FormFile
from peerreview_app.forms.snapshot import forms_from_snapshot, snapshot_content
from peerreview_app.i18n import _
from peerreview_app.services.editing import edit
from peerreview_app.services.errors import InputError, NotFound
from peerreview_app.services.labels import describe
from peerreview_app.services.workbench import Workbench

_HEX = re.compile(r"^[0-9a-f]+$")


@dataclass(frozen=True, slots=True)
class OpenItem:
    """A completeness item and its sentence in the current language."""

    item: CompletenessItem
    text: str


@dataclass(frozen=True, slots=True)
class CompletenessReport:
    percent: int
    items: tuple[OpenItem, ...]

    @property
    def complete(self) -> bool:
        return not self.items


def completeness_of(review: Review) -> CompletenessReport:
    result = check(review)
    return CompletenessReport(result.percent, tuple(OpenItem(i, describe(i)) for i in result.items))


def choose_forms(workbench: Workbench, kind: str, framework: str | None = None) -> tuple[FormFile, FormFile]:
    """The framework and review-kind forms for a new review; the kind's first fitting framework by default."""
    catalog = workbench.catalog
    try:
        kind_form = catalog.kind_form(kind)
    except LookupError as exc:
        raise InputError(str(exc)) from None
    assert kind_form.kind is not None
    fitting = kind_form.kind.frameworks
    try:
        if framework:
            framework_form = catalog.framework(framework)
        else:
            installed = [f.id for f in catalog.frameworks()]
            preferred = next((f for f in fitting if f in installed), None)
            if preferred is None and not installed:
                raise InputError(_("No framework is installed; import one with 'peerreview forms import'"))
            framework_form = catalog.framework(preferred or installed[-1])
    except LookupError as exc:
        raise InputError(str(exc)) from None
    if fitting and framework_form.id not in fitting:
        raise InputError(
            _("The review kind {kind} does not fit the framework {framework} (it fits: {fits})").format(
                kind=kind_form.key, framework=framework_form.key, fits=", ".join(fitting)
            )
        )
    return framework_form, kind_form


def create_review(
    workbench: Workbench,
    *,
    kind: str,
    partnership: UUID | str,
    framework: str | None = None,
    title: str | None = None,
    sectors: Iterable[Sector] = (),
    visit_dates: Iterable[date] = (),
    language: Language = Language.NL,
    region: str = "",
    status: RecognitionStatus | None = None,
    review_id: UUID | None = None,
) -> Review:
    """Start a review in voorbereiding; a partnership given by name is found or created."""
    framework_form, kind_form = choose_forms(workbench, kind, framework)
    content, sha256 = snapshot_content(framework_form.data, kind_form.data)
    forms = forms_from_snapshot(content, sha256)
    sectors = tuple(sectors)
    with workbench.uow() as uow:
        if isinstance(partnership, UUID):
            target = uow.partnerships.get(partnership)
        else:
            name = partnership.strip()
            if not name:
                raise InputError(_("A review needs a partnership"))
            found = uow.partnerships.find_by_name(name)
            if found is None:
                default_status = (
                    RecognitionStatus.ASPIRANT
                    if forms.kind.kind is ReviewKind.ASSESSMENT
                    else RecognitionStatus.RECOGNISED
                )
                found = Partnership(uuid4(), name, sectors, region, status or default_status)
                uow.partnerships.add(found)
            target = found
        dates = tuple(visit_dates)
        year = dates[0].year if dates else workbench.clock().year
        review = Review.start(
            title=title or f"{forms.kind.name.get(language)} {target.name} {year}",
            forms=forms,
            partnership=target,
            created_at=workbench.clock(),
            created_by=workbench.actor,
            language=language,
            sectors=sectors,
            visit_dates=dates,
            new_id=_ids(review_id),
        )
        uow.snapshots.ensure(sha256, content, framework_form.key, kind_form.key)
        uow.reviews.add(review, check(review))
        uow.commit()
    return review


def _ids(first: UUID | None) -> IdFactory:
    if first is None:
        return uuid4
    pending = [first]

    def new_id() -> UUID:
        return pending.pop() if pending else uuid4()

    return new_id


def get_review(workbench: Workbench, review_id: UUID) -> Review:
    """The whole review, with every record, as plain domain objects."""
    with workbench.uow() as uow:
        return uow.reviews.get(review_id)


def list_reviews(workbench: Workbench, where: ReviewFilter | None = None) -> list[ReviewSummary]:
    with workbench.uow() as uow:
        return uow.reviews.summaries(where)


def resolve_review_id(workbench: Workbench, text: str) -> UUID:
    """A review id from a full UUID or an unambiguous prefix of one (dashes optional)."""
    wanted = text.strip().lower().replace("-", "")
    if not wanted or not _HEX.match(wanted):
        raise InputError(_("{text!r} is not a review id (a UUID or the start of one)").format(text=text))
    with workbench.uow() as uow:
        if len(wanted) == 32 and uow.reviews.exists(UUID(wanted)):
            return UUID(wanted)
        matches = [i for i in uow.reviews.ids() if i.hex.startswith(wanted)]
    if not matches:
        raise NotFound(_("No review with id {text}").format(text=text))
    if len(matches) > 1:
        shown = ", ".join(sorted(str(m) for m in matches)[:5])
        raise InputError(
            _("{text!r} matches {count} reviews ({ids}); give more characters").format(
                text=text, count=len(matches), ids=shown
            )
        )
    return matches[0]


def update_details(
    workbench: Workbench,
    review_id: UUID,
    *,
    title: str | None = None,
    language: Language | None = None,
    sectors: Iterable[Sector] | None = None,
    visit_dates: Iterable[date] | None = None,
) -> Review:
    def change(review: Review) -> Review:
        review.set_details(title=title, language=language, sectors=sectors, visit_dates=visit_dates)
        return review

    return edit(workbench, review_id, change)


def completeness(workbench: Workbench, review_id: UUID) -> CompletenessReport:
    return completeness_of(get_review(workbench, review_id))


def delete_review(workbench: Workbench, review_id: UUID) -> None:
    """Delete a review that is not adopted and has no later revision; adopted reviews are never deleted."""
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
        if review.locked:
            raise DomainError(_("{title!r} is adopted; an adopted review is never deleted").format(title=review.title))
        if uow.reviews.revisions_of(review_id):
            raise DomainError(_("{title!r} has a later revision and cannot be deleted").format(title=review.title))
        uow.reviews.delete(review_id)
        uow.commit()


__all__ = [
    "CompletenessReport",
    "NotFound",
    "OpenItem",
    "ReviewFilter",
    "ReviewSummary",
    "completeness",
    "create_review",
    "delete_review",
    "get_review",
    "list_reviews",
    "resolve_review_id",
    "update_details",
]
