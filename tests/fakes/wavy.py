"""A fake Wavy (Sinch) messaging API, following the vendor's SMS API page (see seeds/README.md).

`POST /v1/send-sms`, `POST /v1/send-bulk-sms` (at most 1000) and `POST /v1/sms/status/search`
(at most one a second, 429 beyond, by an injectable clock), JSON in and out, authenticated by the
`UserName` and `AuthenticationToken` headers. Each message gets its sent and delivered status at
once: the documented failures come from the number, the credit, or `outcomes` on demand.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.server import Reply, Request

SEND_PATH = "/v1/send-sms"
BULK_PATH = "/v1/send-bulk-sms"
STATUS_PATH = "/v1/sms/status/search"
MAX_TEXT = 1280
MAX_CORRELATION = 64
MAX_BULK = 1000

SENT_WORDS = {
    2: "SENT_SUCCESS",
    101: "EXPIRED",
    102: "CARRIER_COMMUNICATION_ERROR",
    103: "REJECTED_BY_CARRIER",
    201: "NO_CREDIT",
    202: "INVALID_DESTINATION_NUMBER",
    203: "BLACKLISTED",
    204: "DESTINATION_BLOCKED_BY_OPTOUT",
    205: "DESTINATION_MESSAGE_LIMIT_REACHED",
    207: "INVALID_MESSAGE_TEXT",
    301: "INTERNAL_ERROR",
}
DELIVERED_WORDS = {4: "DELIVERED_SUCCESS", 104: "NOT_DELIVERED"}


class BadRequest(Exception):
    """The request breaks the documented format: answered 400 with the reason."""


@dataclass
class FakeWavy:
    """State of the fake account; `handle` is served by `tests.fakes.server`."""

    user: str = "empresa@example.com"
    token: str = "wavy-token-7f3c9a"
    credit: int = 10_000
    blocked: bool = False  # the user exists but may not use the API: 403
    # "Administrador ... Este usuario no hace envíos de mensajes ni por el portal ni vía integración
    # API": it reads statuses (reports), and its sends are refused before the body is read (403).
    administrator: bool = False
    answer_object: bool = False  # answer `send-sms` with `{"id": ...}` instead of the documented list
    clock: Callable[[], float] = time.monotonic
    blacklist: set[str] = field(default_factory=set)
    outcomes: dict[str, tuple[int, int | None]] = field(default_factory=dict)  # destination -> codes
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> status row
    last_status_at: float | None = None

    def handle(self, request: Request) -> Reply:
        if request.method != "POST" or request.path not in (SEND_PATH, BULK_PATH, STATUS_PATH):
            return Reply(404, {"errorCode": 404, "errorMessage": "Not found"})
        headers = request.headers  # names arrive lower-cased: HTTP header names are case-insensitive
        if headers.get("username") != self.user or headers.get("authenticationtoken") != self.token:
            return Reply(401, {"errorCode": 401, "errorMessage": "Unauthorized"})
        if self.blocked:
            return Reply(403, {"errorCode": 403, "errorMessage": "Forbidden"})
        try:
            if "application/json" not in request.headers.get("content-type", ""):
                raise BadRequest("Content-Type must be application/json")
            body = request.json()
            if request.path == STATUS_PATH:
                return self.search(body)
            if self.administrator:
                return Reply(403, {"errorCode": 403, "errorMessage": "User not allowed to send messages"})
            if request.path == SEND_PATH:
                row = self.accept(self.valid(body, {}))
                answer = {"id": row["id"]} if self.answer_object else [self.short(row)]
                return Reply(200, answer)
            return Reply(200, self.bulk(body))
        except (BadRequest, ValueError) as exc:
            return Reply(400, {"errorCode": 400, "errorMessage": str(exc)})

    def bulk(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
            raise BadRequest("messages must be a list")
        items, defaults = body["messages"], body.get("defaultValues") or {}
        if not 1 <= len(items) <= MAX_BULK:
            raise BadRequest(f"messages must hold 1 to {MAX_BULK} items")
        valid = [self.valid(item, defaults) for item in items]  # all or nothing
        rows = [self.accept(item) for item in valid]
        return {"id": str(uuid.uuid4()), "messages": [{"id": row["id"]} for row in rows]}

    @staticmethod
    def valid(item: Any, defaults: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(item, dict):
            raise BadRequest("a message must be an object")
        message = {**defaults, **item}
        text, destination = message.get("messageText"), message.get("destination")
        correlation = message.get("correlationId")
        if not isinstance(destination, str) or not destination:
            raise BadRequest("destination is required")
        if not isinstance(text, str) or not text or len(text) > MAX_TEXT:
            raise BadRequest(f"messageText must have 1 to {MAX_TEXT} characters")
        too_long = isinstance(correlation, str) and len(correlation) > MAX_CORRELATION
        if correlation is not None and (too_long or not isinstance(correlation, str)):
            raise BadRequest(f"correlationId must be a string of at most {MAX_CORRELATION} characters")
        return message

    def accept(self, message: dict[str, Any]) -> dict[str, Any]:
        sent, delivered = self.outcome(message["destination"])
        row = {
            "id": str(uuid.uuid4()),
            "correlationId": message.get("correlationId"),
            "destination": message["destination"],
            "messageText": message["messageText"],
            "sentStatusCode": sent,
            "sentStatus": SENT_WORDS[sent],
            "deliveredStatusCode": delivered,
            "deliveredStatus": DELIVERED_WORDS.get(delivered) if delivered else None,
        }
        self.messages[row["id"]] = row
        return row

    def outcome(self, destination: str) -> tuple[int, int | None]:
        if destination in self.outcomes:
            return self.outcomes[destination]
        if not (destination.isdigit() and 10 <= len(destination) <= 15):
            return 202, None
        if destination in self.blacklist:
            return 203, None
        if self.credit <= 0:
            return 201, None
        self.credit -= 1
        return 2, 4

    @staticmethod
    def short(row: dict[str, Any]) -> dict[str, Any]:
        return {"id": row["id"], "correlationId": row["correlationId"]}

    def search(self, body: Any) -> Reply:
        now = self.clock()
        if self.last_status_at is not None and now - self.last_status_at < 1.0:
            return Reply(429, {"errorCode": 429, "errorMessage": "Too many requests"}, {"Retry-After": "1"})
        self.last_status_at = now
        if not isinstance(body, dict):
            raise BadRequest("the body must be an object")
        ids, correlations = body.get("ids"), body.get("correlationIds")
        if ids is not None:
            rows = [self.messages[i] for i in ids if i in self.messages]
        elif correlations is not None:
            rows = [row for row in self.messages.values() if row["correlationId"] in correlations]
        else:
            raise BadRequest("ids or correlationIds is required")
        statuses = [{k: v for k, v in row.items() if k != "messageText"} for row in rows]
        return Reply(200, {"total": len(statuses), "smsStatuses": statuses})
