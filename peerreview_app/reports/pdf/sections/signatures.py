"""The signature page: one box per signer with an empty visible signature field, in signing order."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from peerreview_app.domain.review import Review
from peerreview_app.reports.pdf.context import ReportContext
from peerreview_app.reports.pdf.model import signing_order
from peerreview_app.reports.pdf.signature_boxes import SignatureRow, SignatureTexts, Signer
from peerreview_app.reports.pdf.texts import Translate, capitalised, grouped_fingerprint, role_label


def signers(review: Review, _: Translate) -> list[Signer]:
    """Every panel member holding a signing role of the kind, in the kind's signing order."""
    result: list[Signer] = []
    for field_name, member in signing_order(review):
        fingerprint = member.certificate_fingerprint.strip()
        result.append(
            Signer(
                field_name=field_name,
                member_id=member.id,
                role=member.role,
                role_label=capitalised(role_label(member.role, _)),
                name=member.name,
                organisation=member.organisation,
                fingerprint_lines=tuple(grouped_fingerprint(fingerprint)) if fingerprint else (),
            )
        )
    return result


def signatures(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    people = signers(ctx.review, _)
    flowables: list[Flowable] = [ctx.heading(0, _("Signatures"))]
    if not people:
        return [
            *flowables,
            ctx.paragraph(_("This review has no signatories yet: the panel has no chair or secretary.")),
        ]
    flowables.append(
        ctx.paragraph(
            _(
                "The signatories adopt this report with their digital signature, in the order shown. A signed "
                "report cannot be changed without breaking the signatures; a correction becomes a new revision."
            )
        )
    )
    if any(signer.fingerprint_lines for signer in people):
        flowables.append(
            ctx.paragraph(
                _(
                    "Each box shows the SHA-256 fingerprint of the signatory's certificate, so that a reader can "
                    "compare it with the certificate in the signature."
                )
            )
        )
    flowables.append(Spacer(1, 10))
    texts = SignatureTexts(fingerprint_label=_("Certificate fingerprint (SHA-256)"), field_label=_("Digital signature"))
    for start in range(0, len(people), 2):
        flowables.append(SignatureRow(people[start : start + 2], ctx.styles, texts=texts, on_slot=ctx.slots.append))
        flowables.append(Spacer(1, 14))
    return flowables
