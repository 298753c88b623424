"""The fill-in workbook of a panel member: written, filled in as a member would, read back, planned and applied;
and every kind of bad input refused with its sheet and cell, leaving the review as it was."""

from __future__ import annotations

import copy
import dataclasses
import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from openpyxl import Workbook, load_workbook

from peerreview_app import i18n
from peerreview_app.domain.errors import ReviewLockedError
from peerreview_app.domain.member_input import (
    Change,
    MemberInput,
    apply_member_import,
    plan_member_import,
    workbook_note_id,
)
from peerreview_app.domain.partnership import Role
from peerreview_app.domain.records import Note
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.i18n import translator
from peerreview_app.reports.excel.factcheck_workbook import write_factcheck_workbook
from peerreview_app.reports.excel.member_workbook import write_member_workbook
from peerreview_app.reports.excel.styles import INPUT_FILL
from peerreview_app.reports.excel.workbook_import import (
    WorkbookMeta,
    WorkbookProblems,
    read_member_workbook,
    read_workbook_meta,
)
from peerreview_app.reports.excel.workbook_meta import META_SHEET, meta_rows, write_meta_sheet

MADE = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 8, 15, 30, tzinfo=UTC)
LL = "LL De lerende leraar"
LO = "LO Leeromgeving"
ROWS = "rows must not be moved, inserted, deleted or changed"


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """Problems are in the app's language; the tests read the English msgids."""
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("nl")


def panel_member(review: Review, name: str) -> UUID:
    return next(m.id for m in review.members if m.name == name)


