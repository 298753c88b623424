"""Where the workbench keeps its data, and who is working: shared by the CLI, services and (later) the UI."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import platformdirs

APP_NAME = "peerreview"
DB_ENV = "PEERREVIEW_DB"
USER_ENV = "PEERREVIEW_USER"
DATA_DIR_ENV = "PEERREVIEW_DATA_DIR"


def data_dir() -> Path:
    """The user data directory (``PEERREVIEW_DATA_DIR`` overrides it, e.g. for a portable install)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "peerreview.sqlite3"


def user_forms_dir() -> Path:
    """Forms an administrator imported with ``peerreview forms import``."""
    return data_dir() / "forms"


def backups_dir() -> Path:
    return data_dir() / "backups"


def database_target(cli_value: str | None) -> str:
    """The database to use: ``--db``, else ``PEERREVIEW_DB``, else the file in the user data directory."""
    return cli_value or os.environ.get(DB_ENV) or str(default_database_path())


def current_user() -> str:
    """The name recorded in ``updated_by``: ``PEERREVIEW_USER`` or the login name."""
    explicit = os.environ.get(USER_ENV, "").strip()
    if explicit:
        return explicit
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a container
        return "unknown"


def report_logo_path() -> Path:
    """The logo on report covers, chosen in the settings (absent: no logo)."""
    return data_dir() / "report-logo.png"


def identity_dir() -> Path:
    """The current signing identity: the PKCS#12 file and a summary that needs no passphrase to read."""
    return data_dir() / "identity"
