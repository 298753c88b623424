"""The page frame of a report: cover and body pages, running header and footer, watermark, one layout pass."""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFStream
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from peerreview_app.reports.fonts import FONTS
from peerreview_app.reports.pdf.flowables import Heading, TocEntry, toc_form_name
from peerreview_app.reports.pdf.styles import (
    ACCENT,
    BOTTOM_MARGIN,
    CONTENT_WIDTH,
    FOOTER_Y,
    HEADER_Y,
    LEFT_MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT_MARGIN,
    RULE,
    TOP_MARGIN,
    WATERMARK,
)

COVER = "cover"
BODY = "body"

_BUILD_LOCK = threading.Lock()


_STREAM_FORMAT = PDFStream.format


def _format_stream_for_pdfa(self: PDFStream, document: Any) -> bytes:
    """reportlab's stream, with the end-of-line before ``endstream`` that PDF/A requires (not counted in /Length)."""
    data: bytes = _STREAM_FORMAT(self, document)
    return data[: -len(b"endstream\n")] + b"\nendstream\n"


@contextmanager
def exclusive_reportlab() -> Iterator[None]:
    """One report build at a time, with reportlab set up for PDF/A.

    reportlab keeps these choices process-wide, so they are made here, under a lock, and undone afterwards:
    streams Flate-compressed only (plain binary Flate is about 7 % smaller and faster to write than ASCII85 on
    top, and a PDF/A file need not be 7-bit clean), and an end-of-line before every ``endstream`` keyword.
    """
    with _BUILD_LOCK:
        previous = rl_config.useA85
        rl_config.useA85 = 0
        # A deliberate patch of reportlab's method, undone below; mypy rejects any assignment to a method.
        PDFStream.format = _format_stream_for_pdfa  # type: ignore[method-assign]
        try:
            yield
        finally:
            PDFStream.format = _STREAM_FORMAT  # type: ignore[method-assign]  # the original method back
            rl_config.useA85 = previous


@dataclass(frozen=True, slots=True)
class PageTexts:
    """The running texts, in the report's language."""

    header_left: str
    header_right: str
    footer_left: str
    page_of: str  # "page {number} of {count}"
    watermark: str | None  # None: no watermark (an adopted report)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The document information dictionary."""

    title: str
    author: str
    subject: str
    keywords: str
    creator: str
    producer: str
    language: str


