"""Excel from the command line: exports reopen, fill-in workbooks round-trip, and bad input changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from peerreview_app.cli import main
from peerreview_app.reports.excel.member_workbook import FIRST_ROW, JUDGEMENT_COLUMN, NOTES_COLUMN
from peerreview_app.services.demo import ASSESSMENT_ID, HALF_FILLED_ID

MEMBER = "Noor Hendriks"  # a panel member of the half-filled demo review


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def database_state(db: Path) -> str:
    """A digest of every row of every table: equal digests mean the database did not change."""
    connection = sqlite3.connect(db)
    try:
        digest = hashlib.sha256()
        for line in connection.iterdump():
            digest.update(line.encode())
        return digest.hexdigest()
    finally:
        connection.close()


def member_workbook(capsys: pytest.CaptureFixture[str], db: Path, target: Path) -> Path:
    code, _, err = run(capsys, "--db", str(db), "member-workbook", str(HALF_FILLED_ID), "--member", MEMBER,
                       "-o", str(target))  # fmt: skip
    assert code == 0, err
    return target


def first_sheet(book: openpyxl.Workbook) -> openpyxl.worksheet.worksheet.Worksheet:
    """The first waarborg sheet: its header row starts with the column "Kenmerk"."""
    return next(ws for ws in book.worksheets if ws.cell(FIRST_ROW - 1, 1).value == "Kenmerk")


def test_review_and_overview_exports_reopen(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    review_file, overview_file = tmp_path / "review.xlsx", tmp_path / "overzicht.xlsx"
    assert run(capsys, "--db", str(demo_db), "export-xlsx", str(ASSESSMENT_ID), "-o", str(review_file))[0] == 0
    book = openpyxl.load_workbook(review_file)
    assert book.sheetnames[0] == "Overzicht"
    assert "Bezoekprogramma" in book.sheetnames

    code, out, err = run(capsys, "--db", str(demo_db), "export-xlsx", "--all", "--kind", "assessment",
                         "-o", str(overview_file))  # fmt: skip
    assert code == 0, err
    assert "2" in out
    overview = openpyxl.load_workbook(overview_file, read_only=True)
    rows = list(overview.worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + 2 * 24  # header + two assessment reviews × 24 criteria
    assert len(list(overview.worksheets[1].iter_rows(values_only=True))) == 1 + 2


def test_member_workbook_round_trip_is_idempotent(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = member_workbook(capsys, demo_db, tmp_path / "noor.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = first_sheet(book)
    sheet.cell(FIRST_ROW, NOTES_COLUMN).value = "Begeleiding op de werkplek is sterk; weinig tijd voor intervisie."
    sheet.cell(FIRST_ROW, JUDGEMENT_COLUMN).value = "voldoet"
    book.save(path)

    before = database_state(demo_db)
    code, out, err = run(capsys, "--db", str(demo_db), "import-workbook", str(path), "--dry-run")
    assert code == 0, err
    assert database_state(demo_db) == before  # a preview changes nothing
    code, out, err = run(capsys, "--db", str(demo_db), "import-workbook", str(path))
    assert code == 0, err
    assert "2" in out
    after = database_state(demo_db)
    assert after != before
    code, out, err = run(capsys, "--db", str(demo_db), "import-workbook", str(path))
    assert code == 0, err
    assert database_state(demo_db) == after  # the same file again changes nothing


def _set(row: int, column: int, value: object) -> Callable[[openpyxl.Workbook], None]:
    def change(book: openpyxl.Workbook) -> None:
        first_sheet(book).cell(row, column).value = value

    return change


def _merge(book: openpyxl.Workbook) -> None:
    first_sheet(book).merge_cells(start_row=FIRST_ROW, start_column=NOTES_COLUMN, end_row=FIRST_ROW + 1,
                                  end_column=NOTES_COLUMN)  # fmt: skip


def _delete_sheet(book: openpyxl.Workbook) -> None:
    book.remove(first_sheet(book))


BAD_WORKBOOKS: dict[str, tuple[Callable[[openpyxl.Workbook], None], str]] = {
    "a value not in the dropdown": (_set(FIRST_ROW, JUDGEMENT_COLUMN, "voldoet half"), "'voldoet half'"),
    "a formula": (_set(FIRST_ROW, NOTES_COLUMN, "=1+1"), "formula"),
    "a date in a text cell": (_set(FIRST_ROW, NOTES_COLUMN, datetime(2026, 3, 12)), "date"),
    "merged input cells": (_merge, "merged"),
    "a deleted sheet": (_delete_sheet, "missing"),
}


@pytest.mark.parametrize("case", sorted(BAD_WORKBOOKS))
def test_a_bad_workbook_names_the_problem_and_changes_nothing(
    case: str, demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, expected = BAD_WORKBOOKS[case]
    path = member_workbook(capsys, demo_db, tmp_path / "noor.xlsx")
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    before = database_state(demo_db)
    code, out, err = run(capsys, "--lang", "en", "--db", str(demo_db), "import-workbook", str(path))
    assert code == 2
    assert "nothing was changed" in err
    assert expected in out
    assert "!" in out or case == "a deleted sheet"  # problems name the sheet and the cell
    assert database_state(demo_db) == before


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("random.xlsx", bytes(range(256)) * 8, "not an Excel workbook"),
        ("table.xlsx", b"criterion;notes\nLL-1;goed\n", "not an Excel workbook"),
        ("macros.xlsm", b"PK\x03\x04", ".xlsm"),
    ],
)
def test_files_that_are_not_our_workbooks_change_nothing(  # noqa: PLR0917 - parametrised, plus fixtures
    name: str, content: bytes, expected: str, demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = database_state(demo_db)
    code, out, err = run(capsys, "--lang", "en", "--db", str(demo_db), "import-workbook", str(path))
    assert code == 2
    assert expected in out + err
    assert database_state(demo_db) == before


def test_a_workbook_still_open_elsewhere_is_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = member_workbook(capsys, demo_db, tmp_path / "noor.xlsx")
    (tmp_path / ".~lock.noor.xlsx#").write_text("LibreOffice lock", encoding="utf-8")
    before = database_state(demo_db)
    code, _, err = run(capsys, "--lang", "en", "--db", str(demo_db), "import-workbook", str(path))
    assert code == 2
    assert "still open" in err
    assert database_state(demo_db) == before


def test_factcheck_round_end_to_end(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from peerreview_app.reports.excel.factcheck_workbook import COMMENT_COLUMN, FIRST_ROW as FC_FIRST

    path = tmp_path / "feitencheck.xlsx"
    code, _, err = run(capsys, "--db", str(demo_db), "factcheck-workbook", str(ASSESSMENT_ID), "-o", str(path))
    assert code == 0, err
    book = openpyxl.load_workbook(path)
    sheet = next(ws for ws in book.worksheets if "/" in str(ws.cell(FC_FIRST, 1).value))  # paragraph references
    sheet.cell(FC_FIRST, COMMENT_COLUMN).value = "Het aantal werkplekken is 42, niet 24."
    sheet.cell(FC_FIRST + 1, COMMENT_COLUMN).value = "De naam van de school is Heidezoom College."
    book.save(path)
    code, out, err = run(capsys, "--db", str(demo_db), "import-workbook", str(path))
    assert code == 0, err

    code, out, _ = run(capsys, "--db", str(demo_db), "factcheck", str(ASSESSMENT_ID))
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
    assert len(ids) == 2
    code, _, err = run(capsys, "--lang", "en", "--db", str(demo_db), "factcheck", str(ASSESSMENT_ID),
                       "--comment", ids[1], "--reject")  # fmt: skip
    assert code == 1 and "reply" in err  # a rejection needs a reply
    assert run(capsys, "--db", str(demo_db), "factcheck", str(ASSESSMENT_ID), "--comment", ids[0], "--accept")[0] == 0
    reply = "De tekst noemt het aantal opleidingsscholen, niet werkplekken."
    code, _, err = run(capsys, "--db", str(demo_db), "factcheck", str(ASSESSMENT_ID), "--comment", ids[1],
                       "--reject", "--reply", reply)  # fmt: skip
    assert code == 0, err

    report = tmp_path / "rapport.pdf"
    assert run(capsys, "--db", str(demo_db), "export-pdf", str(ASSESSMENT_ID), "-o", str(report))[0] == 0
    import subprocess

    text = subprocess.run(["pdftotext", str(report), "-"], capture_output=True, text=True, check=True).stdout
    assert "Heidezoom College" in text  # the annex lists the comments and decisions


def test_a_40000_character_cell_is_refused_and_changes_nothing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import zipfile

    path = member_workbook(capsys, demo_db, tmp_path / "noor.xlsx")
    book = openpyxl.load_workbook(path)
    first_sheet(book).cell(FIRST_ROW, NOTES_COLUMN).value = "LONG-TEXT-MARKER"
    book.save(path)
    # openpyxl cuts values to Excel's limit when they are assigned; another program's file need not.
    source, target = zipfile.ZipFile(path), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info.filename).replace(b"LONG-TEXT-MARKER", b"x" * 40_000)
            archive.writestr(info, content)
    path.write_bytes(target.getvalue())
    before = database_state(demo_db)
    code, out, _ = run(capsys, "--lang", "en", "--db", str(demo_db), "import-workbook", str(path))
    assert code == 2
    assert "!D6: 40,000 characters" in out
    assert database_state(demo_db) == before


def test_a_workbook_of_a_review_in_another_database_is_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = member_workbook(capsys, demo_db, tmp_path / "noor.xlsx")
    other = tmp_path / "other.sqlite3"
    assert run(capsys, "--db", str(other), "list")[0] == 0  # an empty database of its own
    before = database_state(other)
    code, _, err = run(capsys, "--lang", "en", "--db", str(other), "import-workbook", str(path))
    assert code == 2
    assert "is not in this database" in err
    assert database_state(other) == before
