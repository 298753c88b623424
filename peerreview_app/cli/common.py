"""What several commands share: opening the workbench and parsing values."""

from __future__ import annotations

import argparse
from datetime import date

from peerreview_app.i18n import _
from peerreview_app.services.workbench import Workbench


def open_workbench(args: argparse.Namespace) -> Workbench:
    """The workbench on ``--db`` (or the default database), acting as ``--user``."""
    return Workbench.open(args.db, actor=args.user)


def iso_date(text: str) -> date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not a date (YYYY-MM-DD)").format(text=text)) from None
