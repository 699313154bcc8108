"""The records the journal hands out: plain frozen dataclasses, no SQL and no connection behind them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from app.core.domain import CampaignStatus, State
from app.providers.base import OutgoingMessage


@dataclass(frozen=True)
class Campaign:
    """One campaign's settings and status, as the journal keeps them."""

    id: int
    name: str
    provider: str
    channel: str
    template: str
    subject: str
    options: Mapping[str, Any]
    columns: tuple[str, ...]
    source: str
    status: CampaignStatus
    reason: str
    detail: str
    start_at: float | None
    resume_at: float | None
    created_at: float
    updated_at: float
    finished_at: float | None
    heartbeat_at: float | None

    def option(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)


@dataclass(frozen=True)
class NewCampaign:
    """What a new campaign is made of, before it has rows."""

    name: str
    provider: str
    channel: str
    template: str
    subject: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""
    start_at: float | None = None


class NewMessage(NamedTuple):
    """One sheet row entering a campaign: valid rows are `pending`, the rest `skipped` with the reason."""

    sheet_row: int
    address: str
    fields: Mapping[str, str]
    text: str
    subject: str = ""
    credits: int = 1
    state: State = State.PENDING
    reason: str = ""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class MessageRecord:
    """One row as the report and re-sends read it."""

    id: int
    sheet_row: int
    address: str
    fields: dict[str, str]
    text: str
    subject: str
    state: State
    provider_id: str
    error_code: str
    reason: str
    detail: str
    status_code: str
    attempts: int
    sent_at: float | None
    answered_at: float | None
    final_at: float | None


@dataclass(frozen=True, slots=True)
class Event:
    """One step of a row's history."""

    at: float
    state: State
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class SuppressionEntry:
    """A number or address that must never receive anything."""

    value: str
    channel: str
    reason: str
    added_at: float


@dataclass(frozen=True)
class Claim:
    """Rows just journaled `sending` (their request may now leave), and how many were skipped instead."""

    messages: tuple[OutgoingMessage, ...]  # in send order
    skipped: int = 0


# One encoder for every row: json.dumps with options builds a new one at each call.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> str:
    """Compact JSON, non-ASCII kept as it is."""
    return _COMPACT.encode(value)
