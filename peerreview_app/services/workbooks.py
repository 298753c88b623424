"""Excel use cases: review and overview exports, fill-in workbooks out, and reading them back in."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from uuid import UUID

from peerreview_app.domain import factcheck
from peerreview_app.domain.completeness import check
from peerreview_app.domain.errors import ReviewLockedError
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import OverviewReview, OverviewRow, ReviewFilter
from peerreview_app.domain.member_input import (
    Change,
    FactCheckInput,
    MemberInput,
    apply_factcheck_import,
    apply_member_import,
    plan_factcheck_import,
    plan_member_import,
)
from peerreview_app.domain.partnership import PanelMember
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.fileio import atomic_write_bytes
from peerreview_app.i18n import _, language as current_language
from peerreview_app.reports.excel.factcheck_workbook import write_factcheck_workbook
from peerreview_app.reports.excel.member_workbook import write_member_workbook
from peerreview_app.reports.excel.overview import write_overview_workbook
from peerreview_app.reports.excel.review_workbook import write_review_workbook
from peerreview_app.reports.excel.workbook_import import (
    WorkbookMeta,
    read_factcheck_workbook,
    read_member_workbook,
    read_workbook_meta,
)
from peerreview_app.services.editing import edit
from peerreview_app.services.errors import InputError
from peerreview_app.services.files import read_input_file
from peerreview_app.services.labels import kind_label, phase_label
from peerreview_app.services.workbench import Workbench
from peerreview_app.storage.uow import UnitOfWork

# Strengths and development points are counted from list fields with these ids (developmental kind).
STRENGTHS = "strengths"
DEVELOPMENT_POINTS = "development_points"


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing a workbook would change, before anything is changed."""

    path: Path
    meta: WorkbookMeta
    review_title: str
    who: str  # the member's name, or the partnership for a fact-check workbook
    changes: tuple[Change, ...]


def export_review_workbook(workbench: Workbench, review_id: UUID, path: Path, *, lang: Language | None = None) -> None:
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
    atomic_write_bytes(path, write_review_workbook(review, language=lang))


def export_overview(
    workbench: Workbench, path: Path, where: ReviewFilter | None = None, *, lang: Language | None = None
) -> int:
    """Write the overview across all reviews that match; answers how many reviews it holds."""
    lang = lang or current_language()
    reviews: list[OverviewReview] = []

    def rows() -> Iterator[OverviewRow]:
        with workbench.uow() as uow:
            for review in uow.reviews.outlines(where):
                summary = overview_review(review, lang)
                reviews.append(summary)
                yield from overview_rows(review, summary, lang)

    # The per-criterion sheet streams first; the review sheet is written from the summaries it collected (a list
    # iterator reads the list as it is when the writer gets to it, after the last row).
    with _collector_paused():
        content = write_overview_workbook(rows(), iter(reviews), language=lang, generated_at=workbench.clock())
    atomic_write_bytes(path, content)
    return len(reviews)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a large export builds objects that all live until it ends.

    Every collection would walk the growing heap of cells and records again for no garbage: a quarter of the
    export's time for a thousand reviews. Reference counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def overview_review(review: Review, lang: Language) -> OverviewReview:
    kind = review.forms.kind
    strengths = development_points = judged = 0
    for criterion in review.framework.criteria():
        finding = review.findings.get(criterion.id)
        if finding is None:
            continue
        strengths += _count(finding.values.get(STRENGTHS))
        development_points += _count(finding.values.get(DEVELOPMENT_POINTS))
        if review.kind is ReviewKind.ASSESSMENT:
            judged += review.panel_judgement(criterion.id) is not None
        else:
            judged += any(v not in (None, "", ()) for v in finding.values.values())
    overall = ""
    if kind.derivation is not None and review.conclusion is not None and review.standard_conclusions:
        value = review.overall_judgement()
        if value:
            overall = kind.scale(kind.derivation.overall_scale).value(value).label.get(lang)
    return OverviewReview(
        id=review.id,
        title=review.title,
        partnership=review.partnership.name,
        sectors=review.sectors,
        kind=review.kind,
        kind_label=kind_label(review.kind, lang),
        visit_date=review.visit_dates[0] if review.visit_dates else None,
        phase_label=phase_label(review.phase, lang),
        revision=review.revision,
        framework=f"{review.framework.name.get(lang)} {review.framework.version}",
        overall_judgement=overall,
        criteria=review.framework.criterion_count,
        judged=judged,
        strengths=strengths,
        development_points=development_points,
    )


def overview_rows(review: Review, summary: OverviewReview, lang: Language) -> Iterator[OverviewRow]:
    scale = review.forms.kind.criterion_scale()
    for standard in review.framework.standards:
        standard_title = standard.title.get(lang)
        for criterion in standard.criteria:
            finding = review.findings.get(criterion.id)
            values = finding.values if finding else {}
            judgement = ""
            if scale is not None and finding is not None:
                value = review.panel_judgement(criterion.id)
                judgement = scale.value(value).label.get(lang) if value else ""
            yield OverviewRow(
                review=summary,
                standard_id=standard.id,
                standard_title=standard_title,
                criterion_id=criterion.id,
                criterion_title=criterion.title.get(lang),
                judgement=judgement,
                strengths=_count(values.get(STRENGTHS)),
                development_points=_count(values.get(DEVELOPMENT_POINTS)),
            )


