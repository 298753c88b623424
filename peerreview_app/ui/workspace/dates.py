"""Dates and times as the workspace pages show them, in the interface language, and their Qt counterparts."""

from __future__ import annotations

from datetime import date, time

from peerreview_app.domain.text import Language
from peerreview_app.i18n import language
from peerreview_app.ui.qt import QDate, QLocale, QTime


def locale() -> QLocale:
    """The Qt locale of the interface language (Dutch dates are written the Dutch way)."""
    if language() is Language.EN:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def long_date(day: date) -> str:
    """E.g. ``8 oktober 2026``."""
    return locale().toString(to_qdate(day), "d MMMM yyyy")


def short_day(day: date | None) -> str:
    """E.g. ``do 8 okt``; empty when there is no day."""
    if day is None:
        return ""
    return locale().toString(to_qdate(day), "ddd d MMM").replace(".", "")


def dates_text(days: tuple[date, ...]) -> str:
    return ", ".join(long_date(d) for d in days)


def time_span(starts: time | None, ends: time | None) -> str:
    """E.g. ``09:00–09:45``, or just the start when the end is unknown."""
    if starts is None:
        return ""
    text = starts.strftime("%H:%M")
    return f"{text}–{ends.strftime('%H:%M')}" if ends is not None else text


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def to_qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute)


def from_qtime(moment: QTime) -> time:
    return time(moment.hour(), moment.minute())
