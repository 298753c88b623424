"""``peerreview selftest``: check an installation end to end in a throw-away folder, without touching user data."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from peerreview_app import __version__
from peerreview_app.domain.partnership import Role
from peerreview_app.domain.phases import Phase
from peerreview_app.i18n import _

# Forms, services and storage are imported by the checks that use them: see cli/common.py.


def register(commands: Any) -> None:
    selftest = commands.add_parser(
        "selftest", help=_("check this installation (forms, database, Qt) in a temporary folder")
    )
    selftest.set_defaults(handler=selftest_command)


def selftest_command(args: argparse.Namespace) -> int:
    print(f"peerreview {__version__}, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="peerreview-selftest-") as folder:
        checks: list[tuple[str, Callable[[], str]]] = [
            (_("shipped forms"), _check_forms),
            (_("database and migrations"), lambda: _check_database(Path(folder))),
            (_("reviews of both kinds"), lambda: _check_reviews(Path(folder))),
            (_("JSON export and import"), lambda: _check_exchange(Path(folder))),
            (_("Qt libraries"), _check_qt),
        ]
        failed = 0
        for name, check in checks:
            try:
                detail = check()
            except Exception as exc:  # a self-test reports every failure and goes on
                failed += 1
                print(f"  FAIL  {name}: {exc}")
                if os.environ.get("PEERREVIEW_DEBUG"):
                    traceback.print_exc()
            else:
                print(f"  ok    {name}: {detail}")
    if failed:
        print(_("{count} check(s) failed").format(count=failed))
        return 1
    print(_("All checks passed"))
    return 0


def _check_forms() -> str:
    from peerreview_app.forms.catalog import FormCatalog  # noqa: PLC0415 - see the imports
    from peerreview_app.forms.paths import builtin_forms_dir  # noqa: PLC0415

    catalog = FormCatalog.load(builtin_forms_dir())
    if catalog.problems:
        raise RuntimeError("; ".join(str(p) for p in catalog.problems))
    return _("{frameworks} framework(s), {kinds} review kind(s)").format(
        frameworks=len(catalog.frameworks()), kinds=len(catalog.kinds())
    )


def _check_database(folder: Path) -> str:
    from peerreview_app.services.workbench import Workbench  # noqa: PLC0415 - see the imports
    from peerreview_app.storage.engine import head_revision  # noqa: PLC0415

    with Workbench.open(str(folder / "selftest.sqlite3"), actor="selftest"):
        pass
    return _("schema {revision}").format(revision=head_revision())


def _check_reviews(folder: Path) -> str:
    from peerreview_app.services import findings, panel, reviews, workflow  # noqa: PLC0415 - see the imports
    from peerreview_app.services.workbench import Workbench  # noqa: PLC0415

    with Workbench.open(str(folder / "selftest.sqlite3"), actor="selftest") as workbench:
        developmental = reviews.create_review(workbench, kind="developmental", partnership="Selftest")
        review = reviews.create_review(
            workbench, kind="assessment", partnership="Selftest", visit_dates=[date(2026, 1, 15)]
        )
        panel.add_member(workbench, review.id, name="Voorzitter", role=Role.CHAIR)
        panel.add_member(workbench, review.id, name="Secretaris", role=Role.SECRETARY)
        findings.set_finding_value(workbench, review.id, next(review.framework.criteria()).id, "judgement", "meets")
        workflow.move_to(workbench, review.id, Phase.VISIT)
        percent = reviews.completeness(workbench, review.id).percent
        count = len(reviews.list_reviews(workbench))
    return _("{count} reviews, {id} at {percent}%").format(count=count, id=str(developmental.id)[:8], percent=percent)


def _check_exchange(folder: Path) -> str:
    from peerreview_app.services import interchange, reviews  # noqa: PLC0415 - see the imports
    from peerreview_app.services.workbench import Workbench  # noqa: PLC0415

    with Workbench.open(str(folder / "selftest.sqlite3"), actor="selftest") as source:
        review_id = reviews.list_reviews(source)[0].id
        first = folder / "export-1.json"
        interchange.write_review_json(source, review_id, first)
    with Workbench.open(str(folder / "selftest-2.sqlite3"), actor="selftest") as target:
        interchange.import_review_json(target, first)
        again = interchange.export_review_json(target, review_id)
    if again != first.read_bytes():
        raise RuntimeError(_("export after import differs"))
    return _("round trip identical ({size:,} bytes)").format(size=len(again))


def _check_qt() -> str:
    # In a child process: a missing system library must not take this process down, and the CLI stays Qt-free.
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    code = "import PySide6.QtWidgets as w, PySide6; app = w.QApplication([]); print(PySide6.__version__)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=environment, check=False
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or [f"exit code {result.returncode}"])[-1]
        raise RuntimeError(last)
    return f"PySide6 {result.stdout.strip()}"
