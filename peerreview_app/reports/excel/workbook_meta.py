"""The hidden metadata sheet of a fill-in workbook, and opening a returned workbook safely.

A fill-in workbook carries, on a protected, very hidden sheet, what it was made for (review, member, forms hash,
revision, language), which sheet holds what and, for the fact-check round, which paragraph each row is. Reading
refuses anything that is not such a workbook: other files, macros, a changed metadata sheet, unknown formats.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.text import Language
from peerreview_app.i18n import _
from peerreview_app.reports.errors import ReportInputError
from peerreview_app.reports.excel.styles import cell_at, set_text

META_SHEET = "_peerreview"
FORMAT_VERSION = 1
MEMBER_FORMAT = "peerreview/member-workbook"
FACTCHECK_FORMAT = "peerreview/factcheck-workbook"
_KINDS = {MEMBER_FORMAT: "member", FACTCHECK_FORMAT: "factcheck"}

# Far beyond any fill-in workbook; refuses a "zip bomb" before openpyxl unpacks it.
_MAX_UNPACKED_BYTES = 200 * 1024 * 1024


class WorkbookProblems(ReportInputError):
    """A returned workbook cannot be imported; `problems` lists every reason as "Sheet!C7: what is wrong"."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(_("The workbook cannot be imported:") + "".join(f"\n- {problem}" for problem in self.problems))


@dataclass(frozen=True, slots=True)
class SheetRef:
    """A sheet of the workbook: what it holds (a standard id, or "factcheck") and its title as written."""

    key: str
    title: str


@dataclass(frozen=True, slots=True)
class ParagraphRef:
    """A row of the fact-check sheet: the paragraph reference and a digest of the paragraph text written."""

    target: str
    digest: str


@dataclass(frozen=True)
class WorkbookMeta:
    """What a fill-in workbook says about itself on its metadata sheet."""

    kind: str  # "member" or "factcheck"
    review_id: UUID
    member_id: UUID | None
    form_hash: str
    format_version: int
    created_at: datetime
    revision: int
    member_name: str = ""
    language: Language = Language.NL
    sheets: tuple[SheetRef, ...] = ()
    paragraphs: tuple[ParagraphRef, ...] = ()