def _count(value: object) -> int:
    return len(value) if isinstance(value, tuple) else 0


def export_member_workbook(workbench: Workbench, review_id: UUID, member: str, path: Path) -> str:
    """Write the fill-in workbook of one panel member (by name, or id); answers the member's name."""
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
    chosen = _find_member(review, member)
    atomic_write_bytes(path, write_member_workbook(review, chosen.id, created_at=workbench.clock()))
    return chosen.name


def export_factcheck_workbook(workbench: Workbench, review_id: UUID, path: Path) -> None:
    """Write the fact-check workbook for the receiving partnership."""
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
    if review.locked:
        raise ReviewLockedError(
            _("{title!r} is adopted: the fact-check round happens before adoption").format(title=review.title)
        )
    atomic_write_bytes(path, write_factcheck_workbook(review, created_at=workbench.clock()))


def _find_member(review: Review, wanted: str) -> PanelMember:
    wanted_clean = wanted.strip().casefold()
    matches = [m for m in review.members if str(m.id) == wanted_clean or m.name.strip().casefold() == wanted_clean]
    if not matches:
        matches = [m for m in review.members if wanted_clean and wanted_clean in m.name.casefold()]
    panel = ", ".join(m.name for m in review.members if m.role.on_panel)
    if not matches:
        raise InputError(
            _("{title!r} has no panel member {name!r} (panel: {panel})").format(
                title=review.title, name=wanted, panel=panel
            )
        )
    if len(matches) > 1:
        raise InputError(
            _("{name!r} fits more than one panel member: {names}").format(
                name=wanted, names=", ".join(m.name for m in matches)
            )
        )
    return matches[0]


def preview_import(workbench: Workbench, path: Path) -> ImportPreview:
    """Read and check a workbook and answer what importing it would change; changes nothing."""
    data = _read_workbook_file(path)
    meta = read_workbook_meta(data, path.name)
    with workbench.uow() as uow:
        review = _review_for(uow, meta, path)
    changes, who = _plan(review, meta, data, path)
    return ImportPreview(path, meta, review.title, who, changes)


def import_workbook(workbench: Workbench, path: Path) -> ImportPreview:
    """Check a workbook completely, then import all of it or nothing; answers what changed."""
    data = _read_workbook_file(path)
    meta = read_workbook_meta(data, path.name)
    with workbench.uow() as uow:
        review = _review_for(uow, meta, path)
        content, who = _read_input(review, meta, data, path)
        changes = _apply(review, content, now=workbench.clock())
        if changes:
            uow.reviews.save(review, check(review))
            uow.commit()
    return ImportPreview(path, meta, review.title, who, changes)


def _plan(review: Review, meta: WorkbookMeta, data: bytes, path: Path) -> tuple[tuple[Change, ...], str]:
    content, who = _read_input(review, meta, data, path)
    if isinstance(content, MemberInput):
        return plan_member_import(review, content), who
    return plan_factcheck_import(review, content), who


def _apply(review: Review, content: MemberInput | FactCheckInput, *, now: datetime) -> tuple[Change, ...]:
    if isinstance(content, MemberInput):
        return apply_member_import(review, content, now=now)
    return apply_factcheck_import(review, content, now=now)


def _read_input(
    review: Review, meta: WorkbookMeta, data: bytes, path: Path
) -> tuple[MemberInput | FactCheckInput, str]:
    """The checked content of the workbook and whose input it is; nothing for an adopted review."""
    if review.locked:
        raise ReviewLockedError(
            _("{title!r} is adopted and accepts no more input; start a new revision to correct it").format(
                title=review.title
            )
        )
    if meta.kind == "member":
        member_input = read_member_workbook(data, path.name, review, meta)
        return member_input, review.member(member_input.member_id).name
    return read_factcheck_workbook(data, path.name, review, meta), review.partnership.name


def _review_for(uow: UnitOfWork, meta: WorkbookMeta, path: Path) -> Review:
    if not uow.reviews.exists(meta.review_id):
        raise InputError(
            _("{file}: the review this workbook belongs to ({id}) is not in this database").format(
                file=path.name, id=meta.review_id
            )
        )
    return uow.reviews.get(meta.review_id)


def _read_workbook_file(path: Path) -> bytes:
    """The file's bytes, refusing a workbook that Excel or LibreOffice still has open (it may not be saved yet)."""
    for lock in (path.with_name(f".~lock.{path.name}#"), path.with_name(f"~${path.name}")):
        if lock.exists():
            raise InputError(
                _("{file} is still open in Excel or LibreOffice; save and close it, then import again").format(
                    file=path.name
                )
            )
    try:
        return read_input_file(path)
    except PermissionError:
        raise InputError(
            _("{path} cannot be read: it is locked by another program or you lack permission").format(path=path)
        ) from None


def decide_comment(
    workbench: Workbench, review_id: UUID, comment_id: UUID, decision: factcheck.Decision, reply: str
) -> None:
    """Accept or reject a fact-check comment with a reply."""

    def change(review: Review) -> None:
        factcheck.decide(review, comment_id, decision, reply, actor=workbench.actor, now=workbench.clock())

    edit(workbench, review_id, change)
