"""The campaign being prepared in the window, shared by the pages of the flow.

Pages read and write this plain object; none of them talks to another page directly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.domain import Channel

if TYPE_CHECKING:
    from app.core.recipients import RecipientRow


@dataclass(frozen=True, eq=False)
class ReadSheet:
    """The recipients step's reading of the sheet: its columns and every row, valid or not.

    Compared by identity: a new reading is a new object, and a million rows are never compared.
    """

    headers: tuple[str, ...]
    rows: Sequence[RecipientRow]


@dataclass
class CampaignDraft:
    """Everything the user chose so far, step by step."""

    provider_id: str = "demo"
    base_url: str | None = None  # None: the vendor's own
    channel: Channel = Channel.SMS
    country: str = "CL"
    recipients_path: Path | None = None
    sheet: str | None = None
    header_row: int | None = None  # None: detected by the importer
    phone_column: str | None = None
    email_column: str | None = None
    columns: list[str] = field(default_factory=list)  # the sheet's headers: the merge fields
    valid_count: int = 0
    read: ReadSheet | None = None  # the rows the campaign is made of, once the recipients step has read them
    template_text: str = ""
    subject: str = ""
    sender_name: str = ""
    sender_email: str = ""
    html: bool = False
    sms_mode: str = ""
    name: str = ""
    batch_size: int | None = None
    interval: float | None = None
    start_at: dt.datetime | None = None

    def saved(self) -> str:
        """What a restart brings back: the sheet as it was read and the message (JSON for the settings)."""
        path = self.recipients_path
        return json.dumps({
            "path": str(path) if path is not None else "", "sheet": self.sheet, "header_row": self.header_row,
            "column": self.email_column if self.channel is Channel.EMAIL else self.phone_column,
            "message": self.template_text, "subject": self.subject, "sender_name": self.sender_name,
            "sender_email": self.sender_email, "html": self.html,
        }, ensure_ascii=False)  # fmt: skip

    def restore(self, saved: str) -> SavedSheet | None:
        """Take back the message of `saved()`; returns the sheet to read again, if it is still there."""
        try:
            data = json.loads(saved) if saved else {}
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        self.template_text = str(data.get("message") or "")
        self.subject, self.html = str(data.get("subject") or ""), bool(data.get("html"))
        self.sender_name, self.sender_email = (
            str(data.get("sender_name") or ""),
            str(data.get("sender_email") or ""),
        )
        path = Path(str(data.get("path") or ""))
        if not data.get("path") or not path.is_file():
            return None
        header = data.get("header_row")
        return SavedSheet(path, data.get("sheet") or None, header if isinstance(header, int) else None,
                          data.get("column") or None)  # fmt: skip


@dataclass(frozen=True)
class SavedSheet:
    """The sheet of the last session's draft and how it was read."""

    path: Path
    sheet: str | None
    header_row: int | None
    column: str | None