def paragraph_digest(text: str) -> str:
    """A short fingerprint of a paragraph as written, to notice when someone edits the locked text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# -- writing --------------------------------------------------------------------------------------------


def write_meta_sheet(workbook: Workbook, rows: list[tuple[str, ...]]) -> Worksheet:
    """Add the metadata sheet: `rows` of (key, value, ...) plus a checksum, protected and very hidden."""
    sheet: Worksheet = workbook.create_sheet(META_SHEET)  # typed Any: a write-only workbook gives another kind
    for row_number, row in enumerate([*rows, ("checksum", _checksum(rows))], start=1):
        for column, value in enumerate(row, start=1):
            set_text(cell_at(sheet, row_number, column), value)
    sheet.sheet_state = "veryHidden"  # LibreOffice saves it back as "hidden"; reading accepts both
    sheet.protection.sheet = True
    return sheet


def _checksum(rows: Iterable[Iterable[str]]) -> str:
    # Not a security measure (anyone can recompute it): it notices a metadata sheet someone edited by hand.
    # Trailing empty cells do not count: they do not survive a round trip through a spreadsheet program.
    trimmed = [_trimmed(tuple(row)) for row in rows]
    canonical = json.dumps([row for row in trimmed if row], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# -- reading --------------------------------------------------------------------------------------------


def open_workbook(data: bytes, file_name: str) -> Workbook:
    """Open a returned workbook (with formulas as written, not their cached results) or raise `WorkbookProblems`."""
    file = _("file")
    if file_name.lower().endswith((".xlsm", ".xltm")):
        raise WorkbookProblems(
            [
                _("{file}: a workbook with macros (.xlsm) is refused; save it as an Excel workbook (.xlsx)").format(
                    file=file
                )
            ]
        )
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise WorkbookProblems(
            [_("{file}: an old Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx)").format(file=file)]
        )
    not_xlsx = _("{file}: not an Excel workbook (.xlsx)").format(file=file)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise WorkbookProblems([not_xlsx]) from None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise WorkbookProblems(
            [
                _(
                    "{file}: the workbook contains macros, which are refused; save it as an Excel workbook (.xlsx)"
                ).format(file=file)
            ]
        )
    if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
        raise WorkbookProblems(
            [_("{file}: an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)").format(file=file)]
        )
    if "xl/workbook.xml" not in names:
        raise WorkbookProblems([not_xlsx])
    if unpacked > _MAX_UNPACKED_BYTES:
        raise WorkbookProblems([_("{file}: the workbook is far too large to be a fill-in workbook").format(file=file)])
    try:
        return load_workbook(io.BytesIO(data), data_only=False, rich_text=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds of errors on damaged files
        raise WorkbookProblems(
            [_("{file}: the workbook is damaged and cannot be read ({reason})").format(file=file, reason=exc)]
        ) from None


def read_workbook_meta(data: bytes, file_name: str) -> WorkbookMeta:
    """What a returned fill-in workbook was made for; `WorkbookProblems` if it is not one we can read."""
    return meta_of(open_workbook(data, file_name))


def meta_of(workbook: Workbook) -> WorkbookMeta:
    """The metadata of an opened workbook; `WorkbookProblems` if it is missing, changed or of an unknown format."""
    file = _("file")
    if META_SHEET not in workbook.sheetnames:
        raise WorkbookProblems(
            [
                _(
                    "{file}: this is not a fill-in workbook of Peer Review Workbench (its hidden sheet {sheet} is "
                    "missing)"
                ).format(file=file, sheet=META_SHEET)
            ]
        )
    rows = [
        tuple("" if value is None else str(value) for value in row)
        for row in workbook[META_SHEET].iter_rows(values_only=True)
    ]
    rows = [tuple(_trimmed(row)) for row in rows if any(row)]
    changed = _("{file}: the hidden sheet {sheet} was changed; ask the secretary for a new workbook").format(
        file=file, sheet=META_SHEET
    )
    if not rows or rows[-1][0] != "checksum" or len(rows[-1]) < 2 or rows[-1][1] != _checksum(rows[:-1]):
        raise WorkbookProblems([changed])
    values: dict[str, str] = {row[0]: row[1] if len(row) > 1 else "" for row in rows[:-1]}
    kind = _KINDS.get(values.get("format", ""))
    if kind is None:
        raise WorkbookProblems(
            [_("{file}: unknown workbook format {format!r}").format(file=file, format=values.get("format", ""))]
        )
    try:
        version = int(values.get("format_version", ""))
    except ValueError:
        raise WorkbookProblems([changed]) from None
    if version != FORMAT_VERSION:
        raise WorkbookProblems(
            [
                _(
                    "{file}: workbook format version {version} is not one this version of the app reads ({known})"
                ).format(file=file, version=version, known=FORMAT_VERSION)
            ]
        )
    try:
        return WorkbookMeta(
            kind=kind,
            review_id=UUID(values["review_id"]),
            member_id=UUID(values["member_id"]) if values.get("member_id") else None,
            form_hash=values["form_hash"],
            format_version=version,
            created_at=datetime.fromisoformat(values["created_at"]),
            revision=int(values["revision"]),
            member_name=values.get("member_name", ""),
            language=Language(values.get("language", Language.NL.value)),
            sheets=tuple(SheetRef(*_pair(row)) for row in rows if row[0] == "sheet"),
            paragraphs=tuple(ParagraphRef(*_pair(row)) for row in rows if row[0] == "paragraph"),
        )
    except (KeyError, ValueError, TypeError):
        raise WorkbookProblems([changed]) from None


def _trimmed(row: tuple[str, ...]) -> list[str]:
    values = list(row)
    while values and values[-1] == "":
        values.pop()
    return values


def _pair(row: tuple[str, ...]) -> tuple[str, str]:
    if len(row) < 3:
        raise ValueError("a sheet or paragraph row needs two values")
    return row[1], row[2]


def cell_ref(sheet: Worksheet | str, coordinate: str) -> str:
    """How a problem names a cell: "Sheet!C7"."""
    title = sheet if isinstance(sheet, str) else sheet.title
    return f"{title}!{coordinate}"


def meta_rows(**values: Any) -> list[tuple[str, ...]]:
    """Key-value rows in a fixed order, for `write_meta_sheet`."""
    return [(key, "" if value is None else str(value)) for key, value in values.items()]
