"""Each vendor's request shape to an event, or `Refused` with the HTTP status and why.

Connectus v1.3 ("Webhooks", seeds/001) posts JSON: status updates `{"id_sms", "status"}`
and received SMS `{"id_sms", "dst_number", "src_number", "src_provider", "sms_content"}`;
its numbers are typed `long` but the examples quote them: both are accepted. The document
says only that events are "redirigida a través de HTTP", and the rest of its API passes
parameters in the query string, so a form body, and a GET's query string, are accepted too.
IT Cloud (seeds/002, section 3) sends `mensaje` and `celular` as query parameters; a POST
form is accepted as well.

Text is taken as the sender wrote it: UTF-8 (a byte-order mark dropped), else Windows-1252,
the encoding of older Latin-American gateways (`%ED` is "í"); no reply loses a character.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from app.core.journal.inbox_models import Incoming, IncomingReply, IncomingStatus
from app.providers.connectus import CONNECTUS_STATUS
from app.webhooks.optout import is_opt_out
from app.webhooks.routes import Route

_NOT_DIGIT = re.compile(r"\D")


class Refused(Exception):
    """The request cannot be an event: answered with `status`, kept with `reason` and `detail`."""

    def __init__(self, status: int, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.status, self.reason, self.detail = status, reason, detail


@dataclass(frozen=True)
class Request:
    """What the parsers read of an HTTP request (never its path: it holds the token)."""

    method: str
    query: str
    content_type: str
    body: bytes


def parse(route: Route, request: Request, received_at: float, opt_out_words: frozenset[str]) -> Incoming:
    """The event this request carries, or `Refused`."""
    if request.method not in route.methods:
        raise Refused(405, "wrong_method", f"{request.method} (expected {', '.join(sorted(route.methods))})")
    fields = _fields(request)
    if route.name == "connectus_status":
        provider_id, word = _required(fields, "id_sms", "status")
        word = word.strip().upper()
        state = CONNECTUS_STATUS.get(word)  # the polling table: one mapping, one rule
        return IncomingStatus(route.provider, provider_id.strip(), word, state, received_at)
    if route.name == "connectus_inbound":
        ref, sender, text = _required(fields, "id_sms", "src_number", "sms_content")
        recipient = _number(fields.get("dst_number"), "dst_number", optional=True)
        return _reply(route, _number(sender, "src_number"), recipient, text, received_at, ref.strip(),
                      opt_out_words)  # fmt: skip
    text, sender = _required(fields, "mensaje", "celular")
    return _reply(route, _number(sender, "celular"), "", text, received_at, "", opt_out_words)


def _reply(route: Route, sender: str, recipient: str, text: str, received_at: float, ref: str,
           words: frozenset[str]) -> IncomingReply:  # fmt: skip
    return IncomingReply(route.provider, sender, recipient, text, received_at, ref, is_opt_out(text, words))


def decode_text(data: bytes) -> str:
    """Bytes as text: UTF-8 without its byte-order mark, else Windows-1252, else Latin-1 (never fails)."""
    data = data.removeprefix(codecs.BOM_UTF8)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # the five bytes Windows-1252 leaves undefined


def _form(encoded: bytes) -> dict[str, str]:
    """A query string or form body: each name and value percent-decoded to bytes, then `decode_text`."""
    pairs = parse_qs(encoded.decode("latin-1"), keep_blank_values=True, encoding="latin-1")
    return {decode_text(key.encode("latin-1")): decode_text(values[-1].encode("latin-1"))
            for key, values in pairs.items()}  # fmt: skip


def _fields(request: Request) -> dict[str, Any]:
    """The request's parameters: a JSON object body, else a form body, then the query string."""
    # PEP 3333: the query is the request's bytes as Latin-1 text.
    query = _form(request.query.encode("latin-1"))
    fields: dict[str, Any] = {key: value for key, value in query.items() if value}
    body = request.body.removeprefix(codecs.BOM_UTF8).strip()
    if not body:
        return fields
    # A form, or a body that cannot be JSON sent without its content type (some senders omit it).
    if "form-urlencoded" in request.content_type.lower() or not body.startswith((b"{", b"[")):
        fields.update(_form(body))
        return fields
    try:
        data = json.loads(decode_text(body))
    except RecursionError:  # thousands of nested brackets: no sender's event
        raise Refused(400, "bad_json", "nested too deeply") from None
    except ValueError as exc:
        raise Refused(400, "bad_json", str(exc)[:200]) from None
    if not isinstance(data, dict):
        raise Refused(400, "bad_json", f"a JSON {type(data).__name__}, not an object")
    fields.update(data)
    return fields


def _required(fields: dict[str, Any], *names: str) -> list[str]:
    """The named fields as text; `Refused` naming every one that is missing."""
    missing = [name for name in names if fields.get(name) is None or isinstance(fields[name], dict | list)]
    if missing:
        raise Refused(400, "missing_fields", ", ".join(missing))
    values = [str(fields[name]) for name in names]
    blank = [name for name, value in zip(names, values, strict=True) if not value.strip() and name not in
             ("sms_content", "mensaje")]  # fmt: skip
    if blank:
        raise Refused(400, "missing_fields", ", ".join(blank))
    return values


def _number(value: Any, name: str, *, optional: bool = False) -> str:
    """A number as international digits without '+' ("+56 9 9032 4203", 56990324203 -> "56990324203")."""
    if value is None or value == "":
        if optional:
            return ""
        raise Refused(400, "missing_fields", name)
    if isinstance(value, float) and value.is_integer():  # a JSON number written as 5.69903e10
        value = int(value)
    digits = _NOT_DIGIT.sub("", str(value)).removeprefix("00")
    if not 6 <= len(digits) <= 15:  # E.164 allows 15; shorter ones are short codes at most
        raise Refused(400, "bad_number", f"{name}: {str(value)[:40]}")
    return digits
