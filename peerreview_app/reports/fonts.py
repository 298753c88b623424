"""The report fonts: Noto Sans in four styles, registered once as one reportlab font family.

Every text in a report (and in a signature stamp) uses these embedded TrueType fonts, never one of the PDF
base fonts, which a PDF does not embed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from peerreview_app.resources import font_path


@dataclass(frozen=True, slots=True)
class FontFamily:
    """The reportlab names of the four registered styles."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


FONTS = FontFamily(
    regular="NotoSans",
    bold="NotoSans-Bold",
    italic="NotoSans-Italic",
    bold_italic="NotoSans-BoldItalic",
)

FAMILY = FONTS.regular
"""The family name for paragraph styles: ``<b>`` and ``<i>`` pick the matching style."""

_FILES = {
    FONTS.regular: "NotoSans-Regular.ttf",
    FONTS.bold: "NotoSans-Bold.ttf",
    FONTS.italic: "NotoSans-Italic.ttf",
    FONTS.bold_italic: "NotoSans-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> FontFamily:
    """Register Noto Sans with reportlab (once per process; parsing the TTF files is the slow part)."""
    global _registered  # noqa: PLW0603 - reportlab's font registry is process-wide too
    if _registered:
        return FONTS
    with _lock:
        if not _registered:
            for name, file_name in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))
            # <b> and <i> in paragraph markup resolve through these mappings.
            mappings: tuple[tuple[Literal[0, 1], Literal[0, 1], str], ...] = (
                (0, 0, FONTS.regular),
                (1, 0, FONTS.bold),
                (0, 1, FONTS.italic),
                (1, 1, FONTS.bold_italic),
            )
            for bold, italic, name in mappings:
                addMapping(FAMILY, bold, italic, name)
            _registered = True
    return FONTS
