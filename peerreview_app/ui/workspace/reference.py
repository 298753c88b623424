"""The read-only reference column: what the framework says about a criterion or a standard."""

from __future__ import annotations

from html import escape

from peerreview_app.domain.framework import Criterion, Standard
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import LocalizedText
from peerreview_app.i18n import _, language
from peerreview_app.ui.qt import QFrame, QTextBrowser, QWidget

_STYLE = """
body { line-height: 135%; }
h2 { font-size: large; font-weight: 600; margin-top: 2px; margin-bottom: 10px; }
p { margin-top: 0px; margin-bottom: 10px; }
p.context { font-variant: small-caps; font-weight: 600; margin-bottom: 4px; }
p.caption { font-variant: small-caps; font-weight: 600; margin-top: 8px; margin-bottom: 3px; }
ul { margin-top: 0px; margin-bottom: 8px; }
li { margin-bottom: 4px; }
"""


def _text(text: LocalizedText) -> str:
    """A framework text as HTML paragraphs (blank lines separate paragraphs)."""
    paragraphs = [p.strip() for p in text.get(language()).split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _section(caption: str, body: str) -> str:
    if not body:
        return ""
    return f'<p class="caption">{escape(caption)}</p>{body}'


def standard_title(standard: Standard) -> str:
    """``Waarborg 1 — De lerende leraar``."""
    return _("Standard {number} — {title}").format(number=standard.number, title=standard.title.get(language()))


def criterion_html(review: Review, criterion: Criterion) -> str:
    """The criterion as the framework describes it, with its standard, levels, core functions and questions."""
    lang = language()
    framework = review.framework
    standard = framework.standard(criterion.standard_id)
    functions = [f.label.get(lang) for f in framework.core_functions if f.id in criterion.core_functions]
    questions = "".join(f"<li>{escape(q.get(lang))}</li>" for q in criterion.guiding_questions)
    return "".join(
        [
            f'<p class="context">{escape(standard_title(standard))}</p>',
            f"<h2>{escape(criterion.id)}&nbsp; {escape(criterion.title.get(lang))}</h2>",
            _text(criterion.description),
            _section(_("Baseline quality"), _text(criterion.baseline)),
            _section(_("Ambition level"), _text(criterion.ambition)),
            _section(_("Core functions"), f"<p>{escape(' · '.join(functions))}</p>" if functions else ""),
            _section(_("Guiding questions"), f"<ul>{questions}</ul>" if questions else ""),
        ]
    )


def standard_html(standard: Standard) -> str:
    """The standard's description and its two levels."""
    return "".join(
        [
            _section(_("Description"), _text(standard.description)),
            _section(_("Baseline quality"), _text(standard.baseline)),
            _section(_("Ambition level"), _text(standard.ambition)),
        ]
    )


class ReferenceView(QTextBrowser):
    """A calm, read-only, scrollable text column for framework texts."""

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDefaultStyleSheet(_STYLE)
        self.document().setDocumentMargin(16)
        # A quiet background sets the reference apart from the editing column without a heavy frame.
        self.setStyleSheet(f"QTextBrowser#{object_name} {{ background: palette(alternate-base); }}")
        self._html = ""

    def show_html(self, html: str) -> None:
        """Show `html`; unchanged content keeps its scroll position."""
        if html != self._html:
            self._html = html
            self.setHtml(html)
