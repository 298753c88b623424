"""Report use cases: build and export the PDF, sign it (which adopts and locks the review), verify any PDF."""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from peerreview_app import config
from peerreview_app.domain.completeness import check
from peerreview_app.domain.errors import TransitionError
from peerreview_app.domain.listing import ReviewFilter
from peerreview_app.domain.partnership import PanelMember, Role
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.review import Review
from peerreview_app.domain.signatures import SignerRecord, StoredReport
from peerreview_app.fileio import atomic_write_bytes, safe_file_name
from peerreview_app.i18n import _, language, translator
from peerreview_app.reports.pdf import ReportOptions, ReportPdf, build_report, signing_order
from peerreview_app.services.errors import InputError
from peerreview_app.services.files import read_input_file
from peerreview_app.services.labels import describe, phase_label, role_label
from peerreview_app.services.workbench import Workbench

if TYPE_CHECKING:
    from peerreview_app.reports.signing import Identity, Verification

# pyHanko (with aiohttp and its certificate validator) costs 0.4 s to import: only signing and verifying load it,
# so exporting a PDF from the command line or opening the Rapport page stays quick.


@dataclass(frozen=True, slots=True)
class ExportedReport:
    path: Path
    pages: int | None  # None for a stored signed report, which is written as it was signed
    signed: bool
    draft: bool


@dataclass(frozen=True, slots=True)
class SignOutcome:
    report: StoredReport
    field: str
    adopted_now: bool  # this signature adopted (vastgesteld) the review
    unsigned_fields: tuple[str, ...]  # fields still waiting for a signature


def report_options(*, final: bool = False) -> ReportOptions:
    """Options from the settings (the cover logo when one was chosen); `final` leaves out the draft watermark."""
    logo = config.report_logo_path()
    return ReportOptions(logo=logo.read_bytes() if logo.is_file() else None, draft=False if final else None)


def build_review_report(workbench: Workbench, review_id: UUID, *, final: bool = False) -> ReportPdf:
    """The unsigned report of a review: a draft (CONCEPT) until adopted, or `final` for signing."""
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
    return build_report(review, report_options(final=final))


def stored_report(workbench: Workbench, review_id: UUID) -> StoredReport | None:
    """The newest signed report kept with the review, or None."""
    with workbench.uow() as uow:
        return uow.report_files.latest(review_id)


def signed_report(workbench: Workbench, review_id: UUID) -> tuple[StoredReport, bytes] | None:
    """The newest signed report kept with the review and its bytes, or None."""
    with workbench.uow() as uow:
        latest = uow.report_files.latest(review_id)
        return None if latest is None else (latest, uow.report_files.content(latest.id))


def stored_report_content(workbench: Workbench, review_id: UUID) -> bytes | None:
    found = signed_report(workbench, review_id)
    return None if found is None else found[1]


def export_pdf(workbench: Workbench, review_id: UUID, path: Path, *, unsigned: bool = False) -> ExportedReport:
    """Write the review's report to `path` atomically: the signed one when there is one, else a fresh build."""
    if not unsigned:
        content = stored_report_content(workbench, review_id)
        if content is not None:
            atomic_write_bytes(path, content)
            return ExportedReport(path, None, signed=True, draft=False)
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
    report = build_report(review, report_options())
    atomic_write_bytes(path, report.content)
    return ExportedReport(path, report.page_count, signed=False, draft=not review.locked)


def export_pdfs(
    workbench: Workbench, folder: Path, where: ReviewFilter | None = None, *, unsigned: bool = False
) -> list[ExportedReport]:
    """Write the report of every review that matches into `folder`, one file each (see `export_pdf`)."""
    folder.mkdir(parents=True, exist_ok=True)
    with workbench.uow() as uow:
        summaries = uow.reviews.summaries(where)
    return [
        export_pdf(workbench, summary.id, folder / report_file_name(summary.title, summary.id), unsigned=unsigned)
        for summary in summaries
    ]


def report_file_name(title: str, review_id: UUID) -> str:
    """A file name every file system accepts, unique per review: ``<title> [<id prefix>].pdf``."""
    return f"{safe_file_name(title[:120])} [{review_id.hex[:8]}].pdf"


