"""What several commands share: opening the workbench and parsing values."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from peerreview_app.i18n import _

if TYPE_CHECKING:
    from peerreview_app.services.workbench import Workbench

# The command modules import services, storage, forms and exchange inside their handlers, never at module level:
# building the parser must stay cheap, because every command and the desktop workbench start through it.
# tests/cli/test_cli_startup.py keeps it that way.


def open_workbench(args: argparse.Namespace) -> Workbench:
    """The workbench on ``--db`` (or the default database), acting as ``--user``."""
    from peerreview_app.services.workbench import Workbench  # noqa: PLC0415 - SQLAlchemy only when a command runs

    return Workbench.open(args.db, actor=args.user)


def iso_date(text: str) -> date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not a date (YYYY-MM-DD)").format(text=text)) from None
