"""``peerreview forms …``: validate, list and import form files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from peerreview_app.cli.output import error, print_table
from peerreview_app.i18n import _, language

# The form machinery (YAML, JSON Schema) and the user's folders are imported by the commands: see cli/common.py.


def register(commands: Any) -> None:
    forms = commands.add_parser("forms", help=_("validate, list and import review forms"))
    sub = forms.add_subparsers(dest="forms_command", metavar=_("ACTION"), required=True, parser_class=type(forms))
    validate = sub.add_parser("validate", help=_("check form files against the schema and the rules"))
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.set_defaults(handler=validate_command)
    listing = sub.add_parser("list", help=_("list the installed forms"))
    listing.set_defaults(handler=list_command)
    install = sub.add_parser("import", help=_("install a form file for all new reviews"))
    install.add_argument("file", type=Path, metavar="FILE")
    install.set_defaults(handler=import_command)


def validate_command(args: argparse.Namespace) -> int:
    from peerreview_app.forms.errors import FormError  # noqa: PLC0415 - see the imports
    from peerreview_app.forms.loader import load_form_file  # noqa: PLC0415

    failed = 0
    for path in args.files:
        try:
            form = load_form_file(path)
        except FormError as exc:
            failed += 1
            for problem in exc.problems:
                error(str(problem))
            continue
        print(_("{path}: valid ({what} {key})").format(path=path, what=_describe(form.format), key=form.key))
    return 2 if failed else 0


def list_command(args: argparse.Namespace) -> int:
    from peerreview_app import config  # noqa: PLC0415 - see the imports
    from peerreview_app.forms.catalog import FormCatalog  # noqa: PLC0415
    from peerreview_app.forms.paths import builtin_forms_dir  # noqa: PLC0415

    catalog = FormCatalog.load(builtin_forms_dir(), config.user_forms_dir())
    lang = language()
    rows = []
    for form in catalog.forms:
        if form.framework is not None:
            name = form.framework.name.get(lang)
            detail = _("{standards} standards, {criteria} criteria").format(
                standards=len(form.framework.standards), criteria=form.framework.criterion_count
            )
        else:
            assert form.kind is not None
            name, detail = form.kind.name.get(lang), form.kind.kind.value
        origin = _("built in") if Path(form.source).is_relative_to(builtin_forms_dir()) else _("imported")
        rows.append([_describe(form.format), form.id, form.version, name, detail, origin])
    print_table(
        [_("Type"), _("Id"), _("Version"), _("Name"), _("Contents"), _("Source")], rows, [12, 36, 20, 50, 30, 12]
    )
    for problem in catalog.problems:
        error(_("skipped a broken form: {problem}").format(problem=problem))
    return 0


def import_command(args: argparse.Namespace) -> int:
    from peerreview_app import config  # noqa: PLC0415 - see the imports
    from peerreview_app.forms.catalog import install_form  # noqa: PLC0415

    form, target, new = install_form(args.file, config.user_forms_dir())
    if new:
        print(_("Installed {key} as {path}").format(key=form.key, path=target))
    else:
        print(_("{key} was already installed ({path})").format(key=form.key, path=target))
    return 0


def _describe(form_format: str) -> str:
    from peerreview_app.forms.loader import FRAMEWORK  # noqa: PLC0415 - see the imports

    return _("framework") if form_format == FRAMEWORK else _("review kind")
