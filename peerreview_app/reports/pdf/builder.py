"""Build the PDF report of a review: sections of its kind, one layout pass, PDF/A parts, empty signature fields."""

from __future__ import annotations

import io
from datetime import datetime

import reportlab
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary
from reportlab.platypus import Flowable, PageBreakIfNotEmpty

from peerreview_app import __version__
from peerreview_app.domain.partnership import Role
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.i18n import translator
from peerreview_app.reports.fonts import register_fonts
from peerreview_app.reports.pdf.canvas_internals import pdf_document
from peerreview_app.reports.pdf.context import ReportContext
from peerreview_app.reports.pdf.document import (
    BODY,
    COVER,
    DocumentInfo,
    PageTexts,
    ReportDocument,
    exclusive_reportlab,
)
from peerreview_app.reports.pdf.model import ReportError, ReportOptions, ReportPdf
from peerreview_app.reports.pdf.pdfa import add_archival_parts, set_file_id, utc
from peerreview_app.reports.pdf.sections import SECTIONS
from peerreview_app.reports.pdf.styles import styles
from peerreview_app.reports.pdf.texts import Translate, kind_label

APPLICATION = "Peer Review Workbench"
LOGO_MAX_PIXELS = 1600  # wider logos are scaled down: the cover shows them at about 5 cm


def build_report(review: Review, options: ReportOptions = ReportOptions()) -> ReportPdf:  # noqa: B008 - frozen
    """The unsigned PDF report of `review`: same review and options, same bytes.

    Raises `ReportError` when an option cannot be used (an unreadable logo).
    """
    register_fonts()
    _ = translator(review.language)
    draft = options.draft if options.draft is not None else not review.phase.locked
    logo = load_logo(options.logo, _) if options.logo else None
    sections = tuple(s for s in review.forms.kind.report_sections if s in SECTIONS)
    ctx = ReportContext(review=review, translate=_, styles=styles(), draft=draft, logo=logo, sections=sections)

    # Every section but the contents first, so that the contents know every heading.
    parts: dict[str, list[Flowable]] = {s: SECTIONS[s](ctx) for s in sections if s != "contents"}
    if "contents" in sections:
        parts["contents"] = SECTIONS["contents"](ctx)
    story: list[Flowable] = []
    for section in sections:
        # A new page for every section, unless the page is still empty (then only its template changes).
        story += [PageBreakIfNotEmpty(nextTemplate=COVER if section == "cover" else BODY), *parts[section]]

    info = document_info(review, _)
    texts = PageTexts(
        header_left=review.title,
        header_right=_("revision {number}").format(number=review.revision),
        footer_left=ctx.local(review.forms.kind.name),
        page_of=_("page {number} of {count}"),
        watermark=_("DRAFT") if draft else None,
    )
    with exclusive_reportlab():
        document = ReportDocument(texts, info, first_template=COVER if sections[:1] == ("cover",) else BODY)
        document.build(story)
        pages = document.define_late_forms(ctx.toc)
        canvas = document.canv
        if ctx.slots:
            pdf = pdf_document(canvas)
            fields = PDFArray([pdf.refAnnotation(slot.field_name) for slot in ctx.slots])
            pdf.Catalog.AcroForm = PDFDictionary({"Fields": fields})  # type: ignore[attr-defined]  # not in the stubs
        canvas.showOutline()
        add_archival_parts(canvas, info, report_moment(review))
        canvas.save()
    content = set_file_id(document.buffer.getvalue())
    return ReportPdf(content=content, page_count=pages, signature_slots=tuple(ctx.slots))


def document_info(review: Review, _: Translate) -> DocumentInfo:
    secretaries = review.members_with_role(Role.SECRETARY)
    kind_name = review.forms.kind.name.get(review.language)
    return DocumentInfo(
        title=review.title,
        author=secretaries[0].name if secretaries else APPLICATION,
        subject=_("Report of the {kind} of {partnership}").format(
            kind=kind_label(review.kind, _), partnership=review.partnership.name
        ),
        keywords="; ".join((kind_name, review.partnership.name, review.framework.name.get(review.language))),
        creator=f"{APPLICATION} {__version__}",
        producer=f"{APPLICATION} {__version__} (ReportLab {reportlab.Version})",
        language=Language(review.language).value,
    )


def report_moment(review: Review) -> datetime:
    """The report's date: adoption, else the last change of the review; never the clock."""
    if review.adopted_at is not None:
        return review.adopted_at
    moments = [review.created_at]
    records: list[object] = [
        review,
        review.partnership,
        *review.members,
        *review.conversations,
        *review.notes,
        *review.findings.values(),
        *review.member_judgements,
        *review.standard_conclusions.values(),
        *review.questions,
        *review.documents,
        *review.factcheck_comments,
    ]
    if review.conclusion is not None:
        records.append(review.conclusion)
    for record in records:
        stamp = getattr(record, "stamp", None)
        if stamp is not None and stamp.updated_at is not None:
            moments.append(stamp.updated_at)
    return max(moments, key=_comparable)


def _comparable(moment: datetime) -> float:
    return utc(moment).timestamp()


def load_logo(data: bytes, _: Translate) -> ImageReader:
    """The logo as an opaque RGB image (PDF/A-friendly: no soft mask), or `ReportError` saying what is wrong."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 - only a report with a logo needs Pillow

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ("PNG", "JPEG"):
                raise ReportError(
                    _("The report logo must be a PNG or JPEG image; the chosen file is {format}.").format(
                        format=image.format or _("of an unknown type")
                    )
                )
            image.load()
            rgba = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ReportError(
            _(
                "The report logo cannot be read as a PNG or JPEG image ({error}). Choose another logo in the settings."
            ).format(error=str(exc) or type(exc).__name__)
        ) from None
    if rgba.width > LOGO_MAX_PIXELS:
        height = max(1, round(rgba.height * LOGO_MAX_PIXELS / rgba.width))
        rgba = rgba.resize((LOGO_MAX_PIXELS, height), Image.Resampling.LANCZOS)
    flat = Image.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return ImageReader(flat)
