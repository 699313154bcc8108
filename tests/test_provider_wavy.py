"""The Wavy adapter against a fake that follows the vendor's API page, over real HTTP."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator

import pytest

from app.providers import wavy
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
from tests.fakes.server import FakeServer, Reply, Request, serving
from tests.fakes.wavy import BULK_PATH, SEND_PATH, SENT_WORDS, STATUS_PATH, FakeWavy

NUMBER = "5511900000000"


class Clock:
    """Time shared by the fake's rate limit and the client's sleep, so retries never really wait."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def fake(clock: Clock) -> FakeWavy:
    return FakeWavy(clock=clock)


@pytest.fixture
def server(fake: FakeWavy) -> Iterator[FakeServer]:
    with serving(fake.handle) as running:
        yield running


def make(url: str, clock: Clock, token: str = FakeWavy.token, read_timeout: float = 5.0) -> wavy.WavyProvider:
    client = HttpClient(url, timeout=(2.0, read_timeout), sleep=clock.sleep, jitter=lambda: 0.5)
    return wavy.create(Credentials({"user": FakeWavy.user, "token": token}), client)


@pytest.fixture
def provider(server: FakeServer, clock: Clock) -> wavy.WavyProvider:
    return make(server.url, clock)


def messages(count: int, text: str = "Hola {nombre}") -> list[OutgoingMessage]:
    return [OutgoingMessage(key, str(5511900000000 + key), f"{text} {key}") for key in range(1, count + 1)]


def fail_first(count: int, status: int = 500) -> Callable[[Request], int | None]:
    """A fault answering `status` before processing to the first `count` requests."""
    seen: list[Request] = []

    def fault(request: Request) -> int | None:
        seen.append(request)
        return status if len(seen) <= count else None

    return fault


@pytest.mark.parametrize("answer_object", [False, True])
def test_send_one(
    provider: wavy.WavyProvider, server: FakeServer, fake: FakeWavy, answer_object: bool
) -> None:
    fake.answer_object = answer_object
    [result] = provider.send([OutgoingMessage(7, NUMBER, "Hola")], SendOptions())
    [request] = server.requests_to(SEND_PATH)
    assert request.json() == {"destination": NUMBER, "messageText": "Hola", "correlationId": "7"}
    assert request.headers["username"] == fake.user and request.headers["authenticationtoken"] == fake.token
    assert result.state is State.ACCEPTED and fake.messages[str(result.provider_id)]["correlationId"] == "7"


def test_bulk_of_2500_goes_in_requests_of_1000(
    provider: wavy.WavyProvider, server: FakeServer, fake: FakeWavy
) -> None:
    batch = messages(2500)
    size = wavy.CAPABILITIES.bulk_size
    results = [r for i in range(0, 2500, size) for r in provider.send(batch[i : i + size], SendOptions())]
    assert [len(r.json()["messages"]) for r in server.requests_to(BULK_PATH)] == [1000, 1000, 500]
    assert all(r.state is State.ACCEPTED for r in results)
    correlations = [fake.messages[str(r.provider_id)]["correlationId"] for r in results]
    assert correlations == [str(r.key) for r in results]
    with pytest.raises(ValueError, match="at most 1000"):
        provider.send(messages(1001), SendOptions())


TRICKY_TEXTS = [
    'Dijo "hola" \\ adiós',  # quotes and a backslash
    "línea 1\nlínea 2\t\x01 fin",  # control characters
    "Pagá en €, ¿sí? Ñandú 😀",  # beyond ASCII, and a character beyond the BMP
    "</script>&<>'",
]


def test_a_bulk_body_is_what_json_dumps_writes(
    provider: wavy.WavyProvider, server: FakeServer, fake: FakeWavy
) -> None:
    """The bulk body is built from escaped strings (for speed): it must be JSON's own, to the byte."""
    batch = [OutgoingMessage(10 + i, f"55119000000{i:02d}", text) for i, text in enumerate(TRICKY_TEXTS)]
    items = [wavy.message_item(message) for message in batch]
    assert wavy.bulk_body(batch) == json.dumps({"messages": items}, separators=(",", ":")).encode()
    provider.send(batch, SendOptions())
    [request] = server.requests_to(BULK_PATH)
    assert request.json() == {"messages": items}
    assert sorted(row["messageText"] for row in fake.messages.values()) == sorted(TRICKY_TEXTS)


