"""``peerreview export-pdf``, ``identity create|import|show``, ``sign`` and ``verify``."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerreview_app.cli.common import open_workbench
from peerreview_app.cli.output import print_json, print_table
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import ReviewFilter
from peerreview_app.domain.phases import Phase
from peerreview_app.fileio import atomic_write_bytes
from peerreview_app.i18n import _
from peerreview_app.services.errors import InputError

if TYPE_CHECKING:
    from peerreview_app.reports.signing import SignatureCheck, Verification

# pyHanko and reportlab, and the services that open the database, are imported by the commands that use them:
# building the parser must stay cheap, because the desktop workbench starts through it (see cli/common.py).

VERIFY_FAILED = 1


def register(commands: Any) -> None:
    export = commands.add_parser(
        "export-pdf", help=_("write a review's report as PDF (the signed one when it has been signed)")
    )
    export.add_argument("review", nargs="?", metavar="REVIEW")
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help=_("the PDF file; with --all, a folder")
    )
    export.add_argument("--all", action="store_true", help=_("the report of every review that matches, one file each"))
    export.add_argument("--kind", choices=[k.value for k in ReviewKind])
    export.add_argument("--year", type=int, help=_("year of the first visit day"))
    export.add_argument("--status", choices=[p.value for p in Phase], help=_("phase of the review"))
    export.add_argument(
        "--unsigned", action="store_true", help=_("build the report afresh even when a signed one is stored")
    )
    export.set_defaults(handler=export_pdf_command)

    ident = commands.add_parser("identity", help=_("signing identities (self-signed certificates)"))
    actions = ident.add_subparsers(dest="identity_command", metavar=_("ACTION"), required=True)
    create = actions.add_parser("create", help=_("make a new identity file (.p12) protected by a passphrase"))
    create.add_argument("--name", required=True)
    create.add_argument("--email", required=True)
    create.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.p12")
    _passphrase_option(create)
    create.set_defaults(handler=identity_create_command)
    load = actions.add_parser("import", help=_("make an identity file the current signing identity"))
    load.add_argument("file", type=Path, metavar="FILE.p12")
    _passphrase_option(load)
    load.set_defaults(handler=identity_import_command)
    show = actions.add_parser("show", help=_("show the current signing identity"))
    show.set_defaults(handler=identity_show_command)

    sign = commands.add_parser(
        "sign",
        help=_("sign a report PDF; with --review, sign the review's report in the database (this adopts it)"),
    )
    sign.add_argument("file", type=Path, nargs="?", metavar="FILE")
    sign.add_argument("--review", metavar="REVIEW", help=_("sign the stored report of this review instead of a file"))
    sign.add_argument("--identity", type=Path, metavar="P12", help=_("identity file (default: the imported one)"))
    sign.add_argument("--field", metavar="NAME", help=_("signature field (default: the next one in signing order)"))
    sign.add_argument("-o", "--output", type=Path, metavar="OUT", help=_("where to write the signed PDF"))
    _passphrase_option(sign)
    sign.set_defaults(handler=sign_command)

    verify = commands.add_parser("verify", help=_("check every signature in a PDF (exit 0 only when all hold)"))
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    verify.add_argument(
        "--trust", type=Path, nargs="+", default=[], metavar="CERT", help=_("certificates (PEM or DER) to trust")
    )
    verify.set_defaults(handler=verify_command)


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help=_("read the passphrase from the first line of this file (default: ask)"),
    )


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The passphrase from ``--passphrase-file``, else asked on the terminal (never echoed)."""
    if args.passphrase_file is not None:
        try:
            text = args.passphrase_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(
                _("{path}: cannot read the passphrase file ({reason})").format(
                    path=args.passphrase_file, reason=exc.strerror
                )
            ) from None
        return text.splitlines()[0] if text else ""
    if not sys.stdin.isatty():
        raise InputError(_("no passphrase: give --passphrase-file, or run this in a terminal to be asked"))
    passphrase = getpass.getpass(_("Passphrase: "))
    if confirm and getpass.getpass(_("Passphrase again: ")) != passphrase:
        raise InputError(_("the two passphrases differ; nothing was written"))
    return passphrase


