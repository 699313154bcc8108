"""Connectus API v1.3 on the wire: paths, parameter names, and bulks sized to fit in a URL.

Every documented call passes its parameters in the query string (`params=` in the examples),
the bulk calls as a JSON-encoded array. `requests` encodes `params` with `urlencode`
(`quote_plus`), so the length of a URL is the sum of the encoded lengths of its parts: a bulk
can be cut to fit a byte limit exactly, without encoding it once per message.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus, urlencode
from zoneinfo import ZoneInfo

from app.core.domain import Channel
from app.providers.base import Effect, OutgoingMessage, Problem, SendOptions

SCHEDULE_FORMAT = "%Y-%m-%d %H:%M:%S"  # "('2018-03-25 10:30:00')"
SCHEDULE_ZONE = ZoneInfo("America/Santiago")  # the document names no zone: Connectus is Chilean
DEFAULT_DELIVERY_NAME = "Masivo"


@dataclass(frozen=True)
class Route:
    """The calls and names of one channel."""

    single: str
    bulk: str
    items: str  # the bulk call's JSON parameter
    id_key: str
    status: str
    balance: str


ROUTES = {
    Channel.SMS: Route(
        "/api_v1/send_sms", "/api_v1/send_sms_bulk", "messages", "id_sms",
        "/api_v1/check_sms_status", "/api_v1/check_balance",
    ),
    Channel.EMAIL: Route(
        "/api_v1/send_email", "/api_v1/send_email_bulk", "emails", "id_email",
        "/api_v1/check_email_status_events", "/api_v1/check_email_balance",
    ),
}  # fmt: skip

Item = tuple[int, OutgoingMessage]  # position in the batch, message


def bulk_item(message: OutgoingMessage, options: SendOptions) -> dict[str, Any]:
    """One message as the bulk calls describe it (the single calls take the same names)."""
    if options.channel is Channel.SMS:
        return {"dst_number": int(message.to), "sms_content": message.text}  # "dst_number (long)"
    item: dict[str, Any] = {
        "dst_email": message.to,
        "subject": message.subject,
        "email_content": message.text,
    }
    if options.sender_name:
        item["sender"] = options.sender_name
    return item


def single_params(message: OutgoingMessage, options: SendOptions) -> dict[str, str]:
    """The parameters of `send_sms` / `send_email` for one message."""
    params = {key: str(value) for key, value in bulk_item(message, options).items()}
    if options.channel is Channel.EMAIL and options.sender_email:
        params["src_email"] = options.sender_email
    return params


def bulk_fixed(options: SendOptions) -> dict[str, str]:
    """The parameters of a bulk call besides its messages."""
    fixed = {"delivery_name": options.campaign_name or DEFAULT_DELIVERY_NAME}
    if options.deliver_at is not None:
        fixed["deliver_at"] = schedule_text(options.deliver_at)
    if options.channel is Channel.EMAIL and options.sender_email:
        fixed["src_email"] = options.sender_email  # once per bulk: "excluyendo src_email" per e-mail
    return fixed


def bulk_params(items: list[Item], options: SendOptions) -> dict[str, str]:
    route = ROUTES[options.channel]
    return {route.items: json.dumps([bulk_item(m, options) for _, m in items]), **bulk_fixed(options)}


def plan(items: list[Item], options: SendOptions, url: str, limit: int, most: int) -> list[list[Item]]:
    """Cut `items` into bulks of at most `most` messages whose URL (`url` plus query) fits `limit` bytes."""
    route = ROUTES[options.channel]
    empty = len(url) + len(f"?{route.items}={quote_plus('[]')}&{urlencode(bulk_fixed(options))}")
    separator = len(quote_plus(", "))  # json.dumps joins list items with ", "
    chunks: list[list[Item]] = []
    current: list[Item] = []
    size = empty
    for item in items:
        cost = len(quote_plus(json.dumps(bulk_item(item[1], options))))
        if current and (size + separator + cost > limit or len(current) == most):
            chunks.append(current)
            current, size = [], empty
        size += cost + (separator if current else 0)
        current.append(item)
    if current:
        chunks.append(current)
    return chunks


def local_problem(message: OutgoingMessage, channel: Channel) -> Problem | None:
    """What the API would refuse in this message alone, caught before any request."""
    if channel is Channel.SMS and not (message.to.isascii() and message.to.isdigit()):
        return Problem("local", Effect.SKIP, "invalid_number", "dst_number must be international digits")
    empty = [name for name, value in (("to", message.to), ("text", message.text)) if not value.strip()]
    if channel is Channel.EMAIL and not message.subject.strip():
        empty.append("subject")
    return Problem("local", Effect.SKIP, "missing_field", f"empty {', '.join(empty)}") if empty else None


def schedule_text(when: dt.datetime) -> str:
    """`deliver_at` as the document writes it, in Chilean time when the moment has a zone."""
    if when.tzinfo is not None:
        when = when.astimezone(SCHEDULE_ZONE)
    return when.strftime(SCHEDULE_FORMAT)
