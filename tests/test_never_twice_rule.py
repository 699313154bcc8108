"""The rule for sending again, piece by piece: transport failures, the masking of every form of a secret,
Wavy's look-up by correlationId, and the cause of a bare refusal."""

from __future__ import annotations

import base64
import ssl
from urllib.parse import quote, quote_plus

import pytest
import requests
from urllib3.exceptions import NewConnectionError, ProtocolError

from app.core.domain import Channel
from app.core.engine.sending import refusal_cause
from app.core.logs import Redactor
from app.providers import connectus, wavy
from app.providers.base import Credentials, Effect, OutgoingMessage, Problem, ProviderFailure, SendOptions
from app.providers.http import HttpClient, classify_exception, excerpt
from tests.fakes.connectus import FakeConnectus
from tests.fakes.connectus import running as connectus_running
from tests.fakes.server import Reply, serving
from tests.fakes.wavy import FakeWavy


def wrapped(outer: type[requests.RequestException], inner: BaseException) -> requests.RequestException:
    """A `requests` exception as urllib3 hands it up: the cause in `args[0]`."""
    return outer(inner)


@pytest.mark.parametrize(
    ("exc", "effect"),
    [
        (requests.ConnectTimeout("connect"), Effect.RETRY),
        (wrapped(requests.ConnectionError, NewConnectionError(None, "refused")), Effect.RETRY),  # type: ignore[arg-type]
        (wrapped(requests.ConnectionError, ProtocolError("aborted", ConnectionResetError())), Effect.UNKNOWN),
        (requests.ReadTimeout("read"), Effect.UNKNOWN),
        (wrapped(requests.exceptions.SSLError, ssl.SSLCertVerificationError("bad cert")), Effect.STOP),
        (
            wrapped(requests.exceptions.SSLError, ssl.SSLEOFError("EOF in violation of protocol")),
            Effect.UNKNOWN,
        ),
        (requests.exceptions.ChunkedEncodingError("cut"), Effect.UNKNOWN),
    ],
)
def test_only_a_request_that_never_left_is_retried(exc: requests.RequestException, effect: Effect) -> None:
    assert classify_exception(exc).effect is effect


def test_a_read_is_asked_again_where_a_send_is_not() -> None:
    sleeps: list[float] = []
    with serving(lambda request: Reply(200, "ok")) as server:
        server.faults.fail_before = lambda request: 502
        client = HttpClient(server.url, sleep=sleeps.append)
        with pytest.raises(ProviderFailure) as read:
            client.request("GET", "/balance", idempotent=True)
        reads = len(server.requests)
        with pytest.raises(ProviderFailure) as sent:
            client.request("GET", "/send", idempotent=False)  # a vendor that sends with GET
        sends = len(server.requests) - reads
    assert (reads, sends) == (3, 1)
    assert read.value.problem.effect is Effect.RETRY
    assert sent.value.problem.effect is Effect.UNKNOWN


SECRET = 'k3y/+&= %41"ñ<x>'


@pytest.mark.parametrize(
    "form",
    [
        SECRET,
        quote(SECRET, safe=""),
        quote(SECRET),
        quote_plus(SECRET),
        '"k3y/+&= %41\\"\\u00f1<x>"'[1:-1],  # JSON, ASCII-escaped
        "k3y/+&amp;= %41&quot;ñ&lt;x&gt;",  # HTML
        base64.b64encode(SECRET.encode()).decode(),
        base64.b64encode(f"empresa:{SECRET}".encode()).decode(),  # a Basic authorization
    ],
)
def test_every_form_of_a_known_secret_is_masked(form: str) -> None:
    redactor = Redactor()
    redactor.add(SECRET, user="empresa")
    masked = redactor.redact(f"<td>{form}</td>")
    assert form not in masked and "***" in masked


def test_an_excerpt_is_masked_before_it_is_cut() -> None:
    from app.core.logs import REDACTOR

    REDACTOR.add("cut-me-not-9876")
    text = "x" * 290 + "cut-me-not-9876"
    assert "cut-me" not in excerpt(text, 300) and excerpt(text, 300).endswith("***")


def test_a_problem_masks_its_evidence_whoever_makes_it() -> None:
    from app.core.logs import REDACTOR

    REDACTOR.add("problem-secret-55")
    assert "problem-secret" not in Problem("x", Effect.STOP, "refused", "echo problem-secret-55").detail


def test_wavy_finds_what_it_took_by_correlation_id_and_matching_destination() -> None:
    fake = FakeWavy(clock=iter(range(0, 10**6, 2)).__next__)
    with serving(fake.handle) as server:
        client = HttpClient(server.url, sleep=lambda seconds: None)
        provider = wavy.create(Credentials({"user": fake.user, "token": fake.token}), client)
        taken = [OutgoingMessage(7, "5511900000007", "Hola"), OutgoingMessage(8, "5511900000008", "Hola")]
        provider.send(taken, SendOptions())
        asked = [*taken, OutgoingMessage(9, "5511900000009", "Hola")]  # never sent
        other = [OutgoingMessage(7, "5511999999999", "Hola")]  # same key, another destination
        found = provider.find_sent(asked)
        assert provider.find_sent(other) == {}
    ids = {row["correlationId"]: row["id"] for row in fake.messages.values()}
    assert found == {7: ids["7"], 8: ids["8"]}


def test_a_bare_refusal_with_no_credit_left_pauses_for_credit() -> None:
    with connectus_running(FakeConnectus(sms_balance=1)) as vendor:
        provider = vendor.adapter()
        refused = Problem("http_402", Effect.STOP, "refused")
        assert refusal_cause(provider, Channel.SMS, refused, 5).reason == "no_balance"
        assert refusal_cause(provider, Channel.SMS, refused, 1).reason == "refused"
        other = Problem("http_401", Effect.STOP, "wrong_credentials")
        assert refusal_cause(provider, Channel.SMS, other, 5) is other


def test_a_bulk_entry_with_neither_id_nor_error_is_unknown() -> None:
    provider = connectus.create(Credentials({"account_id": "a", "api_key": "bbbb"}), HttpClient("http://x"))
    message = OutgoingMessage(1, "56912345678", "Hola")
    assert provider._result(message, {"error": "dst_number inválido"}, "id_sms").state.value == "rejected"
    assert provider._result(message, {}, "id_sms").state.value == "unknown"
