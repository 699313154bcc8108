"""The one interface every provider adapter implements, and the small types it speaks.

A provider is data (its `Capabilities`) plus a small adapter class. Adapters never
raise `requests` exceptions at their callers: whole-request failures become a
`ProviderFailure` carrying a `Problem`; per-message outcomes are `SendResult`s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple, Protocol, runtime_checkable

from app.core.domain import Channel, State
from app.core.logs import REDACTOR


class Effect(StrEnum):
    """What a vendor error means for the campaign: declared per vendor code."""

    STOP = "stop"  # would repeat for every message: wrong credentials, no balance, account blocked
    SKIP = "skip"  # this recipient only: bad number, blocklisted, content rejected
    RETRY = "retry"  # provably not processed: no connection, connect timeout, 429, a code "not sent"
    WAIT_WINDOW = "wait_window"  # outside the legal sending window: wait for it to open
    UNKNOWN = "unknown"  # the request may have been processed: the message becomes UNKNOWN


@dataclass(frozen=True)
class Problem:
    """A vendor answer mapped to what it means and to a plain-language reason id.

    `reason` is a key of `app.core.reasons`; `detail` keeps the evidence (an
    undocumented body, an HTTP status) for the log and the report. Whoever makes a
    Problem, its detail is masked here (`REDACTOR`), before they can reach the
    journal, a report, the CLI or the window: a vendor's error page may echo the request.
    Cut a long body with `http.excerpt`, which masks it before it cuts.
    """

    code: str
    effect: Effect
    reason: str
    detail: str = ""

    def __post_init__(self) -> None:
        if self.detail:
            object.__setattr__(self, "detail", REDACTOR.redact(self.detail))


class ProviderFailure(Exception):
    """A whole request failed; no per-message results exist."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.reason} (code {problem.code}) {problem.detail}".strip())
        self.problem = problem


@dataclass(frozen=True)
class CredentialField:
    key: str  # stable key used in the keyring entry: "user", "password", "token", ...
    label: str  # the vendor's own name for it, shown in the form
    secret: bool
    # (value, label) pairs: the form offers a list instead of free text (SMTP's security, its preset).
    choices: tuple[tuple[str, str], ...] = ()
    default: str = ""
    required: bool = True  # an optional field may stay empty (SMTP's reply-to)
    # Logs mask every credential value, user names too; a value from a fixed public list or a
    # number (SMTP's preset, port, limits) is not masked: "other" or "2000" would garble the log.
    masked: bool = True


@dataclass(frozen=True)
class SendingWindow:
    """Hours during which the provider accepts messages, in the provider's time zone."""

    tz: str
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class Capabilities:
    """What a provider can do, declared as data; engine, preview and GUI read only this."""

    id: str
    name: str
    channels: frozenset[Channel]
    default_base_url: str
    credentials: tuple[CredentialField, ...]
    bulk_size: int = 1  # messages per request
    same_text_bulk: bool = False  # one text for all numbers of a request (IT Cloud)
    min_interval: float = 0.0  # seconds between requests carrying a full bulk
    single_interval: float = 0.0  # seconds between requests carrying one message
    max_length: int | None = None  # characters per rendered SMS
    number_digits: int | None = None  # exact digits an SMS number must have
    window: SendingWindow | None = None
    has_status: bool = False
    has_balance: bool = False
    finds_sent: bool = False  # can find a message by Masivo's own reference (`FindsSent`)
    # Reads a whole bulk's statuses in one call, by the bulk's id its send answer gave
    # (`SendResult.bulk_id`, kept in the journal; `BulkStatuses`).
    bulk_statuses: bool = False
    # What it posts to our receiver (routes in app/webhooks/routes.py): statuses name a row by the
    # vendor's id, replies by the sender's number; the journal keeps only the lookups these need.
    pushes_statuses: bool = False
    pushes_replies: bool = False
    schedules: bool = False  # the provider holds a message until `deliver_at` itself
    sms_modes: tuple[str, ...] = ()  # IT Cloud's `metodo_envio`; the first is the default
    email_sender_required: bool = False  # the sender's name and address must go with every e-mail
    countries: tuple[str, ...] = ()  # the only countries (ISO codes) it sends to; empty: any
    plain_http: bool = False  # the password crosses the network unencrypted
    concurrency: int = 1
    status_interval: float = 1.0  # minimum seconds between status requests
    per_day: int | None = None  # messages a day the service accepts; the campaign waits for the next day
    unsubscribe_links: bool = False  # its messages carry the receiver's one-click unsubscribe links


