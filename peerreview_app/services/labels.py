"""Names of phases, roles, kinds and completeness items, in the current language or a given one."""

from __future__ import annotations

from collections.abc import Callable

from peerreview_app.domain.completeness import CompletenessItem, Problem
from peerreview_app.domain.kind import ReviewKind, Scope
from peerreview_app.domain.partnership import RecognitionStatus, Role
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.text import Language
from peerreview_app.i18n import _, language, translator


def _in(lang: Language | None) -> Callable[[str], str]:
    """`_` for `lang` (an export in the review's language), or the current language's."""
    return _ if lang is None else translator(lang)


def phase_label(phase: Phase, lang: Language | None = None) -> str:
    _ = _in(lang)
    labels = {
        Phase.PREPARATION: _("preparation"),
        Phase.VISIT: _("visit"),
        Phase.REPORTING: _("reporting"),
        Phase.ADOPTED: _("adopted"),
        Phase.FOLLOW_UP: _("follow-up"),
        Phase.ARCHIVED: _("archived"),
    }
    return labels[phase]


def role_label(role: Role, lang: Language | None = None) -> str:
    _ = _in(lang)
    labels = {
        Role.CHAIR: _("chair"),
        Role.SECRETARY: _("secretary"),
        Role.MEMBER: _("panel member"),
        Role.STUDENT_MEMBER: _("student member"),
        Role.EXPERT: _("external expert"),
        Role.PARTNERSHIP_CONTACT: _("partnership contact"),
    }
    return labels[role]


def status_label(status: RecognitionStatus, lang: Language | None = None) -> str:
    """Erkend or aspirant."""
    _ = _in(lang)
    return _("recognised") if status is RecognitionStatus.RECOGNISED else _("aspirant")


def kind_label(kind: ReviewKind, lang: Language | None = None) -> str:
    _ = _in(lang)
    if kind is ReviewKind.DEVELOPMENTAL:
        return _("developmental peer review")
    return _("assessment peer review")


def describe(item: CompletenessItem) -> str:
    """One completeness item as a sentence, e.g. ``LL-2: motivering ontbreekt``."""
    label = item.label.get(language()) if item.label else item.field
    if item.problem is Problem.MISSING:
        if item.scope is Scope.CONCLUSION:
            return _("Conclusion: {field} missing").format(field=label)
        if item.scope is Scope.DEVELOPMENT_QUESTION:
            return _("Development question {number}: {field} missing").format(number=item.ref[1:], field=label)
        return _("{ref}: {field} missing").format(ref=item.ref, field=label)
    if item.problem is Problem.OVERRIDE_REASON_MISSING:
        ref = item.ref or _("Conclusion")
        return _("{ref}: reason for deviating from the derived judgement missing").format(ref=ref)
    if item.problem is Problem.ROLE_MISSING:
        return _("Panel: no {role}").format(role=role_label(Role(item.detail)))
    if item.problem is Problem.ROLE_DUPLICATE:
        return _("Panel: more than one {role}").format(role=role_label(Role(item.detail)))
    if item.problem is Problem.NO_VISIT_DATE:
        return _("Visit date missing")
    if item.problem is Problem.NO_DEVELOPMENT_QUESTIONS:
        return _("No development questions yet")
    return _("Visit programme: no conversations yet")
