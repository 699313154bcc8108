"""What providers push (status updates, replies) and what the inbox hands out: plain frozen dataclasses."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.core.domain import State


@dataclass(frozen=True, slots=True)
class IncomingStatus:
    """A status update pushed for one message; `state` is None for a word the vendor never documented."""

    provider: str
    provider_id: str
    code: str  # the vendor's word, e.g. "ENTREGADO"
    state: State | None
    received_at: float

    @property
    def key(self) -> str:
        """The same update delivered twice has the same key."""
        return f"{self.provider}:{self.provider_id}:{self.code}"


@dataclass(frozen=True, slots=True)
class IncomingReply:
    """A message a customer sent us; `opt_out` when it says only an opt-out word."""

    provider: str
    sender: str  # international digits without '+'
    recipient: str  # our number, when the provider says it
    text: str
    received_at: float
    provider_ref: str = ""  # the vendor's id of the received message, when it has one
    opt_out: bool = False

    @property
    def key(self) -> str:
        """The vendor's id; without one (IT Cloud) a unique key, and repeats are found by time window."""
        if self.provider_ref:
            return f"{self.provider}:{self.provider_ref}"
        digest = hashlib.sha256(f"{self.sender}\n{self.text}\n{self.received_at!r}".encode()).hexdigest()
        return f"{self.provider}:{digest[:32]}"


@dataclass(frozen=True, slots=True)
class RefusedRequest:
    """A request the receiver answered with a 4xx: kept, with why, to diagnose a provider's setup."""

    route: str  # the route's name, never its path (the path holds the secret token)
    method: str
    http_status: int
    reason: str  # a short id: bad_json, missing_fields, wrong_method, body_too_large…
    detail: str
    excerpt: str  # the first bytes of the body or the query, for diagnosis
    received_at: float


Incoming = IncomingStatus | IncomingReply | RefusedRequest


@dataclass(frozen=True, slots=True)
class Reply:
    """A stored reply with the campaign (and sheet row) that last messaged its sender, if any."""

    id: int
    received_at: float
    provider: str
    sender: str
    recipient: str
    text: str
    campaign_id: int | None
    campaign_name: str | None
    sheet_row: int | None
    opt_out: bool


@dataclass(frozen=True, slots=True)
class Stored:
    """What storing one incoming event did: `new` is False for a repeated delivery."""

    new: bool
    reply: Reply | None = None
    changed: int = 0  # rows a status update moved


@dataclass(frozen=True, slots=True)
class Refusal:
    """A refused request as kept (read back for diagnosis)."""

    received_at: float
    route: str
    method: str
    http_status: int
    reason: str
    detail: str
    excerpt: str