class OutgoingMessage(NamedTuple):
    """One rendered message for one recipient; `key` is the journal's id for it.

    A NamedTuple, like `SendResult`: a bulk campaign makes one per message, and a frozen
    dataclass costs three times as much to make.
    """

    key: int
    to: str  # international digits without '+', or an e-mail address
    text: str
    subject: str = ""


@dataclass(frozen=True)
class SendOptions:
    channel: Channel = Channel.SMS
    sender_name: str = ""
    sender_email: str = ""
    html: bool = False
    deliver_at: dt.datetime | None = None
    sms_mode: str = ""
    campaign_name: str = ""


class SendResult(NamedTuple):
    """The outcome of one message of a batch.

    A REJECTED result whose problem's effect is STOP, RETRY or WAIT_WINDOW means the
    message never left (a later request of a split batch was not sent, or the vendor
    refused it for a campaign-wide reason): the engine returns it to pending and acts on
    the problem. Only a SKIP effect rejects the recipient for good.
    """

    key: int
    state: State  # ACCEPTED, REJECTED or UNKNOWN
    provider_id: str | None = None
    problem: Problem | None = None
    bulk_id: str | None = None  # the request's own id, where the vendor reads statuses by bulk


@dataclass(frozen=True)
class StatusUpdate:
    provider_id: str
    state: State
    code: str = ""  # the vendor's own status word or code, kept for the report
    reason: str = ""  # a key of `app.core.reasons` when the vendor says why it failed


@dataclass(frozen=True)
class Balance:
    sms: int | None = None
    email: int | None = None


@dataclass
class Credentials:
    """Credential values by `CredentialField.key`. Its repr never shows secrets."""

    values: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        return self.values.get(key, "")

    def __repr__(self) -> str:
        return f"Credentials(keys={sorted(self.values)})"


class Provider(Protocol):
    """What the engine, the CLI and the window call. Adapters implement it."""

    capabilities: Capabilities

    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        """Send one batch (at most `bulk_size`); one result per message, in order.

        Raises `ProviderFailure` when the request as a whole failed.
        """
        ...

    def statuses(self, provider_ids: Sequence[str], channel: Channel) -> list[StatusUpdate]:
        """Current state of messages already accepted; ids it cannot find are left out."""
        ...

    def balance(self) -> Balance:
        """Credits left; fields are None where the provider has no balance call."""
        ...

    def test_credentials(self) -> Balance:
        """Check the credentials with the cheapest call; raises `ProviderFailure` if wrong."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class FindsSent(Protocol):
    """Optional, for providers whose `Capabilities.finds_sent` is set: after an ambiguous answer
    the engine asks whether the vendor has the messages, by a reference Masivo chose."""

    def find_sent(self, messages: Sequence[OutgoingMessage]) -> dict[int, str]:
        """The provider's id of each message it has, by `key`; a message it lacks is left out.

        Absence is no proof the message was not taken: those stay unknown. Raises `ProviderFailure`.
        """
        ...


@runtime_checkable
class BulkStatuses(Protocol):
    """Optional, for providers whose `Capabilities.bulk_statuses` is set: every message of one bulk
    in one call, by the `SendResult.bulk_id` its send answer gave."""

    def bulk_statuses(self, bulk_id: str, channel: Channel) -> list[StatusUpdate] | None:
        """The bulk's messages' states; None when the vendor no longer knows the bulk (ask one by one).

        Raises `ProviderFailure`.
        """
        ...


def register_secrets(caps: Capabilities, credentials: Credentials) -> None:
    """Teach the masking (`REDACTOR`) the secrets an adapter will send, and the Basic header of each
    with the user: every adapter's `create` calls it, so no evidence it makes can carry them."""
    users = [credentials[f.key] for f in caps.credentials if not f.secret and credentials[f.key]]
    for secret in (credentials[f.key] for f in caps.credentials if f.secret):
        REDACTOR.add(secret)
        for user in users:
            REDACTOR.add(secret, user=user)
