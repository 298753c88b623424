"""The report sections by id (`domain.kind.REPORT_SECTIONS`); a review kind lists the ones it wants, in order."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

from peerreview_app.reports.pdf.context import ReportContext
from peerreview_app.reports.pdf.sections.annexes import annexes
from peerreview_app.reports.pdf.sections.closing import conclusion, development_questions, overview
from peerreview_app.reports.pdf.sections.cover import cover
from peerreview_app.reports.pdf.sections.front import contents, introduction, process
from peerreview_app.reports.pdf.sections.signatures import signatures
from peerreview_app.reports.pdf.sections.standards import standards

Section = Callable[[ReportContext], list[Flowable]]

SECTIONS: dict[str, Section] = {
    "cover": cover,
    "contents": contents,
    "introduction": introduction,
    "process": process,
    "standards": standards,
    "development_questions": development_questions,
    "conclusion": conclusion,
    "overview": overview,
    "annexes": annexes,
    "signatures": signatures,
}
