"""The family of report errors caused by what the user gave (a file, a passphrase, an image).

Kept in a module without heavy imports so that the CLI and the UI can sort errors into "bad input" without
loading reportlab, pyHanko or openpyxl.
"""

from __future__ import annotations


class ReportInputError(Exception):
    """A file, passphrase or image the user gave cannot be used; the message says what and where."""
