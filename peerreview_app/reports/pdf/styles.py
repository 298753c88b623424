"""The look of a report: page geometry, a restrained colour palette and the paragraph styles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from peerreview_app.reports.fonts import register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_MARGIN = 25 * mm
RIGHT_MARGIN = 22 * mm
TOP_MARGIN = 27 * mm
BOTTOM_MARGIN = 24 * mm
CONTENT_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
HEADER_Y = PAGE_HEIGHT - 15 * mm  # baseline of the running header
FOOTER_Y = 13 * mm  # baseline of the running footer

ACCENT = HexColor("#1F4E79")  # the one accent colour, as in the Excel exports
ACCENT_LIGHT = HexColor("#E8EEF5")
TEXT = HexColor("#1E2328")
MUTED = HexColor("#5B6670")
RULE = HexColor("#C5CFD9")
WATERMARK = HexColor("#E4E4E4")  # opaque and drawn beneath the text: no transparency needed for PDF/A
POSITIVE = HexColor("#2E6B3A")
NEGATIVE = HexColor("#9C2B23")
WHITE = HexColor("#FFFFFF")


@dataclass(frozen=True, slots=True)
class Styles:
    """Every paragraph style a report uses."""

    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    note: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    h3_accent: ParagraphStyle
    label: ParagraphStyle
    bullet: ParagraphStyle
    value_line: ParagraphStyle
    verdict: ParagraphStyle
    question: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    header_cell: ParagraphStyle
    hash: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle
    cover_kind: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_meta: ParagraphStyle
    cover_draft: ParagraphStyle
    signer_role: ParagraphStyle
    signer_name: ParagraphStyle


@cache
def styles() -> Styles:
    """The paragraph styles, made once per process."""
    fonts = register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=9.8,
        leading=14.4,
        textColor=TEXT,
        spaceAfter=6,
        alignment=TA_LEFT,
        allowOrphans=0,
        allowWidows=0,
        bulletFontName=fonts.regular,  # the default is Helvetica, which is not embedded
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8.6, leading=11.6, spaceAfter=0)
    heading = ParagraphStyle("heading", parent=body, fontName=fonts.bold, keepWithNext=1, textColor=ACCENT)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.8, leading=12.6),
        muted=ParagraphStyle("muted", parent=body, fontName=fonts.italic, textColor=MUTED, fontSize=9, leading=13),
        note=ParagraphStyle("note", parent=body, fontSize=8.4, leading=12, textColor=MUTED),
        h1=ParagraphStyle("h1", parent=heading, fontSize=19, leading=24, spaceBefore=0, spaceAfter=16),
        h2=ParagraphStyle("h2", parent=heading, fontSize=14, leading=18.5, spaceBefore=16, spaceAfter=8),
        h3=ParagraphStyle(
            "h3", parent=heading, fontSize=11, leading=14.6, spaceBefore=14, spaceAfter=3, textColor=TEXT
        ),
        h3_accent=ParagraphStyle(
            "h3_accent", parent=heading, fontSize=11, leading=14.6, spaceBefore=6, spaceAfter=3, textColor=ACCENT
        ),
        label=ParagraphStyle(
            "label", parent=heading, fontSize=8.8, leading=12, spaceBefore=5, spaceAfter=1.5, textColor=ACCENT
        ),
        bullet=ParagraphStyle("bullet", parent=body, spaceAfter=2.5, leftIndent=13, bulletIndent=1, bulletColor=MUTED),
        verdict=ParagraphStyle("verdict", parent=body, fontName=fonts.bold, fontSize=13, leading=17, spaceAfter=0),
        value_line=ParagraphStyle("value_line", parent=body, fontName=fonts.bold, spaceBefore=5, spaceAfter=4),
        question=ParagraphStyle(
            "question", parent=body, fontName=fonts.bold_italic, fontSize=10.2, leading=14.8, spaceAfter=6
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=fonts.bold),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        header_cell=ParagraphStyle("header_cell", parent=cell, fontName=fonts.bold, textColor=ACCENT),
        hash=ParagraphStyle("hash", parent=cell, fontSize=7.6, leading=10, textColor=MUTED),
        toc1=ParagraphStyle("toc1", parent=body, fontName=fonts.bold, fontSize=10.2, leading=14, spaceAfter=0),
        toc2=ParagraphStyle("toc2", parent=body, fontSize=9.6, leading=13, spaceAfter=0, leftIndent=14),
        cover_kind=ParagraphStyle(
            "cover_kind", parent=body, fontName=fonts.bold, fontSize=10.5, leading=14, textColor=ACCENT, spaceAfter=10
        ),
        cover_title=ParagraphStyle(
            "cover_title", parent=body, fontName=fonts.bold, fontSize=27, leading=33, spaceAfter=10, textColor=TEXT
        ),
        cover_subtitle=ParagraphStyle(
            "cover_subtitle", parent=body, fontSize=12.5, leading=17, textColor=MUTED, spaceAfter=4
        ),
        cover_meta=ParagraphStyle("cover_meta", parent=body, fontSize=9.6, leading=14, spaceAfter=0),
        cover_draft=ParagraphStyle(
            "cover_draft", parent=body, fontName=fonts.bold, fontSize=9.6, leading=13, textColor=NEGATIVE, spaceAfter=0
        ),
        signer_role=ParagraphStyle(
            "signer_role", parent=body, fontName=fonts.bold, fontSize=8.6, leading=11.5, textColor=ACCENT, spaceAfter=1
        ),
        signer_name=ParagraphStyle(
            "signer_name", parent=body, fontName=fonts.bold, fontSize=11, leading=14.5, spaceAfter=1
        ),
    )


def judgement_colour(positive: bool | None) -> Color:
    """The colour of a judgement label: green for a positive value, red for a negative one."""
    if positive is None:
        return TEXT
    return POSITIVE if positive else NEGATIVE
