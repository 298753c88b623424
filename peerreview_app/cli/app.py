"""Parse the command line, run one command, and turn every failure into a message and an exit code.

Exit codes: 0 success, 1 the operation failed, 2 bad input or usage. A user error never shows a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from peerreview_app import __version__, i18n
from peerreview_app.cli import exchange, forms, reviews, selftest, signing, workbooks
from peerreview_app.cli.output import error
from peerreview_app.domain.errors import TransitionError
from peerreview_app.i18n import _
from peerreview_app.services.errors import BAD_INPUT, FAILED

# Everything imported here must stay cheap (plain Python, no SQLAlchemy, YAML, JSON Schema, reportlab, pyHanko or
# openpyxl): every command and the desktop workbench start by building this parser. tests/cli/test_cli_startup.py
# checks it in a fresh interpreter.

OK, FAILED_EXIT, BAD_INPUT_EXIT = 0, 1, 2

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse with our error line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        error(_("usage error: {message}").format(message=message))
        raise SystemExit(BAD_INPUT_EXIT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="peerreview",
        description=_(
            "Peer Review Workbench: peer reviews of teacher-education partnerships (Samen Opleiden & "
            "Professionaliseren), offline, with signed reports."
        ),
    )
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help=_("database file or SQLAlchemy URL (default: $PEERREVIEW_DB, else the file in the user data folder)"),
    )
    parser.add_argument("--lang", choices=["nl", "en"], help=_("language of messages (default: nl)"))
    parser.add_argument("--user", help=_("name recorded as the author of changes (default: $PEERREVIEW_USER or login)"))
    parser.add_argument("--version", action="version", version=f"peerreview {__version__}")
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    reviews.register(commands)
    forms.register(commands)
    exchange.register(commands)
    signing.register(commands)
    workbooks.register(commands)
    selftest.register(commands)
    return parser


Gui = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None, *, gui: Gui | None = None) -> int:
    """Entry point of the ``peerreview`` command; `gui` starts the desktop workbench (see ``entry.py``)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(_language_from(argv))
    level = os.environ.get("PEERREVIEW_LOG", "WARNING").upper()
    logging.basicConfig(level=level, format="%(levelname)s %(message)s")
    if level != "DEBUG":
        # pyHanko warns, with a traceback, about every self-signed certificate it cannot chain to a root. Our own
        # verification reports trust by fingerprint instead, so at the usual levels those warnings are only noise.
        for name in ("pyhanko", "pyhanko_certvalidator"):
            logging.getLogger(name).setLevel(logging.ERROR)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.gui = gui
    handler: Command | None = getattr(args, "handler", None)
    if handler is None:
        if gui is None:
            parser.print_help()
            return OK
        return run(gui, args)
    return run(handler, args)


def _language_from(argv: list[str]) -> str:
    """``--lang`` is needed before the parser is built, so that its help is translated too."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in ("nl", "en"):
            return argv[index + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in ("nl", "en"):
            return arg.split("=", 1)[1]
    return os.environ.get("PEERREVIEW_LANG", "nl") if os.environ.get("PEERREVIEW_LANG") in ("nl", "en") else "nl"


def run(handler: Command, args: argparse.Namespace) -> int:
    """Run a command; map errors to a message on stderr and an exit code."""
    try:
        return handler(args)
    except KeyboardInterrupt:
        error(_("interrupted; nothing was half-written"))
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``peerreview list | head``): not a failure worth a message. Later
        # writes, including the interpreter's final flush, go nowhere instead of raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except Exception as exc:
        code = _report(exc)
        if code is None:
            raise
        return code


def _report(exc: Exception) -> int | None:
    """Print what went wrong and return the exit code, or None for an error that is not the user's (a bug)."""
    # The interchange module loads YAML and the form machinery, so it is imported only once something has gone
    # wrong (an except clause would need it up front); after an ExchangeError the command has loaded it already.
    from peerreview_app.exchange.review_json import ExchangeError  # noqa: PLC0415

    # The order matters: a TransitionError is also a DomainError, which is one of FAILED.
    if isinstance(exc, TransitionError):
        error(str(exc))
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return FAILED_EXIT
    if isinstance(exc, ExchangeError):
        error(_("{source} cannot be imported; nothing was changed:").format(source=exc.source))
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return BAD_INPUT_EXIT
    if isinstance(exc, BAD_INPUT):
        error(str(exc))
        return BAD_INPUT_EXIT
    if isinstance(exc, FAILED):
        error(str(exc))
        return FAILED_EXIT
    return None
