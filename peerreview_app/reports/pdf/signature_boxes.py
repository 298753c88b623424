"""The signature page's boxes: who signs, and an empty visible signature field (a widget) in each box."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObject, PDFStream, PDFString
from reportlab.platypus import Flowable

from peerreview_app.domain.partnership import Role
from peerreview_app.reports.fonts import FONTS
from peerreview_app.reports.pdf.canvas_internals import add_annotation, pdf_document
from peerreview_app.reports.pdf.flowables import Para
from peerreview_app.reports.pdf.model import SignatureSlot
from peerreview_app.reports.pdf.styles import ACCENT, MUTED, RULE, TEXT, Styles
from peerreview_app.reports.pdf.texts import markup


@dataclass(frozen=True, slots=True)
class Signer:
    """Who signs in one signature box."""

    field_name: str
    member_id: UUID
    role: Role
    role_label: str
    name: str
    organisation: str
    fingerprint_lines: tuple[str, ...]


class SignatureWidget(PDFObject):
    """An empty signature field merged with its widget annotation: printable, with an empty appearance."""

    def __init__(self, name: str, rect: tuple[float, float, float, float], page: PDFObject, tooltip: str) -> None:
        self.name = name
        self.rect = rect
        self.page = page
        self.tooltip = tooltip
        width, height = rect[2] - rect[0], rect[3] - rect[1]
        bbox = PDFArray([0, 0, round(width, 3), round(height, 3)])
        # PDF/A wants an appearance for every widget; an empty form keeps the field invisible until signed.
        self.appearance = PDFStream(
            PDFDictionary(
                {
                    "Type": PDFName("XObject"),
                    "Subtype": PDFName("Form"),
                    "BBox": bbox,
                    "Resources": PDFDictionary({}),
                }
            ),
            content=b" ",
        )

    def format(self, document: object) -> bytes:
        entries = {
            "Type": PDFName("Annot"),
            "Subtype": PDFName("Widget"),
            "FT": PDFName("Sig"),
            "T": PDFString(self.name),
            "TU": PDFString(self.tooltip),
            "F": 4,  # print
            "Rect": PDFArray([round(v, 3) for v in self.rect]),
            "P": self.page,
            "Border": PDFArray([0, 0, 0]),
            "AP": PDFDictionary({"N": self.appearance}),
        }
        return PDFDictionary(entries).format(document)


class SignatureRow(Flowable):
    """One or two signature boxes side by side; each box gets an empty signature field in its lower part."""

    GAP = 14.0
    FIELD_HEIGHT = 80.0
    PADDING = 11.0
    FINGERPRINT_LINE = 9.6

    def __init__(
        self,
        signers: list[Signer],
        styles: Styles,
        *,
        texts: SignatureTexts,
        on_slot: Callable[[SignatureSlot], None],
    ) -> None:
        super().__init__()
        self.signers = signers
        self.styles = styles
        self.texts = texts
        self.on_slot = on_slot
        self.box_width = 0.0
        self.text_height = 0.0

    def _paragraphs(self, signer: Signer) -> list[tuple[Para, float]]:
        """The wrapped role, name and organisation of a signer, with the space after each."""
        wrapped = []
        for text, style in (
            (signer.role_label, self.styles.signer_role),
            (signer.name, self.styles.signer_name),
            (signer.organisation, self.styles.cell),
        ):
            if text:
                para = Para(markup(text), style)
                para.wrap(self.box_width - 2 * self.PADDING, 1000)
                wrapped.append((para, float(style.spaceAfter)))
        return wrapped

    def _text_height(self, signer: Signer) -> float:
        height = sum(para.height + after for para, after in self._paragraphs(signer))
        if signer.fingerprint_lines:
            height += 13 + self.FINGERPRINT_LINE * len(signer.fingerprint_lines)
        return float(height)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        self.width = availWidth
        self.box_width = (availWidth - self.GAP) / 2
        self.text_height = max(self._text_height(signer) for signer in self.signers)
        self.height = 3 + 2 * self.PADDING + self.text_height + 18 + self.FIELD_HEIGHT
        return self.width, self.height

    def draw(self) -> None:
        for column, signer in enumerate(self.signers):
            self._draw_box(signer, column * (self.box_width + self.GAP), self.box_width)

    def _draw_box(self, signer: Signer, x: float, width: float) -> None:
        canvas = self.canv
        pad = self.PADDING
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.7)
        canvas.rect(x, 0, width, self.height, stroke=1, fill=0)
        canvas.setFillColor(ACCENT)
        canvas.rect(x, self.height - 3, width, 3, stroke=0, fill=1)
        top = self.height - 3 - pad
        for para, after in self._paragraphs(signer):
            top -= para.height
            para.drawOn(canvas, x + pad, top)
            top -= after
        if signer.fingerprint_lines:
            top -= 12
            canvas.setFont(FONTS.regular, 7.2)
            canvas.setFillColor(MUTED)
            canvas.drawString(x + pad, top, self.texts.fingerprint_label)
            canvas.setFont(FONTS.regular, 7.6)
            canvas.setFillColor(TEXT)
            for line in signer.fingerprint_lines:
                top -= self.FINGERPRINT_LINE
                canvas.drawString(x + pad, top, line)
        field_bottom = pad
        field_top = field_bottom + self.FIELD_HEIGHT
        canvas.setFont(FONTS.regular, 7.2)
        canvas.setFillColor(MUTED)
        canvas.drawString(x + pad, field_top + 5, self.texts.field_label)
        canvas.setStrokeColor(RULE)
        canvas.setDash(2, 2)
        canvas.rect(x + pad, field_bottom, width - 2 * pad, self.FIELD_HEIGHT, stroke=1, fill=0)
        canvas.restoreState()
        self._add_field(signer, x + pad, field_bottom, x + width - pad, field_top)

    def _add_field(self, signer: Signer, x1: float, y1: float, x2: float, y2: float) -> None:
        canvas = self.canv
        ax1, ay1 = canvas.absolutePosition(x1, y1)
        ax2, ay2 = canvas.absolutePosition(x2, y2)
        rect = (round(min(ax1, ax2), 3), round(min(ay1, ay2), 3), round(max(ax1, ax2), 3), round(max(ay1, ay2), 3))
        widget = SignatureWidget(signer.field_name, rect, pdf_document(canvas).thisPageRef(), signer.name)
        add_annotation(canvas, widget, signer.field_name)
        self.on_slot(
            SignatureSlot(
                field_name=signer.field_name,
                member_id=signer.member_id,
                role=signer.role,
                name=signer.name,
                page=canvas.getPageNumber() - 1,
                rect=rect,
            )
        )


@dataclass(frozen=True, slots=True)
class SignatureTexts:
    """The fixed words in a signature box, in the report's language."""

    fingerprint_label: str
    field_label: str
