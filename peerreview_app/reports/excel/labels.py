"""Names of phases, roles, kinds and statuses in a workbook's language.

The same English msgids as `services.labels`, so one Dutch translation serves both; reports may not import
services, and a workbook's language is the review's, not the process's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from peerreview_app.domain.documents import DocumentKind
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.partnership import RecognitionStatus, Role, Sector
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.text import Language

Translate = Callable[[str], str]


def phase_label(_: Translate, phase: Phase) -> str:
    labels = {
        Phase.PREPARATION: _("preparation"),
        Phase.VISIT: _("visit"),
        Phase.REPORTING: _("reporting"),
        Phase.ADOPTED: _("adopted"),
        Phase.FOLLOW_UP: _("follow-up"),
        Phase.ARCHIVED: _("archived"),
    }
    return labels[phase]


def role_label(_: Translate, role: Role) -> str:
    labels = {
        Role.CHAIR: _("chair"),
        Role.SECRETARY: _("secretary"),
        Role.MEMBER: _("panel member"),
        Role.STUDENT_MEMBER: _("student member"),
        Role.EXPERT: _("external expert"),
        Role.PARTNERSHIP_CONTACT: _("partnership contact"),
    }
    return labels[role]


def status_label(_: Translate, status: RecognitionStatus) -> str:
    return _("recognised") if status is RecognitionStatus.RECOGNISED else _("aspirant")


def kind_label(_: Translate, kind: ReviewKind) -> str:
    if kind is ReviewKind.DEVELOPMENTAL:
        return _("developmental peer review")
    return _("assessment peer review")


def document_kind_label(_: Translate, kind: DocumentKind) -> str:
    labels = {
        DocumentKind.SELF_REFLECTION: _("critical self-reflection"),
        DocumentKind.PROGRAMME: _("visit programme"),
        DocumentKind.EVIDENCE: _("supporting document"),
        DocumentKind.OTHER: _("other document"),
    }
    return labels[kind]


def language_label(_: Translate, language: Language) -> str:
    return _("Dutch") if language is Language.NL else _("English")


def sectors_label(sectors: Iterable[Sector]) -> str:
    """PO, VO and MBO are the same abbreviations in both languages."""
    return ", ".join(sector.value for sector in sectors)


def capitalised(label: str) -> str:
    """A form's lower-case field label ("sterke punten") as a column header ("Sterke punten")."""
    return label[:1].upper() + label[1:]
