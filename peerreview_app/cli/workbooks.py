"""``peerreview export-xlsx``, ``member-workbook``, ``factcheck-workbook``, ``import-workbook`` and ``factcheck``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any
from uuid import UUID

from peerreview_app.cli.common import open_workbench
from peerreview_app.cli.output import error, print_table
from peerreview_app.domain.factcheck import Decision
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import ReviewFilter
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.text import Language
from peerreview_app.i18n import _, language
from peerreview_app.services.errors import InputError

# openpyxl (through services.workbooks) and the services that open the database are imported by the commands that
# use them: building the parser must stay cheap, because the desktop workbench starts through it (see cli/common.py).

PROBLEMS_EXIT = 2


def register(commands: Any) -> None:
    export = commands.add_parser(
        "export-xlsx", help=_("write a review, or an overview of reviews, as an Excel workbook")
    )
    export.add_argument("review", nargs="?", metavar="REVIEW")
    export.add_argument("--all", action="store_true", help=_("one overview across all reviews (filters below)"))
    export.add_argument("--kind", choices=[k.value for k in ReviewKind])
    export.add_argument("--year", type=int, help=_("year of the first visit day"))
    export.add_argument("--status", choices=[p.value for p in Phase], help=_("phase of the review"))
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.set_defaults(handler=export_xlsx_command)

    member = commands.add_parser("member-workbook", help=_("a fill-in workbook for a panel member without the app"))
    member.add_argument("review", metavar="REVIEW")
    member.add_argument("--member", required=True, metavar="NAME", help=_("the panel member's name (or id)"))
    member.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    member.set_defaults(handler=member_workbook_command)

    factcheck = commands.add_parser(
        "factcheck-workbook", help=_("the draft findings for the partnership's check on factual errors")
    )
    factcheck.add_argument("review", metavar="REVIEW")
    factcheck.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    factcheck.set_defaults(handler=factcheck_workbook_command)

    load = commands.add_parser(
        "import-workbook", help=_("import a filled-in member or fact-check workbook (all or nothing)")
    )
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--dry-run", action="store_true", help=_("only show what would change"))
    load.set_defaults(handler=import_workbook_command)

    decide = commands.add_parser("factcheck", help=_("list fact-check comments, or accept/reject one with a reply"))
    decide.add_argument("review", metavar="REVIEW")
    decide.add_argument("--comment", metavar="ID", help=_("the comment to decide on (start of its id)"))
    decide.add_argument("--accept", action="store_true")
    decide.add_argument("--reject", action="store_true")
    decide.add_argument("--reply", default="", help=_("the reply to the partnership (required when rejecting)"))
    decide.set_defaults(handler=factcheck_command)


def export_xlsx_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reviews, workbooks  # noqa: PLC0415 - see the imports

    lang = Language(language())
    with open_workbench(args) as workbench:
        if args.all:
            if args.review:
                raise InputError(_("give a REVIEW or --all, not both"))
            where = ReviewFilter(
                kind=ReviewKind(args.kind) if args.kind else None,
                phase=Phase(args.status) if args.status else None,
                year=args.year,
            )
            count = workbooks.export_overview(workbench, args.output, where, lang=lang)
            print(_("Wrote an overview of {count} review(s) to {path}").format(count=count, path=args.output))
            return 0
        if not args.review:
            raise InputError(_("give a REVIEW, or --all for an overview"))
        review_id = reviews.resolve_review_id(workbench, args.review)
        workbooks.export_review_workbook(workbench, review_id, args.output)
    print(_("Wrote {path}").format(path=args.output))
    return 0


def member_workbook_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reviews, workbooks  # noqa: PLC0415 - see the imports

    with open_workbench(args) as workbench:
        review_id = reviews.resolve_review_id(workbench, args.review)
        name = workbooks.export_member_workbook(workbench, review_id, args.member, args.output)
    print(_("Wrote the workbook for {name} to {path}").format(name=name, path=args.output))
    return 0


def factcheck_workbook_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reviews, workbooks  # noqa: PLC0415 - see the imports

    with open_workbench(args) as workbench:
        review_id = reviews.resolve_review_id(workbench, args.review)
        workbooks.export_factcheck_workbook(workbench, review_id, args.output)
    print(_("Wrote the fact-check workbook to {path}").format(path=args.output))
    return 0


def import_workbook_command(args: argparse.Namespace) -> int:
    from peerreview_app.reports.excel.workbook_import import WorkbookProblems  # noqa: PLC0415
    from peerreview_app.services import workbooks  # noqa: PLC0415

    with open_workbench(args) as workbench:
        try:
            if args.dry_run:
                result = workbooks.preview_import(workbench, args.file)
            else:
                result = workbooks.import_workbook(workbench, args.file)
        except WorkbookProblems as exc:
            error(_("{file} cannot be imported; nothing was changed:").format(file=args.file.name))
            for problem in exc.problems:
                print(f"  - {problem}")
            return PROBLEMS_EXIT
    if not result.changes:
        print(
            _("{file}: nothing to change, {review} already holds all of it").format(
                file=args.file.name, review=result.review_title
            )
        )
        return 0
    rows = [(c.what, c.where, c.before, c.after) for c in result.changes]
    print_table((_("what"), _("where"), _("before"), _("after")), rows, [12, 28, 40, 40])
    if args.dry_run:
        print(
            _("{count} change(s) from {who}; nothing was changed (--dry-run)").format(
                count=len(result.changes), who=result.who
            )
        )
    else:
        print(
            _("Imported {count} change(s) from {who} into {review}").format(
                count=len(result.changes), who=result.who, review=result.review_title
            )
        )
    return 0


def factcheck_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reviews, workbooks  # noqa: PLC0415 - see the imports

    with open_workbench(args) as workbench:
        review_id = reviews.resolve_review_id(workbench, args.review)
        review = reviews.get_review(workbench, review_id)
        if args.comment is None:
            rows = [(str(c.id)[:8], c.target, c.comment, c.decision.value, c.reply) for c in review.factcheck_comments]
            print_table((_("id"), _("paragraph"), _("comment"), _("decision"), _("reply")), rows, [8, 28, 50, 9, 40])
            return 0
        if args.accept == args.reject:
            raise InputError(_("say --accept or --reject"))
        matches = [c.id for c in review.factcheck_comments if str(c.id).startswith(args.comment)]
        if len(matches) != 1:
            raise InputError(_("{text!r} does not name one comment of this review").format(text=args.comment))
        comment_id: UUID = matches[0]
        decision = Decision.ACCEPTED if args.accept else Decision.REJECTED
        workbooks.decide_comment(workbench, review_id, comment_id, decision, args.reply)
    print(_("Recorded: {decision}").format(decision=decision.value))
    return 0
