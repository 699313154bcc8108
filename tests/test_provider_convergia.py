"""The Convergia adapter against a fake that follows the vendor document, over real HTTP."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest

from app.providers import convergia
from app.providers.base import (
    Balance,
    Channel,
    Credentials,
    Effect,
    OutgoingMessage,
    ProviderFailure,
    SendOptions,
    State,
)
from app.providers.http import HttpClient
from tests.fakes.convergia import DELIVERED, FAILED, SEND_PATH, STATUS_PATH, FakeConvergia
from tests.fakes.server import FakeServer, Reply, Request, serving

NUMBER = "521551234567"


@pytest.fixture
def fake() -> FakeConvergia:
    return FakeConvergia()


@pytest.fixture
def server(fake: FakeConvergia) -> Iterator[FakeServer]:
    with serving(fake.handle) as running:
        yield running


@pytest.fixture
def sleeps() -> list[float]:
    return []


def make(
    url: str, sleeps: list[float], password: str = FakeConvergia.password, read_timeout: float = 5.0
) -> convergia.ConvergiaProvider:
    client = HttpClient(url, timeout=(2.0, read_timeout), sleep=sleeps.append, jitter=lambda: 0.5)
    return convergia.create(Credentials({"user": FakeConvergia.user, "password": password}), client)


@pytest.fixture
def provider(server: FakeServer, sleeps: list[float]) -> convergia.ConvergiaProvider:
    return make(server.url, sleeps)


def one(to: str = NUMBER, text: str = "Su cita es mañana a las 10:00", key: int = 1) -> list[OutgoingMessage]:
    return [OutgoingMessage(key, to, text)]


def fail_first(count: int, status: int = 500) -> Callable[[Request], int | None]:
    """A fault answering `status` before processing to the first `count` requests."""
    seen: list[Request] = []

    def fault(request: Request) -> int | None:
        seen.append(request)
        return status if len(seen) <= count else None

    return fault


def test_send_one_with_the_documented_query(
    provider: convergia.ConvergiaProvider, server: FakeServer, fake: FakeConvergia
) -> None:
    [result] = provider.send(one(), SendOptions())
    [request] = server.requests_to(SEND_PATH)
    assert request.method == "GET"
    assert {name: values for name, values in request.query.items()} == {
        "username": [fake.user],
        "password": [fake.password],
        "number": [NUMBER],
        "message": ["Su cita es mañana a las 10:00"],
    }
    [sent] = fake.sent.values()
    assert result.state is State.ACCEPTED and result.provider_id == str(sent.id)


def test_capabilities_declare_plain_http_and_no_bulk() -> None:
    caps = convergia.CAPABILITIES
    assert caps.plain_http and caps.bulk_size == 1 and caps.number_digits == 12
    assert caps.default_base_url.startswith("http://") and not caps.has_balance


def test_a_bulk_goes_one_a_request(
    provider: convergia.ConvergiaProvider, server: FakeServer, fake: FakeConvergia
) -> None:
    # The bulk size is 1, so 500 messages prove what 2,500 would, in a fifth of the time (~3 ms each).
    batch = [OutgoingMessage(key, str(521550000000 + key), f"Hola {key}") for key in range(500)]
    results = [r for message in batch for r in provider.send([message], SendOptions())]
    assert len(server.requests_to(SEND_PATH)) == 500
    assert [r.provider_id for r in results] == [str(sent.id) for sent in fake.sent.values()]
    assert fake.quota == 10_000 - 500
    with pytest.raises(ValueError, match="one message a request"):
        provider.send(batch[:2], SendOptions())


def test_statuses(provider: convergia.ConvergiaProvider, fake: FakeConvergia) -> None:
    ids = [str(provider.send(one(key=k), SendOptions())[0].provider_id) for k in range(3)]
    fake.sent[int(ids[1])].status = FAILED
    fake.sent[int(ids[2])].status = DELIVERED
    updates = provider.statuses([*ids, "999"], Channel.SMS)
    assert [(u.provider_id, u.state, u.code) for u in updates] == [
        (ids[0], State.ACCEPTED, "Pendiente"),
        (ids[1], State.UNDELIVERED, "Fallido"),
        (ids[2], State.DELIVERED, "Entregado"),
    ]


@pytest.mark.parametrize("code", sorted(convergia.CODES))
def test_every_send_code(provider: convergia.ConvergiaProvider, fake: FakeConvergia, code: int) -> None:
    fake.force[NUMBER] = code
    expected = convergia.CODES[code]
    if expected.effect is Effect.SKIP:
        [result] = provider.send(one(), SendOptions())
        assert result.state is State.REJECTED and result.problem == expected
    else:
        with pytest.raises(ProviderFailure) as failure:
            provider.send(one(), SendOptions())
        assert failure.value.problem == expected


def test_the_fake_checks_number_length_quota_and_ip(
    provider: convergia.ConvergiaProvider, fake: FakeConvergia
) -> None:
    assert provider.send(one("52155123456"), SendOptions())[0].problem == convergia.CODES[307]
    assert provider.send(one(text="x" * 700), SendOptions())[0].problem == convergia.CODES[105]
    fake.quota = 0
    with pytest.raises(ProviderFailure) as failure:
        provider.send(one(), SendOptions())
    assert failure.value.problem.reason == "message_quota"
    fake.ip_allowed = False
    with pytest.raises(ProviderFailure) as failure:
        provider.send(one(), SendOptions())
    assert failure.value.problem.reason == "ip_not_allowed"


def test_wrong_credentials(server: FakeServer, sleeps: list[float]) -> None:
    wrong = make(server.url, sleeps, password="otra")
    calls = [lambda: wrong.send(one(), SendOptions()), lambda: wrong.statuses(["1"], Channel.SMS)]
    for call in [*calls, wrong.test_credentials]:
        with pytest.raises(ProviderFailure) as failure:
            call()
        assert failure.value.problem.effect is Effect.STOP
        assert failure.value.problem.reason == "wrong_credentials"


def test_credentials_test_queries_a_bogus_status(
    provider: convergia.ConvergiaProvider, server: FakeServer
) -> None:
    assert provider.balance() == Balance(None, None) and server.requests == []
    assert provider.test_credentials() == Balance(None, None)
    assert server.requests_to(STATUS_PATH)[0].arg("messageid") == convergia.BOGUS_ID


def test_a_send_answered_429_is_retried_and_5xx_is_unknown(
    provider: convergia.ConvergiaProvider, server: FakeServer, sleeps: list[float]
) -> None:
    server.faults.fail_before = fail_first(1, 429)
    assert provider.send(one(), SendOptions())[0].state is State.ACCEPTED
    assert len(server.requests) == 2 and len(sleeps) == 1
    server.faults.fail_before = lambda r: None
    server.faults.fail_after = lambda r: 502  # processed, then a gateway's error
    before = len(server.requests)
    with pytest.raises(ProviderFailure) as failure:
        provider.send(one(), SendOptions())
    assert (failure.value.problem.code, failure.value.problem.effect) == ("http_502", Effect.UNKNOWN)
    assert len(server.requests) == before + 1 and len(sleeps) == 1, "a send is never repeated"


def test_dropped_connection_is_unknown_and_not_resent(
    provider: convergia.ConvergiaProvider, server: FakeServer
) -> None:
    server.faults.drop_after = lambda r: True
    with pytest.raises(ProviderFailure) as failure:
        provider.send(one(), SendOptions())
    assert failure.value.problem.effect is Effect.UNKNOWN and len(server.requests) == 1


def test_slow_answer_past_the_read_timeout_is_unknown(server: FakeServer, sleeps: list[float]) -> None:
    server.faults.delay_after = lambda r: 1.0
    with pytest.raises(ProviderFailure) as failure:
        make(server.url, sleeps, read_timeout=0.3).send(one(), SendOptions())
    assert failure.value.problem.reason == "answer_lost" and len(server.requests) == 1


def test_connection_refused_is_retryable(sleeps: list[float]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ProviderFailure) as failure:
        make(f"http://127.0.0.1:{port}", sleeps).send(one(), SendOptions())
    assert failure.value.problem.effect is Effect.RETRY and len(sleeps) == 2


def test_an_unexpected_answer_is_unknown(sleeps: list[float]) -> None:
    broken = serving(lambda r: Reply(200, "<html>Servicio no disponible</html>"))
    with broken as server, pytest.raises(ProviderFailure) as failure:
        make(server.url, sleeps).send(one(), SendOptions())
    assert failure.value.problem.effect is Effect.UNKNOWN
    assert failure.value.problem.reason == "unexpected_answer"


@pytest.mark.parametrize(
    ("answer", "has_id"),
    [("labeled", True), ("bare", False), ("echo", False)],
)
def test_the_id_comes_only_from_a_labeled_answer(
    provider: convergia.ConvergiaProvider, fake: FakeConvergia, answer: str, has_id: bool
) -> None:
    """The document shows no send answer: a number that is not named an id may be the phone number."""
    fake.answer = answer
    [result] = provider.send(one(), SendOptions())
    assert result.state is State.ACCEPTED
    if has_id:
        assert result.provider_id == str(next(iter(fake.sent))) and result.problem is None
    else:
        assert result.provider_id is None
        assert result.problem is not None and result.problem.reason == "status_not_pollable"


def test_205_fails_the_destination_and_pauses_only_when_it_repeats(
    provider: convergia.ConvergiaProvider, fake: FakeConvergia
) -> None:
    blocked = ["525500000001", "525500000002", "525500000003"]
    fake.force.update(dict.fromkeys(blocked, 205))
    [first] = provider.send(one(blocked[0], key=1), SendOptions())
    assert first.state is State.REJECTED and first.problem is not None
    assert first.problem.reason == "traffic_not_allowed"
    assert provider.send(one(key=2), SendOptions())[0].state is State.ACCEPTED  # the streak ends
    for key, number in enumerate(blocked[:2], 3):
        assert provider.send(one(number, key=key), SendOptions())[0].state is State.REJECTED
    with pytest.raises(ProviderFailure) as failure:  # a third destination in a row: the account's traffic
        provider.send(one(blocked[2], key=9), SendOptions())
    assert (failure.value.problem.effect, failure.value.problem.reason) == (Effect.STOP, "account_blocked")
