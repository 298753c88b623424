"""Names of phases, roles, kinds and completeness items, in the current language or a given one."""

from __future__ import annotations

from collections.abc import Callable

from peerreview_app.domain.completeness import CompletenessItem, Problem
from peerreview_app.domain.kind import ReviewKind, Scope
from peerreview_app.domain.partnership import RecognitionStatus, Role
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.text import Language
from peerreview_app.i18n import _, language, translator
from peerreview_app.vocabulary import kind_name, phase_name, role_name, status_name


def _in(lang: Language | None) -> Callable[[str], str]:
    """`_` for `lang` (an export in the review's language), or the current language's."""
    return _ if lang is None else translator(lang)


def phase_label(phase: Phase, lang: Language | None = None) -> str:
    return phase_name(phase, _in(lang))


def role_label(role: Role, lang: Language | None = None) -> str:
    return role_name(role, _in(lang))


def status_label(status: RecognitionStatus, lang: Language | None = None) -> str:
    """Erkend or aspirant."""
    return status_name(status, _in(lang))


def kind_label(kind: ReviewKind, lang: Language | None = None) -> str:
    return kind_name(kind, _in(lang))


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