def fill(data: bytes, values: dict[tuple[str, str], object], change: Callable[[Workbook], None] | None = None) -> bytes:
    """Open the workbook, type `values` into (sheet, cell), change it further if asked, and save: as a member would."""
    workbook = load_workbook(io.BytesIO(data))
    for (sheet, cell), value in values.items():
        workbook[sheet][cell] = value
    if change is not None:
        change(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def lengthened(data: bytes, marker: str, length: int) -> bytes:
    """Replace `marker` in the saved file by a text of `length` characters: openpyxl itself cuts a cell value to
    32,767 characters when it is assigned, other programs and hand-made files need not."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.endswith(".xml"):
                content = content.replace(marker.encode(), b"x" * length)
            archive.writestr(info, content)
    return target.getvalue()


def read(data: bytes, review: Review, name: str = "notes.xlsx") -> MemberInput:
    return read_member_workbook(data, name, review, read_workbook_meta(data, name))


def problems_of(data: bytes, review: Review, name: str = "notes.xlsx") -> tuple[str, ...]:
    """The problems reading reports; also checks that reading changed nothing in the review."""
    before = copy.deepcopy(review)
    with pytest.raises(WorkbookProblems) as caught:
        read(data, review, name)
    assert review == before
    assert str(caught.value).startswith("The workbook cannot be imported:")
    for problem in caught.value.problems:
        assert f"\n- {problem}" in str(caught.value)
    return caught.value.problems


@pytest.fixture
def assessment(assessment_review: Review) -> Review:
    return copy.deepcopy(assessment_review)


@pytest.fixture
def yusuf(assessment: Review) -> UUID:
    return panel_member(assessment, "Yusuf Demir")


@pytest.fixture
def workbook(assessment: Review, yusuf: UUID) -> bytes:
    return write_member_workbook(assessment, yusuf, created_at=MADE)


# -- writing ---------------------------------------------------------------------------------------------


def test_the_workbook_has_a_sheet_per_standard_with_protected_texts_and_tinted_input_cells(assessment, yusuf, workbook):
    _ = translator(Language.NL)
    book = load_workbook(io.BytesIO(workbook))
    assert book.sheetnames == [_("Instructions"), LL, LO, "OR Organisatie", "KC Kwaliteitscultuur", META_SHEET]
    sheet = book[LL]
    assert sheet.protection.sheet
    assert [sheet.cell(row=5, column=c).value for c in range(1, 7)] == [
        _("Criterion"),
        _("Title"),
        _("Baseline quality"),
        _("Your notes"),
        _("Provisional judgement"),
        _("Motivation"),
    ]
    assert [sheet.cell(row=r, column=1).value for r in range(6, 12)] == [f"LL-{n}" for n in range(1, 7)]
    criterion = assessment.framework.criterion("LL-1")
    assert sheet["B6"].value == criterion.title.nl
    assert sheet["C6"].value == criterion.baseline.nl
    for locked in ("A6", "B6", "C6"):
        assert sheet[locked].protection.locked
    for open_cell in ("D6", "E6", "F6", "D11", "F11"):
        assert not sheet[open_cell].protection.locked
        assert sheet[open_cell].fill.start_color.rgb.endswith(INPUT_FILL.start_color.rgb[-6:])
    # The member's provisional judgements of the demo are filled in, as labels, with their motivation.
    judged = next(j for j in assessment.member_judgements if j.member_id == yusuf and j.criterion_id == "LL-1")
    assert sheet["E6"].value == assessment.forms.kind.criterion_scale().value(judged.judgement).label.nl
    assert sheet["F6"].value == (judged.motivation or None)
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"voldoet,voldoet niet"'
    assert str(validation.sqref) == "E6:E11"
    assert sheet.freeze_panes == "A6"
    assert sheet.print_title_rows == "$5:$5"
    assert sheet["A3"].value == _("Only the tinted cells are for your input; the other cells are protected.")
    meta_sheet = book[META_SHEET]
    assert meta_sheet.sheet_state == "veryHidden"
    assert meta_sheet.protection.sheet
    assert book.security.lockStructure


def test_the_metadata_says_what_the_workbook_was_made_for(assessment, yusuf, workbook):
    meta = read_workbook_meta(workbook, "notes.xlsx")
    assert meta == WorkbookMeta(
        kind="member",
        review_id=assessment.id,
        member_id=yusuf,
        form_hash=assessment.forms.sha256,
        format_version=1,
        created_at=MADE,
        revision=assessment.revision,
        member_name="Yusuf Demir",
        language=Language.NL,
        sheets=meta.sheets,
    )
    assert [(ref.key, ref.title) for ref in meta.sheets] == [
        ("LL", LL),
        ("LO", LO),
        ("OR", "OR Organisatie"),
        ("KC", "KC Kwaliteitscultuur"),
    ]


def test_english_workbook_has_english_labels_and_dropdown(assessment, yusuf):
    data = write_member_workbook(assessment, yusuf, created_at=MADE, language=Language.EN)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "Instructions"
    sheet = book[read_workbook_meta(data, "x.xlsx").sheets[0].title]
    assert sheet["C5"].value == "Baseline quality"
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"meets,does not meet"'
    # English labels read back to the same values: nothing changes.
    assert plan_member_import(assessment, read(data, assessment)) == ()


def test_text_starting_with_an_equals_sign_stays_text_both_ways(assessment, yusuf):
    assessment.add_note(
        Note(workbook_note_id(assessment.id, yusuf, "LL-2"), yusuf, "=SUM(A1:A3) staat er", NOW, ("LL-2",))
    )
    data = write_member_workbook(assessment, yusuf, created_at=MADE)
    cell = load_workbook(io.BytesIO(data))[LL]["D7"]
    assert (cell.value, cell.data_type) == ("=SUM(A1:A3) staat er", "s")
    assert plan_member_import(assessment, read(data, assessment)) == ()


def test_only_panel_members_get_a_workbook(assessment):
    from peerreview_app.domain.errors import InvalidValueError, UnknownReferenceError
    from peerreview_app.domain.partnership import PanelMember

    with pytest.raises(UnknownReferenceError):
        write_member_workbook(assessment, uuid4(), created_at=MADE)
    contact = PanelMember(uuid4(), "Contact", Role.PARTNERSHIP_CONTACT)
    assessment.add_member(contact)
    with pytest.raises(InvalidValueError, match="not on the panel"):
        write_member_workbook(assessment, contact.id, created_at=MADE)


# -- the round trip --------------------------------------------------------------------------------------


def test_fill_read_plan_apply_and_the_same_file_again_changes_nothing(assessment, yusuf, workbook):
    untouched = read(workbook, assessment)
    assert len(untouched.entries) == 24
    assert plan_member_import(assessment, untouched) == ()

    judged = next(j for j in assessment.member_judgements if j.member_id == yusuf and j.criterion_id == "LO-2")
    filled = fill(
        workbook,
        {
            (LL, "D6"): "Visie breed gedragen;\nmbo schreef mee.  ",
            (LL, "D8"): "Geen gegevens over uitstroom gezien.",
            (LO, "E7"): "voldoet niet",
            (LO, "F7"): "Begeleiding op afstand is niet geregeld.",
        },
    )
    data = read(filled, assessment)
    assert data.review_id == assessment.id and data.member_id == yusuf
    entry = next(e for e in data.entries if e.criterion_id == "LL-1")
    assert (entry.notes, entry.cell) == ("Visie breed gedragen;\nmbo schreef mee.", f"{LL}!D6")
    assert next(e for e in data.entries if e.criterion_id == "LO-2").judgement == "does_not_meet"

    expected = (
        Change("note", "LL-1", "", "Visie breed gedragen;\nmbo schreef mee."),
        Change("note", "LL-3", "", "Geen gegevens over uitstroom gezien."),
        Change("judgement", "LO-2", "voldoet", "voldoet niet"),
        Change("motivation", "LO-2", judged.motivation, "Begeleiding op afstand is niet geregeld."),
    )
    assert judged.judgement == "meets"
    assert plan_member_import(assessment, data) == expected
    notes_before = len(assessment.notes)
    assert apply_member_import(assessment, data, now=NOW) == expected

    note = assessment.note(workbook_note_id(assessment.id, yusuf, "LL-1"))
    assert (note.author_id, note.text, note.criterion_ids, note.created_at) == (
        yusuf,
        "Visie breed gedragen;\nmbo schreef mee.",
        ("LL-1",),
        NOW,
    )
    assert len(assessment.notes) == notes_before + 2
    assert (judged.judgement, judged.motivation) == ("does_not_meet", "Begeleiding op afstand is niet geregeld.")

    # The same file again changes nothing, also when applied.
    assert plan_member_import(assessment, read(filled, assessment)) == ()
    assert apply_member_import(assessment, read(filled, assessment), now=NOW) == ()
    assert len(assessment.notes) == notes_before + 2

    # A new workbook shows the imported notes; a newer file from the member shows what changes.
    again = write_member_workbook(assessment, yusuf, created_at=NOW)
    assert load_workbook(io.BytesIO(again))[LL]["D6"].value == "Visie breed gedragen;\nmbo schreef mee."
    assert plan_member_import(assessment, read(again, assessment)) == ()
    newer = fill(again, {(LL, "D6"): "Visie breed gedragen.", (LL, "D8"): None, (LO, "E7"): None, (LO, "F7"): ""})
    assert plan_member_import(assessment, read(newer, assessment)) == (
        Change("note", "LL-1", "Visie breed gedragen;\nmbo schreef mee.", "Visie breed gedragen."),
        Change("note", "LL-3", "Geen gegevens over uitstroom gezien.", ""),
        Change("judgement", "LO-2", "voldoet niet", ""),
        Change("motivation", "LO-2", "Begeleiding op afstand is niet geregeld.", ""),
    )
    apply_member_import(assessment, read(newer, assessment), now=NOW)
    assert workbook_note_id(assessment.id, yusuf, "LL-3") not in {n.id for n in assessment.notes}  # emptied: gone
    assert (judged.judgement, judged.motivation) == (None, "")
    assert plan_member_import(assessment, read(newer, assessment)) == ()


def test_developmental_workbook_has_notes_only(developmental_review):
    review = copy.deepcopy(developmental_review)
    fatima = panel_member(review, "Fatima el Amrani")
    data = write_member_workbook(review, fatima, created_at=MADE)
    sheet = load_workbook(io.BytesIO(data))[LL]
    assert sheet.max_column == 4
    assert not sheet.data_validations.dataValidation
    filled = fill(data, {(LL, "D11"): "Inductie: geen overdracht van het ontwikkelplan."})
    changes = apply_member_import(review, read(filled, review), now=NOW)
    assert changes == (Change("note", "LL-6", "", "Inductie: geen overdracht van het ontwikkelplan."),)
    assert review.note(workbook_note_id(review.id, fatima, "LL-6")).text.startswith("Inductie")
    assert plan_member_import(review, read(filled, review)) == ()


def test_reordered_sheets_are_fine(assessment, workbook):
    def reorder(book: Workbook) -> None:
        book.move_sheet(LO, offset=-2)
        book.move_sheet("KC Kwaliteitscultuur", offset=-3)

    filled = fill(workbook, {(LO, "D6"): "Goede begeleiding."}, reorder)
    assert load_workbook(io.BytesIO(filled)).sheetnames[:2] == [LO, "KC Kwaliteitscultuur"]
    assert plan_member_import(assessment, read(filled, assessment)) == (
        Change("note", "LO-1", "", "Goede begeleiding."),
    )


def test_an_adopted_review_accepts_nothing(adopted_review):
    review = copy.deepcopy(adopted_review)
    ruud = panel_member(review, "Ruud Kok")
    filled = fill(write_member_workbook(review, ruud, created_at=MADE), {(LL, "D6"): "Te laat."})
    data = read(filled, review)  # reading is fine: it changes nothing
    before = copy.deepcopy(review)
    with pytest.raises(ReviewLockedError):
        apply_member_import(review, data, now=NOW)
    assert review == before


# -- bad input -------------------------------------------------------------------------------------------

NOT_XLSX = "file: not an Excel workbook (.xlsx)"


def test_random_bytes(assessment):
    assert problems_of(bytes(range(256)) * 40, assessment) == (NOT_XLSX,)


def test_a_csv_renamed_to_xlsx(assessment):
    assert problems_of(b"criterion;notes\nLL-1;Visie\n", assessment) == (NOT_XLSX,)


def test_an_xlsm_name_is_refused(assessment, workbook):
    assert problems_of(workbook, assessment, "notes.xlsm") == (
        "file: a workbook with macros (.xlsm) is refused; save it as an Excel workbook (.xlsx)",
    )


def test_a_workbook_with_macros_inside_is_refused(assessment, workbook):
    buffer = io.BytesIO(workbook)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    assert problems_of(buffer.getvalue(), assessment) == (
        "file: the workbook contains macros, which are refused; save it as an Excel workbook (.xlsx)",
    )


def test_an_ordinary_workbook_is_not_a_fill_in_workbook(assessment):
    buffer = io.BytesIO()
    Workbook().save(buffer)
    assert problems_of(buffer.getvalue(), assessment) == (
        "file: this is not a fill-in workbook of Peer Review Workbench (its hidden sheet _peerreview is missing)",
    )


def metadata_only(**values: str) -> bytes:
    book = Workbook()
    write_meta_sheet(book, meta_rows(**values))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_unknown_formats_and_versions(assessment):
    newer = metadata_only(format="peerreview/member-workbook", format_version="2")
    assert problems_of(newer, assessment) == (
        "file: workbook format version 2 is not one this version of the app reads (1)",
    )
    assert problems_of(metadata_only(format="peerreview/other", format_version="1"), assessment) == (
        "file: unknown workbook format 'peerreview/other'",
    )


def test_old_excel_and_opendocument_files_are_named(assessment):
    assert problems_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), assessment, "notes.xls") == (
        "file: an old Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx)",
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert problems_of(buffer.getvalue(), assessment, "notes.xlsx") == (
        "file: an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)",
    )


def test_a_changed_metadata_sheet(assessment, workbook):
    def tamper(book: Workbook) -> None:
        row = next(row for row in book[META_SHEET].iter_rows() if row[0].value == "revision")
        row[1].value = "2"

    assert problems_of(fill(workbook, {}, tamper), assessment) == (
        "file: the hidden sheet _peerreview was changed; ask the secretary for a new workbook",
    )


def test_a_workbook_of_another_review(assessment, workbook):
    other = copy.deepcopy(assessment)
    other.id = uuid4()
    assert problems_of(workbook, other) == (
        f"file: this workbook was made for another review (id {assessment.id}), not for '{other.title}'",
    )


def test_a_member_who_is_not_in_the_review(assessment, yusuf, workbook):
    assessment.members = [m for m in assessment.members if m.id != yusuf]
    assert problems_of(workbook, assessment) == (
        "file: the panel member of this workbook, Yusuf Demir, is not in this review",
    )


def test_the_forms_changed_since_the_workbook_was_made(assessment, workbook):
    assessment.forms = dataclasses.replace(assessment.forms, sha256="0" * 64)
    assert problems_of(workbook, assessment) == (
        "file: the forms of the review changed since the workbook was made; ask the secretary for a new workbook",
    )


def test_a_fact_check_workbook_is_not_a_member_workbook(assessment):
    data = write_factcheck_workbook(assessment, created_at=MADE)
    assert problems_of(data, assessment) == ("file: this is a fact-check workbook, not a panel member's workbook",)


MISSING_LO = (
    f"file: the sheet '{LO}' is missing; sheets are found by the name they were given, so a renamed or deleted "
    "sheet cannot be read (give it back its name, or ask for a new workbook)"
)


def test_a_deleted_sheet(assessment, workbook):
    assert problems_of(fill(workbook, {}, lambda book: book.remove(book[LO])), assessment) == (MISSING_LO,)


def test_a_renamed_sheet_is_missing(assessment, workbook):
    def rename(book: Workbook) -> None:
        book[LO].title = "Leeromgeving"

    assert problems_of(fill(workbook, {}, rename), assessment) == (MISSING_LO,)


def test_a_changed_criterion_id(assessment, workbook):
    assert problems_of(fill(workbook, {(LL, "A6"): "LL-9"}), assessment) == (
        f"{LL}!A6: 'LL-9' is not a criterion of this review; expected LL-1 ({ROWS})",
    )


def test_moved_rows(assessment, workbook):
    def swap(book: Workbook) -> None:
        sheet = book[LL]
        for column in "ABCDEF":
            sheet[f"{column}6"], sheet[f"{column}7"] = sheet[f"{column}7"].value, sheet[f"{column}6"].value

    assert problems_of(fill(workbook, {}, swap), assessment) == (
        f"{LL}!A6: expected criterion LL-1 in this row, found 'LL-2'; {ROWS}",
        f"{LL}!A7: expected criterion LL-2 in this row, found 'LL-1'; {ROWS}",
    )


def test_a_value_not_in_the_dropdown(assessment, workbook):
    assert problems_of(fill(workbook, {(LL, "E7"): "voldoet half"}), assessment) == (
        f"{LL}!E7: 'voldoet half' is not one of voldoet, voldoet niet",
    )


def test_a_40000_character_cell(assessment, workbook):
    filled = lengthened(fill(workbook, {(LL, "D6"): "LONG-TEXT"}), "LONG-TEXT", 40_000)
    assert problems_of(filled, assessment) == (f"{LL}!D6: 40,000 characters; a cell holds at most 32,767",)


def test_a_formula_in_an_input_cell(assessment, workbook):
    assert problems_of(fill(workbook, {(LO, "F8"): "=A8&B8"}), assessment) == (
        f"{LO}!F8: a formula; type the text itself (formulas are not imported)",
    )


def test_merged_input_cells(assessment, workbook):
    assert problems_of(fill(workbook, {}, lambda book: book[LL].merge_cells("D6:D7")), assessment) == (
        f"{LL}!D6:D7: merged cells in the input area; unmerge them",
    )


def test_a_date_or_a_number_in_a_notes_cell(assessment, workbook):
    filled = fill(workbook, {(LL, "D6"): datetime(2026, 3, 1), (LL, "D7"): 12, (LL, "F8"): True})
    assert problems_of(filled, assessment) == (
        f"{LL}!D6: a date where text was expected; type it as text",
        f"{LL}!D7: a number where text was expected; type it as text",
        f"{LL}!F8: TRUE or FALSE where text was expected; type it as text",
    )


def test_a_workbook_with_several_problems_lists_them_all(assessment, yusuf, workbook):
    assessment.members = [m for m in assessment.members if m.id != yusuf]

    def damage(book: Workbook) -> None:
        book.remove(book[LO])
        book["OR Organisatie"].merge_cells("E9:F9")

    filled = fill(
        workbook,
        {
            (LL, "E6"): "voldoet half",
            (LL, "D11"): "=1+1",
            (LL, "A8"): "LL-2",
            ("KC Kwaliteitscultuur", "D6"): "LONG-TEXT",
        },
        damage,
    )
    filled = lengthened(filled, "LONG-TEXT", 33_000)
    assert problems_of(filled, assessment) == (
        "file: the panel member of this workbook, Yusuf Demir, is not in this review",
        f"{LL}!E6: 'voldoet half' is not one of voldoet, voldoet niet",
        f"{LL}!A8: expected criterion LL-3 in this row, found 'LL-2'; {ROWS}",
        f"{LL}!D11: a formula; type the text itself (formulas are not imported)",
        MISSING_LO,
        "OR Organisatie!E9:F9: merged cells in the input area; unmerge them",
        "KC Kwaliteitscultuur!D6: 33,000 characters; a cell holds at most 32,767",
    )


# -- LibreOffice -----------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_workbook_and_saves_it_back_importable(assessment, yusuf, workbook, tmp_path: Path):
    filled = fill(workbook, {(LL, "D6"): "Opgeslagen met LibreOffice.", (LO, "E7"): "voldoet niet"})
    source = tmp_path / "notes.xlsx"
    source.write_bytes(filled)
    for target, folder in (("pdf", "pdf"), ("xlsx", "saved")):
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path / folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    pdf = tmp_path / "pdf" / "notes.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "Opgeslagen met LibreOffice." in text
    assert assessment.framework.criterion("LL-1").id in text
    assert "_peerreview" not in text and str(assessment.id) not in text  # the metadata sheet is not printed

    saved = (tmp_path / "saved" / "notes.xlsx").read_bytes()
    meta = read_workbook_meta(saved, "notes.xlsx")
    assert meta == read_workbook_meta(filled, "notes.xlsx")
    assert plan_member_import(assessment, read(saved, assessment)) == plan_member_import(
        assessment, read(filled, assessment)
    )
    assert [c.what for c in plan_member_import(assessment, read(saved, assessment))] == ["note", "judgement"]
