"""Commands about reviews: demo, new, list, show, move, adopt, revise, delete."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from peerreview_app.cli.common import iso_date, open_workbench
from peerreview_app.cli.output import print_json, print_table
from peerreview_app.domain.kind import ReviewKind, Scope, is_empty
from peerreview_app.domain.listing import ReviewFilter
from peerreview_app.domain.partnership import Sector
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.text import Language
from peerreview_app.i18n import _, language, ngettext

if TYPE_CHECKING:
    from peerreview_app.domain.listing import ReviewSummary
    from peerreview_app.domain.review import Review
    from peerreview_app.services.reviews import CompletenessReport

# The services (and through them SQLAlchemy and the demo texts) are imported by the commands: see cli/common.py.
# The domain is plain Python and cheap, so its enums stay here for the parser's choices.


def register(commands: Any) -> None:
    demo = commands.add_parser("demo", help=_("fill the database with demo reviews"))
    demo.add_argument("--no-gui", action="store_true", help=_("only fill the database; do not open the workbench"))
    demo.set_defaults(handler=demo_command)

    new = commands.add_parser("new", help=_("start a new review and print its id"))
    new.add_argument("--kind", required=True, choices=[k.value for k in ReviewKind])
    new.add_argument("--partnership", required=True, metavar="NAME", help=_("found by name, or created"))
    new.add_argument("--framework", metavar="ID", help=_("framework id or id@version (default: the kind's first)"))
    new.add_argument("--title", metavar="T")
    new.add_argument("--visit-date", type=iso_date, action="append", default=[], metavar="YYYY-MM-DD")
    new.add_argument("--sector", choices=[s.value for s in Sector], action="append", default=[])
    new.add_argument("--language", choices=[lang.value for lang in Language], default="nl", help=_("report language"))
    new.set_defaults(handler=new_command)

    listing = commands.add_parser("list", help=_("list reviews"))
    listing.add_argument("--json", action="store_true", help=_("print a JSON array"))
    listing.add_argument("--kind", choices=[k.value for k in ReviewKind])
    listing.add_argument("--status", choices=[p.value for p in Phase])
    listing.add_argument("--year", type=int)
    listing.add_argument("--sector", choices=[s.value for s in Sector])
    listing.add_argument("--search", metavar="TEXT", default="")
    listing.set_defaults(handler=list_command)

    show = commands.add_parser("show", help=_("show one review"))
    show.add_argument("review", metavar="REVIEW", help=_("UUID or an unambiguous prefix"))
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_command)

    move = commands.add_parser("move", help=_("move a review to another phase"))
    move.add_argument("review", metavar="REVIEW")
    move.add_argument("phase", choices=[p.value for p in Phase])
    move.set_defaults(handler=move_command)

    adopt = commands.add_parser("adopt", help=_("adopt (vaststellen) a complete review; it becomes read-only"))
    adopt.add_argument("review", metavar="REVIEW")
    adopt.set_defaults(handler=lambda args: move_command(args, Phase.ADOPTED))

    revise = commands.add_parser("revise", help=_("start a new revision of an adopted review"))
    revise.add_argument("review", metavar="REVIEW")
    revise.set_defaults(handler=revise_command)

    delete = commands.add_parser("delete", help=_("delete a review that is not adopted"))
    delete.add_argument("review", metavar="REVIEW")
    delete.set_defaults(handler=delete_command)


def demo_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reviews  # noqa: PLC0415 - see the imports
    from peerreview_app.services.demo import fill_demo  # noqa: PLC0415

    with open_workbench(args) as workbench:
        result = fill_demo(workbench)
        if result.created:
            print(
                _("{count} demo review(s) added to {db}").format(count=len(result.created), db=workbench.database.label)
            )
        if result.already_present:
            print(_("{count} demo review(s) were already there").format(count=len(result.already_present)))
        if args.no_gui or args.gui is None:
            print()
            _print_list(reviews.list_reviews(workbench))
            return 0
    return int(args.gui(args))


def new_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reviews  # noqa: PLC0415 - see the imports

    with open_workbench(args) as workbench:
        review = reviews.create_review(
            workbench,
            kind=args.kind,
            partnership=args.partnership,
            framework=args.framework,
            title=args.title,
            sectors=[Sector(s) for s in args.sector],
            visit_dates=args.visit_date,
            language=Language(args.language),
        )
    print(review.id)
    return 0


def list_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reviews  # noqa: PLC0415 - see the imports

    where = ReviewFilter(
        text=args.search,
        kind=ReviewKind(args.kind) if args.kind else None,
        phase=Phase(args.status) if args.status else None,
        year=args.year,
        sector=Sector(args.sector) if args.sector else None,
    )
    with open_workbench(args) as workbench:
        summaries = reviews.list_reviews(workbench, where)
    if args.json:
        print_json([_summary_json(s) for s in summaries])
    else:
        _print_list(summaries)
    return 0


def _summary_json(s: ReviewSummary) -> dict[str, Any]:
    from peerreview_app.services.labels import phase_label  # noqa: PLC0415 - see the imports

    return {
        "id": str(s.id),
        "title": s.title,
        "kind": s.kind.value,
        "status": s.phase.value,
        "status_label": phase_label(s.phase),
        "partnership": s.partnership,
        "sectors": [x.value for x in s.sectors],
        "visit_date": s.first_visit_date.isoformat() if s.first_visit_date else None,
        "revision": s.revision,
        "completeness": s.completeness_percent,
        "open_items": s.open_items,
        "language": s.language.value,
        "framework": s.framework_key,
    }


def _print_list(summaries: list[ReviewSummary]) -> None:
    from peerreview_app.services.labels import phase_label  # noqa: PLC0415 - see the imports

    if not summaries:
        print(_("No reviews yet. Start one with 'peerreview new' or try 'peerreview demo'."))
        return
    print_table(
        [_("ID"), _("Kind"), _("Phase"), _("Done"), _("Visit"), _("Partnership"), _("Title")],
        [
            [
                str(s.id)[:8],
                _("developmental") if s.kind is ReviewKind.DEVELOPMENTAL else _("assessment"),
                phase_label(s.phase) + (f" (r{s.revision})" if s.revision > 1 else ""),
                f"{s.completeness_percent}%",
                s.first_visit_date.isoformat() if s.first_visit_date else "—",
                s.partnership,
                s.title,
            ]
            for s in summaries
        ],
        [8, 20, 22, 5, 10, 34, 60],
    )


def show_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reviews  # noqa: PLC0415 - see the imports
    from peerreview_app.services.labels import kind_label, role_label  # noqa: PLC0415

    with open_workbench(args) as workbench:
        review = reviews.get_review(workbench, reviews.resolve_review_id(workbench, args.review))
    report = reviews.completeness_of(review)
    if args.json:
        print_json(_review_json(review, report))
        return 0
    lang = language()
    print(review.title)
    print("=" * min(len(review.title), 100))
    rows = [
        (_("Id"), str(review.id)),
        (_("Kind"), kind_label(review.kind)),
        (_("Phase"), _phase_text(review)),
        (_("Partnership"), review.partnership.name),
        (_("Sectors"), ", ".join(s.value for s in review.sectors) or "—"),
        (_("Visit"), ", ".join(d.isoformat() for d in review.visit_dates) or "—"),
        (_("Framework"), f"{review.framework.name.get(lang)} ({review.framework.version})"),
        (_("Completeness"), f"{report.percent}%"),
    ]
    for label, value in rows:
        print(f"{label + ':':<16}{value}")
    print()
    print(_("Panel"))
    for member in review.members:
        print(
            f"  {member.name} — {role_label(member.role)}" + (f", {member.organisation}" if member.organisation else "")
        )
    if not review.members:
        print("  —")
    print()
    _print_standards(review)
    if report.items:
        print()
        print(_("Still open ({count}):").format(count=len(report.items)))
        for item in report.items[:40]:
            print(f"  - {item.text}")
        if len(report.items) > 40:
            print("  " + _("… and {count} more").format(count=len(report.items) - 40))
    return 0


def _phase_text(review: Review) -> str:
    from peerreview_app.services.labels import phase_label  # noqa: PLC0415 - see the imports

    if review.revision == 1:
        return phase_label(review.phase)
    return _("{phase}, revision {revision}").format(phase=phase_label(review.phase), revision=review.revision)


def _print_standards(review: Review) -> None:
    lang = language()
    kind = review.forms.kind
    for standard in review.framework.standards:
        judgement = review.standard_judgement(standard.id)
        suffix = f" — {_scale_label(review, 'standard', judgement)}" if judgement else ""
        derived = review.derived_standard_judgement(standard.id)
        if judgement and derived and judgement != derived:
            suffix += " " + _("(deviates from the derived judgement: {derived})").format(
                derived=_scale_label(review, "standard", derived)
            )
        print(f"{standard.number}. {standard.title.get(lang)}{suffix}")
        for criterion in standard.criteria:
            finding = review.findings[criterion.id]
            filled = sum(1 for spec in kind.fields_for(Scope.CRITERION) if not is_empty(finding.values.get(spec.id)))
            panel = review.panel_judgement(criterion.id)
            state = (
                _scale_label(review, "criterion", panel)
                if panel
                else f"{filled}/{len(kind.fields_for(Scope.CRITERION))}"
            )
            notes = len(review.notes_for_criterion(criterion.id))
            notes_text = ngettext("{count} note", "{count} notes", notes).format(count=notes)
            print(f"   {criterion.id:<6} {criterion.title.get(lang)[:70]:<70} {state}  ({notes_text})")
    overall = review.overall_judgement()
    if overall:
        print()
        print(_("Overall judgement: {judgement}").format(judgement=_scale_label(review, "overall", overall)))


def _scale_label(review: Review, level: str, value: str | None) -> str:
    derivation = review.forms.kind.derivation
    if value is None or derivation is None:
        return "—"
    scale_id = {"standard": derivation.standard_scale, "overall": derivation.overall_scale}.get(level)
    scale = review.forms.kind.scale(scale_id) if scale_id else review.forms.kind.criterion_scale()
    assert scale is not None
    return scale.value(value).label.get(language())


def _review_json(review: Review, report: CompletenessReport) -> dict[str, Any]:
    from peerreview_app.services.labels import phase_label  # noqa: PLC0415 - see the imports

    lang = language()
    return {
        "id": str(review.id),
        "title": review.title,
        "kind": review.kind.value,
        "status": review.phase.value,
        "status_label": phase_label(review.phase),
        "revision": review.revision,
        "partnership": review.partnership.name,
        "sectors": [s.value for s in review.sectors],
        "visit_dates": [d.isoformat() for d in review.visit_dates],
        "language": review.language.value,
        "framework": review.framework.key,
        "review_kind": review.forms.kind.key,
        "forms_sha256": review.forms.sha256,
        "adopted_at": review.adopted_at.isoformat() if review.adopted_at else None,
        "adopted_by": review.adopted_by or None,
        "completeness": report.percent,
        "open_items": [
            {"ref": i.item.ref, "field": i.item.field, "problem": i.item.problem.value, "text": i.text}
            for i in report.items
        ],
        "panel": [
            {"id": str(m.id), "name": m.name, "role": m.role.value, "organisation": m.organisation}
            for m in review.members
        ],
        "conversations": len(review.conversations),
        "notes": len(review.notes),
        "development_questions": [{"number": q.number, "text": q.text} for q in review.questions],
        "standards": [
            {
                "id": s.id,
                "title": s.title.get(lang),
                "judgement": review.standard_judgement(s.id),
                "derived_judgement": review.derived_standard_judgement(s.id),
                "criteria": [
                    {
                        "id": c.id,
                        "title": c.title.get(lang),
                        "judgement": review.panel_judgement(c.id),
                        "notes": len(review.notes_for_criterion(c.id)),
                    }
                    for c in s.criteria
                ],
            }
            for s in review.framework.standards
        ],
        "overall_judgement": review.overall_judgement(),
    }


def move_command(args: argparse.Namespace, target: Phase | None = None) -> int:
    from peerreview_app.services import reviews, workflow  # noqa: PLC0415 - see the imports
    from peerreview_app.services.labels import phase_label  # noqa: PLC0415

    phase = target or Phase(args.phase)
    with open_workbench(args) as workbench:
        review = workflow.move_to(workbench, reviews.resolve_review_id(workbench, args.review), phase)
    print(_("{title}: now {phase}").format(title=review.title, phase=phase_label(review.phase)))
    return 0


def revise_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reviews, workflow  # noqa: PLC0415 - see the imports

    with open_workbench(args) as workbench:
        revision = workflow.start_revision(workbench, reviews.resolve_review_id(workbench, args.review))
    print(revision.id)
    return 0


def delete_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import reviews  # noqa: PLC0415 - see the imports

    with open_workbench(args) as workbench:
        review_id = reviews.resolve_review_id(workbench, args.review)
        reviews.delete_review(workbench, review_id)
    print(_("Deleted {id}").format(id=review_id))
    return 0
