"""Starting ``peerreview`` loads only what the command needs, and the error mapping of ``run`` stays as it was.

Every command, and the desktop workbench, starts by building the parser, so a module-level import of the services
in a command module (and through them SQLAlchemy, YAML, JSON Schema, reportlab, pyHanko or openpyxl) slows every
start. The import checks run in a fresh interpreter: this test session has long loaded all of those libraries.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from peerreview_app.cli.app import run
from peerreview_app.domain.errors import TransitionError
from peerreview_app.exchange.review_json import ExchangeError
from peerreview_app.services.errors import InputError, NotFound

HEAVY = ("sqlalchemy", "alembic", "jsonschema", "yaml", "reportlab", "openpyxl", "pyhanko", "cryptography", "PySide6")
FORMS = Path(__file__).resolve().parents[2] / "forms"

# Runs the code in STEP, then writes the exit code and the heavy libraries now loaded to the file in PROBE_OUT.
PROBE = """
import json, os, sys
code = 0
try:
    exec(os.environ["PROBE_STEP"])
except SystemExit as exc:
    code = exc.code
heavy = set(json.loads(os.environ["PROBE_HEAVY"]))
loaded = sorted({name.split(".")[0] for name in sys.modules} & heavy)
with open(os.environ["PROBE_OUT"], "w", encoding="utf-8") as out:
    json.dump({"code": code, "loaded": loaded}, out)
"""

PARSER_ONLY = "from peerreview_app.cli import app; app.build_parser()"
COMMAND = "from peerreview_app.entry import main; sys.argv = ['peerreview', *sys.argv[1:]]; code = main()"


def loaded_after(step: str, *args: str, tmp_path: Path) -> tuple[int, set[str]]:
    """The exit code and the heavy libraries loaded after `step` in a fresh interpreter (``sys.argv[1:]`` is `args`)."""
    out = tmp_path / "probe.json"
    environment = {
        **os.environ,
        "PROBE_STEP": step,
        "PROBE_HEAVY": json.dumps(HEAVY),
        "PROBE_OUT": str(out),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    return report["code"], set(report["loaded"])


def test_building_the_parser_loads_no_heavy_library(tmp_path: Path) -> None:
    _, loaded = loaded_after(PARSER_ONLY, tmp_path=tmp_path)
    assert loaded == set()


def test_help_loads_no_heavy_library(tmp_path: Path) -> None:
    # The way the desktop workbench starts too: entry.main, logging set up, the whole parser built.
    code, loaded = loaded_after(COMMAND, "--help", tmp_path=tmp_path)
    assert code == 0
    assert loaded == set()


def test_listing_reviews_loads_the_database_but_no_report_library(tmp_path: Path) -> None:
    code, loaded = loaded_after(COMMAND, "--db", str(tmp_path / "x.sqlite3"), "list", tmp_path=tmp_path)
    assert code == 0
    assert "sqlalchemy" in loaded  # the probe does see what a command loads
    assert loaded.isdisjoint({"reportlab", "openpyxl", "pyhanko", "jsonschema", "PySide6"})


def test_validating_a_form_loads_no_database_or_report_library(tmp_path: Path) -> None:
    form = FORMS / "kinds" / "beoordelingsgericht.yaml"
    code, loaded = loaded_after(COMMAND, "forms", "validate", str(form), tmp_path=tmp_path)
    assert code == 0
    assert {"yaml", "jsonschema"} <= loaded
    assert loaded.isdisjoint({"sqlalchemy", "alembic", "reportlab", "openpyxl", "pyhanko", "PySide6"})


def failing(exc: BaseException) -> argparse.Namespace:
    """Arguments whose handler raises `exc`."""

    def handler(args: argparse.Namespace) -> int:
        raise exc

    return argparse.Namespace(handler=handler)


@pytest.mark.parametrize(
    ("exc", "code", "expected"),
    [
        (
            TransitionError("cannot move on", ("chair missing", "no visit date")),
            1,
            ["cannot move on", "  - chair missing", "  - no visit date"],
        ),
        (
            ExchangeError("bad.json", ["review.phase: unknown", "findings[2]: XX-9"]),
            2,
            ["bad.json", "  - review.phase: unknown", "  - findings[2]: XX-9"],
        ),
        (InputError("no such review abc"), 2, ["no such review abc"]),
        (NotFound("review 1234 is gone"), 2, ["review 1234 is gone"]),
        (PermissionError(13, "Permission denied", "out.pdf"), 1, ["Permission denied", "out.pdf"]),
        (KeyboardInterrupt(), 130, ["peerreview: "]),
    ],
)
def test_errors_become_a_message_and_an_exit_code(
    capsys: pytest.CaptureFixture[str], exc: BaseException, code: int, expected: list[str]
) -> None:
    args = failing(exc)
    assert run(args.handler, args) == code
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("peerreview: ")
    for text in expected:
        assert text in err
    assert "Traceback" not in err


def test_a_bug_is_not_disguised_as_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    args = failing(ZeroDivisionError("a bug"))
    with pytest.raises(ZeroDivisionError, match="a bug"):
        run(args.handler, args)
    assert capsys.readouterr().err == ""


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    """``peerreview list --json | head -1``: the reader leaves early; no message, no failure."""
    from peerreview_app.services import reviews
    from peerreview_app.services.workbench import Workbench

    db = tmp_path / "x.sqlite3"
    with Workbench.open(str(db), actor="tester") as bench:
        # Far more output than a pipe buffers (64 KiB), so the writer is still writing when the reader leaves.
        reviews.create_reviews(bench, [reviews.NewReview("assessment", "Partnerschap Noord")] * 600)
    process = subprocess.Popen(
        [sys.executable, "-m", "peerreview_app", "--db", str(db), "list", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like head: stop reading after one line
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, stderr
    assert "Broken pipe" not in stderr
