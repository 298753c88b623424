"""Where the shipped forms and their schemas are: inside the installed package, or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def builtin_forms_dir() -> Path:
    """The shipped ``forms/`` folder: ``peerreview_app/_forms`` in a wheel, ``forms/`` in a checkout."""
    installed = _PACKAGE / "_forms"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "forms"


def schema_path(name: str) -> Path:
    return builtin_forms_dir() / "schema" / name
