"""One translation mechanism for CLI, services, reports and (later) the UI: GNU gettext catalogs.

Message ids are English; the Dutch catalogue is the default language. Qt's own dialogs get Qt's catalogues in
the ui package; everything of ours goes through `_`.
"""

from __future__ import annotations

import gettext
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
    if _language is Language.EN:
        _current = gettext.NullTranslations()
    else:
        _current = gettext.translation(DOMAIN, LOCALE_DIR, languages=[_language.value], fallback=True)


def language() -> Language:
    return _language


def _(message: str) -> str:
    """The translation of `message` in the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current.ngettext(singular, plural, count)


set_language(Language.NL)
