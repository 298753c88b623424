"""What every section of a report needs: the review, its language, the styles, and the running registers."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Paragraph

from peerreview_app.domain.kind import KindDefinition, ReviewKind
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language, LocalizedText
from peerreview_app.reports.pdf.flowables import Heading, Para, TocEntry
from peerreview_app.reports.pdf.model import SignatureSlot
from peerreview_app.reports.pdf.styles import Styles
from peerreview_app.reports.pdf.texts import Translate, markup


@dataclass(slots=True)
class ReportContext:
    """One report build: inputs, plus the contents entries and signature slots collected on the way."""

    review: Review
    translate: Translate
    styles: Styles
    draft: bool
    logo: ImageReader | None = None
    sections: tuple[str, ...] = ()
    toc: list[TocEntry] = field(default_factory=list)
    slots: list[SignatureSlot] = field(default_factory=list)

    @property
    def language(self) -> Language:
        return Language(self.review.language)

    @property
    def kind(self) -> KindDefinition:
        return self.review.forms.kind

    @property
    def assessment(self) -> bool:
        return self.review.kind is ReviewKind.ASSESSMENT

    def local(self, text: LocalizedText) -> str:
        """A text of the forms in the report's language."""
        return text.get(self.language)

    def heading(self, level: int, text: str, *, in_contents: bool = True) -> Paragraph:
        """A heading (level 0 = section, 1 = standard or annex), listed in the contents unless told otherwise."""
        style = self.styles.h1 if level == 0 else self.styles.h2
        if not in_contents:
            return Para(markup(text), style)
        key = f"h{len(self.toc) + 1}"
        self.toc.append(TocEntry(key, level, markup(text)))
        return Heading(markup(text), style, key=key, level=level, plain=text)

    def paragraph(self, text: str, style_name: str = "body") -> Paragraph:
        """A paragraph of plain text (escaped) in one of the report styles."""
        return Para(markup(text), getattr(self.styles, style_name))
