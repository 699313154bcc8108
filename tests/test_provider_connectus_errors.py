"""The Connectus adapter when things go wrong: refusals, wrong key, HTTP 500, drops, timeouts, no server."""

from __future__ import annotations

import itertools
import socket
from collections.abc import Iterator

import pytest

from app.core.domain import Channel, State
from app.providers import connectus
from app.providers.base import Credentials, Effect, OutgoingMessage, ProviderFailure, SendOptions
from app.providers.http import HttpClient
from tests.fakes.connectus import FakeConnectus, Vendor, running

BULK = "/api_v1/send_sms_bulk"
EMAIL = SendOptions(channel=Channel.EMAIL, sender_name="Tienda Sol", sender_email="ventas@sol.cl")


@pytest.fixture
def vendor() -> Iterator[Vendor]:
    with running(FakeConnectus(sms_balance=10_000)) as served:
        yield served


def sms(key: int = 1) -> OutgoingMessage:
    return OutgoingMessage(key, "56990324203", "So long, and thanks for all the fish.")


def many(count: int) -> list[OutgoingMessage]:
    return [
        OutgoingMessage(key, f"569{key:08d}", f"Hola cliente {key}, 20% de descuento hoy")
        for key in range(count)
    ]


def test_wrong_api_key_stops_the_campaign(vendor: Vendor) -> None:
    adapter = vendor.adapter(api_key="0" * 32)
    calls = [
        lambda: adapter.send([sms()], SendOptions()),
        adapter.balance,
        lambda: adapter.statuses(["x"], Channel.SMS),
    ]
    for call in calls:
        with pytest.raises(ProviderFailure) as caught:
            call()
        assert (caught.value.problem.effect, caught.value.problem.reason) == (
            Effect.STOP,
            "wrong_credentials",
        )


def test_a_refusal_shows_the_body(vendor: Vendor) -> None:
    vendor.fake.refuse_next("/api_v1/send_email", 400, {"error": "src_email no validado en la plataforma"})
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter().send([OutgoingMessage(1, "a@b.cl", "x", subject="s")], EMAIL)
    problem = caught.value.problem
    assert (problem.code, problem.effect, problem.reason) == ("http_400", Effect.STOP, "refused")
    assert "src_email no validado" in problem.detail and "src_email no validado" in str(caught.value)


def test_no_balance_midway_gives_the_rest_back_unsent(vendor: Vendor) -> None:
    vendor.fake.sms_balance = 100  # enough for the first request (about 60 messages), not the second
    results = vendor.adapter().send(many(300), SendOptions())
    accepted = [r for r in results if r.state is State.ACCEPTED]
    assert 0 < len(accepted) <= 100 and [r.key for r in accepted] == list(range(len(accepted)))
    unsent = results[len(accepted) :]
    assert all(r.state is State.REJECTED and r.problem == unsent[0].problem for r in unsent)
    problem = unsent[0].problem
    assert problem is not None and (problem.effect, problem.reason) == (Effect.STOP, "refused")
    assert "saldo" in problem.detail, "STOP: the dispatcher puts them back to pending and pauses"


def test_http_429_before_processing_is_retried(vendor: Vendor) -> None:
    failures = iter([429])
    vendor.server.faults.fail_before = lambda request: next(failures, None)
    [result] = vendor.adapter().send([sms()], SendOptions())
    assert result.state is State.ACCEPTED and len(vendor.sleeps) == 1 and len(vendor.fake.sms) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_bulk_answered_5xx_is_unknown_and_never_repeated(vendor: Vendor, status: int) -> None:
    vendor.server.faults.fail_after = lambda request: status  # processed, then a gateway's error
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter().send(many(3), SendOptions())
    assert (caught.value.problem.code, caught.value.problem.effect) == (f"http_{status}", Effect.UNKNOWN)
    assert len(vendor.server.requests) == 1 and len(vendor.fake.sms) == 3 and vendor.sleeps == []


def test_a_balance_answered_500_is_asked_again(vendor: Vendor) -> None:
    failures = iter([500])
    vendor.server.faults.fail_before = lambda request: next(failures, None)
    assert vendor.adapter().balance().sms == vendor.fake.sms_balance and len(vendor.sleeps) == 1


def test_a_dropped_connection_is_unknown_and_not_resent(vendor: Vendor) -> None:
    vendor.server.faults.drop_after = lambda request: True
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter().send(many(3), SendOptions())
    assert caught.value.problem.effect is Effect.UNKNOWN and len(vendor.server.requests) == 1


def test_a_slow_answer_past_the_read_timeout_is_unknown_and_not_resent(vendor: Vendor) -> None:
    vendor.server.faults.delay_after = lambda request: 0.6
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter(read_timeout=0.3).send([sms()], SendOptions())
    assert caught.value.problem.code == "read_timeout" and caught.value.problem.effect is Effect.UNKNOWN
    assert len(vendor.server.requests) == 1 and vendor.sleeps == []


@pytest.mark.parametrize("slow_request", [1, 2])
def test_a_timeout_in_a_split_batch_is_unknown_for_that_request_only(
    vendor: Vendor, slow_request: int
) -> None:
    calls = itertools.count(1)
    vendor.server.faults.delay_after = lambda request: 0.6 if next(calls) == slow_request else 0.0
    results = vendor.adapter(read_timeout=0.3).send(many(300), SendOptions())
    states = [r.state for r in results]
    sent, unknown = states.count(State.ACCEPTED), states.count(State.UNKNOWN)
    unsent = 300 - sent - unknown
    assert states == [State.ACCEPTED] * sent + [State.UNKNOWN] * unknown + [State.REJECTED] * unsent
    assert (sent == 0) == (slow_request == 1) and 0 < unknown < 100 and unsent > 100
    problem = results[-1].problem
    assert problem is not None and (problem.effect, problem.reason) == (Effect.RETRY, "answer_lost")
    assert len(vendor.server.requests) == slow_request, "nothing sent after the lost answer"


def test_an_undocumented_success_answer_leaves_the_messages_unknown(vendor: Vendor) -> None:
    vendor.fake.refuse_next(BULK, 200, "<html>ok</html>")
    with pytest.raises(ProviderFailure) as caught:
        vendor.adapter().send(many(2), SendOptions())
    assert (
        caught.value.problem.reason == "unexpected_answer" and caught.value.problem.effect is Effect.UNKNOWN
    )
    vendor.fake.refuse_next(BULK, 200, {"id_delivery": "x", "messages": [{"id_sms": "a"}]})
    results = vendor.adapter().send(many(2), SendOptions())
    assert [r.state for r in results] == [State.UNKNOWN, State.UNKNOWN], "one answer for two messages"


def test_a_refused_connection_is_retried_then_reported_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps: list[float] = []
    client = HttpClient(f"http://127.0.0.1:{port}", sleep=sleeps.append)
    adapter = connectus.create(Credentials({"account_id": "cuenta", "api_key": "llave"}), client)
    with pytest.raises(ProviderFailure) as caught:
        adapter.balance()
    assert (caught.value.problem.effect, caught.value.problem.reason) == (
        Effect.RETRY,
        "provider_unreachable",
    )
    assert len(sleeps) == 2