def test_statuses_map_every_documented_code(provider: wavy.WavyProvider, fake: FakeWavy) -> None:
    failures = list(wavy.SENT_CODES)
    outcomes = [(code, None) for code in failures] + [(2, None), (2, 4), (2, 104)]
    batch = [OutgoingMessage(i, str(5511900000100 + i), "x") for i in range(len(outcomes))]
    fake.outcomes = {m.to: outcome for m, outcome in zip(batch, outcomes, strict=True)}
    ids = [str(r.provider_id) for r in provider.send(batch, SendOptions())]
    updates = {u.provider_id: u for u in provider.statuses([*ids, "not-a-wavy-id"], Channel.SMS)}
    assert len(updates) == len(ids)
    for pid, code in zip(ids, failures, strict=False):
        state, problem = wavy.SENT_CODES[code]
        assert (updates[pid].state, updates[pid].reason) == (state, problem.reason)
        assert updates[pid].code == SENT_WORDS[code]
    sent, delivered, undelivered = (updates[pid] for pid in ids[-3:])
    assert (sent.state, sent.code) == (State.ACCEPTED, "SENT_SUCCESS")
    assert (delivered.state, delivered.code) == (State.DELIVERED, "DELIVERED_SUCCESS")
    assert (undelivered.state, undelivered.code) == (State.UNDELIVERED, "NOT_DELIVERED")


def test_the_fake_derives_failures_from_number_and_credit(
    provider: wavy.WavyProvider, fake: FakeWavy
) -> None:
    fake.blacklist.add("5511900000002")
    fake.credit = 1
    batch = [OutgoingMessage(1, "5511900000001", "a"), OutgoingMessage(2, "5511900000002", "b")]
    batch += [OutgoingMessage(3, "12", "c"), OutgoingMessage(4, "5511900000004", "d")]
    ids = [str(r.provider_id) for r in provider.send(batch, SendOptions())]
    updates = {u.provider_id: u for u in provider.statuses(ids, Channel.SMS)}
    assert [updates[i].reason for i in ids] == ["", "number_blocklisted", "invalid_number", "no_balance"]


def test_status_searches_are_paced_to_one_a_second(
    provider: wavy.WavyProvider, server: FakeServer, clock: Clock
) -> None:
    ids = [str(r.provider_id) for r in provider.send(messages(3), SendOptions())]
    assert len(provider.statuses(ids, Channel.SMS)) == 3
    assert len(provider.statuses(ids, Channel.SMS)) == 3  # answered 429 first, retried after Retry-After
    statuses = server.requests_to(STATUS_PATH)
    assert len(statuses) == 3 and statuses[0].json() == {"ids": ids}
    assert clock.sleeps == [1.0]


def test_many_ids_are_searched_in_chunks(
    provider: wavy.WavyProvider, server: FakeServer, clock: Clock
) -> None:
    batch = messages(1500)
    results = provider.send(batch[:1000], SendOptions()) + provider.send(batch[1000:], SendOptions())
    ids = [str(r.provider_id) for r in results]
    assert len(provider.statuses(ids, Channel.SMS)) == 1500
    assert [len(r.json()["ids"]) for r in server.requests_to(STATUS_PATH)] == [1000, 500]
    assert clock.sleeps == [wavy.CAPABILITIES.status_interval]


def test_wrong_credentials_and_a_blocked_user(server: FakeServer, fake: FakeWavy, clock: Clock) -> None:
    wrong = make(server.url, clock, token="nope")
    calls = [
        lambda: wrong.send(messages(1), SendOptions()),
        lambda: wrong.send(messages(2), SendOptions()),
        lambda: wrong.statuses(["x"], Channel.SMS),
        wrong.test_credentials,
    ]
    for call in calls:
        with pytest.raises(ProviderFailure) as failure:
            call()
        assert failure.value.problem.effect is Effect.STOP
        assert failure.value.problem.reason == "wrong_credentials"
    fake.blocked = True
    with pytest.raises(ProviderFailure) as failure:
        make(server.url, clock).test_credentials()
    assert failure.value.problem.code == "http_403"


def test_credentials_test_and_balance(provider: wavy.WavyProvider, server: FakeServer) -> None:
    assert provider.balance() == Balance(None, None)
    assert server.requests == []
    assert provider.test_credentials() == Balance(None, None)
    assert server.requests_to(STATUS_PATH)[0].json() == {"ids": [wavy.BOGUS_ID]}


def test_bad_request_rejects_one_message_but_stops_a_bulk(provider: wavy.WavyProvider) -> None:
    [result] = provider.send([OutgoingMessage(1, NUMBER, "x" * 1281)], SendOptions())
    assert result.state is State.REJECTED and result.problem is not None
    assert result.problem.effect is Effect.SKIP and "1280" in result.problem.detail
    with pytest.raises(ProviderFailure) as failure:
        provider.send([OutgoingMessage(1, NUMBER, "ok"), OutgoingMessage(2, NUMBER, "")], SendOptions())
    assert failure.value.problem.code == "http_400" and failure.value.problem.effect is Effect.STOP


