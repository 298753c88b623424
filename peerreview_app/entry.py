"""The ``peerreview`` command: the CLI, which starts the Qt workbench when no command (or ``demo``) is given.

This module is the composition root: the only place outside ``ui`` that knows the desktop interface exists,
and it imports it only when a window is wanted, so headless commands never load Qt.
"""

from __future__ import annotations

import argparse
import os
import sys

from peerreview_app.cli import main as cli_main
from peerreview_app.cli.output import error
from peerreview_app.i18n import _


def main() -> int:
    return cli_main(gui=start_gui)


def start_gui(args: argparse.Namespace) -> int:
    """Open the main window on ``--db`` (exit code 2 when there is no screen to show it on)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        error(_("no screen found to open the workbench on; use a command (see --help) or start a desktop session"))
        return 2
    from peerreview_app.ui.app import run  # noqa: PLC0415 - Qt only when a window is wanted

    return run(args.db, language=args.lang, user=args.user)
