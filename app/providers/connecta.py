"""Connecta (Connectus' legacy platform, v1.0): SMS and e-mail, one message per request, plain HTTP.

Vendor document "Plataforma Connecta V.1.0" (seeds/000). Every call carries the username and
password: in the JSON body of the POSTs, in the query string of the GETs. Every answer is JSON
with a `response` code. The platform speaks plain HTTP on port 80, so the password crosses the
network unencrypted (`plain_http`: the user is warned once).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

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
from app.providers.batching import not_sent
from app.providers.http import HttpClient, body_excerpt, excerpt

log = logging.getLogger(__name__)

CAPABILITIES = Capabilities(
    id="connecta",
    name="Connecta (Connectus v1.0)",
    channels=frozenset({Channel.SMS, Channel.EMAIL}),
    default_base_url="http://ws.connectus.cl",
    credentials=(
        CredentialField("user", "Usuario", secret=False),
        CredentialField("password", "Contraseña", secret=True),
    ),
    bulk_size=1,  # no bulk call: one request per message
    has_status=True,
    has_balance=True,
    plain_http=True,
    # Section 3's 040: "Required field(s) nombre_remitente, email_remitente, ... is missing or empty".
    email_sender_required=True,
)

# The document's URLs lost their underscores in the PDF ("send sms"): our reading restores them.
SEND_PATHS = {Channel.SMS: "/send_sms", Channel.EMAIL: "/send_email"}
STATUS_PATHS = {Channel.SMS: "/get_status_sms_sent", Channel.EMAIL: "/get_status_email_sent"}
CREDITS_PATH = "/get_credits"

SUCCESS = "101"
# Every "Código respuesta" of sections 3-7. None is documented as "not sent": 010, 040 and 044
# are refusals that check the request before it is taken; 040 is campaign-wide (per-message
# fields, number, text, subject, are checked before sending).
PROBLEMS: dict[str, Problem] = {
    "010": Problem("010", Effect.STOP, "wrong_credentials"),  # "Wrong user or password"
    "040": Problem("040", Effect.STOP, "missing_field"),  # "Required field(s) ... is missing or empty"
    "044": Problem("044", Effect.STOP, "no_balance"),  # "Insufficients credits"
    "046": Problem("046", Effect.SKIP, "not_found"),  # "Message not exist" (status calls)
    # "004 Internal Error" (sections 3 and 4): the document never says the message was not taken,
    # and an internal error may come after it was: the message becomes unknown, never re-sent.
    "004": Problem("004", Effect.UNKNOWN, "maybe_sent"),
}

# Section 6, "Estado" of an SMS. `dns_invalido`: the number is invalid per the portability table.
SMS_STATUS: dict[str, State] = {
    "pendiente": State.ACCEPTED,
    "esperando_confirmacion": State.ACCEPTED,
    "confirmado": State.DELIVERED,
    "no_entregado": State.UNDELIVERED,
    "dns_invalido": State.REJECTED,
}
# Section 5, "Estado" of an e-mail.
EMAIL_STATUS: dict[str, State] = {
    "pendiente": State.ACCEPTED,
    "esperando_confirmar": State.ACCEPTED,
    "entregado": State.DELIVERED,
    "abierto": State.OPENED,
    "click": State.CLICKED,
    "rebote": State.BOUNCED,
}
STATUS_WORDS = {Channel.SMS: SMS_STATUS, Channel.EMAIL: EMAIL_STATUS}


class ConnectaProvider:
    """Adapter for Connecta's five calls: send SMS, send e-mail, their statuses, and credits."""

    capabilities = CAPABILITIES

    def __init__(self, credentials: Credentials, client: HttpClient) -> None:
        self.credentials = credentials
        self.client = client

    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        """One request per message (the engine sends batches of one: `bulk_size` is 1)."""
        results: list[SendResult] = []
        for position, message in enumerate(batch):
            missing = missing_field(message, options.channel)
            if missing:
                problem = Problem("local", Effect.SKIP, "missing_field", f"empty {missing}")
                results.append(SendResult(message.key, State.REJECTED, problem=problem))
                continue
            try:
                results.append(self._send_one(message, options))
            except ProviderFailure as failure:
                if len(batch) == 1:
                    raise
                results += not_sent(batch[position : position + 1], batch[position + 1 :], failure.problem)
                break
        return results

    def _send_one(self, message: OutgoingMessage, options: SendOptions) -> SendResult:
        if options.channel is Channel.EMAIL:
            fields = {
                "nombre_remitente": options.sender_name,
                "email_remitente": options.sender_email,
                "destinatario": message.to,
                "asunto": message.subject,
                "mensaje": message.text,
            }
        else:
            fields = {"numero": message.to, "mensaje": message.text}
        code, answer = self._call(
            "POST", SEND_PATHS[options.channel], idempotent=False, json={**fields, **self._auth()}
        )
        if code == SUCCESS:
            provider_id = answer.get("id_mensaje")
            if provider_id in (None, ""):
                problem = Problem(code, Effect.UNKNOWN, "unexpected_answer", "101 without id_mensaje")
                return SendResult(message.key, State.UNKNOWN, problem=problem)
            return SendResult(message.key, State.ACCEPTED, provider_id=str(provider_id))
        problem = self._problem(code, answer)
        if problem.effect is Effect.SKIP:
            return SendResult(message.key, State.REJECTED, problem=problem)
        raise ProviderFailure(problem)

    def statuses(self, provider_ids: Sequence[str], channel: Channel) -> list[StatusUpdate]:
        """One GET per message; messages the platform does not know (046) are left out."""
        words = STATUS_WORDS[channel]
        updates = []
        for provider_id in provider_ids:
            params = {"id_mensaje": provider_id, **self._auth()}
            code, answer = self._call("GET", STATUS_PATHS[channel], idempotent=True, params=params)
            if code == "046":  # Message not exist
                continue
            if code != SUCCESS:
                raise ProviderFailure(self._problem(code, answer))
            word = str(answer.get("estado", ""))
            state = words.get(word)
            if state is None:
                log.warning("connecta: undocumented %s status %r for %s", channel.value, word, provider_id)
                continue
            updates.append(StatusUpdate(provider_id, state, word))
        return updates

    def balance(self) -> Balance:
        """SMS and e-mail credits, from `get_credits`."""
        code, answer = self._call("GET", CREDITS_PATH, idempotent=True, params=self._auth())
        if code != SUCCESS:
            raise ProviderFailure(self._problem(code, answer))
        try:
            return Balance(sms=int(answer["sms"]), email=int(answer["email"]))
        except (KeyError, TypeError, ValueError):
            raise ProviderFailure(self._unexpected("credits without sms/email", answer)) from None

    def test_credentials(self) -> Balance:
        """`get_credits` is the only call that costs nothing."""
        return self.balance()

    def close(self) -> None:
        self.client.close()

    def _auth(self) -> dict[str, str]:
        user, password = self.credentials["user"], self.credentials["password"]
        if not user or not password:
            raise ProviderFailure(Problem("no_credentials", Effect.STOP, "no_credentials"))
        return {"username": user, "password": password}

    def _call(self, method: str, path: str, *, idempotent: bool, **kwargs: Any) -> tuple[str, dict[str, Any]]:
        """The answer's `response` code and body; HTTP errors and non-JSON answers raise."""
        response = self.client.request(method, path, idempotent=idempotent, **kwargs)
        if not 200 <= response.status_code < 300:
            raise ProviderFailure(self._http_problem(response))
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or "response" not in answer:
            raise ProviderFailure(self._unexpected("not a JSON answer with a response code", response.text))
        return response_code(answer["response"]), answer

    def _problem(self, code: str, answer: dict[str, Any]) -> Problem:
        return PROBLEMS.get(code) or self._unexpected(f"undocumented response code {code}", answer)

    def _http_problem(self, response: requests.Response) -> Problem:
        """Undocumented 3xx/4xx answers: refused before processing (the client raised 429 and 5xx)."""
        status = response.status_code
        reason = "wrong_credentials" if status in (401, 403) else "refused"
        return Problem(f"http_{status}", Effect.STOP, reason, body_excerpt(response))

    def _unexpected(self, what: str, evidence: object) -> Problem:
        return Problem("answer", Effect.UNKNOWN, "unexpected_answer", excerpt(f"{what}: {evidence}"))


def response_code(value: object) -> str:
    """'101' as documented; a JSON number loses the leading zeros of 010, 040, 004: restore them."""
    text = str(value).strip()
    return text.zfill(3) if text.isdigit() else text


def missing_field(message: OutgoingMessage, channel: Channel) -> str:
    """The per-message field the platform would refuse as empty (code 040), or ''."""
    if not message.to.strip():
        return "destinatario" if channel is Channel.EMAIL else "numero"
    if not message.text.strip():
        return "mensaje"
    if channel is Channel.EMAIL and not message.subject.strip():
        return "asunto"
    return ""


def create(credentials: Credentials, client: HttpClient) -> ConnectaProvider:
    register_secrets(CAPABILITIES, credentials)
    return ConnectaProvider(credentials, client)
