"""``peerreview export-json`` and ``import-json``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from peerreview_app.cli.common import open_workbench
from peerreview_app.i18n import _

# The services (and through them SQLAlchemy, jsonschema and YAML) are imported by the commands: see cli/common.py.


def register(commands: Any) -> None:
    export = commands.add_parser("export-json", help=_("write a review as interchange JSON"))
    export.add_argument("review", metavar="REVIEW")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.set_defaults(handler=export_command)
    load = commands.add_parser("import-json", help=_("import a review from interchange JSON (all or nothing)"))
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--replace", action="store_true", help=_("replace the review if it exists and is not adopted"))
    load.set_defaults(handler=import_command)


def export_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import interchange, reviews  # noqa: PLC0415 - see the imports

    with open_workbench(args) as workbench:
        review_id = reviews.resolve_review_id(workbench, args.review)
        size = interchange.write_review_json(workbench, review_id, args.output)
    print(_("Wrote {path} ({size:,} bytes)").format(path=args.output, size=size))
    return 0


def import_command(args: argparse.Namespace) -> int:
    from peerreview_app.services import interchange  # noqa: PLC0415 - see the imports

    with open_workbench(args) as workbench:
        result = interchange.import_review_json(workbench, args.file, replace=args.replace)
    message = _("Replaced {title} ({id})") if result.replaced else _("Imported {title} ({id})")
    print(message.format(title=result.title, id=result.review_id))
    return 0
