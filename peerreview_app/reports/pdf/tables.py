"""One table look for the whole report: a tinted header row, thin rules, no boxes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from peerreview_app.reports.fonts import FONTS
from peerreview_app.reports.pdf.context import ReportContext
from peerreview_app.reports.pdf.flowables import Para
from peerreview_app.reports.pdf.styles import ACCENT, ACCENT_LIGHT, CONTENT_WIDTH, RULE
from peerreview_app.reports.pdf.texts import markup

PADDING = 5.0


@dataclass(frozen=True, slots=True)
class CellText:
    """A text cell with its own weight or colour, e.g. a judgement."""

    text: str
    bold: bool = False
    colour: Color | None = None


Cell: TypeAlias = str | CellText | Flowable

# Tables set the cell font even for paragraph cells; their default is Helvetica, which is not embedded.
FONT_COMMAND = ("FONT", (0, 0), (-1, -1), FONTS.regular, 8.6)

# A table style command: its name, the first and last cell of its range, then its arguments.
TableCommand: TypeAlias = tuple[str, tuple[int, int], tuple[int, int], *tuple[Any, ...]]
Commands: TypeAlias = list[TableCommand]


def _place(
    cell: Cell,
    style: ParagraphStyle,
    width: float,
    position: tuple[int, int],
    commands: Commands,
    *,
    right: bool = False,
) -> str | Flowable:
    """A text that fits on one line stays a plain string (drawn directly, much cheaper than a paragraph)."""
    if not isinstance(cell, str | CellText):
        return cell
    text = cell.text if isinstance(cell, CellText) else cell
    bold = style.fontName == FONTS.bold or (isinstance(cell, CellText) and cell.bold)
    colour = cell.colour if isinstance(cell, CellText) and cell.colour is not None else style.textColor
    font = FONTS.bold if bold else style.fontName
    if "\n" not in text and stringWidth(text, font, style.fontSize) <= width - 2 * PADDING - 0.5:
        if font != FONTS.regular or style.fontSize != 8.6 or style.leading != 11.6:
            commands.append(("FONT", position, position, font, style.fontSize, style.leading))
        commands.append(("TEXTCOLOR", position, position, colour))
        if right or style.alignment == 2:  # TA_RIGHT
            commands.append(("ALIGN", position, position, "RIGHT"))
        return text
    body = markup(text)
    if bold:
        body = f"<b>{body}</b>"
    if isinstance(cell, CellText) and cell.colour is not None:
        body = f'<font color="#{cell.colour.hexval()[2:]}">{body}</font>'
    return Para(body, style)


def data_table(
    ctx: ReportContext,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    group_rows: Sequence[int] = (),
    right_columns: Sequence[int] = (),
    compact: bool = False,
) -> Table:
    """A table with a repeated header row; `widths` are fractions of the text width.

    Long texts wrap (as paragraphs); rows in `group_rows` (0-based, without the header) are set off as group
    headings, e.g. a standard above its criteria.
    """
    styles = ctx.styles
    column_widths = [CONTENT_WIDTH * w for w in widths]
    commands: Commands = [
        FONT_COMMAND,
        ("LEADING", (0, 0), (-1, -1), 11.6),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5 if compact else 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 if compact else 5),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
    ]
    data: list[list[str | Flowable]] = [
        [
            _place(text, styles.header_cell, column_widths[i], (i, 0), commands, right=i in right_columns)
            for i, text in enumerate(header)
        ]
    ]
    for row_index, row in enumerate(rows):
        cells: list[str | Flowable] = []
        for column, cell in enumerate(row):
            if row_index in group_rows:
                style = styles.cell_bold
            elif column in right_columns:
                style = styles.cell_right
            else:
                style = styles.cell
            position = (column, row_index + 1)
            cells.append(_place(cell, style, column_widths[column], position, commands, right=column in right_columns))
        data.append(cells)
    for row_index in group_rows:
        commands.append(("TOPPADDING", (0, row_index + 1), (-1, row_index + 1), 6 if compact else 8))
        commands.append(("LINEBELOW", (0, row_index + 1), (-1, row_index + 1), 0.6, ACCENT))
    return Table(
        data,
        colWidths=column_widths,
        repeatRows=1,
        style=TableStyle(commands),
        hAlign="LEFT",
        splitInRow=1,
        spaceBefore=4,
        spaceAfter=10,
    )


def key_value_table(ctx: ReportContext, rows: Sequence[tuple[str, str]], label_width: float = 0.24) -> Table:
    """Label and value pairs without a header, e.g. the facts on the cover."""
    styles = ctx.styles
    widths = [CONTENT_WIDTH * label_width, CONTENT_WIDTH * (1 - label_width)]
    commands: Commands = [
        FONT_COMMAND,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    data = [
        [
            _place(label, styles.header_cell, widths[0] + PADDING, (0, row), commands),
            _place(value, styles.cover_meta, widths[1] + PADDING, (1, row), commands),
        ]
        for row, (label, value) in enumerate(rows)
    ]
    return Table(data, colWidths=widths, style=TableStyle(commands), hAlign="LEFT")
