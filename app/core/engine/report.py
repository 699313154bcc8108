"""A campaign's report sheet: the original sheet's columns, then what happened to each row.

Written with openpyxl's write-only workbook, a row at a time from the journal's pages,
so that a 1,000,000-row campaign's report needs no more memory than a small one's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from app.core.domain import State
from app.core.journal import Journal, MessageRecord
from app.core.paths import private_file
from app.core.reasons import REASONS, reason_text
from app.core.wording import language, word
from app.providers import registry

STATE_NAMES: dict[str, tuple[str, str]] = {
    State.PENDING: ("Pendiente", "Pending"),
    State.SENDING: ("Enviando", "Sending"),
    State.ACCEPTED: ("Aceptado", "Accepted"),
    State.REJECTED: ("Rechazado", "Rejected"),
    State.UNKNOWN: ("Desconocido", "Unknown"),
    State.DELIVERED: ("Entregado", "Delivered"),
    State.UNDELIVERED: ("No entregado", "Undelivered"),
    State.OPENED: ("Abierto", "Opened"),
    State.CLICKED: ("Clic", "Clicked"),
    State.BOUNCED: ("Rebotado", "Bounced"),
    State.SKIPPED: ("Omitido", "Skipped"),
}
# What an .xlsx cell cannot hold (openpyxl refuses to write it): ASCII controls but tab and newlines.
ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The columns the report adds after the sheet's own, in this order.
HEADERS: dict[str, tuple[str, str]] = {
    "state": ("Estado", "Status"),
    "reason": ("Motivo", "Reason"),
    "error_code": ("Código de error", "Error code"),
    "provider_id": ("ID del proveedor", "Provider id"),
    "provider_status": ("Estado del proveedor", "Provider status"),
    "sent_at": ("Fecha de envío", "Sent at"),
    "answered_at": ("Fecha de respuesta del proveedor", "Provider answered at"),
    "final_at": ("Fecha del estado final", "Final status at"),
    "row": ("Fila", "Row"),
}


def state_name(state: State, lang: str | None = None) -> str:
    return word(STATE_NAMES, state, lang)


def write_report(
    journal: Journal,
    campaign_id: int,
    path: str | Path,
    *,
    lang: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the report to `path` (.xlsx); returns the rows written."""
    lang = lang or language()
    campaign = journal.require(campaign_id)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Made (0600: it lists phone numbers) before openpyxl holds anything: a folder that cannot be
    # written, or a folder given as the file, fails here with an OSError and nothing half-written.
    private_file(target)
    provider_name = registry.capabilities(campaign.provider).name
    from openpyxl import Workbook  # here, not at the top: the window imports `state_name` at start

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Masivo")
    extra = [word(HEADERS, column, lang) for column in HEADERS]
    # A sheet column named like one of ours keeps its name; ours gets a mark so both stay readable.
    taken = set(campaign.columns)
    sheet.append([*campaign.columns, *(name if name not in taken else f"{name} (Masivo)" for name in extra)])
    written = 0
    for record in journal.messages(campaign_id):
        row = [_clean(record.fields.get(column, "")) for column in campaign.columns]
        sheet.append(row + _outcome(record, provider_name, lang))
        written += 1
        if progress is not None and written % 10_000 == 0:
            progress(written)
    book.save(target)
    return written


def _outcome(record: MessageRecord, provider_name: str, lang: str) -> list[object]:
    if record.reason in REASONS:
        reason = reason_text(record.reason, provider_name, lang)
        if record.detail:
            reason = f"{reason} ({record.detail})"
    else:  # the importer's own sentence (invalid number, duplicate row, ...)
        reason = record.detail or record.reason
    return [
        state_name(record.state, lang),
        _clean(reason),
        record.error_code,
        record.provider_id,
        record.status_code,
        _when(record.sent_at),
        _when(record.answered_at),
        _when(record.final_at),
        record.sheet_row,
    ]


def _when(epoch: float | None) -> dt.datetime | None:
    """Local time without a zone: Excel cells cannot hold one."""
    return dt.datetime.fromtimestamp(epoch).replace(microsecond=0) if epoch else None


def _clean(value: str) -> str:
    # Control characters from a sheet or a vendor answer would make the workbook unreadable.
    return ILLEGAL_CHARACTERS.sub("", value) if value else value