def export_pdf_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reports, reviews  # noqa: PLC0415 - see the imports

    if args.all == bool(args.review):
        raise InputError(_("give a REVIEW, or --all for every review"))
    with open_workbench(args) as workbench:
        if args.all:
            where = ReviewFilter(
                kind=ReviewKind(args.kind) if args.kind else None,
                phase=Phase(args.status) if args.status else None,
                year=args.year,
            )
            results = reports.export_pdfs(workbench, args.output, where, unsigned=args.unsigned)
            for result in results:
                print(result.path)
            print(_("Wrote {count} report(s) to {folder}").format(count=len(results), folder=args.output))
            return 0
        review_id = reviews.resolve_review_id(workbench, args.review)
        result = reports.export_pdf(workbench, review_id, args.output, unsigned=args.unsigned)
    if result.signed:
        print(_("Wrote the signed report to {path}").format(path=result.path))
    elif result.draft:
        print(
            _("Wrote the draft report (CONCEPT) to {path}, {pages} pages").format(path=result.path, pages=result.pages)
        )
    else:
        print(_("Wrote the report to {path}, {pages} pages").format(path=result.path, pages=result.pages))
    return 0


def identity_create_command(args: argparse.Namespace) -> int:
    from peerreview_app.reports.signing import format_fingerprint  # noqa: PLC0415
    from peerreview_app.services import identity  # noqa: PLC0415

    passphrase = read_passphrase(args, confirm=True)
    made = identity.create_identity_file(args.name, args.email, passphrase, args.output, now=datetime.now(UTC))
    print(
        _("Wrote {path}: {name} <{email}>, valid until {date}").format(
            path=args.output, name=made.name, email=made.email, date=made.not_after.date().isoformat()
        )
    )
    print(_("Fingerprint (SHA-256): {fingerprint}").format(fingerprint=format_fingerprint(made.fingerprint)))
    return 0


def identity_import_command(args: argparse.Namespace) -> int:
    from peerreview_app.reports.signing import format_fingerprint  # noqa: PLC0415
    from peerreview_app.services import identity  # noqa: PLC0415

    passphrase = read_passphrase(args)
    with open_workbench(args) as workbench:
        result = identity.import_identity(workbench, args.file, passphrase)
    summary = result.summary
    print(_("Current signing identity: {name} <{email}>").format(name=summary.name, email=summary.email))
    print(_("Fingerprint (SHA-256): {fingerprint}").format(fingerprint=format_fingerprint(summary.fingerprint)))
    print(_("Recorded on {count} panel member(s) with this e-mail address").format(count=result.members_updated))
    return 0


def identity_show_command(args: argparse.Namespace) -> int:
    from peerreview_app.reports.signing import format_fingerprint  # noqa: PLC0415
    from peerreview_app.services import identity  # noqa: PLC0415

    summary = identity.current_identity()
    if summary is None:
        print(_("No signing identity yet: create one with 'peerreview identity create' and import it."))
        return 0
    print(
        _("{name} <{email}>, valid until {date}").format(
            name=summary.name, email=summary.email, date=summary.not_after.date().isoformat()
        )
    )
    print(_("Fingerprint (SHA-256): {fingerprint}").format(fingerprint=format_fingerprint(summary.fingerprint)))
    return 0


