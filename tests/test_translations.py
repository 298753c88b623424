"""The Dutch catalogue covers every marked string, keeps its placeholders, and its compiled form is current."""

from __future__ import annotations

import gettext
import io
import string
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from peerreview_app import i18n

PACKAGE = Path(i18n.__file__).resolve().parent
PO = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "peerreview.po"
MO = PO.with_suffix(".mo")


def _catalog():  # type: ignore[no-untyped-def]
    with PO.open("rb") as handle:
        return read_po(handle, locale="nl")


def _source_messages() -> set[str]:
    found = set()
    keywords = {"_": None, "ngettext": (1, 2)}
    for _filename, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), keywords=keywords, method_map=[("**.py", "python")]
    ):
        found.add(message[0] if isinstance(message, tuple) else message)  # plural entries are keyed by singular
    return found


def test_every_marked_string_has_a_dutch_translation() -> None:
    catalog = _catalog()
    untranslated = sorted(
        message
        for message in _source_messages()
        if message not in catalog or not all(_strings(catalog[message])) or catalog[message].fuzzy
    )
    assert untranslated == [], "run scripts/update-translations.sh and translate: " + "; ".join(untranslated)


def _strings(message) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_translations_keep_their_placeholders() -> None:
    """A translation uses the placeholders of its message: all of them, or (plural forms) some of them.

    `str.format` ignores unused arguments but fails on unknown ones, so a plural form may leave one out (the
    singular often names the one thing instead of counting) but never invent one.
    """
    for message in _catalog():
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            allowed = set().union(*(_fields(i) for i in message.id))
            for translated in _strings(message):
                assert _fields(translated) <= allowed, f"{message.id!r} → {translated!r}"
        else:
            assert _fields(message.string) == _fields(message.id), f"{message.id!r} → {message.string!r}"


def test_compiled_catalogue_matches_the_po_file() -> None:
    buffer = io.BytesIO()
    write_mo(buffer, _catalog())
    buffer.seek(0)
    expected = gettext.GNUTranslations(buffer)
    with MO.open("rb") as handle:
        shipped = gettext.GNUTranslations(handle)
    assert shipped._catalog == expected._catalog, "run scripts/update-translations.sh to recompile"  # type: ignore[attr-defined]


def test_dutch_is_the_default_and_english_selectable() -> None:
    try:
        i18n.set_language("nl")
        assert i18n._("preparation") == "voorbereiding"
        assert i18n.ngettext("{count} note", "{count} notes", 3) == "{count} aantekeningen"
        i18n.set_language("en")
        assert i18n._("preparation") == "preparation"
    finally:
        i18n.set_language("nl")


def test_no_marked_string_hides_inside_an_f_string() -> None:
    """The extractor cannot see ``_()`` inside an f-string, so such text would never be translated."""
    import re

    hidden = re.compile(r"""\bf(["']).*\{[^}]*\b(_|ngettext)\(""")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if hidden.search(line)
    ]
    assert offenders == []
