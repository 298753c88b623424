"""Names of phases, roles, kinds, statuses and documents in a workbook's language (see `vocabulary`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from peerreview_app.domain.documents import DocumentKind
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.partnership import RecognitionStatus, Role, Sector
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.text import Language
from peerreview_app.vocabulary import kind_name, phase_name, role_name, status_name

Translate = Callable[[str], str]


def phase_label(_: Translate, phase: Phase) -> str:
    return phase_name(phase, _)


def role_label(_: Translate, role: Role) -> str:
    return role_name(role, _)


def status_label(_: Translate, status: RecognitionStatus) -> str:
    return status_name(status, _)


def kind_label(_: Translate, kind: ReviewKind) -> str:
    return kind_name(kind, _)


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
