"""The cross-review overview workbook: written in write-only mode, read back, and opened by LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
import tracemalloc
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID

import pytest
from openpyxl import Workbook, load_workbook

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import OverviewReview, OverviewRow
from peerreview_app.domain.partnership import Sector
from peerreview_app.domain.text import Language
from peerreview_app.i18n import translator
from peerreview_app.reports.excel.overview import CRITERIA_TABLE, REVIEWS_TABLE, write_overview_workbook

NL = translator(Language.NL)
NL_REVIEWS = "Peer reviews"  # the Dutch sheet name
GENERATED_AT = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
STANDARDS = (("LL", "De lerende leraar"), ("LO", "Leeromgeving"), ("OR", "Organisatie"), ("KC", "Kwaliteitscultuur"))


def make_review(number: int) -> OverviewReview:
    assessment = number % 2 == 0
    return OverviewReview(
        id=UUID(int=number + 1),
        title=f"Peer review {number}",
        partnership=f"Partnerschap {number % 7}",
        sectors=(Sector.PO, Sector.VO),
        kind=ReviewKind.ASSESSMENT if assessment else ReviewKind.DEVELOPMENTAL,
        kind_label="beoordelingsgerichte peer review" if assessment else "ontwikkelingsgerichte peer review",
        visit_date=None if number % 10 == 9 else date(2026, 1 + number % 12, 1 + number % 28),
        phase_label="rapportage",
        revision=1,
        framework="Kwaliteitskader Samen Opleiden & Inductie, versie 2021.1",
        overall_judgement="basiskwaliteit voldoende" if assessment else "",
        criteria=24,
        judged=24 if assessment else 18,
        strengths=0 if assessment else 12,
        development_points=0 if assessment else 9,
    )


def make_rows(review: OverviewReview) -> Iterator[OverviewRow]:
    assessment = review.kind is ReviewKind.ASSESSMENT
    for standard_id, standard_title in STANDARDS:
        for index in range(1, 7):
            yield OverviewRow(
                review=review,
                standard_id=standard_id,
                standard_title=standard_title,
                criterion_id=f"{standard_id}-{index}",
                criterion_title=f"Kenmerk {index}",
                judgement=("voldoet" if index != 3 else "voldoet niet") if assessment else "",
                strengths=0 if assessment else index % 3,
                development_points=0 if assessment else 1,
            )


def overview(count: int, language: Language = Language.NL) -> bytes:
    reviews = [make_review(number) for number in range(count)]
    rows = (row for review in reviews for row in make_rows(review))  # a generator: read once, as a query would be
    return write_overview_workbook(rows, iter(reviews), language=language, generated_at=GENERATED_AT)


@pytest.fixture(scope="module")
def fifty() -> bytes:
    return overview(50)


def test_one_row_per_review_and_criterion_as_a_table(fifty: bytes) -> None:
    workbook = load_workbook(io.BytesIO(fifty), read_only=True)
    sheet = workbook["Kenmerken"]
    rows = list(sheet.iter_rows(values_only=True))

    assert workbook.sheetnames == ["Kenmerken", "Peer reviews"]
    assert len(rows) == 1 + 50 * 24
    assert rows[0] == (
        "Review-id",
        "Peer review",
        "Partnerschap",
        "Sectoren",
        "Soort",
        "Bezoekdatum",
        "Fase",
        "Waarborg",
        "Kenmerk",
        "Oordeel",
        NL("Strengths"),
        NL("Development points"),
    )
    first = rows[1]
    assert first[:5] == (
        str(UUID(int=1)),
        "Peer review 0",
        "Partnerschap 0",
        "PO, VO",
        "beoordelingsgerichte peer review",
    )
    assert first[6:] == ("rapportage", "LL De lerende leraar", "LL-1 Kenmerk 1", "voldoet", 0, 0)
    assert rows[3][9] == "voldoet niet"
    developmental = rows[1 + 24 + 2]  # review 1, LL-3
    assert developmental[1] == "Peer review 1" and developmental[9] is None and developmental[10:] == (0, 1)


def test_visit_dates_are_real_dates_with_a_date_format(fifty: bytes) -> None:
    sheet = load_workbook(io.BytesIO(fifty))["Kenmerken"]

    cell = sheet["F2"]
    assert cell.is_date and cell.number_format == "dd-mm-yyyy"
    assert cell.value == datetime(2026, 1, 1)  # Excel has no date-only values; openpyxl reads them as midnight
    assert {sheet.cell(row=row, column=6).value for row in range(26, 50)} == {datetime(2026, 2, 2)}  # all of review 1
    assert all(sheet.cell(row=row, column=6).is_date for row in range(2, 50))
    # Review 9 has no visit date yet: an empty cell, not "None" or a zero date.
    assert sheet.cell(row=2 + 9 * 24, column=6).value is None


def test_both_sheets_are_tables_with_the_right_range_frozen_header_and_widths(fifty: bytes) -> None:
    workbook = load_workbook(io.BytesIO(fifty))
    criteria, reviews = workbook["Kenmerken"], workbook[NL_REVIEWS]

    assert dict(criteria.tables.items()) == {CRITERIA_TABLE: "A1:L1201"}
    assert dict(reviews.tables.items()) == {REVIEWS_TABLE: "A1:N51"}
    for sheet in (criteria, reviews):
        table = next(iter(sheet.tables.values()))
        headers = [cell.value for cell in sheet[1]]
        assert [column.name for column in table.tableColumns] == headers  # else Excel "repairs" the file
        assert table.autoFilter is not None and table.autoFilter.ref == table.ref
        assert table.tableStyleInfo is not None and table.tableStyleInfo.showRowStripes
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("1F4E79")
        assert sheet.column_dimensions["B"].width == 40
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows == "$1:$1"


def test_reviews_sheet_has_one_row_per_review(fifty: bytes) -> None:
    sheet = load_workbook(io.BytesIO(fifty), read_only=True)[NL_REVIEWS]
    rows = list(sheet.iter_rows(values_only=True))

    assert len(rows) == 51
    assert rows[0][7:] == (
        "Herziening",
        "Kader",
        "Eindoordeel",
        "Kenmerken",
        NL("Criteria filled in"),
        NL("Strengths"),
        NL("Development points"),
    )
    assert rows[1][7:] == (1, "Kwaliteitskader Samen Opleiden & Inductie, versie 2021.1", "basiskwaliteit voldoende",
                           24, 24, 0, 0)  # fmt: skip
    assert rows[2][9] is None and rows[2][12:] == (12, 9)
    assert rows[1][5] == datetime(2026, 1, 1)


def test_english_overview() -> None:
    workbook = load_workbook(io.BytesIO(overview(2, Language.EN)), read_only=True)

    assert workbook.sheetnames == ["Criteria", "Reviews"]
    header = next(workbook["Criteria"].iter_rows(values_only=True))
    assert header[:3] == ("Review id", "Review", "Partnership") and header[-1] == "Development points"
    assert workbook.properties.language == "en-GB"


def test_document_properties(fifty: bytes) -> None:
    properties = load_workbook(io.BytesIO(fifty), read_only=True).properties

    assert properties.creator == "Peer Review Workbench"
    assert properties.language == "nl-NL"
    assert properties.created == datetime(2026, 11, 26, 9, 30)


def test_no_reviews_gives_tables_with_one_empty_row() -> None:
    workbook = load_workbook(io.BytesIO(overview(0)))

    assert dict(workbook["Kenmerken"].tables.items()) == {CRITERIA_TABLE: "A1:L2"}
    assert dict(workbook[NL_REVIEWS].tables.items()) == {REVIEWS_TABLE: "A1:N2"}
    assert workbook["Kenmerken"].max_row == 1


def test_formula_like_titles_stay_text_on_every_row() -> None:
    review = make_review(0)
    review = OverviewReview(**{**{f: getattr(review, f) for f in review.__slots__}, "title": "=SUM(A1)"})
    rows = list(make_rows(review))
    data = write_overview_workbook(rows, [review], language=Language.NL, generated_at=GENERATED_AT)

    sheet = load_workbook(io.BytesIO(data))["Kenmerken"]
    assert [sheet.cell(row=row, column=2).value for row in range(2, 26)] == ["=SUM(A1)"] * 24
    assert {sheet.cell(row=row, column=2).data_type for row in range(2, 26)} == {"s"}
    # The next cell in each row is the partnership, not the formula-like title carried along.
    assert {sheet.cell(row=row, column=3).value for row in range(2, 26)} == {"Partnerschap 0"}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not any(b"<f>" in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))


def test_rows_are_streamed_not_held_as_cells() -> None:
    """Memory at the peak grows far slower than the number of rows: 10× the rows, much less than 10× the memory."""

    def peak(count: int) -> int:
        reviews = [make_review(number) for number in range(count)]
        tracemalloc.start()
        try:
            rows = (row for review in reviews for row in make_rows(review))
            write_overview_workbook(rows, iter(reviews), language=Language.NL, generated_at=GENERATED_AT)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(20), peak(200)
    # What does grow: the finished file in memory (bytes, not cells) and the reviews of the second sheet.
    assert large < 4 * small, (small, large)


# -- LibreOffice ---------------------------------------------------------------------------------------------------


def convert_to_pdf(source: Path, folder: Path) -> Path:
    profile = folder / "lo-profile"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = folder / (source.stem + ".pdf")
    assert pdf.exists(), "LibreOffice wrote no PDF"
    return pdf


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_and_prints_the_overview(tmp_path: Path) -> None:
    source = tmp_path / "overview.xlsx"
    source.write_bytes(overview(5))

    pdf = convert_to_pdf(source, tmp_path)

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "LL-1 Kenmerk 1" in text and "Peer review 4" in text
    assert "Bezoekdatum" in text and "01-01-2026" in text  # the date as a date, in the Dutch format


def test_a_round_trip_through_openpyxl_keeps_the_tables(fifty: bytes, tmp_path: Path) -> None:
    """Opened and saved again by openpyxl (normal mode), the tables and values survive."""
    workbook: Workbook = load_workbook(io.BytesIO(fifty))
    path = tmp_path / "again.xlsx"
    workbook.save(path)

    again = load_workbook(path)
    assert dict(again["Kenmerken"].tables.items()) == {CRITERIA_TABLE: "A1:L1201"}
    assert again["Kenmerken"]["I2"].value == "LL-1 Kenmerk 1"