def sign_command(args: argparse.Namespace) -> int:
    from peerreview_app.reports.signing import sign_pdf  # noqa: PLC0415
    from peerreview_app.services import identity  # noqa: PLC0415
    from peerreview_app.services.files import read_input_file  # noqa: PLC0415

    if (args.file is None) == (args.review is None):
        raise InputError(_("give either a PDF file or --review REVIEW"))
    identity_file = args.identity or identity.current_identity_file()
    passphrase = read_passphrase(args)
    if args.review is not None:
        return _sign_review(args, identity_file, passphrase)
    now = datetime.now(UTC)
    signer = identity.read_identity_file(identity_file, passphrase, now=now)
    content = read_input_file(args.file)
    signed = sign_pdf(content, signer, signed_at=now.astimezone(), field=args.field, source=args.file.name)
    target = args.output or args.file
    atomic_write_bytes(target, signed)
    print(_("Signed by {name}; wrote {path}").format(name=signer.name, path=target))
    return 0


def _sign_review(args: argparse.Namespace, identity_file: Path, passphrase: str) -> int:
    from peerreview_app.services import reports, reviews  # noqa: PLC0415

    with open_workbench(args) as workbench:
        review_id = reviews.resolve_review_id(workbench, args.review)
        outcome = reports.sign_review(workbench, review_id, identity_file, passphrase, field=args.field)
        if args.output is not None:
            reports.save_signed_copy(workbench, review_id, args.output)
    if outcome.adopted_now:
        print(_("The review is adopted (vastgesteld) and locked."))
    print(_("Signed field {field}; the signed report is stored with the review").format(field=outcome.field))
    if outcome.unsigned_fields:
        print(_("Still to sign: {fields}").format(fields=", ".join(outcome.unsigned_fields)))
    if args.output is not None:
        print(_("Wrote {path}").format(path=args.output))
    return 0


def verify_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reports  # noqa: PLC0415

    with open_workbench(args) as workbench:
        result = reports.verify_file(workbench, args.file, trust=tuple(args.trust))
    if args.json:
        print_json(verification_json(result))
    else:
        print_verification(result, args.file)
    return 0 if result.ok else VERIFY_FAILED


def verification_json(result: Verification) -> dict[str, Any]:
    return {
        "ok": result.ok,
        "modified_after_last_signature": result.modified_after_last_signature,
        "unsigned_fields": list(result.unsigned_fields),
        "problems": list(result.problems),
        "signatures": [_check_json(check) for check in result.signatures],
    }


def _check_json(check: SignatureCheck) -> dict[str, Any]:
    return {
        "field": check.field,
        "signer": check.signer,
        "email": check.email,
        "fingerprint": check.fingerprint,
        "signed_at": check.signed_at.isoformat() if check.signed_at else None,
        "intact": check.intact,
        "covers_final_revision": check.covers_final_revision,
        "trusted": check.trusted,
        "known_as": check.known_as,
        "problems": list(check.problems),
    }


def print_verification(result: Verification, path: Path) -> None:
    from peerreview_app.reports.signing import format_fingerprint  # noqa: PLC0415

    yes, no = _("yes"), _("no")
    rows = [
        (
            check.field,
            check.signer,
            check.signed_at.strftime("%Y-%m-%d %H:%M") if check.signed_at else "",
            yes if check.intact else no,
            yes if check.covers_final_revision else no,
            (check.known_as or yes) if check.trusted else no,
            format_fingerprint(check.fingerprint)[:19] + "…",
        )
        for check in result.signatures
    ]
    if rows:
        headers = (_("field"), _("signer"), _("signed"), _("intact"), _("covers final"), _("trusted"), _("fingerprint"))
        print_table(headers, rows, [24, 30, 16, 6, 12, 30, 20])
    for check in result.signatures:
        for problem in check.problems:
            print(f"  - {check.field}: {problem}")
    for problem in result.problems:
        print(f"  - {problem}")
    if result.unsigned_fields:
        print(_("Not yet signed: {fields}").format(fields=", ".join(result.unsigned_fields)))
    if result.ok:
        print(_("{path}: every signature is intact and nothing changed after the last one").format(path=path))
    else:
        print(_("{path}: NOT in order, see above").format(path=path))
