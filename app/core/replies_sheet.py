"""The replies as a sheet the user opens in Excel (the window's "Export"); no Qt, runs on a worker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.core.journal.inbox_models import Reply
from app.core.paths import private_file
from app.core.wording import word

TITLES: dict[str, tuple[str, str]] = {
    "sheet": ("Respuestas", "Replies"),
    "received": ("Recibida", "Received"),
    "provider": ("Proveedor", "Provider"),
    "from": ("De", "From"),
    "to": ("Para", "To"),
    "text": ("Texto", "Text"),
    "campaign": ("Campaña", "Campaign"),
    "campaign_name": ("Nombre de la campaña", "Campaign name"),
    "row": ("Fila", "Row"),
    "opted_out": ("Pidió la baja", "Opted out"),
    "yes": ("Sí", "Yes"),
    "no": ("No", "No"),
}
COLUMNS = ("received", "provider", "from", "to", "text", "campaign", "campaign_name", "row", "opted_out")


def write_replies(replies: Iterable[Reply], path: Path, lang: str = "es") -> int:
    """Write one row per reply to a new .xlsx at `path`; returns how many were written."""
    yes, no = word(TITLES, "yes", lang), word(TITLES, "no", lang)
    private_file(path)  # numbers and messages: its owner's only; an unwritable place fails before openpyxl
    book = Workbook(write_only=True)
    sheet = book.create_sheet(word(TITLES, "sheet", lang))
    sheet.append([word(TITLES, column, lang) for column in COLUMNS])
    written = 0
    for reply in replies:
        received = dt.datetime.fromtimestamp(reply.received_at).replace(microsecond=0)
        sheet.append([received, reply.provider, _text(sheet, reply.sender), _text(sheet, reply.recipient),
                      _text(sheet, reply.text), reply.campaign_id, _text(sheet, reply.campaign_name or ""),
                      reply.sheet_row, yes if reply.opt_out else no])  # fmt: skip
        written += 1
    book.save(path)
    return written


def _text(sheet: WriteOnlyWorksheet, value: str) -> object:
    """Text stays text: numbers keep their digits, "=…" never becomes a formula, control characters go."""
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell
