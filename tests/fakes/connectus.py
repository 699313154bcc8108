"""A fake Connectus API v1.3 (vendor document "connectus API v.1.3"), served by tests.fakes.server.

It checks each call as documented: method, path under /api_v1/, HTTP Basic auth (account id and
API key), parameter names in the query string, the JSON-encoded `messages`/`emails` of the bulk
calls and the `deliver_at` format. It keeps balances, stores what it took so statuses can be
queried, and refuses a request line over 8 KB with 414 like common web servers. Errors are not
documented: it answers them as a real server plausibly would (401, 400 or 402 with a JSON body),
and `refuse_next` makes it answer anything on demand.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from app.providers import connectus
from app.providers.base import Credentials
from app.providers.http import HttpClient
from tests.fakes.server import FakeServer, Reply, Request, serving

MAX_REQUEST_LINE = 8192
BULK_LIMIT = 1000
SMS_STATUSES = (
    "PROGRAMADO",
    "EN_COLA",
    "NUMERO_INVALIDO",
    "ENVIADO_A_CARRIER",
    "ESPERANDO_RESPUESTA",
    "NO_ENTREGABLE",
    "ENTREGADO",
)
EMAIL_STATUSES = ("PROGRAMADO", "EN_COLA", "NUMERO_ENVIADO", "NO_ENTREGABLE", "ENTREGADO")
EMAIL_EVENTS = ("ABIERTO", "CLICKEADO")
EMAIL_ITEM = ("dst_email", "subject", "email_content", "sender")  # "excluyendo src_email"


@dataclass
class Taken:
    """One message the API took: its parameters and where it stands."""

    fields: dict[str, Any]
    status: str
    events: list[dict[str, str]] = field(default_factory=list)


@dataclass
class FakeConnectus:
    """The API's state; `handle` is the request handler for `serving()`."""

    account_id: str = "84f71863b7f64738aabc97afed7cd54d"
    api_key: str = "16c329a233a047ef879eca2d66c70768"
    sms_balance: int = 1432
    email_balance: int = 35123
    max_request_line: int = MAX_REQUEST_LINE
    bulk_email_key: str = "messages"  # the example's key for the e-mail answers; the table says "emails"
    sms: dict[str, Taken] = field(default_factory=dict)
    emails: dict[str, Taken] = field(default_factory=dict)
    deliveries: dict[str, dict[str, Any]] = field(default_factory=dict)
    refusals: dict[str, list[Reply]] = field(default_factory=dict)  # path -> answers to give next

    def refuse_next(self, path: str, status: int, body: Any, times: int = 1) -> None:
        """Answer the next `times` authenticated, well-formed calls to `path` with this, unprocessed."""
        self.refusals.setdefault(path, []).extend([Reply(status, body)] * times)

    def set_status(self, id_: str, status: str, events: tuple[str, ...] = ()) -> None:
        if id_ in self.sms:
            assert status in SMS_STATUSES and not events, f"{status!r} {events} for an SMS"
            self.sms[id_].status = status
            return
        assert status in EMAIL_STATUSES and set(events) <= set(EMAIL_EVENTS), f"{status!r} {events}"
        self.emails[id_].status = status
        self.emails[id_].events = [{"timestamp": "05-03-19 17:05:25", "event": e} for e in events]

    def handle(self, request: Request) -> Reply:
        if len(request.line.encode()) > self.max_request_line:
            return Reply(414, "<html><body><h1>414 Request-URI Too Large</h1></body></html>")
        routes: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...], Callable[..., Reply]]] = {
            ("POST", "/api_v1/send_sms"): (("dst_number", "sms_content"), (), self._send_sms),
            ("POST", "/api_v1/send_sms_bulk"): (
                ("messages", "delivery_name"),
                ("deliver_at",),
                self._sms_bulk,
            ),
            ("GET", "/api_v1/check_sms_status"): (("id_sms",), (), self._sms_status),
            ("GET", "/api_v1/check_delivery_status"): (("id_delivery",), (), self._delivery_status),
            ("GET", "/api_v1/check_balance"): ((), (), lambda: balance(self.sms_balance)),
            ("POST", "/api_v1/send_email"): (
                ("dst_email", "subject", "email_content"),
                ("sender", "src_email"),
                self._send_email,
            ),
            ("POST", "/api_v1/send_email_bulk"): (
                ("emails", "delivery_name"),
                ("deliver_at", "src_email"),
                self._email_bulk,
            ),
            ("GET", "/api_v1/check_email_status_events"): (("id_email",), (), self._email_status),
            ("GET", "/api_v1/check_email_balance"): ((), (), lambda: balance(self.email_balance)),
        }
        route = routes.get((request.method, request.path))
        if route is None:
            return Reply(404, {"error": f"no {request.method} {request.path}"})
        if request.headers.get("authorization") != basic(self.account_id, self.api_key):
            return Reply(401, {"error": "credenciales inválidas"}, {"WWW-Authenticate": 'Basic realm="api"'})
        required, optional, action = route
        if request.body:
            return Reply(
                400, {"error": f"parameters go in the query string, got a body {request.body[:80]!r}"}
            )
        params = {name: values[0] for name, values in request.query.items()}
        unknown = sorted(set(params) - set(required) - set(optional))
        missing = [name for name in required if not params.get(name)]
        if unknown or missing:
            return Reply(
                400, {"error": f"missing {missing}, unknown {unknown}; documented {required + optional}"}
            )
        if "deliver_at" in params and not is_datetime(params["deliver_at"]):
            return Reply(
                400, {"error": f"deliver_at must be 'YYYY-MM-DD HH:MM:SS', got {params['deliver_at']!r}"}
            )
        if self.refusals.get(request.path):
            return self.refusals[request.path].pop(0)
        return action(**params) if params else action()

    def _send_sms(self, dst_number: str, sms_content: str) -> Reply:
        if not is_number(dst_number):
            return Reply(400, {"error": f"dst_number inválido: {dst_number}"})
        if self.sms_balance < 1:
            return Reply(402, {"error": "saldo de SMS insuficiente"})
        self.sms_balance -= 1
        return Reply(
            200, {"id_sms": self._take(self.sms, {"dst_number": int(dst_number), "sms_content": sms_content})}
        )

    def _sms_bulk(self, messages: str, delivery_name: str, deliver_at: str = "") -> Reply:
        items = json_list(messages, "messages")
        if isinstance(items, Reply):
            return items
        answers = []
        errors = [sms_error(item) for item in items]
        if self.sms_balance < errors.count(""):
            return Reply(402, {"error": "saldo de SMS insuficiente"})
        status = "PROGRAMADO" if deliver_at else "EN_COLA"
        for item, error in zip(items, errors, strict=True):
            if error:
                answers.append({"error": error})
                continue
            self.sms_balance -= 1
            answers.append({"id_sms": self._take(self.sms, item, status)})
        id_delivery = uuid.uuid4().hex
        ids = [a["id_sms"] for a in answers if "id_sms" in a]
        self.deliveries[id_delivery] = {"delivery_name": delivery_name, "deliver_at": deliver_at, "ids": ids}
        return Reply(200, {"id_delivery": id_delivery, "messages": answers})

    def _send_email(self, dst_email: str, subject: str, email_content: str, **optional: str) -> Reply:
        if "@" not in dst_email:
            return Reply(400, {"error": f"dst_email inválido: {dst_email}"})
        if self.email_balance < 1:
            return Reply(402, {"error": "saldo de E-Mail insuficiente"})
        self.email_balance -= 1
        fields = {"dst_email": dst_email, "subject": subject, "email_content": email_content, **optional}
        return Reply(200, {"id_email": self._take(self.emails, fields)})

    def _email_bulk(
        self, emails: str, delivery_name: str, deliver_at: str = "", src_email: str = ""
    ) -> Reply:
        items = json_list(emails, "emails")
        if isinstance(items, Reply):
            return items
        errors = [email_error(item) for item in items]
        if self.email_balance < errors.count(""):
            return Reply(402, {"error": "saldo de E-Mail insuficiente"})
        answers: list[dict[str, str]] = []
        for item, error in zip(items, errors, strict=True):
            if error:
                answers.append({"error": error})
                continue
            self.email_balance -= 1
            fields = {
                **item,
                "src_email": src_email,
                "delivery_name": delivery_name,
                "deliver_at": deliver_at,
            }
            answers.append(
                {"id_email": self._take(self.emails, fields, "PROGRAMADO" if deliver_at else "EN_COLA")}
            )
        return Reply(200, {"id_delivery": uuid.uuid4().hex, self.bulk_email_key: answers})

    def _sms_status(self, id_sms: str) -> Reply:
        taken = self.sms.get(id_sms)
        return (
            Reply(200, {"status": taken.status}) if taken else Reply(404, {"error": "id_sms no encontrado"})
        )

    def _email_status(self, id_email: str) -> Reply:
        taken = self.emails.get(id_email)
        if taken is None:
            return Reply(404, {"error": "id_email no encontrado"})
        return Reply(200, {"status": taken.status, "events": taken.events})

    def _delivery_status(self, id_delivery: str) -> Reply:
        delivery = self.deliveries.get(id_delivery)
        if delivery is None:
            return Reply(404, {"error": "id_delivery no encontrado"})
        messages = [{"status": self.sms[i].status, "id_sms": i} for i in delivery["ids"]]
        status = {
            "id_delivery": id_delivery,
            "delivery_name": delivery["delivery_name"],
            "messages": messages,
        }
        return Reply(200, {"delivery_status": status})

    @staticmethod
    def _take(store: dict[str, Taken], fields: dict[str, Any], status: str = "EN_COLA") -> str:
        id_ = uuid.uuid4().hex
        store[id_] = Taken(fields, status)
        return id_


