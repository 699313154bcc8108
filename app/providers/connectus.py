"""Connectus API v1.3: SMS and e-mail, one by one or in bulk, with statuses, balances and scheduling.

Vendor document "connectus API v.1.3" (seeds/001). HTTP Basic auth: the account id is the user,
the API key the password. Parameters travel in the query string, as in every example (`params=`);
the bulk calls carry their messages as a JSON-encoded string. Errors are not documented: any
non-2xx answer is a refusal and its body is shown. A bulk of 1,000 in a query string makes a URL
of 100+ KB, which common servers refuse (HTTP 414): every request is sized to keep its URL under
8,000 bytes, and a request refused with 414 is split in two.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import requests

from app.core.domain import Channel, State
from app.core.engine.pacing import Pacer
from app.providers.base import (
    Balance,
    Capabilities,
    CredentialField,
    Credentials,
    Effect,
    OutgoingMessage,
    Problem,
    ProviderFailure,
    SendOptions,
    SendResult,
    StatusUpdate,
    register_secrets,
)
from app.providers.batching import not_sent
from app.providers.connectus_wire import ROUTES, Item, bulk_params, local_problem, plan, single_params
from app.providers.http import HttpClient, body_excerpt, excerpt

log = logging.getLogger(__name__)

CAPABILITIES = Capabilities(
    id="connectus",
    name="Connectus (API v1.3)",
    channels=frozenset({Channel.SMS, Channel.EMAIL}),
    default_base_url="https://api.connectus.cl",
    credentials=(
        CredentialField("account_id", "ID de cuenta", secret=False),
        CredentialField("api_key", "Llave de API", secret=True),
    ),
    bulk_size=1000,  # "hasta 1.000 por consulta"
    has_status=True,
    bulk_statuses=True,  # "Revisar estado de envío masivo de SMS" by the bulk's `id_delivery`
    has_balance=True,
    schedules=True,  # `deliver_at` of the bulk calls
    pushes_statuses=True,
    pushes_replies=True,
)

URL_LIMIT = 8000  # bytes of URL that common web servers accept (our reading)
DELIVERY_STATUS_PATH = "/api_v1/check_delivery_status"  # "Revisar estado de envío masivo de SMS"
STATUS_GAP = 0.1  # seconds between two one-message status GETs: no limit is documented (our reading)
MIN_URL_LIMIT = 1000

# "Revisar estado de SMS", also the webhook's `status`: the webhook receiver reuses this table.
CONNECTUS_STATUS: dict[str, State] = {
    "PROGRAMADO": State.ACCEPTED,  # scheduled with deliver_at
    "EN_COLA": State.ACCEPTED,
    "NUMERO_INVALIDO": State.REJECTED,
    "ENVIADO_A_CARRIER": State.ACCEPTED,
    "ESPERANDO_RESPUESTA": State.ACCEPTED,
    "NO_ENTREGABLE": State.UNDELIVERED,
    "ENTREGADO": State.DELIVERED,
}
# "Revisar estado de E-Mail": a status, then events that move a delivered e-mail further on.
EMAIL_STATUS: dict[str, State] = {
    "PROGRAMADO": State.ACCEPTED,
    "EN_COLA": State.ACCEPTED,
    "NUMERO_ENVIADO": State.ACCEPTED,  # sic: "sent"
    "NO_ENTREGABLE": State.BOUNCED,
    "ENTREGADO": State.DELIVERED,
}
EMAIL_EVENTS: dict[str, State] = {"ABIERTO": State.OPENED, "CLICKEADO": State.CLICKED}

# No error is documented; these HTTP answers have an obvious meaning. Any other 3xx/4xx is a refusal
# that stops the campaign with its body shown (HTTP's own meaning: the request was not taken). The
# client already made a send's 5xx unknown (http.py): the document says nothing of what it means.
HTTP_PROBLEMS: dict[int, Problem] = {
    401: Problem("http_401", Effect.STOP, "wrong_credentials"),
    403: Problem("http_403", Effect.STOP, "wrong_credentials"),
    414: Problem("http_414", Effect.SKIP, "message_too_long"),  # one message alone is over the URL limit
}
MESSAGE_ERROR = Problem("message_error", Effect.SKIP, "refused")  # a bulk answer's entry with an `error`
NO_ID = Problem("missing", Effect.UNKNOWN, "unexpected_answer")  # an entry with neither id nor error


class ConnectusProvider:
    """Adapter for the Connectus API v1.3."""

    capabilities = CAPABILITIES

    def __init__(self, credentials: Credentials, client: HttpClient) -> None:
        self.credentials = credentials
        self.client = client
        self.url_limit = URL_LIMIT  # lowered when the server refuses a URL as too long
        self.status_pacer = Pacer(time.monotonic, client.sleep)

    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        """A lone unscheduled message goes by the single call, anything else by the bulk call, in as
        many requests as the URL limit needs. A failure raises only if its request carried the whole
        batch; otherwise each message says what became of it (see `not_sent`)."""
        results: dict[int, SendResult] = {}
        todo: list[Item] = []
        for position, message in enumerate(batch):
            problem = local_problem(message, options.channel)
            if problem:
                results[position] = SendResult(message.key, State.REJECTED, problem=problem)
            else:
                todo.append((position, message))
        single = len(batch) == 1 and options.deliver_at is None
        queue = deque([todo] if single else self._plan(todo, options)) if todo else deque()
        while queue:
            chunk = queue.popleft()
            try:
                outcome = self._post(chunk, options, single)
            except ProviderFailure as failure:
                if len(chunk) == len(batch):
                    raise
                later = [item for part in queue for item in part]
                marked = not_sent([m for _, m in chunk], [m for _, m in later], failure.problem)
                results.update(zip([p for p, _ in (*chunk, *later)], marked, strict=True))
                break
            if outcome is None:  # HTTP 414: not processed; split it
                if len(chunk) == 1:
                    position, message = chunk[0]
                    results[position] = SendResult(message.key, State.REJECTED, problem=HTTP_PROBLEMS[414])
                else:  # halve it, and size what is left to the lowered limit
                    later = [item for part in queue for item in part]
                    half = len(chunk) // 2
                    queue = deque([chunk[:half], chunk[half:], *self._plan(later, options)])
                continue
            results.update(outcome)
        return [results[position] for position in range(len(batch))]

    def _plan(self, items: list[Item], options: SendOptions) -> list[list[Item]]:
        url = self.client.url(ROUTES[options.channel].bulk)
        return plan(items, options, url, self.url_limit, CAPABILITIES.bulk_size)

    def _post(self, chunk: list[Item], options: SendOptions, single: bool) -> dict[int, SendResult] | None:
        """Send one request; its results by position, or None when the URL was refused as too long."""
        route = ROUTES[options.channel]
        path, params = (
            (route.single, single_params(chunk[0][1], options))
            if single
            else (route.bulk, bulk_params(chunk, options))
        )
        response = self.client.request("POST", path, idempotent=False, params=params, auth=self._auth())
        if response.status_code == 414:
            if len(chunk) > 1:
                self.url_limit = max(MIN_URL_LIMIT, min(self.url_limit, len(response.request.url or "") // 2))
                log.info(
                    "connectus: URL refused as too long; requests now stay under %d bytes", self.url_limit
                )
            return None
        answer = self._json(response)
        entries = [answer] if single else answer.get(route.items, answer.get("messages"))
        if not isinstance(entries, list) or len(entries) != len(chunk):
            problem = self._unexpected(f"expected {len(chunk)} answers", answer)
            return {position: SendResult(m.key, State.UNKNOWN, problem=problem) for position, m in chunk}
        results = {
            position: self._result(message, entry, route.id_key)
            for (position, message), entry in zip(chunk, entries, strict=True)
        }
        delivery = answer.get("id_delivery")
        if not single and options.channel is Channel.SMS and isinstance(delivery, str) and delivery:
            # Kept in the journal: any later reader (the window's watcher, `status --refresh`) asks
            # for the whole bulk in one call (`bulk_statuses`).
            results = {
                position: result._replace(bulk_id=delivery) if result.provider_id else result
                for position, result in results.items()
            }
        return results

    def _result(self, message: OutgoingMessage, entry: object, id_key: str) -> SendResult:
        provider_id = entry.get(id_key) if isinstance(entry, dict) else None
        if provider_id:
            return SendResult(message.key, State.ACCEPTED, provider_id=str(provider_id))
        detail = excerpt(json.dumps(entry, ensure_ascii=False))
        if isinstance(entry, dict) and entry.get("error"):  # the API names why it refused this one
            return SendResult(message.key, State.REJECTED, problem=replace(MESSAGE_ERROR, detail=detail))
        return SendResult(message.key, State.UNKNOWN, problem=replace(NO_ID, detail=detail))

    def bulk_statuses(self, bulk_id: str, channel: Channel) -> list[StatusUpdate] | None:
        """Every message of one SMS bulk ("Revisar estado de envío masivo de SMS"):
        `{"delivery_status": {"messages": [{"status", "id_sms"}]}}`; None once the API forgot it (404)."""
        if channel is not Channel.SMS:  # the document offers it for SMS bulks only
            return None
        self.status_pacer.wait()
        self.status_pacer.started(STATUS_GAP)
        response = self.client.request(
            "GET", DELIVERY_STATUS_PATH, idempotent=True, params={"id_delivery": bulk_id}, auth=self._auth()
        )
        if response.status_code == 404:  # no longer known: its messages are asked one by one
            return None
        answer = self._json(response)
        status = answer.get("delivery_status", answer)
        messages = status.get("messages") if isinstance(status, dict) else None
        if not isinstance(messages, list):
            raise ProviderFailure(self._unexpected("no messages in the bulk's status", answer))
        updates = []
        for entry in messages:
            if isinstance(entry, dict) and entry.get("id_sms"):
                update = status_update(str(entry["id_sms"]), entry, Channel.SMS)
                if update is not None:
                    updates.append(update)
        return updates

    def statuses(self, provider_ids: Sequence[str], channel: Channel) -> list[StatusUpdate]:
        """One "Revisar estado" GET per message, `STATUS_GAP` apart: never a burst of hundreds. Ids the
        API does not find (404) or undocumented words are left out."""
        route = ROUTES[channel]
        updates = []
        for provider_id in provider_ids:
            self.status_pacer.wait()
            self.status_pacer.started(STATUS_GAP)
            response = self.client.request(
                "GET", route.status, idempotent=True, params={route.id_key: provider_id}, auth=self._auth()
            )
            if response.status_code == 404:
                continue
            update = status_update(provider_id, self._json(response), channel)
            if update is None:
                log.warning("connectus: undocumented %s status for %s", channel.value, provider_id)
            else:
                updates.append(update)
        return updates

    def balance(self) -> Balance:
        """SMS and e-mail balances; the API sends them as strings."""
        return Balance(sms=self._balance(Channel.SMS), email=self._balance(Channel.EMAIL))

    def _balance(self, channel: Channel) -> int:
        response = self.client.request("GET", ROUTES[channel].balance, idempotent=True, auth=self._auth())
        answer = self._json(response)
        try:
            return int(str(answer["balance"]).strip())
        except (KeyError, ValueError):
            raise ProviderFailure(self._unexpected("balance is not a whole number", answer)) from None

    def test_credentials(self) -> Balance:
        """The balance calls are the cheapest authenticated calls."""
        return self.balance()

    def close(self) -> None:
        self.client.close()

    def _auth(self) -> tuple[str, str]:
        account, key = self.credentials["account_id"], self.credentials["api_key"]
        if not account or not key:
            raise ProviderFailure(Problem("no_credentials", Effect.STOP, "no_credentials"))
        return account, key

    def _json(self, response: requests.Response) -> dict[str, Any]:
        """The body of a 2xx answer as a JSON object; any other answer raises its problem."""
        status = response.status_code
        if not 200 <= status < 300:
            detail = body_excerpt(response)
            known = HTTP_PROBLEMS.get(status)
            if known:
                raise ProviderFailure(replace(known, detail=detail))
            raise ProviderFailure(Problem(f"http_{status}", Effect.STOP, "refused", detail))
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            raise ProviderFailure(self._unexpected("not a JSON object", response.text))
        return answer

    def _unexpected(self, what: str, evidence: object) -> Problem:
        return Problem("answer", Effect.UNKNOWN, "unexpected_answer", excerpt(f"{what}: {evidence}"))


def status_update(provider_id: str, answer: dict[str, Any], channel: Channel) -> StatusUpdate | None:
    """A status answer normalized; None for a word the document does not list."""
    word = str(answer.get("status", ""))
    state = (CONNECTUS_STATUS if channel is Channel.SMS else EMAIL_STATUS).get(word)
    if state is None:
        return None
    if channel is Channel.EMAIL and state is not State.BOUNCED:
        # The example names the fields `event`/`timestamp`, the table `email_event`/`event_timestamp`.
        events = answer.get("events") or []
        seen = {str(e.get("event") or e.get("email_event")) for e in events if isinstance(e, dict)}
        for event in ("CLICKEADO", "ABIERTO"):  # the furthest one wins
            if event in seen:
                return StatusUpdate(provider_id, EMAIL_EVENTS[event], event)
    return StatusUpdate(provider_id, state, word)


def create(credentials: Credentials, client: HttpClient) -> ConnectusProvider:
    register_secrets(CAPABILITIES, credentials)
    return ConnectusProvider(credentials, client)
