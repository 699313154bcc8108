"""IT Cloud Services (Colombia): one SMS text for up to 1,000 numbers a request, and a balance call.

Vendor document "DOCUMENTO ENVIO SMS DESDE OTROS SISTEMA", version 4. Sending and balance live on two
hosts; a configured base URL replaces both (the documented paths stay). Replies arrive by webhook,
so there is no status query.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from urllib.parse import urlencode

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
    SendingWindow,
    SendOptions,
    SendResult,
    State,
    StatusUpdate,
    register_secrets,
)
from app.providers.http import HttpClient, body_excerpt, excerpt

log = logging.getLogger(__name__)

SEND_PATH = "/sms/back_sms/public/api/sendsms"
BALANCE_PATH = "/itcloud/api/sendsms/query.php"
BALANCE_HOST = "https://sistemasmasivos.com"  # the balance call's own host, used only by default

CAPABILITIES = Capabilities(
    id="itcloud",
    name="IT Cloud Services",
    channels=frozenset({Channel.SMS}),
    default_base_url="https://contacto-masivo.com",
    credentials=(
        CredentialField("user", "Usuario", secret=False),
        CredentialField("token", "Token", secret=True),
    ),
    bulk_size=1000,
    same_text_bulk=True,
    min_interval=2.0,  # "entre cada envió se recomienda esperar 2 segundos" between blocks of 1,000
    single_interval=0.1,
    max_length=765,
    number_digits=12,
    window=SendingWindow("America/Bogota", dt.time(8, 0), dt.time(21, 0)),
    has_status=False,
    has_balance=True,
    sms_modes=("1via", "2via", "flash"),
    # A Colombian service: "Por instrucciones de la CRC" (Colombia's regulator), its examples 57...,
    # and its 12-digit rule fits Colombian mobiles. The replies of section 3 cover other countries, its
    # sending does not say so: sending is to Colombia only (docs/providers.md).
    countries=("CO",),
    pushes_replies=True,
)

# Every code of the "Retorno" table; a code > 0 is the acceptance id ("SEND_OK >0 El mensaje fue
# recibido correctamente"). Each error names why the message was not sent; STOP and WAIT_WINDOW
# rows go back to pending, SKIP rows are rejected. Any other code is unknown (`result_for`).
CODES: dict[int, Problem] = {
    -1: Problem("-1", Effect.STOP, "wrong_credentials"),
    # "Por instrucciones de la CRC los mensajes deben ser enviados entre el horario 8am y 9 pm"
    -2: Problem("-2", Effect.WAIT_WINDOW, "outside_window"),
    -3: Problem("-3", Effect.STOP, "no_balance"),  # "No tiene saldo en la cuenta para realizar el envió"
    -4: Problem("-4", Effect.SKIP, "invalid_number"),  # "Este SMS no tiene cobro ni enviado."
    -5: Problem("-5", Effect.SKIP, "message_too_long"),  # or an empty SMSText; "no tiene cobro ni enviado"
    # Retried: "Sistema en mantenimiento. Este SMS no tiene cobro ni enviado." (table "Retorno", -6)
    -6: Problem("-6", Effect.RETRY, "maintenance"),
    -7: Problem("-7", Effect.STOP, "too_many_numbers"),  # "Supera la cantidad máxima de celulares"
    -8: Problem("-8", Effect.SKIP, "number_blocklisted"),  # "lista de bloqueo, no se envía mensaje"
    -9: Problem("-9", Effect.SKIP, "content_rejected"),  # "Mensaje rechazado por contenido"
    -10: Problem("-10", Effect.SKIP, "link_not_allowed"),
    -11: Problem("-11", Effect.STOP, "invalid_sms_mode"),
    0: Problem("0", Effect.SKIP, "unknown_operator"),
}

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
_LINE_BREAK = re.compile(r"<br\s*/?>|[\r\n]+", re.IGNORECASE)
_BARE_CODE = re.compile(r"-?\d+")
_NUMBER_CODE_LINE = re.compile(r"^[^\S\n]*(\d+)[^\S\n]*,[^\S\n]*(-?\d+)[^\S\n]*$", re.MULTILINE)
BALANCE_REFUSED = Problem("-1", Effect.UNKNOWN, "balance_unreadable")
NO_LINE = Problem("missing", Effect.UNKNOWN, "unexpected_answer", "no line for this number")


class ItCloudProvider:
    """Adapter for IT Cloud's `sendsms` and `query.php` calls."""

    capabilities = CAPABILITIES

    def __init__(self, credentials: Credentials, client: HttpClient) -> None:
        self.credentials = credentials
        self.client = client
        self.balance_client = balance_client(client)

    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        """Send one block: every message must carry the same rendered text (the engine groups them)."""
        if not batch:
            return []
        if len({message.text for message in batch}) > 1:
            raise ValueError("IT Cloud sends one text per request: group the messages by rendered text.")
        if len(batch) > CAPABILITIES.bulk_size:
            raise ValueError(f"IT Cloud takes at most {CAPABILITIES.bulk_size} numbers a request.")
        mode = options.sms_mode or "1via"
        if mode not in CAPABILITIES.sms_modes:
            raise ValueError(f"Unknown IT Cloud SMS mode {mode!r}; use one of {CAPABILITIES.sms_modes}.")
        form = {
            **self._auth(),
            "GSM": ",".join(message.to for message in batch),
            "SMSText": batch[0].text,
        }
        if mode != "1via":  # "si no se envia esta variable, por defecto queda 1via" (section 1)
            # Unquoted: the table quotes each option as a word of prose ('1via' '2via' 'flash'); the
            # example URL's `metodo_envio='2via'` is as literal as its `user= miusuario@hotmail.com &`
            # (docs/providers.md, "IT Cloud").
            form["metodo_envio"] = mode
        # POST keeps 13 KB of numbers out of the URL; the document allows POST and GET. The commas
        # between the numbers go as they are (a form allows them): quoting them makes urllib
        # escape the whole list a byte at a time, which cost more than the rest of the block.
        body = urlencode(form, safe=",")
        response = self.client.request("POST", SEND_PATH, idempotent=False, data=body, headers=FORM)
        self._refuse_http_error(response)
        results = self._results(batch, response.text)
        accepted = sum(result.state is State.ACCEPTED for result in results)
        log.debug("itcloud: block of %d numbers, %d accepted", len(batch), accepted)
        return results

    def _results(self, batch: Sequence[OutgoingMessage], body: str) -> list[SendResult]:
        # A block's answer has a thousand lines: plain string work and one findall over all of
        # them, not a regular expression per line (the usual `<br>` needs none at all).
        text = body.replace("<br>", "\n")
        if "<" in text:
            text = _LINE_BREAK.sub("\n", text)
        if _BARE_CODE.fullmatch(text.strip()):
            return self._whole_request(batch, int(text), body)
        pairs = _NUMBER_CODE_LINE.findall(text)
        if not pairs:
            raise ProviderFailure(Problem("answer", Effect.UNKNOWN, "unexpected_answer", excerpt(body)))
        by_number = dict(pairs)
        if len(by_number) == len(pairs) and len({message.to for message in batch}) == len(batch):
            # Each number once, in the block and in the answer: the usual case, no queue per number.
            # An acceptance id as `result_for` would write it (digits, no leading zero) is taken as
            # it is, in a tuple.__new__: a Python frame per number was a fifth of reading a block.
            new, accepted = tuple.__new__, State.ACCEPTED
            results: list[SendResult] = []
            for message in batch:
                code = by_number.get(message.to)
                if code is None:
                    results.append(_no_line(message.key))
                elif code.isdigit() and code.isascii() and code[0] != "0":
                    results.append(new(SendResult, (message.key, accepted, code, None)))
                else:
                    results.append(result_for(message.key, int(code)))
            return results
        codes: dict[str, list[int]] = {}
        for number, code in reversed(pairs):  # popped from the end: a number's first line first
            codes.setdefault(number, []).append(int(code))
        return [
            result_for(message.key, answers.pop())
            if (answers := codes.get(message.to))
            else _no_line(message.key)
            for message in batch
        ]

    def _whole_request(self, batch: Sequence[OutgoingMessage], code: int, body: str) -> list[SendResult]:
        """A bare code answers the whole request (always so with one number)."""
        if len(batch) == 1:
            result = result_for(batch[0].key, code)
            if result.problem is None or result.problem.effect in (Effect.SKIP, Effect.UNKNOWN):
                return [result]
        problem = CODES.get(code)
        if problem is None:  # a lone acceptance id for many numbers, or an undocumented code
            raise ProviderFailure(Problem(str(code), Effect.UNKNOWN, "unexpected_answer", excerpt(body)))
        if problem.effect is Effect.SKIP:  # the shared text itself was refused
            return [SendResult(message.key, State.REJECTED, problem=problem) for message in batch]
        raise ProviderFailure(problem)

    def statuses(self, provider_ids: Sequence[str], channel: Channel) -> list[StatusUpdate]:
        """IT Cloud has no status query: nothing is ever known beyond acceptance."""
        return []

    def balance(self) -> Balance:
        """SMS credits left, from `query.php` on the balance host."""
        # Section 2's table names the secret `token`; its example says `password=miclave`. The table is
        # the specification (docs/providers.md); a -1 here is not taken for wrong credentials.
        response = self.balance_client.request("GET", BALANCE_PATH, idempotent=True, params=self._auth())
        self._refuse_http_error(response)
        text = response.text.strip()
        try:
            amount = float(text)
        except ValueError:
            raise ProviderFailure(
                Problem("answer", Effect.UNKNOWN, "unexpected_answer", excerpt(text))
            ) from None
        if amount == -1:
            # "Esto no aplica para cuentas con perfil de administrador", and the document's own example
            # authenticates otherwise: a -1 here does not prove that sending will fail (a send's -1
            # stops the campaign by itself), so the balance is only unreadable.
            raise ProviderFailure(BALANCE_REFUSED)
        return Balance(sms=int(amount), email=None)

    def test_credentials(self) -> Balance:
        """The balance call is the cheapest authenticated call (a send would cost a message).

        Its -1 cannot tell wrong credentials from an administrator account: the test says both."""
        try:
            return self.balance()
        except ProviderFailure as failure:
            if failure.problem is BALANCE_REFUSED:
                raise ProviderFailure(Problem("-1", Effect.STOP, "credentials_unconfirmed")) from None
            raise

    def close(self) -> None:
        self.client.close()

    def _auth(self) -> dict[str, str]:
        user, token = self.credentials["user"], self.credentials["token"]
        if not user or not token:
            raise ProviderFailure(Problem("no_credentials", Effect.STOP, "no_credentials"))
        return {"user": user, "token": token}

    def _refuse_http_error(self, response: requests.Response) -> None:
        """Undocumented 3xx/4xx answers: refused before processing (the client raised 429 and 5xx)."""
        status = response.status_code
        if status in (401, 403):
            raise ProviderFailure(Problem(f"http_{status}", Effect.STOP, "wrong_credentials"))
        if not 200 <= status < 300:
            raise ProviderFailure(Problem(f"http_{status}", Effect.STOP, "refused", body_excerpt(response)))


def _no_line(key: int) -> SendResult:
    return SendResult(key, State.UNKNOWN, problem=NO_LINE)


def result_for(key: int, code: int) -> SendResult:
    """One number's answer: an acceptance id, a documented error, or something unknown."""
    if code > 0:
        return SendResult(key, State.ACCEPTED, str(code))
    problem = CODES.get(code)
    if problem is None:
        return SendResult(key, State.UNKNOWN, problem=Problem(str(code), Effect.UNKNOWN, "unexpected_answer"))
    return SendResult(key, State.REJECTED, problem=problem)


def balance_client(client: HttpClient) -> HttpClient:
    """The client for the balance call: the balance host by default, else the configured base URL."""
    if client.base_url != CAPABILITIES.default_base_url.rstrip("/"):
        return client
    return HttpClient(
        BALANCE_HOST,
        session=client.session,
        timeout=client.timeout,
        attempts=client.attempts,
        backoff=client.backoff,
        sleep=client.sleep,
        jitter=client.jitter,
    )


def create(credentials: Credentials, client: HttpClient) -> ItCloudProvider:
    register_secrets(CAPABILITIES, credentials)
    return ItCloudProvider(credentials, client)
