"""Create, find, list and remove reviews; their details and completeness."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from peerreview_app.domain.completeness import CompletenessItem, check
from peerreview_app.domain.errors import DomainError
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import ReviewFilter, ReviewSummary
from peerreview_app.domain.partnership import PanelMember, Partnership, RecognitionStatus, Role, Sector
from peerreview_app.domain.review import IdFactory, Review
from peerreview_app.domain.text import Language
from peerreview_app.forms.snapshot import forms_from_snapshot
from peerreview_app.i18n import _
from peerreview_app.services.editing import edit
from peerreview_app.services.errors import InputError, NotFound
from peerreview_app.services.labels import describe
from peerreview_app.services.workbench import Workbench
from peerreview_app.storage.uow import UnitOfWork

if TYPE_CHECKING:
    from peerreview_app.forms.loader import FormFile

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


@dataclass(frozen=True, slots=True)
class NewReview:
    """What a new review starts from; a partnership given by name is found or created."""

    kind: str
    partnership: UUID | str
    framework: str | None = None
    title: str | None = None
    sectors: tuple[Sector, ...] = ()
    visit_dates: tuple[date, ...] = ()
    language: Language = Language.NL
    region: str = ""
    status: RecognitionStatus | None = None
    review_id: UUID | None = None
    members: tuple[NewMember, ...] = ()


@dataclass(frozen=True, slots=True)
class NewMember:
    """A person on the panel of a new review."""

    name: str
    role: Role
    organisation: str = ""
    email: str = ""


def default_title(
    kind_form: FormFile, partnership_name: str, visit_dates: Sequence[date], language: Language, today: date
) -> str:
    """The title a new review gets unless the user gives one: kind, partnership and year of the visit."""
    assert kind_form.kind is not None
    year = visit_dates[0].year if visit_dates else today.year
    return " ".join(part for part in (kind_form.kind.name.get(language), partnership_name.strip(), str(year)) if part)


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
    members: Iterable[NewMember] = (),
) -> Review:
    """Start a review in voorbereiding, with an empty finding for every criterion (and its panel, if given)."""
    request = NewReview(
        kind,
        partnership,
        framework,
        title,
        tuple(sectors),
        tuple(visit_dates),
        language,
        region,
        status,
        review_id,
        tuple(members),
    )
    return create_reviews(workbench, [request])[0]


def create_reviews(workbench: Workbench, requests: Sequence[NewReview]) -> list[Review]:
    """Start several reviews at once (a secretariat planning a round), all in one transaction or none."""
    with workbench.uow() as uow:
        partnerships: dict[UUID | str, Partnership] = {}
        created = []
        for request in requests:
            framework_form, kind_form = choose_forms(workbench, request.kind, request.framework)
            content, sha256 = workbench.snapshot(framework_form, kind_form)
            forms = forms_from_snapshot(content, sha256)
            key = request.partnership if isinstance(request.partnership, UUID) else request.partnership.strip().lower()
            if key not in partnerships:
                partnerships[key] = _partnership(uow, request, forms.kind.kind)
            target = partnerships[key]
            title = request.title or default_title(
                kind_form, target.name, request.visit_dates, request.language, workbench.clock().date()
            )
            review = Review.start(
                title=title,
                forms=forms,
                partnership=target,
                created_at=workbench.clock(),
                created_by=workbench.actor,
                language=request.language,
                sectors=request.sectors,
                visit_dates=request.visit_dates,
                new_id=_ids(request.review_id),
            )
            for person in request.members:
                review.add_member(
                    PanelMember(
                        uuid4(),
                        person.name.strip(),
                        Role(person.role),
                        person.organisation.strip(),
                        person.email.strip(),
                    )
                )
            uow.snapshots.ensure(sha256, content, framework_form.key, kind_form.key)
            created.append(review)
        uow.reviews.add_many([(review, check(review)) for review in created])
        uow.commit()
    return created


def _ids(first: UUID | None) -> IdFactory:
    """uuid4, except that the first id handed out (the review's) is `first` when given."""
    if first is None:
        return uuid4
    pending = [first]

    def new_id() -> UUID:
        return pending.pop() if pending else uuid4()

    return new_id


def default_status(kind: ReviewKind) -> RecognitionStatus:
    """Aspirant partnerships are the ones assessed; developmental reviews are for recognised ones."""
    return RecognitionStatus.ASPIRANT if kind is ReviewKind.ASSESSMENT else RecognitionStatus.RECOGNISED


def _partnership(uow: UnitOfWork, request: NewReview, kind: ReviewKind) -> Partnership:
    if isinstance(request.partnership, UUID):
        return uow.partnerships.get(request.partnership)
    name = request.partnership.strip()
    if not name:
        raise InputError(_("A review needs a partnership"))
    found = uow.partnerships.find_by_name(name)
    if found is None:
        found = Partnership(uuid4(), name, request.sectors, request.region, request.status or default_status(kind))
        uow.partnerships.add(found)
    return found


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
    "NewMember",
    "NewReview",
    "NotFound",
    "OpenItem",
    "ReviewFilter",
    "ReviewSummary",
    "completeness",
    "create_review",
    "create_reviews",
    "default_status",
    "default_title",
    "delete_review",
    "get_review",
    "list_reviews",
    "resolve_review_id",
    "update_details",
]
