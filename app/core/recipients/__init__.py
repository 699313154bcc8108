"""Recipients from a spreadsheet: read any format, validate and normalize every row, stream them.

For a worker thread: `inspect_sheet` gives the import dialog what it shows first (sheets,
header row, detected mapping, first rows); `load_recipients` raises `SheetError` at once
for a file it cannot read, then yields one `RecipientRow` per row, calling
`progress(done, estimated_total)` every 2,048 rows and raising `ImportCancelled` once
`cancel` is set. Nothing here imports Qt.

The validators (phonenumbers, email-validator: ~80 ms to import) are imported by the functions
that read or check addresses, not with the package: the window's Recipients step shows at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Container
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.domain import Channel
from app.core.recipients.model import ColumnMapping, ImportCancelled, RecipientRow, RowStatus, Summary
from app.core.recipients.sheets import SheetError, SheetInfo
from app.core.wording import language

if TYPE_CHECKING:
    from app.core.recipients.importer import SheetPreview
    from app.core.recipients.pipeline import RecipientStream

__all__ = [
    "ColumnMapping",
    "ImportCancelled",
    "RecipientRow",
    "RecipientStream",
    "RowStatus",
    "SheetError",
    "SheetInfo",
    "Summary",
    "default_phone_rule",
    "inspect_sheet",
    "load_recipients",
    "normalize_address",
]


def default_phone_rule(channel: Channel) -> str:
    """'possible' for SMS: see `app.core.recipients.phones` for why not 'valid'."""
    return "possible" if channel is Channel.SMS else "valid"


def inspect_sheet(
    path: str | Path,
    *,
    channel: Channel = Channel.SMS,
    country: str = "CL",
    sheet: str | None = None,
    header_row: int | None = None,
    lang: str | None = None,
) -> SheetPreview:
    """Sheets, header row, detected columns and the first rows, without importing anything.

    The mapping names both the phone and the e-mail column whatever the `channel`; `country`
    helps find a phone column by its content when no header names it.
    """
    from app.core.recipients.importer import prepare

    del channel  # part of the signature the import dialog calls with; the preview is the same
    prepared = prepare(
        Path(path), sheet=sheet, header_row=header_row, lang=lang or language(), country=country
    )
    prepared.book.close()
    return prepared.preview


def load_recipients(
    path: str | Path,
    *,
    channel: Channel,
    country: str,
    sheet: str | None = None,
    phone_column: str | None = None,
    email_column: str | None = None,
    number_digits: int | None = None,
    suppressed: Container[str] = frozenset(),
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
    header_row: int | None = None,
    phone_rule: str | None = None,
    lang: str | None = None,
) -> RecipientStream:
    """Every row of the sheet, validated and normalized, streamed; `SheetError` before the first row.

    The result is an `Iterator[RecipientRow]` that also carries `preview` (headers, mapping)
    and `column` (the address column used).
    """
    from app.core.recipients.importer import address_column, prepare
    from app.core.recipients.phones import known_country
    from app.core.recipients.pipeline import RecipientStream, checker_for, stream_rows

    lang = lang or language()
    if not known_country(country):
        raise SheetError("unknown_country", country=country)
    sms = channel is Channel.SMS
    prepared = prepare(Path(path), sheet=sheet, header_row=header_row, lang=lang, country=country)
    try:
        column, position = address_column(prepared, channel, phone_column if sms else email_column)
        check = checker_for(sms, country.upper(), phone_rule or default_phone_rule(channel), number_digits)
    except BaseException:
        prepared.book.close()
        raise
    rows = stream_rows(
        prepared,
        column=column,
        position=position,
        check=check,
        suppressed=suppressed,
        progress=progress,
        cancel=cancel,
        lang=lang,
    )
    return RecipientStream(prepared, column, rows)


def normalize_address(value: object, channel: Channel, country: str = "CL") -> str | None:
    """The form the suppression list stores and compares: phone digits or a lowercased address."""
    from app.core.recipients.emails import normalize_email
    from app.core.recipients.phones import normalize_phone

    if channel is Channel.SMS:
        return normalize_phone(value, country)
    return normalize_email(value)