@dataclass
class Vendor:
    """A fake Connectus served over real HTTP, and adapters that talk to it."""

    fake: FakeConnectus
    server: FakeServer
    sleeps: list[float]  # the client's backoff waits, recorded instead of slept

    def adapter(self, api_key: str | None = None, read_timeout: float = 5.0) -> connectus.ConnectusProvider:
        client = HttpClient(self.server.url, timeout=(2.0, read_timeout), sleep=self.sleeps.append)
        key = self.fake.api_key if api_key is None else api_key
        return connectus.create(Credentials({"account_id": self.fake.account_id, "api_key": key}), client)


@contextmanager
def running(fake: FakeConnectus) -> Iterator[Vendor]:
    with serving(fake.handle) as server:
        yield Vendor(fake, server, [])


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def balance(amount: int) -> Reply:
    return Reply(200, {"balance": str(amount)})  # a string, as in the document's example


def is_number(value: object) -> bool:
    """A long in international format (the document says 11 Chilean digits; any country is taken)."""
    return str(value).isdigit() and 8 <= len(str(value)) <= 15


def is_datetime(text: str) -> bool:
    try:
        dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return False
    return True


def json_list(text: str, name: str) -> list[dict[str, Any]] | Reply:
    try:
        items = json.loads(text)
    except ValueError:
        return Reply(400, {"error": f"{name} must be a JSON-encoded array, got {text[:80]!r}"})
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        return Reply(400, {"error": f"{name} must be an array of objects"})
    if len(items) > BULK_LIMIT:
        return Reply(400, {"error": f"at most {BULK_LIMIT} {name} per request, got {len(items)}"})
    return items


def sms_error(item: dict[str, Any]) -> str:
    if set(item) != {"dst_number", "sms_content"}:
        return f"expected dst_number and sms_content, got {sorted(item)}"
    if not isinstance(item["dst_number"], int) or not is_number(item["dst_number"]):
        return f"dst_number inválido: {item['dst_number']!r}"
    return "" if isinstance(item["sms_content"], str) and item["sms_content"] else "sms_content vacío"


def email_error(item: dict[str, Any]) -> str:
    if set(item) - set(EMAIL_ITEM) or not {"dst_email", "subject", "email_content"} <= set(item):
        return f"expected {EMAIL_ITEM[:3]} and optionally sender, got {sorted(item)}"
    return "" if "@" in str(item["dst_email"]) else f"dst_email inválido: {item['dst_email']!r}"