def sign_review(
    workbench: Workbench, review_id: UUID, identity_file: Path, passphrase: str, *, field: str | None = None
) -> SignOutcome:
    """Sign the review's report with an identity, keep the signed PDF with the review, and adopt it if needed.

    The first signature adopts (vaststellen) the review, which must then be complete; later signatures go into
    the stored PDF as incremental updates. Nothing is stored unless every step succeeds.
    """
    from peerreview_app.reports.signing import load_identity, sign_pdf, signature_fields  # noqa: PLC0415

    now = workbench.clock()
    identity = load_identity(read_input_file(identity_file), passphrase, now=now, source=identity_file.name)
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
        latest = uow.report_files.latest(review_id)
        base = uow.report_files.content(latest.id) if latest else None
    adopted_now = False
    if base is None:
        if not review.locked:
            # Checked before the PDF is built: adoption refuses an incomplete review with the list of what is open.
            _check_can_adopt(workbench, review)
        final = copy.deepcopy(review)  # the PDF shows the adoption that the signature makes
        if not final.locked:
            final.phase, final.adopted_at, final.adopted_by = Phase.ADOPTED, now, workbench.actor
        base = build_report(final, report_options(final=True)).content
        adopted_now = not review.locked
    chosen = field or _field_for(review, identity, base)
    signed = sign_pdf(
        base,
        identity,
        signed_at=now.astimezone(),  # the stamp shows the signer's own clock time; the instant is the same
        field=chosen,
        order=_signing_order(review),
        reason=_signing_reason(review),
        stamp_lines=_stamp_lines(review, identity),
    )
    fields = signature_fields(signed)  # our own output: any error here is a bug, not the user's
    newly = [f.name for f in fields if f.signed and f.name not in {s.field for s in (latest.signers if latest else ())}]
    signer = SignerRecord(newly[0] if newly else (chosen or ""), identity.name, identity.fingerprint, now)
    signers = (*(latest.signers if latest else ()), signer)
    with workbench.uow() as uow:
        # Adoption and the signed report are one transaction: never an adopted review without its report.
        if adopted_now:
            current = uow.reviews.get(review_id)
            current.move_to(Phase.ADOPTED, actor=workbench.actor, now=now)
            uow.reviews.save(current, check(current))
        stored = uow.report_files.add(review_id, signed, signers)
        uow.commit()
    return SignOutcome(stored, signer.field, adopted_now, tuple(f.name for f in fields if not f.signed))


def verify_file(workbench: Workbench, path: Path, *, trust: tuple[Path, ...] = ()) -> Verification:
    """Check every signature in a PDF file; see `verify_content`."""
    trusted = tuple(read_input_file(p) for p in trust)
    return verify_content(workbench, read_input_file(path), source=path.name, trust=trusted)


def verify_stored(workbench: Workbench, review_id: UUID) -> Verification:
    content = stored_report_content(workbench, review_id)
    if content is None:
        raise InputError(_("This review has no signed report yet."))
    return verify_content(workbench, content)


def verify_content(
    workbench: Workbench, content: bytes, *, source: str = "", trust: tuple[bytes, ...] = ()
) -> Verification:
    """Check every signature in PDF bytes; certificates of panel members and earlier signers count as known."""
    from peerreview_app.reports.signing import verify_pdf  # noqa: PLC0415

    return verify_pdf(content, known=known_signers(workbench), trust=trust, language=language(), source=source)


def known_signers(workbench: Workbench) -> dict[str, str]:
    """Certificate fingerprint → who: panel members with a certificate, and everyone who signed a stored report."""
    with workbench.uow() as uow:
        known = uow.report_files.known_fingerprints()
        for fingerprint, name, role in uow.reviews.member_fingerprints():
            known.setdefault(fingerprint, f"{name} ({role_label(Role(role))})")
    return known


def save_signed_copy(workbench: Workbench, review_id: UUID, path: Path) -> StoredReport:
    """Write the stored signed report to `path`, unchanged."""
    with workbench.uow() as uow:
        latest = uow.report_files.latest(review_id)
        if latest is None:
            raise InputError(_("This review has no signed report yet."))
        atomic_write_bytes(path, uow.report_files.content(latest.id))
    return latest


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _check_can_adopt(workbench: Workbench, review: Review) -> None:
    """Raise `TransitionError` (with what is open) if adopting `review` would be refused: signing adopts it."""
    if review.phase is not Phase.REPORTING:
        raise TransitionError(
            _(
                "“{title}” is in phase {phase}; only a review in rapportage can be signed, because signing adopts it"
            ).format(title=review.title, phase=phase_label(review.phase))
        )
    problems = tuple(describe(item) for item in check(review).items)
    if problems:
        raise TransitionError(
            _("“{title}” cannot be signed yet: signing adopts the review, and {count} item(s) are still open").format(
                title=review.title, count=len(problems)
            ),
            problems,
        )


def _signing_order(review: Review) -> tuple[str, ...]:
    return tuple(field_name for field_name, _member in signing_order(review))


def _field_for(review: Review, identity: Identity, pdf: bytes) -> str | None:
    """The field of the panel member who holds this certificate (or e-mail address), else the next in order."""
    from peerreview_app.reports.signing import signature_fields  # noqa: PLC0415

    empty = {f.name for f in signature_fields(pdf) if not f.signed}
    return next(
        (name for name, member in signing_order(review) if _holds(member, identity) and name in empty),
        None,
    )


def _holds(member: PanelMember, identity: Identity) -> bool:
    """Whether `identity` is this panel member's: the same certificate, or else the same e-mail address."""
    if member.certificate_fingerprint == identity.fingerprint:
        return True
    return bool(identity.email) and member.email.strip().casefold() == identity.email.casefold()


def _signing_reason(review: Review) -> str:
    _ = translator(review.language)
    return _("Adoption of the peer review report")


def _stamp_lines(review: Review, identity: Identity) -> tuple[str, ...]:
    for member in review.members:
        if _holds(member, identity):
            return (role_label(member.role, review.language),)
    return ()
