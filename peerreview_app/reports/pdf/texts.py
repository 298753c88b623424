"""Words and numbers in the review's language: dates, roles, statuses, sizes, and text made safe for paragraphs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, time

from peerreview_app.domain.documents import DocumentKind
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.partnership import RecognitionStatus, Role
from peerreview_app.domain.text import Language
from peerreview_app.vocabulary import kind_name, role_name, status_name

Translate = Callable[[str], str]

_BLANK_LINE = re.compile(r"\n\s*\n")


def escape(text: str) -> str:
    """`text` safe inside paragraph markup or XML (xml.sax.saxutils would import urllib and email: slow)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str) -> str:
    """`text` as paragraph markup: special characters escaped, line breaks kept."""
    return escape(text.strip()).replace("\n", "<br/>")


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of a text, split at blank lines (as the fact-check round numbers them)."""
    return [p.strip() for p in _BLANK_LINE.split(text.replace("\r\n", "\n")) if p.strip()]


def capitalised(text: str) -> str:
    """Form labels are lower case (``waarnemingen``); in a heading or table cell they start with a capital."""
    return text[:1].upper() + text[1:]


def month_names(_: Translate) -> tuple[str, ...]:
    return (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )


def format_date(value: date, _: Translate) -> str:
    """``12 maart 2026`` or ``12 March 2026``."""
    return _("{day} {month} {year}").format(day=value.day, month=month_names(_)[value.month - 1], year=value.year)


def format_dates(values: Iterable[date], _: Translate) -> str:
    return ", ".join(format_date(d, _) for d in values)


def format_time(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def format_time_range(start: time | None, end: time | None) -> str:
    if start and end:
        return f"{format_time(start)}–{format_time(end)}"
    return format_time(start or end)


def role_label(role: Role, _: Translate) -> str:
    """The role's name, lower case as in the interface (``voorzitter``)."""
    return role_name(role, _)


def kind_label(kind: ReviewKind, _: Translate) -> str:
    """The kind in running text, lower case: ``ontwikkelingsgerichte peer review``."""
    return kind_name(kind, _)


def status_label(status: RecognitionStatus, _: Translate) -> str:
    return status_name(status, _)


def document_kind_label(kind: DocumentKind, _: Translate) -> str:
    labels = {
        DocumentKind.SELF_REFLECTION: _("self-reflection"),
        DocumentKind.PROGRAMME: _("visit programme"),
        DocumentKind.EVIDENCE: _("evidence"),
        DocumentKind.OTHER: _("other"),
    }
    return labels[DocumentKind(kind)]


def format_size(size: int, language: Language) -> str:
    """A file size for people: ``812 bytes``, ``42 kB``, ``1,3 MB`` (decimal comma in Dutch)."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    number = f"{size / 1_000_000:.1f}"
    if Language(language) is Language.NL:
        number = number.replace(".", ",")
    return f"{number} MB"


def grouped_fingerprint(fingerprint: str) -> list[str]:
    """A SHA-256 fingerprint in lines of eight groups of four hex digits, for comparing by eye."""
    digits = re.sub(r"[^0-9A-Fa-f]", "", fingerprint).upper()
    if len(digits) != 64:
        return [fingerprint.strip()]
    groups = [digits[i : i + 4] for i in range(0, 64, 4)]
    return [" ".join(groups[:8]), " ".join(groups[8:])]
