"""The Connecta adapter against a fake platform that follows the vendor document, over real HTTP."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from app import __version__
from app.core.domain import Channel, State
from app.providers import connecta
from app.providers.base import Balance, Credentials, Effect, OutgoingMessage, ProviderFailure, SendOptions
from app.providers.http import HttpClient
from tests.fakes.connecta import EMAIL_STATES, SMS_STATES, FakeConnecta
from tests.fakes.server import FakeServer, serving

PASSWORD = "clave-secreta"
EMAIL = SendOptions(channel=Channel.EMAIL, sender_name="Tienda Sol", sender_email="ventas@sol.cl")


@dataclass
class Vendor:
    fake: FakeConnecta
    server: FakeServer
    sleeps: list[float]

    def adapter(self, password: str = PASSWORD, read_timeout: float = 5.0) -> connecta.ConnectaProvider:
        client = HttpClient(self.server.url, timeout=(2.0, read_timeout), sleep=self.sleeps.append)
        return connecta.create(Credentials({"user": "empresa", "password": password}), client)


@pytest.fixture
def vendor() -> Iterator[Vendor]:
    fake = FakeConnecta(password=PASSWORD)
    with serving(fake.handle) as server:
        yield Vendor(fake, server, [])


def sms(key: int = 1, to: str = "56912345678", text: str = "Hola Ana, 20% dcto hoy") -> OutgoingMessage:
    return OutgoingMessage(key, to, text)


def test_capabilities_declare_no_bulk_plain_http_and_the_credential_labels() -> None:
    caps = connecta.CAPABILITIES
    assert caps.bulk_size == 1 and caps.plain_http and caps.has_status and caps.has_balance
    assert [(f.key, f.label, f.secret) for f in caps.credentials] == [
        ("user", "Usuario", False),
        ("password", "Contraseña", True),
    ]
    assert caps.default_base_url == "http://ws.connectus.cl"


def test_send_one_sms_posts_the_documented_json(vendor: Vendor) -> None:
    [result] = vendor.adapter().send([sms(7)], SendOptions())
    assert result.state is State.ACCEPTED and result.key == 7
    assert result.provider_id == "150", "the numeric id_mensaje of the example becomes text"
    [request] = vendor.server.requests_to("/send_sms")
    assert request.method == "POST" and request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == f"Masivo/{__version__} (+https://masivo.app)"
    assert request.json() == {
        "numero": "56912345678",
        "mensaje": "Hola Ana, 20% dcto hoy",
        "username": "empresa",
        "password": PASSWORD,
    }
    assert vendor.fake.credits["sms"] == 14999


def test_send_one_email_posts_sender_subject_and_text(vendor: Vendor) -> None:
    message = OutgoingMessage(3, "ana@example.com", "<p>Hola</p>", subject="Ofertas")
    [result] = vendor.adapter().send([message], EMAIL)
    assert result.state is State.ACCEPTED
    assert result.provider_id in vendor.fake.sent and len(result.provider_id or "") == 32
    [request] = vendor.server.requests_to("/send_email")
    assert request.json() == {
        "nombre_remitente": "Tienda Sol",
        "email_remitente": "ventas@sol.cl",
        "destinatario": "ana@example.com",
        "asunto": "Ofertas",
        "mensaje": "<p>Hola</p>",
        "username": "empresa",
        "password": PASSWORD,
    }


# 2,500 messages are 2,500 requests (2-5 s on a busy CI machine): the full count runs with the slow tests.
@pytest.mark.parametrize("count", [100, pytest.param(2500, marks=pytest.mark.slow)])
def test_a_bulk_goes_one_request_per_message(vendor: Vendor, count: int) -> None:
    adapter = vendor.adapter()
    messages = [sms(key, f"569{key:08d}") for key in range(count)]
    size = connecta.CAPABILITIES.bulk_size
    results = [
        r
        for start in range(0, count, size)
        for r in adapter.send(messages[start : start + size], SendOptions())
    ]
    assert [r.key for r in results] == list(range(count))
    assert all(r.state is State.ACCEPTED for r in results)
    assert len({r.provider_id for r in results}) == count
    assert len(vendor.server.requests_to("/send_sms")) == count
    assert vendor.fake.credits["sms"] == 15000 - count


def test_a_batch_that_fails_midway_gives_the_rest_back_unsent(vendor: Vendor) -> None:
    vendor.fake.credits["sms"] = 1
    results = vendor.adapter().send([sms(1), sms(2), sms(3)], SendOptions())
    assert [r.state for r in results] == [State.ACCEPTED, State.REJECTED, State.REJECTED]
    assert results[1].problem == results[2].problem == connecta.PROBLEMS["044"], "STOP: back to pending"
    assert len(vendor.server.requests_to("/send_sms")) == 2, "nothing after the refusal"


@pytest.mark.parametrize(("channel", "words"), [(Channel.SMS, SMS_STATES), (Channel.EMAIL, EMAIL_STATES)])
def test_every_documented_status_word_is_mapped(
    vendor: Vendor, channel: Channel, words: tuple[str, ...]
) -> None:
    adapter = vendor.adapter()
    options = EMAIL if channel is Channel.EMAIL else SendOptions()
    to = "ana@example.com" if channel is Channel.EMAIL else "56912345678"
    batch = [OutgoingMessage(i, to, "Hola", subject="S") for i in range(len(words))]
    ids = [r.provider_id or "" for i in range(len(batch)) for r in adapter.send(batch[i : i + 1], options)]
    for provider_id, word in zip(ids, words, strict=True):
        vendor.fake.set_state(provider_id, word)
    updates = adapter.statuses([*ids, "999999"], channel)
    expected = connecta.STATUS_WORDS[channel]
    assert [(u.provider_id, u.code) for u in updates] == list(zip(ids, words, strict=True)), "046 is left out"
    assert [u.state for u in updates] == [expected[word] for word in words]
    assert set(expected) == set(words), "every documented word, and only those"
    request = vendor.server.requests_to(connecta.STATUS_PATHS[channel])[0]
    assert request.method == "GET" and request.query == {
        "id_mensaje": [ids[0]],
        "username": ["empresa"],
        "password": [PASSWORD],
    }


def test_status_words_map_to_what_a_user_expects() -> None:
    assert connecta.SMS_STATUS["confirmado"] is State.DELIVERED
    assert connecta.SMS_STATUS["no_entregado"] is State.UNDELIVERED
    assert connecta.EMAIL_STATUS["abierto"] is State.OPENED
    assert connecta.EMAIL_STATUS["click"] is State.CLICKED
    assert connecta.EMAIL_STATUS["rebote"] is State.BOUNCED


def test_balance_and_test_credentials_read_get_credits(vendor: Vendor) -> None:
    adapter = vendor.adapter()
    assert adapter.balance() == Balance(sms=15000, email=10000)
    assert adapter.test_credentials() == Balance(sms=15000, email=10000)
    [request, _] = vendor.server.requests_to("/get_credits")
    assert request.query == {"username": ["empresa"], "password": [PASSWORD]}


def test_wrong_password_stops_the_campaign(vendor: Vendor) -> None:
    adapter = vendor.adapter(password="otra-clave")
    for call in (lambda: adapter.send([sms()], SendOptions()), adapter.balance, adapter.test_credentials):
        with pytest.raises(ProviderFailure) as caught:
            call()
        assert caught.value.problem.code == "010" and caught.value.problem.effect is Effect.STOP
        assert caught.value.problem.reason == "wrong_credentials"


@pytest.mark.parametrize(
    ("code", "effect", "reason"),
    [
        ("010", Effect.STOP, "wrong_credentials"),
        ("040", Effect.STOP, "missing_field"),
        ("044", Effect.STOP, "no_balance"),
        ("004", Effect.UNKNOWN, "maybe_sent"),  # "Internal Error": never said to be unsent
    ],
)
def test_every_documented_send_error_code(vendor: Vendor, code: str, effect: Effect, reason: str) -> None:
    vendor.fake.answer_next("/send_sms", code)
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter().send([sms()], SendOptions())
    assert (caught.value.problem.code, caught.value.problem.effect, caught.value.problem.reason) == (
        code,
        effect,
        reason,
    )
    assert connecta.PROBLEMS[code] == caught.value.problem


def test_the_platform_itself_answers_each_code(vendor: Vendor) -> None:
    adapter = vendor.adapter()
    vendor.fake.credits["email"] = 0
    with pytest.raises(ProviderFailure, match="no_balance"):
        adapter.send([OutgoingMessage(1, "a@b.cl", "x", subject="s")], EMAIL)
    with pytest.raises(ProviderFailure, match="missing_field"):  # no sender: campaign-wide
        adapter.send([OutgoingMessage(1, "a@b.cl", "x", subject="s")], SendOptions(channel=Channel.EMAIL))
    assert adapter.statuses(["12345"], Channel.SMS) == [], "046 Message not exist"
    vendor.fake.answer_next("/get_status_sms_sent", "004")
    with pytest.raises(ProviderFailure, match="maybe_sent"):
        adapter.statuses(["12345"], Channel.SMS)
    vendor.fake.answer_next("/get_credits", "004")
    with pytest.raises(ProviderFailure, match="maybe_sent"):
        adapter.balance()


def test_an_empty_message_is_rejected_without_a_request(vendor: Vendor) -> None:
    results = vendor.adapter().send([sms(1, text="  "), sms(2)], SendOptions())
    assert [r.state for r in results] == [State.REJECTED, State.ACCEPTED]
    assert results[0].problem is not None and results[0].problem.reason == "missing_field"
    assert len(vendor.server.requests_to("/send_sms")) == 1


def test_undocumented_answers_are_unknown_not_guessed(vendor: Vendor) -> None:
    vendor.fake.answer_next("/send_sms", "777")
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter().send([sms()], SendOptions())
    assert (
        caught.value.problem.effect is Effect.UNKNOWN and caught.value.problem.reason == "unexpected_answer"
    )
    assert "777" in caught.value.problem.detail


def test_http_429_before_processing_is_retried_with_backoff(vendor: Vendor) -> None:
    failures = iter([429, 429])
    vendor.server.faults.fail_before = lambda request: next(failures, None)
    [result] = vendor.adapter().send([sms()], SendOptions())
    assert result.state is State.ACCEPTED
    assert len(vendor.sleeps) == 2 and vendor.sleeps[1] > vendor.sleeps[0] * 0.5
    assert len(vendor.fake.sent) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_send_answered_5xx_is_unknown_and_never_repeated(vendor: Vendor, status: int) -> None:
    vendor.server.faults.fail_after = lambda request: status  # processed, then a gateway's error
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter().send([sms()], SendOptions())
    assert (caught.value.problem.code, caught.value.problem.effect) == (f"http_{status}", Effect.UNKNOWN)
    assert len(vendor.server.requests) == 1 and len(vendor.fake.sent) == 1 and vendor.sleeps == []


def test_reads_answered_5xx_are_asked_again(vendor: Vendor) -> None:
    failures = iter([502, 500])
    vendor.server.faults.fail_before = lambda request: next(failures, None)
    assert vendor.adapter().balance().sms == vendor.fake.credits["sms"]
    assert len(vendor.server.requests) == 3
    vendor.server.faults.fail_before = lambda request: 503
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter().balance()
    assert (caught.value.problem.effect, caught.value.problem.reason) == (
        Effect.RETRY,
        "provider_unavailable",
    )


def test_a_dropped_connection_after_sending_is_unknown_and_not_resent(vendor: Vendor) -> None:
    vendor.server.faults.drop_after = lambda request: True
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter().send([sms()], SendOptions())
    assert caught.value.problem.effect is Effect.UNKNOWN and caught.value.problem.reason == "answer_lost"
    assert len(vendor.server.requests) == 1 and len(vendor.fake.sent) == 1


def test_a_slow_answer_past_the_read_timeout_is_unknown_and_not_resent(vendor: Vendor) -> None:
    vendor.server.faults.delay_after = lambda request: 0.6
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter(read_timeout=0.3).send([sms()], SendOptions())
    assert caught.value.problem.code == "read_timeout" and caught.value.problem.effect is Effect.UNKNOWN
    assert len(vendor.server.requests) == 1 and vendor.sleeps == []


def test_a_refused_connection_is_retried_then_reported_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps: list[float] = []
    client = HttpClient(f"http://127.0.0.1:{port}", sleep=sleeps.append)
    adapter = connecta.create(Credentials({"user": "empresa", "password": PASSWORD}), client)
    with pytest.raises(ProviderFailure) as caught:
        adapter.send([sms()], SendOptions())
    assert (
        caught.value.problem.effect is Effect.RETRY and caught.value.problem.reason == "provider_unreachable"
    )
    assert len(sleeps) == 2


def test_an_html_error_page_is_shown_without_the_password(vendor: Vendor) -> None:
    vendor.server.faults.fail_before = lambda request: 404
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter().balance()
    assert caught.value.problem.reason == "refused" and "HTTP 404" in caught.value.problem.detail
    assert PASSWORD not in str(caught.value)


def test_missing_credentials_never_reach_the_network(vendor: Vendor) -> None:
    with pytest.raises(ProviderFailure, match="no_credentials"):
        vendor.adapter(password="").balance()
    assert vendor.server.requests == []
