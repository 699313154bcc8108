"""Wavy (now Sinch) messaging API: JSON over HTTPS, single and bulk SMS, status search.

Vendor: the seed's first page plus Sinch's page of the Wavy SMS API (see seeds/README.md). Our
`correlationId` is the journal key, so answers and statuses match messages even out of order.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import replace
from json.encoder import encode_basestring_ascii as quoted  # what json.dumps escapes strings with
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
from app.providers.http import HttpClient, body_excerpt

log = logging.getLogger(__name__)

SEND_PATH = "/v1/send-sms"
BULK_PATH = "/v1/send-bulk-sms"
STATUS_PATH = "/v1/sms/status/search"
STATUS_CHUNK = 1000  # ids per status search; the API does not document a limit
BOGUS_ID = "00000000-0000-0000-0000-000000000000"
# A send no user's account can take (no destination, no text): a sending user gets 400 for it,
# a user who may not send gets 403 before the body is read. Nothing can leave.
PROBE = {"destination": "", "messageText": "", "correlationId": "masivo-credential-test"}
CREDIT_CHECK_EVERY = 10.0  # seconds between two looks for NO_CREDIT in the last messages' statuses

CAPABILITIES = Capabilities(
    id="wavy",
    name="Wavy (Sinch)",
    channels=frozenset({Channel.SMS}),
    default_base_url="https://api-messaging.wavy.global",
    credentials=(
        CredentialField("user", "UserName", secret=False),
        CredentialField("token", "AuthenticationToken", secret=True),
    ),
    bulk_size=1000,
    max_length=1280,
    has_status=True,
    has_balance=False,
    finds_sent=True,  # by the correlationId Masivo chose: the journal key
    status_interval=1.0,  # at most one status request a second (429 beyond)
)

# HTTP answers to a send. The client retried 429 ("429 rate limited") and made a send's 5xx ("5xx
# server errors", nothing said of whether the message was taken) unknown before they get here.
HTTP_CODES: dict[int, Problem] = {
    400: Problem("http_400", Effect.SKIP, "refused"),
    401: Problem("http_401", Effect.STOP, "wrong_credentials"),
    403: Problem("http_403", Effect.STOP, "wrong_credentials"),
}
# "Administrador ... Este usuario no hace envíos de mensajes ni por el portal ni vía integración API"
# (seed, "Tipo"): it may read reports, so only a send tells it apart (`test_credentials`).
ADMIN_USER = Problem("http_403", Effect.STOP, "wavy_admin_user")
NO_CREDIT = Problem("201", Effect.STOP, "no_balance")  # "201 NO_CREDIT", seen in the statuses only

# `sentStatusCode` failures: 1xx and 301 happened at the carrier, 2xx were refused by Wavy itself.
SENT_CODES: dict[int, tuple[State, Problem]] = {
    101: (State.UNDELIVERED, Problem("101", Effect.SKIP, "expired")),
    102: (State.UNDELIVERED, Problem("102", Effect.SKIP, "carrier_error")),
    103: (State.UNDELIVERED, Problem("103", Effect.SKIP, "rejected_by_carrier")),
    201: (State.REJECTED, Problem("201", Effect.STOP, "no_balance")),
    202: (State.REJECTED, Problem("202", Effect.SKIP, "invalid_number")),
    203: (State.REJECTED, Problem("203", Effect.SKIP, "number_blocklisted")),
    204: (State.REJECTED, Problem("204", Effect.SKIP, "destination_optout")),
    205: (State.REJECTED, Problem("205", Effect.SKIP, "destination_limit")),
    207: (State.REJECTED, Problem("207", Effect.SKIP, "invalid_text")),
    301: (State.UNDELIVERED, Problem("301", Effect.SKIP, "provider_error")),
}
SENT_SUCCESS = 2
DELIVERED_CODES: dict[int, State] = {4: State.DELIVERED, 104: State.UNDELIVERED}


class WavyProvider:
    """Adapter for `send-sms`, `send-bulk-sms` and `sms/status/search`."""

    capabilities = CAPABILITIES

    def __init__(self, credentials: Credentials, client: HttpClient) -> None:
        self.credentials = credentials
        self.client = client
        self.clock = time.monotonic
        self.credit_check_every = CREDIT_CHECK_EVERY
        self._recent: list[str] = []  # ids accepted since the last look for NO_CREDIT
        self._credit_checked_at: float | None = None  # the first look: `credit_check_every` into the run

    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        """One message goes to `send-sms`, more to `send-bulk-sms` (at most 1000)."""
        if not batch:
            return []
        if len(batch) > CAPABILITIES.bulk_size:
            raise ValueError(f"Wavy takes at most {CAPABILITIES.bulk_size} messages a request.")
        self._stop_if_out_of_credit()
        single = len(batch) == 1
        body = message_item(batch[0]) if single else bulk_body(batch)
        response = self._post(SEND_PATH if single else BULK_PATH, body, idempotent=False)
        problem = self._refusal(response)
        if problem is not None:
            if single and problem.effect is Effect.SKIP:  # a 400 names this very message
                return [SendResult(batch[0].key, State.REJECTED, problem=problem)]
            raise ProviderFailure(Problem(problem.code, Effect.STOP, problem.reason, problem.detail))
        answer = self._json(response)
        rows: Any
        if single:  # documented as a list; some clients read an object: accept both
            rows = answer if isinstance(answer, list) else [answer]
        else:
            rows = answer.get("messages") if isinstance(answer, dict) else None
        results = match_ids(batch, rows)
        accepted = [result.provider_id for result in results if result.provider_id]
        self._recent = [*self._recent, *accepted][-STATUS_CHUNK:]
        log.debug("wavy: %d messages sent, %d accepted", len(batch), len(accepted))
        return results

    def _stop_if_out_of_credit(self) -> None:
        """Wavy takes a message it cannot pay and says NO_CREDIT (201) only in its status: before a
        request, the last messages' statuses are read (at most every `credit_check_every` seconds),
        and a 201 stops the campaign for credit before more messages are refused. Only a read."""
        if self._credit_checked_at is None:
            self._credit_checked_at = self.clock()
        if not self._recent or self.clock() - self._credit_checked_at < self.credit_check_every:
            return
        ids, self._recent = self._recent, []
        self._credit_checked_at = self.clock()
        try:
            response = self._post(STATUS_PATH, {"ids": ids}, idempotent=True)
            if self._refusal(response) is not None:
                return  # the send itself will say what is wrong
            rows = self._json(response).get("smsStatuses") or []
        except ProviderFailure as failure:  # looked at again next time
            log.warning("wavy: credit check skipped (%s)", failure.problem.code)
            self._recent = [*ids, *self._recent][-STATUS_CHUNK:]
            return
        if any(isinstance(row, dict) and as_code(row.get("sentStatusCode")) == 201 for row in rows):
            raise ProviderFailure(NO_CREDIT)

    def statuses(self, provider_ids: Sequence[str], channel: Channel) -> list[StatusUpdate]:
        """Statuses by Wavy id; ids Wavy does not know are left out."""
        updates: list[StatusUpdate] = []
        for start in range(0, len(provider_ids), STATUS_CHUNK):
            if start:
                self.client.sleep(CAPABILITIES.status_interval)
            chunk = list(provider_ids[start : start + STATUS_CHUNK])
            response = self._post(STATUS_PATH, {"ids": chunk}, idempotent=True)
            problem = self._refusal(response)
            if problem is not None:
                raise ProviderFailure(problem)
            rows = self._json(response).get("smsStatuses") or []
            updates.extend(status_update(row) for row in rows if isinstance(row, dict) and row.get("id"))
        return updates

    def find_sent(self, messages: Sequence[OutgoingMessage]) -> dict[int, str]:
        """Wavy ids of the messages Wavy has, found by their correlationId after an ambiguous answer.

        A message counts as found only if its destination matches too: another installation's
        journal may have used the same key as a correlationId on the same account.
        """
        found: dict[int, str] = {}
        for start in range(0, len(messages), STATUS_CHUNK):
            if start:
                self.client.sleep(CAPABILITIES.status_interval)
            chunk = messages[start : start + STATUS_CHUNK]
            body = {"correlationIds": [str(message.key) for message in chunk]}
            response = self._post(STATUS_PATH, body, idempotent=True)
            problem = self._refusal(response)
            if problem is not None:
                raise ProviderFailure(problem)
            rows = self._json(response).get("smsStatuses") or []
            by_reference = {
                (str(row.get("correlationId")), str(row.get("destination"))): row
                for row in rows
                if isinstance(row, dict)
            }
            for message in chunk:
                row = by_reference.get((str(message.key), message.to))
                if row and row.get("id"):
                    found[message.key] = str(row["id"])
        return found

    def balance(self) -> Balance:
        """Wavy documents no balance call."""
        return Balance(None, None)

    def test_credentials(self) -> Balance:
        """A status search for an id that cannot exist: only the credentials can make it fail. Then a
        send that cannot be taken (`PROBE`): 403 there means a user who may not send, an administrator."""
        response = self._post(STATUS_PATH, {"ids": [BOGUS_ID]}, idempotent=True)
        problem = self._refusal(response)
        if problem is not None and problem.code != "http_400":  # a 400 is about the id, not the user
            raise ProviderFailure(problem)
        probe = self._post(SEND_PATH, PROBE, idempotent=False)
        if probe.status_code == 403:
            raise ProviderFailure(replace(ADMIN_USER, detail=body_excerpt(probe)))
        return Balance(None, None)

    def close(self) -> None:
        self.client.close()

    def _post(self, path: str, body: Any, *, idempotent: bool) -> requests.Response:
        """POST `body`: a value for JSON, or bytes that already are JSON (`bulk_body`)."""
        user, token = self.credentials["user"], self.credentials["token"]
        if not user or not token:
            raise ProviderFailure(Problem("no_credentials", Effect.STOP, "no_credentials"))
        headers = {"UserName": user, "AuthenticationToken": token}
        if isinstance(body, bytes):
            return self.client.request(
                "POST", path, idempotent=idempotent, data=body, headers={**headers, **JSON}
            )
        return self.client.request("POST", path, idempotent=idempotent, json=body, headers=headers)

    def _refusal(self, response: requests.Response) -> Problem | None:
        if 200 <= response.status_code < 300:
            return None
        known = HTTP_CODES.get(response.status_code)
        if known is None:
            return self._undocumented(response)
        return Problem(known.code, known.effect, known.reason, body_excerpt(response))

    def _undocumented(self, response: requests.Response) -> Problem:
        return Problem(f"http_{response.status_code}", Effect.STOP, "refused", body_excerpt(response))

    def _json(self, response: requests.Response) -> Any:
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict | list):
            problem = Problem("answer", Effect.UNKNOWN, "unexpected_answer", body_excerpt(response))
            raise ProviderFailure(problem)
        return answer


NO_ID = Problem("missing", Effect.UNKNOWN, "unexpected_answer", "no id for this message")
JSON = {"Content-Type": "application/json"}


def message_item(message: OutgoingMessage) -> dict[str, str]:
    """One message as `send-sms` takes it, and as each item of a bulk."""
    return {"destination": message.to, "messageText": message.text, "correlationId": str(message.key)}


def bulk_body(batch: Sequence[OutgoingMessage]) -> bytes:
    """`{"messages": [message_item, ...]}` as compact `json.dumps` writes it, byte for byte.

    Each item is its strings, escaped by json's own C escaper, in a fixed frame: a third of the
    cost of dicts through `json.dumps`, and a bulk's encoding delays every request (tested equal).
    """
    items = [
        f'{{"destination":{quoted(to)},"messageText":{quoted(text)},"correlationId":"{key}"}}'
        for key, to, text, _ in batch
    ]
    return f'{{"messages":[{",".join(items)}]}}'.encode()


def match_ids(batch: Sequence[OutgoingMessage], ids: Any) -> list[SendResult]:
    """Wavy ids by our correlationId where the answer has it, else by request order."""
    rows = [row if isinstance(row, dict) else {} for row in ids] if isinstance(ids, list) else []
    by_key = {str(key): row for row in rows if (key := row.get("correlationId")) is not None}
    if by_key:
        found = [by_key.get(str(message.key)) for message in batch]
    else:
        found = [*rows[: len(batch)], *[None] * (len(batch) - len(rows))]
    # tuple.__new__, not SendResult(...): a NamedTuple's constructor is a Python frame, for each of
    # a bulk's thousand results on the way to the next request.
    new, accepted = tuple.__new__, State.ACCEPTED
    return [
        new(SendResult, (message.key, accepted, str(provider_id), None))
        if (provider_id := row and row.get("id"))
        else SendResult(message.key, State.UNKNOWN, problem=NO_ID)
        for message, row in zip(batch, found, strict=True)
    ]


def status_update(row: dict[str, Any]) -> StatusUpdate:
    """One `smsStatuses` row: the delivery report wins over the sending report."""
    provider_id = str(row["id"])
    delivered, sent = as_code(row.get("deliveredStatusCode")), as_code(row.get("sentStatusCode"))
    if delivered in DELIVERED_CODES:
        word = str(row.get("deliveredStatus") or delivered)
        return StatusUpdate(provider_id, DELIVERED_CODES[delivered], word)
    word = str(row.get("sentStatus") or sent or "")
    if sent in SENT_CODES:
        state, problem = SENT_CODES[sent]
        return StatusUpdate(provider_id, state, word, problem.reason)
    return StatusUpdate(provider_id, State.ACCEPTED, word)  # sent, or not yet reported


def as_code(value: Any) -> int | None:
    """A status code as an int, whether the JSON carries it as a number or a string."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def create(credentials: Credentials, client: HttpClient) -> WavyProvider:
    register_secrets(CAPABILITIES, credentials)
    return WavyProvider(credentials, client)
