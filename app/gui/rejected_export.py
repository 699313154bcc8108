"""The rows that will not be sent, written to a sheet the user can fix and import again.

The sheet keeps the original columns first, unchanged and as text (a phone's leading zero and
'+' survive), then why each row was rejected and which row it was. No Qt here: this runs on a
worker thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.core.recipients import RecipientRow, RowStatus
from app.core.wording import word

TITLES: dict[str, tuple[str, str]] = {
    "reason": ("Motivo del rechazo", "Why rejected"),
    "row": ("Fila original", "Original row"),
    "sheet": ("Rechazadas", "Rejected"),
}


def export_rejected(rows: Iterable[RecipientRow], headers: Sequence[str], path: Path, lang: str) -> int:
    """Write every non-valid row of `rows` to a new .xlsx at `path`; returns how many were written."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(word(TITLES, "sheet", lang))
    sheet.append([*headers, word(TITLES, "reason", lang), word(TITLES, "row", lang)])
    written = 0
    for row in rows:
        if row.status is RowStatus.VALID:
            continue
        values = [row.fields.get(header, "") for header in headers]
        sheet.append([_cell(sheet, value) for value in values] + [_cell(sheet, row.reason), row.row])
        written += 1
    book.save(path)
    return written


def _cell(sheet: WriteOnlyWorksheet, value: str) -> object:
    """Text stays text: a cell reading "=A1" is not turned into a formula, control characters go."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell
