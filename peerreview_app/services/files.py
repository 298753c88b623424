"""Reading a file the user named, with a message that says what is wrong with it."""

from __future__ import annotations

from pathlib import Path

from peerreview_app.i18n import _
from peerreview_app.services.errors import InputError


def read_input_file(path: Path) -> bytes:
    """The bytes of `path`; `InputError` when it does not exist or is a folder."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(_("{path}: no such file").format(path=path)) from None
    except IsADirectoryError:
        raise InputError(_("{path}: is a folder, not a file").format(path=path)) from None
