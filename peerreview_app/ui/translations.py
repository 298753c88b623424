"""Switch the interface language: our gettext catalogue plus Qt's own catalogue for standard dialogs."""

from __future__ import annotations

from peerreview_app import i18n
from peerreview_app.ui.qt import QApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def apply_language(language: str) -> None:
    """Make `language` (``nl`` or ``en``) the language of everything created from now on."""
    i18n.set_language(language)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English))
    if language == "en":
        return
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", path):
        app.installTranslator(translator)
        _installed.append(translator)