def test_a_send_answered_429_is_retried_and_5xx_is_unknown(
    provider: wavy.WavyProvider, server: FakeServer, clock: Clock
) -> None:
    server.faults.fail_before = fail_first(1, 429)
    assert provider.send(messages(2), SendOptions())[0].state is State.ACCEPTED
    assert len(server.requests) == 2 and len(clock.sleeps) == 1
    server.faults.fail_before = lambda r: None
    server.faults.fail_after = lambda r: 502  # processed, then a gateway's error
    before = len(server.requests)
    with pytest.raises(ProviderFailure) as failure:
        provider.send(messages(2), SendOptions())
    assert (failure.value.problem.code, failure.value.problem.effect) == ("http_502", Effect.UNKNOWN)
    assert len(server.requests) == before + 1 and len(clock.sleeps) == 1, "a send is never repeated"


def test_dropped_connection_is_unknown_and_not_resent(
    provider: wavy.WavyProvider, server: FakeServer
) -> None:
    server.faults.drop_after = lambda r: True
    with pytest.raises(ProviderFailure) as failure:
        provider.send(messages(2), SendOptions())
    assert failure.value.problem.effect is Effect.UNKNOWN and len(server.requests) == 1


def test_slow_answer_past_the_read_timeout_is_unknown(server: FakeServer, clock: Clock) -> None:
    provider = make(server.url, clock, read_timeout=0.3)
    server.faults.delay_after = lambda r: 1.0
    with pytest.raises(ProviderFailure) as failure:
        provider.send(messages(1), SendOptions())
    assert failure.value.problem.reason == "answer_lost" and len(server.requests) == 1


def test_connection_refused_is_retryable(clock: Clock) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ProviderFailure) as failure:
        make(f"http://127.0.0.1:{port}", clock).send(messages(1), SendOptions())
    assert failure.value.problem.effect is Effect.RETRY and len(clock.sleeps) == 2


def test_unexpected_answers_are_unknown(clock: Clock) -> None:
    with serving(lambda r: Reply(200, "<html>oops</html>")) as broken:
        with pytest.raises(ProviderFailure) as failure:
            make(broken.url, clock).send(messages(2), SendOptions())
        assert failure.value.problem.effect is Effect.UNKNOWN
    with serving(lambda r: Reply(200, {"id": "batch", "messages": [{"id": "only-one"}]})) as short:
        results = make(short.url, clock).send(messages(2), SendOptions())
        assert [r.state for r in results] == [State.ACCEPTED, State.UNKNOWN]


def test_an_administrator_is_told_apart_from_a_sending_user(
    provider: wavy.WavyProvider, server: FakeServer, fake: FakeWavy
) -> None:
    """ "Este usuario no hace envíos de mensajes ni por el portal ni vía integración API"."""
    assert provider.test_credentials() == Balance(None, None)  # a sending user: the probe gets 400
    [probe] = server.requests_to(SEND_PATH)
    assert probe.json() == wavy.PROBE and fake.messages == {}  # nothing can leave
    fake.administrator = True
    with pytest.raises(ProviderFailure) as failure:
        provider.test_credentials()
    assert (failure.value.problem.reason, failure.value.problem.effect) == ("wavy_admin_user", Effect.STOP)
    assert fake.messages == {}


def test_no_credit_in_the_statuses_stops_before_the_next_request(
    provider: wavy.WavyProvider, server: FakeServer, fake: FakeWavy, clock: Clock
) -> None:
    fake.credit = 3
    provider.clock, provider.credit_check_every = clock, 10.0
    first = provider.send(messages(5), SendOptions())  # Wavy takes all 5; two will say NO_CREDIT
    assert all(r.state is State.ACCEPTED for r in first)
    clock.now += 10.0
    with pytest.raises(ProviderFailure) as failure:
        provider.send(messages(5), SendOptions())
    assert failure.value.problem == wavy.NO_CREDIT  # STOP: the rows go back to pending, the campaign pauses
    assert len(server.requests_to(BULK_PATH)) == 1 and len(server.requests_to(STATUS_PATH)) == 1
    fake.credit = 100  # topped up: the next look finds nothing new, sending goes on
    clock.now += 10.0
    assert all(r.state is State.ACCEPTED for r in provider.send(messages(2), SendOptions()))
