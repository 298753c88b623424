"""The names of phases, roles, recognition statuses and review kinds, in whatever language `_` translates to.

One place for the msgids, shared by services (the interface's language) and reports (the review's language):
reports may not import services, and both must say *voorzitter* the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.partnership import RecognitionStatus, Role
from peerreview_app.domain.phases import Phase

Translate = Callable[[str], str]


def phase_name(phase: Phase, _: Translate) -> str:
    labels = {
        Phase.PREPARATION: _("preparation"),
        Phase.VISIT: _("visit"),
        Phase.REPORTING: _("reporting"),
        Phase.ADOPTED: _("adopted"),
        Phase.FOLLOW_UP: _("follow-up"),
        Phase.ARCHIVED: _("archived"),
    }
    return labels[Phase(phase)]


def role_name(role: Role, _: Translate) -> str:
    """The role in lower case, as in running text (``voorzitter``)."""
    labels = {
        Role.CHAIR: _("chair"),
        Role.SECRETARY: _("secretary"),
        Role.MEMBER: _("panel member"),
        Role.STUDENT_MEMBER: _("student member"),
        Role.EXPERT: _("external expert"),
        Role.PARTNERSHIP_CONTACT: _("partnership contact"),
    }
    return labels[Role(role)]


def status_name(status: RecognitionStatus, _: Translate) -> str:
    """Erkend or aspirant."""
    return _("recognised") if status is RecognitionStatus.RECOGNISED else _("aspirant")


def kind_name(kind: ReviewKind, _: Translate) -> str:
    """The kind in running text, lower case: ``ontwikkelingsgerichte peer review``."""
    return _("developmental peer review") if kind is ReviewKind.DEVELOPMENTAL else _("assessment peer review")
