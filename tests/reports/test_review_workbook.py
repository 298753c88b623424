"""The review workbook, written and read back with openpyxl, and opened by LibreOffice where it is installed."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import zipfile
from datetime import UTC, date, datetime, time
from pathlib import Path
from uuid import UUID

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.documents import Document, DocumentKind
from peerreview_app.domain.kind import FieldType, Scope
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.i18n import translator
from peerreview_app.reports.excel.dropdowns import add_dropdown
from peerreview_app.reports.excel.review_workbook import write_review_workbook
from peerreview_app.reports.excel.styles import cell_at, clean_text, set_text, wrapped_lines

NL = translator(Language.NL)
EN = translator(Language.EN)
SHA = "ab" * 32


def reopen(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def standard_sheet(workbook: Workbook, review: Review, standard_id: str, language: Language) -> Worksheet:
    standard = review.framework.standard(standard_id)
    return workbook[f"{standard.id} {standard.title.get(language)}"]


def header(sheet: Worksheet) -> list[object]:
    return [cell.value for cell in sheet[1]]


def row_of(sheet: Worksheet, first_value: str) -> int:
    """The row whose column A holds `first_value`."""
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == first_value:
            return row
    raise AssertionError(f"{first_value!r} not in column A of {sheet.title}")


def with_document(review: Review, name: str) -> Review:
    changed = copy.deepcopy(review)
    changed.documents.append(
        Document(
            id=UUID(int=7),
            name=name,
            kind=DocumentKind.SELF_REFLECTION,
            media_type="application/pdf",
            size=123_456,
            sha256=SHA,
            added_at=datetime(2026, 9, 1, 8, 30, tzinfo=UTC),
            added_by="Jeroen Bakker",
        )
    )
    return changed


# -- sheets and their names ----------------------------------------------------------------------------------------


def test_a_developmental_workbook_has_dutch_sheets_in_order(developmental_review: Review) -> None:
    workbook = reopen(write_review_workbook(developmental_review))

    assert workbook.sheetnames == [
        "Overzicht",
        "LL De lerende leraar",
        "LO Leeromgeving",
        "OR Organisatie",
        "KC Kwaliteitscultuur",
        "Bezoekprogramma",
        "Ontwikkelvragen",
        "Documenten",
    ]


def test_an_assessment_workbook_has_no_development_questions_sheet(assessment_review: Review) -> None:
    workbook = reopen(write_review_workbook(assessment_review))

    assert "Ontwikkelvragen" not in workbook.sheetnames
    assert workbook.sheetnames[-2:] == ["Bezoekprogramma", "Documenten"]


def test_an_english_export_has_english_sheet_names_headers_and_labels(assessment_review: Review) -> None:
    workbook = reopen(write_review_workbook(assessment_review, language=Language.EN))

    assert workbook.sheetnames[0] == "Overview"
    assert workbook.sheetnames[-2:] == ["Visit programme", "Documents"]
    sheet = standard_sheet(workbook, assessment_review, "LL", Language.EN)
    assert sheet.title == "LL " + assessment_review.framework.standard("LL").title.en
    assert header(sheet)[:6] == ["Criterion", "Title", "Baseline quality", "Judgement", "Motivation", "Observations"]
    assert sheet["D2"].value == "meets"
    assert sheet["B2"].value == assessment_review.framework.criterion("LL-1").title.en
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"meets,does not meet"'
    assert workbook.properties.language == "en-GB"


# -- the standard sheets -------------------------------------------------------------------------------------------


def test_assessment_standard_sheet_holds_judgement_motivation_and_note_counts(assessment_review: Review) -> None:
    workbook = reopen(write_review_workbook(assessment_review))
    sheet = standard_sheet(workbook, assessment_review, "LL", Language.NL)

    assert header(sheet) == [
        "Kenmerk",
        "Titel",
        "Basiskwaliteit",
        "Oordeel",
        "Motivering",
        "Waarnemingen",
        NL("Notes of panel members"),
    ]
    criteria = assessment_review.framework.standard("LL").criteria
    assert sheet.max_row == len(criteria) + 1
    for row, criterion in enumerate(criteria, start=2):
        values = assessment_review.findings[criterion.id].values
        assert sheet.cell(row=row, column=1).value == criterion.id
        assert sheet.cell(row=row, column=3).value == criterion.baseline.nl
        judgement = assessment_review.panel_judgement(criterion.id)
        expected = {"meets": "voldoet", "does_not_meet": "voldoet niet", None: None}[judgement]
        assert sheet.cell(row=row, column=4).value == expected
        assert sheet.cell(row=row, column=5).value == values["motivation"]
        assert sheet.cell(row=row, column=7).value == len(assessment_review.notes_for_criterion(criterion.id))
    assert any(sheet.cell(row=row, column=7).value for row in range(2, sheet.max_row + 1)), "some notes counted"


def test_judgement_columns_have_the_scale_as_a_dropdown(half_filled_review: Review) -> None:
    workbook = reopen(write_review_workbook(half_filled_review))

    for standard in half_filled_review.framework.standards:
        sheet = standard_sheet(workbook, half_filled_review, standard.id, Language.NL)
        validations = sheet.data_validations.dataValidation
        assert len(validations) == 1
        validation = validations[0]
        assert validation.type == "list"
        assert validation.formula1 == '"voldoet,voldoet niet"'
        assert str(validation.sqref) == f"D2:D{len(standard.criteria) + 1}"
        assert validation.showErrorMessage
        assert validation.allow_blank


def test_an_unjudged_criterion_leaves_its_judgement_cell_empty(half_filled_review: Review) -> None:
    workbook = reopen(write_review_workbook(half_filled_review))

    empty = [c.id for c in half_filled_review.framework.criteria() if half_filled_review.panel_judgement(c.id) is None]
    assert empty, "the half-filled review has unjudged criteria"
    criterion = half_filled_review.framework.criterion(empty[0])
    sheet = standard_sheet(workbook, half_filled_review, criterion.standard_id, Language.NL)
    assert sheet.cell(row=row_of(sheet, criterion.id), column=4).value is None


def test_developmental_lists_are_bullet_lines_and_question_links_numbers(developmental_review: Review) -> None:
    workbook = reopen(write_review_workbook(developmental_review))
    kind = developmental_review.forms.kind
    specs = kind.fields_for(Scope.CRITERION)
    numbers = {str(q.id): q.number for q in developmental_review.questions}
    linked = next(
        cid
        for cid, finding in developmental_review.findings.items()
        if finding.values.get("development_questions") and finding.values.get("strengths")
    )
    criterion = developmental_review.framework.criterion(linked)
    sheet = standard_sheet(workbook, developmental_review, criterion.standard_id, Language.NL)
    row = row_of(sheet, linked)
    values = developmental_review.findings[linked].values

    headers = header(sheet)
    assert headers[3:-1] == [spec.label.nl[:1].upper() + spec.label.nl[1:] for spec in specs]
    strengths = sheet.cell(row=row, column=headers.index("Sterke punten") + 1)
    assert strengths.value == "\n".join(f"• {item}" for item in values["strengths"])
    assert strengths.alignment.wrap_text
    links_column = 4 + [s.type for s in specs].index(FieldType.QUESTION_LINKS)
    expected = ", ".join(str(numbers[link]) for link in values["development_questions"])
    assert sheet.cell(row=row, column=links_column).value == expected
    assert sheet.data_validations.dataValidation == []  # developmental reviews have no judgements


def test_table_sheets_are_finished_for_filtering_and_printing(developmental_review: Review) -> None:
    workbook = reopen(write_review_workbook(developmental_review))

    for sheet in workbook.worksheets[1:]:
        columns = len(header(sheet))
        assert sheet.freeze_panes == "A2", sheet.title
        last = chr(ord("A") + columns - 1)
        assert sheet.auto_filter.ref == f"A1:{last}{max(sheet.max_row, 1)}", sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("1F4E79")
        assert all(sheet.column_dimensions[chr(ord("A") + i)].width > 8 for i in range(columns))
    sheet = standard_sheet(workbook, developmental_review, "LL", Language.NL)
    # Long findings get a taller row; neither Excel nor LibreOffice grows it when opening the file.
    assert sheet.row_dimensions[2].height > 3 * 15


# -- overview, programme, questions, documents ---------------------------------------------------------------------


def test_overview_sheet_shows_review_partnership_panel_and_judgements(assessment_review: Review) -> None:
    workbook = reopen(write_review_workbook(assessment_review))
    sheet = workbook["Overzicht"]

    assert sheet["A1"].value == assessment_review.title
    assert sheet.cell(row=row_of(sheet, "Partnerschap"), column=2).value == assessment_review.partnership.name
    assert sheet.cell(row=row_of(sheet, "Erkenningsstatus"), column=2).value == "aspirant"
    assert sheet.cell(row=row_of(sheet, "Fase"), column=2).value == "rapportage"
    assert sheet.cell(row=row_of(sheet, "Herziening"), column=2).value == assessment_review.revision
    visit = sheet.cell(row=row_of(sheet, "Bezoekdagen"), column=2)
    assert visit.value == datetime.combine(assessment_review.visit_dates[0], time())
    assert visit.is_date and visit.number_format == "dd-mm-yyyy"
    for member in assessment_review.members:
        row = row_of(sheet, member.name)
        assert sheet.cell(row=row, column=4).value == (member.email or None)
    chair = next(m for m in assessment_review.members if m.role.value == "chair")
    assert sheet.cell(row=row_of(sheet, chair.name), column=2).value == "voorzitter"
    # The judgements: per standard derived, deviating and effective, then the overall judgement.
    for standard in assessment_review.framework.standards:
        row = row_of(sheet, standard.id)
        effective = assessment_review.standard_judgement(standard.id)
        assert sheet.cell(row=row, column=6).value == {"meets": "voldoet", "does_not_meet": "voldoet niet"}[effective]
    reason, standard_id = next(
        (c.override_reason, sid) for sid, c in assessment_review.standard_conclusions.items() if c.override
    )
    assert sheet.cell(row=row_of(sheet, standard_id), column=5).value == reason
    overall_row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=2).value == "Eindoordeel")
    assert sheet.cell(row=overall_row, column=6).value == "basiskwaliteit voldoende"


def test_overview_sheet_of_a_developmental_review_counts_findings_per_standard(developmental_review: Review) -> None:
    workbook = reopen(write_review_workbook(developmental_review))
    sheet = workbook["Overzicht"]

    header_row = row_of(sheet, "Waarborg")
    assert [sheet.cell(row=header_row, column=c).value for c in range(3, 6)] == [
        "Sterke punten",
        "Ontwikkelpunten",
        "Adviezen",
    ]
    standard = developmental_review.framework.standard("LL")
    expected = sum(len(developmental_review.findings[c.id].values["strengths"]) for c in standard.criteria)
    assert expected > 0
    assert sheet.cell(row=row_of(sheet, "LL"), column=3).value == expected


def test_visit_programme_has_real_dates_and_times(developmental_review: Review) -> None:
    workbook = reopen(write_review_workbook(developmental_review))
    sheet = workbook["Bezoekprogramma"]
    first = developmental_review.conversations[0]

    assert header(sheet)[:4] == ["Dag", "Begintijd", "Eindtijd", "Gesprek"]
    assert sheet.max_row == len(developmental_review.conversations) + 1
    assert sheet["A2"].is_date and sheet["A2"].value == datetime.combine(first.day or date.min, time())
    assert sheet["B2"].value == first.starts_at and sheet["B2"].number_format == "hh:mm"
    assert sheet["D2"].value == first.title
    names = {m.id: m.name for m in developmental_review.members}
    assert sheet["G2"].value == ", ".join(names[m] for m in first.member_ids)
    assert sheet["H2"].value == ", ".join(first.topics)


def test_development_questions_sheet_lists_questions_answers_and_linked_criteria(developmental_review: Review) -> None:
    workbook = reopen(write_review_workbook(developmental_review))
    sheet = workbook["Ontwikkelvragen"]
    question = developmental_review.questions[0]

    assert header(sheet) == [NL("Number"), "Vraag", "Context", "Antwoord van het panel", "Kenmerken"]
    assert sheet["A2"].value == 1
    assert sheet["B2"].value == question.text
    assert sheet["D2"].value == question.values["answer"]
    linked = [
        cid
        for cid, finding in developmental_review.findings.items()
        if str(question.id) in (finding.values.get("development_questions") or ())
    ]
    assert linked and sheet["E2"].value == ", ".join(linked)


def test_documents_sheet_has_size_hash_and_a_local_date_time(developmental_review: Review) -> None:
    review = with_document(developmental_review, "Kritische reflectie.pdf")
    workbook = reopen(write_review_workbook(review))
    sheet = workbook["Documenten"]

    assert header(sheet)[0] == "Naam"
    assert [sheet.cell(row=2, column=c).value for c in (1, 2, 3, 4, 5, 7)] == [
        "Kritische reflectie.pdf",
        "kritische reflectie",
        "application/pdf",
        123_456,
        SHA,
        "Jeroen Bakker",
    ]
    added = sheet["F2"]
    assert added.is_date and added.number_format == "dd-mm-yyyy hh:mm"
    local = datetime(2026, 9, 1, 8, 30, tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert added.value == local


def test_an_empty_documents_sheet_still_has_its_header_and_filter(assessment_review: Review) -> None:
    sheet = reopen(write_review_workbook(assessment_review))["Documenten"]

    assert sheet.max_row == 1 and sheet["A1"].value == "Naam"
    assert sheet.auto_filter.ref == "A1:G1"


def test_document_properties(assessment_review: Review) -> None:
    properties = reopen(write_review_workbook(assessment_review)).properties

    assert properties.title == assessment_review.title
    assert properties.subject == assessment_review.partnership.name
    assert properties.creator == "Peer Review Workbench"
    assert properties.language == "nl-NL"
    assert properties.identifier == str(assessment_review.id)


# -- user text never becomes a formula -----------------------------------------------------------------------------


def test_set_text_keeps_a_formula_like_note_as_text() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    set_text(cell_at(sheet, 1, 1), "=SUM(A1)")
    sheet["A2"] = "=SUM(A1)"  # what a plain assignment does, for contrast
    buffer = io.BytesIO()
    workbook.save(buffer)

    reopened = reopen(buffer.getvalue()).active
    assert reopened is not None
    assert reopened["A1"].value == "=SUM(A1)" and reopened["A1"].data_type == "s"
    assert reopened["A2"].data_type == "f"


def test_formula_like_user_text_stays_text_in_the_review_workbook(assessment_review: Review) -> None:
    review = with_document(copy.deepcopy(assessment_review), '=HYPERLINK("http://example.invalid")')
    review.partnership.name = "=1+1"
    review.findings["LL-1"].values = {**review.findings["LL-1"].values, "motivation": "=SUM(A1)"}
    data = write_review_workbook(review)

    workbook = reopen(data)
    motivation = standard_sheet(workbook, review, "LL", Language.NL)["E2"]
    assert motivation.value == "=SUM(A1)" and motivation.data_type == "s"
    assert workbook["Documenten"]["A2"].data_type == "s"
    overview = workbook["Overzicht"]
    assert overview.cell(row=row_of(overview, "Partnerschap"), column=2).data_type == "s"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in archive.read(name) or b"<f " in archive.read(name) for name in sheets)


def test_control_characters_are_dropped_and_long_text_is_cut_to_excel_limit() -> None:
    assert clean_text("a\x00b\x0bc\td\ne") == "abc\td\ne"
    assert len(clean_text("x" * 40_000)) == 32_767


# -- helpers -------------------------------------------------------------------------------------------------------


def test_a_dropdown_with_a_comma_in_a_value_lists_its_values_on_a_hidden_sheet() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    add_dropdown(
        sheet,
        "B2:B5",
        ["voldoet, met kanttekening", "voldoet niet"],
        error_title="Geen oordeel",
        error_message="Kies een oordeel",
        values_sheet_title="Lijsten",
    )
    buffer = io.BytesIO()
    workbook.save(buffer)

    reopened = reopen(buffer.getvalue())
    lists = reopened["Lijsten"]
    assert lists.sheet_state == "hidden"
    assert [lists["A1"].value, lists["A2"].value] == ["voldoet, met kanttekening", "voldoet niet"]
    validation = reopened.worksheets[0].data_validations.dataValidation[0]
    assert validation.formula1 == "'Lijsten'!$A$1:$A$2"


def test_wrapped_lines_counts_words_that_do_not_fit() -> None:
    assert wrapped_lines("kort", 20) == 1
    assert wrapped_lines("een\ntwee\ndrie", 20) == 3
    assert wrapped_lines("woord " * 30, 20) > 5
    assert wrapped_lines("x" * 100, 10) >= 10


# -- LibreOffice ---------------------------------------------------------------------------------------------------


def convert_to_pdf(source: Path, folder: Path) -> Path:
    """Convert with LibreOffice headless, with a profile of its own so parallel runs do not collide."""
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
def test_libreoffice_opens_and_prints_the_review_workbook(developmental_review: Review, tmp_path: Path) -> None:
    source = tmp_path / "review.xlsx"
    source.write_bytes(write_review_workbook(developmental_review))

    pdf = convert_to_pdf(source, tmp_path)

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert developmental_review.partnership.name in text
    assert "Bezoekprogramma" in text  # the print header of the programme sheet
    assert "LL-1" in text and "Sterke punten" in text
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:")).split()
    assert float(size[2]) > float(size[4]), "pages are landscape"
