"""Where the shipped resources (report fonts, …) are: inside the installed package, or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    """The shipped ``resources/`` folder: ``peerreview_app/_resources`` in a wheel, ``resources/`` in a checkout."""
    installed = _PACKAGE / "_resources"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"


def font_path(file_name: str) -> Path:
    """A report font file, e.g. ``NotoSans-Regular.ttf``."""
    return resources_dir() / "fonts" / file_name