class ReportDocument(BaseDocTemplate):
    """A4 report in one layout pass; page numbers that are not known yet are forms defined by `finish`."""

    def __init__(self, texts: PageTexts, info: DocumentInfo, *, first_template: str) -> None:
        self.buffer = io.BytesIO()
        super().__init__(
            self.buffer,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=LEFT_MARGIN,
            rightMargin=RIGHT_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=info.title,
            author=info.author,
            subject=info.subject,
            keywords=info.keywords,  # type: ignore[arg-type]  # the stubs want a list; Canvas.setKeywords takes a str
            creator=info.creator,
            producer=info.producer,
            lang=info.language,
            invariant=1,
            pageCompression=1,
            # Without this the canvas starts every page with an unembedded Helvetica.
            initialFontName=FONTS.regular,
            initialFontSize=10,
        )
        self.texts = texts
        self.heading_pages: dict[str, int] = {}
        self._doSave = 0  # `finish` defines the forms, then saves
        body = Frame(LEFT_MARGIN, BOTTOM_MARGIN, CONTENT_WIDTH, PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN, id="body")
        cover = Frame(LEFT_MARGIN, BOTTOM_MARGIN, CONTENT_WIDTH, PAGE_HEIGHT - BOTTOM_MARGIN - 30 * 2.835, id="cover")
        templates = {
            COVER: PageTemplate(id=COVER, frames=[cover], onPage=self._cover_page),
            BODY: PageTemplate(id=BODY, frames=[body], onPage=self._body_page),
        }
        order = [first_template, *(name for name in templates if name != first_template)]
        self.addPageTemplates([templates[name] for name in order])

    # -- page decoration, drawn before the page's content so the watermark lies beneath it -------------

    def _cover_page(self, canvas: Canvas, doc: Any) -> None:
        self._watermark(canvas)
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, PAGE_HEIGHT - 9, PAGE_WIDTH, 9, stroke=0, fill=1)
        canvas.rect(LEFT_MARGIN, BOTTOM_MARGIN - 14, CONTENT_WIDTH, 0.8, stroke=0, fill=1)
        canvas.restoreState()

    def _body_page(self, canvas: Canvas, doc: Any) -> None:
        self._watermark(canvas)
        texts = self.texts
        canvas.saveState()
        canvas.setFont(FONTS.regular, 7.8)
        canvas.setFillColor(MUTED)
        right = PAGE_WIDTH - RIGHT_MARGIN
        revision_width = stringWidth(texts.header_right, FONTS.regular, 7.8)
        canvas.drawString(LEFT_MARGIN, HEADER_Y, fitted(texts.header_left, CONTENT_WIDTH - revision_width - 24))
        canvas.drawRightString(right, HEADER_Y, texts.header_right)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(LEFT_MARGIN, HEADER_Y - 5, right, HEADER_Y - 5)
        canvas.line(LEFT_MARGIN, FOOTER_Y + 10, right, FOOTER_Y + 10)
        canvas.drawString(LEFT_MARGIN, FOOTER_Y, texts.footer_left)
        canvas.translate(right, FOOTER_Y)
        canvas.doForm(page_form_name(canvas.getPageNumber()))
        canvas.restoreState()

    def _watermark(self, canvas: Canvas) -> None:
        if not self.texts.watermark:
            return
        size = watermark_size(self.texts.watermark)
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(54.7)  # along the diagonal of an A4 page
        canvas.setFont(FONTS.bold, size)
        canvas.drawCentredString(0, -size * 0.35, self.texts.watermark)
        canvas.restoreState()

    # -- headings: page numbers for the contents, outline entries and link targets ---------------------

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab API
        if isinstance(flowable, Heading):
            key = flowable.toc_key
            self.heading_pages[key] = self.page
            top = self.frame._y + flowable.height + 6  # type: ignore[attr-defined]  # the frame's private cursor
            self.canv.bookmarkHorizontalAbsolute(key, top)
            self.canv.addOutlineEntry(flowable.plain_text, key, level=flowable.toc_level)

    # -- the end: forms for what was not known before the last page ------------------------------------

    def define_late_forms(self, toc: list[TocEntry]) -> int:
        """Define the page-number forms; answers the number of pages."""
        canvas: Canvas = self.canv
        pages = int(canvas.getPageNumber()) - 1
        for number in range(1, pages + 1):
            canvas.beginForm(page_form_name(number), lowerx=-300, lowery=-4, upperx=2, uppery=12)
            canvas.setFont(FONTS.regular, 7.8)
            canvas.setFillColor(MUTED)
            canvas.drawRightString(0, 0, self.texts.page_of.format(number=number, count=pages))
            canvas.endForm()
        for entry in toc:
            canvas.beginForm(toc_form_name(entry.key), lowerx=-60, lowery=-4, upperx=2, uppery=14)
            canvas.setFont(FONTS.bold if entry.level == 0 else FONTS.regular, 10.2 if entry.level == 0 else 9.6)
            canvas.drawRightString(0, 0, str(self.heading_pages.get(entry.key, "")))
            canvas.endForm()
        return pages


@cache
def watermark_size(text: str) -> float:
    """The font size at which `text` fills most of the page diagonal (at most 118 pt)."""
    width = float(stringWidth(text, FONTS.bold, 100))
    return min(118.0, 100 * 0.82 * math.hypot(PAGE_WIDTH, PAGE_HEIGHT) / width)


def page_form_name(number: int) -> str:
    return f"page-{number}"


@cache
def fitted(text: str, width: float) -> str:
    """`text`, shortened with an ellipsis to fit `width` in the header font."""
    if stringWidth(text, FONTS.regular, 7.8) <= width:
        return text
    while text and stringWidth(text + "…", FONTS.regular, 7.8) > width:
        text = text[:-1]
    return text.rstrip() + "…"
