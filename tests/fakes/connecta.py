"""A fake Connecta platform (vendor document "Plataforma Connecta V.1.0"), served by tests.fakes.server.

It checks each call as documented: method, path, Content-Type application/json on the POSTs,
the exact parameter names (JSON body for POSTs, query string for GETs), username and password.
It keeps credits, stores sent messages so their status can be queried, and answers every
documented code on demand (`answer_next`). Undocumented mistakes of the caller (a wrong
method, an unknown field, a form body) get an HTTP 400 naming what was expected and what came.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.server import Reply, Request

SMS_FIELDS = ("numero", "mensaje", "username", "password")
EMAIL_FIELDS = (
    "nombre_remitente",
    "email_remitente",
    "destinatario",
    "asunto",
    "mensaje",
    "username",
    "password",
)
STATUS_FIELDS = ("id_mensaje", "username", "password")
CREDITS_FIELDS = ("username", "password")
SMS_STATES = ("pendiente", "esperando_confirmacion", "confirmado", "no_entregado", "dns_invalido")
EMAIL_STATES = ("pendiente", "esperando_confirmar", "entregado", "abierto", "click", "rebote")


@dataclass
class Sent:
    """One message the platform took."""

    channel: str  # "sms" or "email"
    fields: dict[str, str]
    estado: str = "pendiente"


@dataclass
class FakeConnecta:
    """The platform's state; `handle` is the request handler for `serving()`."""

    username: str = "empresa"
    password: str = "clave-secreta"
    credits: dict[str, int] = field(default_factory=lambda: {"sms": 15000, "email": 10000})
    sent: dict[str, Sent] = field(default_factory=dict)
    forced: dict[str, list[str]] = field(default_factory=dict)  # path -> codes to answer next
    _serial: itertools.count[int] = field(default_factory=lambda: itertools.count(150))

    def answer_next(self, path: str, code: str, times: int = 1) -> None:
        """Answer the next `times` well-formed calls to `path` with `code`, without processing them."""
        self.forced.setdefault(path, []).extend([code] * times)

    def set_state(self, id_mensaje: str, estado: str) -> None:
        message = self.sent[id_mensaje]
        allowed = SMS_STATES if message.channel == "sms" else EMAIL_STATES
        assert estado in allowed, f"{estado!r} is not a documented {message.channel} state: {allowed}"
        message.estado = estado

    def handle(self, request: Request) -> Reply:
        routes = {
            ("POST", "/send_sms"): (SMS_FIELDS, self._send_sms),
            ("POST", "/send_email"): (EMAIL_FIELDS, self._send_email),
            ("GET", "/get_status_sms_sent"): (STATUS_FIELDS, self._status_sms),
            ("GET", "/get_status_email_sent"): (STATUS_FIELDS, self._status_email),
            ("GET", "/get_credits"): (CREDITS_FIELDS, self._credits),
        }
        route = routes.get((request.method, request.path))
        if route is None:
            known = ", ".join(f"{method} {path}" for method, path in routes)
            return Reply(404, f"no {request.method} {request.path}; the platform has: {known}")
        names, action = route
        params = self._params(request, names)
        if isinstance(params, Reply):
            return params
        missing = [name for name in names if not params.get(name)]
        if missing:
            return answer("040")
        if params["username"] != self.username or params["password"] != self.password:
            return answer("010")
        forced = self.forced.get(request.path)
        if forced:
            return answer(forced.pop(0))
        return action(params)

    def _params(self, request: Request, names: tuple[str, ...]) -> dict[str, str] | Reply:
        """The call's parameters, or a 400 naming what differs from the document."""
        if request.method == "POST":
            content_type = request.headers.get("content-type", "")
            if not content_type.startswith("application/json"):
                return Reply(400, f"expected Content-Type application/json, got {content_type!r}")
            if request.query:
                return Reply(400, f"expected no query string on a POST, got {sorted(request.query)}")
            try:
                body = request.json()
            except ValueError:
                return Reply(400, f"expected a JSON body, got {request.body[:100]!r}")
            if not isinstance(body, dict):
                return Reply(400, f"expected a JSON object, got {body!r}"[:200])
            values: dict[str, Any] = body
        else:
            if request.body:
                return Reply(400, f"expected no body on a GET, got {request.body[:100]!r}")
            values = {name: vals[0] for name, vals in request.query.items()}
        unknown = sorted(set(values) - set(names))
        if unknown:
            return Reply(400, f"unknown parameters {unknown}; documented: {list(names)}")
        wrong_type = [name for name, value in values.items() if not isinstance(value, str)]
        if wrong_type:
            return Reply(400, f"parameters {wrong_type} must be Strings, as documented")
        return values

    def _send_sms(self, params: dict[str, str]) -> Reply:
        return self._take("sms", params, str(next(self._serial)), as_number=True)

    def _send_email(self, params: dict[str, str]) -> Reply:
        return self._take("email", params, uuid.uuid4().hex, as_number=False)

    def _take(self, channel: str, params: dict[str, str], id_mensaje: str, as_number: bool) -> Reply:
        if self.credits[channel] <= 0:
            return answer("044")
        self.credits[channel] -= 1
        self.sent[id_mensaje] = Sent(channel, params)
        # The document's examples: SMS ids are numbers (150), e-mail ids hexadecimal strings.
        return answer("101", id_mensaje=int(id_mensaje) if as_number else id_mensaje)

    def _status_sms(self, params: dict[str, str]) -> Reply:
        return self._status("sms", params["id_mensaje"])

    def _status_email(self, params: dict[str, str]) -> Reply:
        return self._status("email", params["id_mensaje"])

    def _status(self, channel: str, id_mensaje: str) -> Reply:
        message = self.sent.get(id_mensaje)
        if message is None or message.channel != channel:
            return answer("046")
        shown: int | str = int(id_mensaje) if id_mensaje.isdigit() else id_mensaje
        return answer("101", id_mensaje=shown, estado=message.estado)

    def _credits(self, params: dict[str, str]) -> Reply:
        return answer("101", sms=self.credits["sms"], email=self.credits["email"])


def answer(code: str, **fields: Any) -> Reply:
    """The platform's answer: always HTTP 200 with a JSON `response` code."""
    return Reply(200, {"response": code, **fields})
