"""One translation mechanism for CLI, services, reports and (later) the UI: GNU gettext catalogs.

Message ids are English; the Dutch catalogue is the default language. Qt's own dialogs get Qt's catalogues in
the ui package; everything of ours goes through `_`.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

from peerreview_app.domain.text import Language

DOMAIN = "peerreview"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = Language.NL


def set_language(language: Language | str) -> None:
    """Translate from now on into `language` (``nl`` or ``en``)."""
    global _current, _language  # noqa: PLW0603 - one process-wide language, like gettext.install
    _language = Language(language)
    _current = _catalogue(_language)


@cache
def _catalogue(language: Language) -> gettext.NullTranslations:
    if language is Language.EN:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language.value], fallback=True)


def translator(language: Language | str) -> Callable[[str], str]:
    """A `_` for one fixed language, whatever the process language is: a report is in its review's language."""
    return _catalogue(Language(language)).gettext


def language() -> Language:
    return _language


def _(message: str) -> str:
    """The translation of `message` in the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current.ngettext(singular, plural, count)


set_language(Language.NL)
