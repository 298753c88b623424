"""Report flowables: cached paragraphs, one-line labels, stacks kept together, headings and contents lines.

The layout is one pass. Page numbers that are not known yet (the contents, "page X of Y") are drawn as PDF form
XObjects that the document template defines after the last page, the classic reportlab technique.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import ParaLines

from peerreview_app.reports.pdf.styles import RULE, Styles
from peerreview_app.reports.pdf.texts import markup


class Para(Paragraph):
    """A paragraph that remembers its line breaks per width.

    Platypus wraps a flowable more than once (keep-with-next groups are measured, then placed); the text does not
    change between those calls, so the second wrap can reuse the first.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        cached = getattr(self, "_wrapped", None)
        if cached is not None and cached[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = cached
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return width, height


class Line(Flowable):
    """One line of text in one or more font and colour runs, drawn directly (a label, ``Oordeel: voldoet``).

    Far cheaper than a paragraph; when the text does not fit the width it becomes a paragraph after all.
    """

    def __init__(self, runs: list[tuple[str, str, Color]], style: ParagraphStyle) -> None:
        super().__init__()
        self.runs = runs
        self.style = style
        self.fallback: Para | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        size = self.style.fontSize
        width = sum(stringWidth(text, font, size) for text, font, _ in self.runs)
        if width <= availWidth:
            self.fallback = None
            self.width, self.height = width, self.style.leading
            return self.width, self.height
        if self.fallback is None:
            self.fallback = Para(
                "".join(
                    f'<font name="{font}" color="#{colour.hexval()[2:]}">{markup(text)}</font>'
                    for text, font, colour in self.runs
                ),
                self.style,
            )
        width, height = self.fallback.wrap(availWidth, availHeight)
        return float(width), float(height)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        if self.fallback is not None:
            return self.fallback.split(availWidth, availHeight)
        return []

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab API
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab API
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        if self.fallback is not None:
            self.fallback.drawOn(self.canv, 0, 0)
            return
        canvas = self.canv
        size = self.style.fontSize
        x = 0.0
        for text, font, colour in self.runs:
            canvas.setFont(font, size)
            canvas.setFillColor(colour)
            canvas.drawString(x, self.height - size, text)
            x += stringWidth(text, font, size)


class Stack(Flowable):
    """Flowables kept with the start of the one after them, without a keep-together group.

    A field label stays with the first lines of its text, a criterion title with its first field. Platypus keeps
    such pairs by measuring them as a group (wrapping everything twice and copying the frame); a stack instead
    splits only its last flowable, and moves whole to the next page when not even its first lines fit.
    """

    def __init__(self, head: list[Flowable], body: Flowable) -> None:
        super().__init__()
        self.head = head
        self.body = body

    def _gaps(self) -> list[float]:
        items = [*self.head, self.body]
        return [max(a.getSpaceAfter(), b.getSpaceBefore()) for a, b in pairwise(items)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        # Heights as `wrap` answers them: not every flowable keeps its own (an HRFlowable does not).
        self.head_heights = [f.wrap(availWidth, availHeight)[1] for f in self.head]
        self.head_height = sum(self.head_heights) + sum(self._gaps())
        _, self.body_height = self.body.wrap(availWidth, max(availHeight - self.head_height, 0))
        self.width, self.height = availWidth, self.head_height + self.body_height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        self.wrap(availWidth, availHeight)
        if availHeight <= self.head_height:
            return []
        parts = self.body.split(availWidth, availHeight - self.head_height)
        if not parts:
            return []
        return [Stack(self.head, parts[0]), *parts[1:]]

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab API
        return float(self.head[0].getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab API
        return float(self.body.getSpaceAfter())

    def draw(self) -> None:
        y = self.height
        gaps = [0.0, *self._gaps()]
        heights = [*self.head_heights, self.body_height]
        for flowable, gap, height in zip([*self.head, self.body], gaps, heights, strict=True):
            y -= gap + height
            flowable.drawOn(self.canv, 0, y)


def toc_form_name(key: str) -> str:
    """The form XObject holding the page number of the heading `key`."""
    return f"toc-{key}"


class Heading(Para):
    """A section heading: listed in the contents and the PDF outline, with a link target."""

    def __init__(self, text: str, style: ParagraphStyle, *, key: str, level: int, plain: str) -> None:
        super().__init__(text, style)
        self.toc_key = key
        self.toc_level = level
        self.plain_text = plain


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of the table of contents."""

    key: str
    level: int
    text: str


class TocLine(Flowable):
    """A contents line: the heading text, a dotted leader and its page number (a form defined later)."""

    NUMBER_WIDTH = 28.0

    def __init__(self, entry: TocEntry, styles: Styles) -> None:
        super().__init__()
        self.entry = entry
        style = styles.toc1 if entry.level == 0 else styles.toc2
        self.para = Para(entry.text, style)
        self.style = style
        self.space_before = 9.0 if entry.level == 0 else 3.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        self.width = availWidth
        _, height = self.para.wrap(availWidth - self.NUMBER_WIDTH - 24, availHeight)
        self.para_height = height
        self.height = height + self.space_before
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab API
        return 0.0

    def draw(self) -> None:
        canvas = self.canv
        self.para.drawOn(canvas, 0, 0)
        baseline = self.para_height - self.style.leading + (self.style.leading - self.style.fontSize) / 2 + 1
        lines = self.para.blPara.lines
        last = lines[-1] if lines else None
        indent = self.style.leftIndent
        if isinstance(last, ParaLines):
            used = indent + self.para.width - self.style.leftIndent - self.style.rightIndent - last.extraSpace
        elif isinstance(last, tuple):
            used = indent + self.para.width - self.style.leftIndent - self.style.rightIndent - last[0]
        else:
            used = indent
        start, end = used + 6, self.width - self.NUMBER_WIDTH
        if end > start:
            canvas.saveState()
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.8)
            canvas.setDash(0.8, 3)
            canvas.setLineCap(1)
            canvas.line(start, baseline - 2, end, baseline - 2)
            canvas.restoreState()
        canvas.saveState()
        canvas.translate(self.width, baseline - 2)
        canvas.doForm(toc_form_name(self.entry.key))
        canvas.restoreState()
        canvas.linkRect("", self.entry.key, (0, 0, self.width, self.para_height), relative=1, thickness=0, F=4)
