"""Convergia (Mexico): one SMS a request by a GET with user and password in the query, over plain HTTP.

Vendor document: "guía rápida" of the API / Web Service (section 3, "INSTRUCCIONES"). The answers
are text: the send answer's first number is the code of the list; `estatus_mensaje.php` answers one
status code. The document speaks of "el ID regresado al detonar la misma" but never shows the send
answer, so an id is read only where the answer labels it (`ID: 880001`, `messageid=880001`): any
other number in it may be the phone number. Without one the row stays accepted, with a note that its
status cannot be asked for. There is no balance call.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import requests

from app.providers.base import (
    Balance,
    Capabilities,
    Channel,
    CredentialField,
    Credentials,
    Effect,
    OutgoingMessage,
    Problem,
    ProviderFailure,
    SendOptions,
    SendResult,
    State,
    StatusUpdate,
    register_secrets,
)
from app.providers.http import HttpClient, body_excerpt

log = logging.getLogger(__name__)

SEND_PATH = "/"
STATUS_PATH = "/estatus_mensaje.php"
BOGUS_ID = "0"  # no message has it: the status call then only tells whether the credentials work

CAPABILITIES = Capabilities(
    id="convergia",
    name="Convergia",
    channels=frozenset({Channel.SMS}),
    default_base_url="http://smswebservices.convergia.net.mx:8181",
    credentials=(
        CredentialField("user", "Usuario", secret=False),
        CredentialField("password", "Contraseña", secret=True),
    ),
    bulk_size=1,
    number_digits=12,  # "el numero a 12 dígitos (520123456789)"
    has_status=True,
    has_balance=False,
    plain_http=True,
)

SENT = 100
# "API para envío": every code but 100. The document says of none that nothing was sent, so none is
# retried. The refusals name a check of the request itself (user, password, text, number, IP, quota);
# "Error En red" and "Error de Sistema" do not say when they happened, so the message is unknown.
CODES: dict[int, Problem] = {
    101: Problem("101", Effect.STOP, "no_credentials"),  # "API User no incluido en la cadena original."
    102: Problem("102", Effect.STOP, "no_credentials"),  # "API Password no incluido ..."
    103: Problem("103", Effect.SKIP, "missing_field"),  # "Texto del SMS no incluido ..."
    104: Problem("104", Effect.SKIP, "missing_field"),  # "Número celular del SMS no incluido ..."
    105: Problem("105", Effect.SKIP, "message_too_long"),  # "Tamaño de mensaje excedido"
    109: Problem("109", Effect.UNKNOWN, "maybe_sent"),  # "Error En red"
    110: Problem("110", Effect.UNKNOWN, "maybe_sent"),  # "Error En red"
    200: Problem("200", Effect.UNKNOWN, "maybe_sent"),  # "Error de Sistema"
    201: Problem("201", Effect.STOP, "wrong_credentials"),  # "Usuario o password incorrectos."
    202: Problem("202", Effect.STOP, "ip_not_allowed"),  # "IP No permitida para esta acción"
    204: Problem("204", Effect.STOP, "message_quota"),  # "Numero de mensajes permitidos superado"
    # "Trafico no permitido" may concern one destination (a carrier or a number the route refuses):
    # that row fails; the same answer for several destinations in a row pauses (`TRAFFIC_STREAK`).
    205: Problem("205", Effect.SKIP, "traffic_not_allowed"),
    254: Problem("254", Effect.SKIP, "provider_error"),  # "Error al enviar el mensaje.": this one failed
    305: Problem("305", Effect.UNKNOWN, "maybe_sent"),  # "Error de Sistema"
    306: Problem("306", Effect.UNKNOWN, "maybe_sent"),  # "Error de Sistema"
    307: Problem("307", Effect.SKIP, "invalid_number"),  # "Numero incorrecto"
}

# "API para consulta": 5 (authentication) raises, 6 (not found) leaves the id out.
STATUS_CODES: dict[int, tuple[State, str]] = {
    0: (State.ACCEPTED, "Pendiente"),
    2: (State.UNDELIVERED, "Fallido"),
    3: (State.DELIVERED, "Entregado"),
}
STATUS_AUTH_ERROR = 5
STATUS_NOT_FOUND = 6

_NUMBER = re.compile(r"-?\d+")
# The id only where the answer names it: "ID: 880001", "id=880001", "messageid: 880001".
_LABELED_ID = re.compile(r"\b(?:message_?)?id\b\s*[:=#]?\s*(\d+)", re.IGNORECASE)
NO_ID = Problem("no_id", Effect.SKIP, "status_not_pollable")  # on an accepted row: the report says it
TRAFFIC_STREAK = 3  # 205 for this many different destinations in a row: the account's traffic, not theirs
TRAFFIC_BLOCKED = Problem("205", Effect.STOP, "account_blocked")


class ConvergiaProvider:
    """Adapter for Convergia's send URL and `estatus_mensaje.php`."""

    capabilities = CAPABILITIES

    def __init__(self, credentials: Credentials, client: HttpClient) -> None:
        self.credentials = credentials
        self.client = client
        self._refused_traffic: set[str] = set()  # destinations answered 205 since the last other answer

    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        """Send the one message of the batch (Convergia has no bulk call)."""
        if not batch:
            return []
        if len(batch) > CAPABILITIES.bulk_size:
            raise ValueError("Convergia takes one message a request.")
        message = batch[0]
        response = self._get(SEND_PATH, {"number": message.to, "message": message.text}, idempotent=False)
        numbers = _NUMBER.findall(response.text)
        code = int(numbers[0]) if numbers else None
        if code != 205:
            self._refused_traffic.clear()
        if code == SENT:
            labeled = _LABELED_ID.search(response.text)
            if labeled is None or labeled.group(1) == message.to:
                log.debug("convergia: message accepted without an id")
                return [SendResult(message.key, State.ACCEPTED, problem=NO_ID)]
            return [SendResult(message.key, State.ACCEPTED, provider_id=labeled.group(1))]
        problem = CODES.get(code) if code is not None else None
        if problem is None:
            detail = body_excerpt(response)
            raise ProviderFailure(Problem(str(code), Effect.UNKNOWN, "unexpected_answer", detail))
        if code == 205:
            self._refused_traffic.add(message.to)
            if len(self._refused_traffic) >= TRAFFIC_STREAK:
                raise ProviderFailure(TRAFFIC_BLOCKED)  # refused, so the row goes back to pending
        if problem.effect is Effect.SKIP:
            return [SendResult(message.key, State.REJECTED, problem=problem)]
        raise ProviderFailure(problem)

    def statuses(self, provider_ids: Sequence[str], channel: Channel) -> list[StatusUpdate]:
        """One status request per id (the API has no list query); unknown ids are left out."""
        updates = []
        for provider_id in provider_ids:
            code = self._status_code(provider_id)
            if code == STATUS_NOT_FOUND:
                continue
            if code not in STATUS_CODES:
                log.warning("convergia: undocumented status code %s", code)
                continue
            state, word = STATUS_CODES[code]
            updates.append(StatusUpdate(provider_id, state, word))
        return updates

    def balance(self) -> Balance:
        """Convergia documents no balance call."""
        return Balance(None, None)

    def test_credentials(self) -> Balance:
        """The status of an id that cannot exist: the answer is 5 only if the credentials are wrong."""
        self._status_code(BOGUS_ID)
        return Balance(None, None)

    def close(self) -> None:
        self.client.close()

    def _status_code(self, provider_id: str) -> int | None:
        response = self._get(STATUS_PATH, {"messageid": provider_id}, idempotent=True)
        numbers = _NUMBER.findall(response.text)
        code = int(numbers[0]) if numbers else None
        if code == STATUS_AUTH_ERROR:
            raise ProviderFailure(Problem(str(code), Effect.STOP, "wrong_credentials"))
        return code

    def _get(self, path: str, params: dict[str, str], *, idempotent: bool) -> requests.Response:
        user, password = self.credentials["user"], self.credentials["password"]
        if not user or not password:
            raise ProviderFailure(Problem("no_credentials", Effect.STOP, "no_credentials"))
        # The password travels in the query, as documented; http.py never logs or raises the URL.
        query = {"username": user, "password": password, **params}
        response = self.client.request("GET", path, idempotent=idempotent, params=query)
        if not 200 <= response.status_code < 300:  # 3xx/4xx: refused (the client raised 429 and 5xx)
            raise ProviderFailure(
                Problem(f"http_{response.status_code}", Effect.STOP, "refused", body_excerpt(response))
            )
        return response


def create(credentials: Credentials, client: HttpClient) -> ConvergiaProvider:
    register_secrets(CAPABILITIES, credentials)
    return ConvergiaProvider(credentials, client)
