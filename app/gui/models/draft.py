"""The campaign being prepared in the window, shared by the pages of the flow.

Pages read and write this plain object; none of them talks to another page directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from app.core.domain import Channel


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
