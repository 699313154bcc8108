"""The Connectus API v1.3 adapter against a fake API that follows the vendor document, over real HTTP."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest

from app.core.domain import Channel, State
from app.providers import connectus, connectus_wire
from app.providers.base import Balance, Effect, OutgoingMessage, SendOptions
from app.providers.http import HttpClient
from tests.fakes.connectus import EMAIL_STATUSES, SMS_STATUSES, FakeConnectus, Vendor, basic, running

ACCOUNT = "84f71863b7f64738aabc97afed7cd54d"
API_KEY = "16c329a233a047ef879eca2d66c70768"
BULK = "/api_v1/send_sms_bulk"
EMAIL = SendOptions(channel=Channel.EMAIL, sender_name="Tienda Sol", sender_email="ventas@sol.cl")


@pytest.fixture
def vendor() -> Iterator[Vendor]:
    with running(FakeConnectus(account_id=ACCOUNT, api_key=API_KEY, sms_balance=10_000)) as served:
        yield served


def sms(
    key: int = 1, to: str = "56990324203", text: str = "So long, and thanks for all the fish."
) -> OutgoingMessage:
    return OutgoingMessage(key, to, text)


def many(count: int) -> list[OutgoingMessage]:
    return [
        sms(key, f"569{key:08d}", f"Hola cliente {key}, 20% de descuento hoy en Tienda Sol")
        for key in range(count)
    ]


def test_capabilities() -> None:
    caps = connectus.CAPABILITIES
    assert caps.bulk_size == 1000 and caps.schedules and caps.has_status and caps.has_balance
    assert not caps.plain_http and caps.default_base_url.startswith("https://")
    assert [(f.key, f.label, f.secret) for f in caps.credentials] == [
        ("account_id", "ID de cuenta", False),
        ("api_key", "Llave de API", True),
    ]


def test_send_one_sms_uses_the_single_call_with_query_and_basic_auth(vendor: Vendor) -> None:
    [result] = vendor.adapter().send([sms(9)], SendOptions())
    assert result.state is State.ACCEPTED and result.key == 9 and result.provider_id in vendor.fake.sms
    [request] = vendor.server.requests_to("/api_v1/send_sms")
    assert request.method == "POST" and request.body == b""
    assert request.headers["authorization"] == basic(ACCOUNT, API_KEY)
    assert request.query == {
        "dst_number": ["56990324203"],
        "sms_content": ["So long, and thanks for all the fish."],
    }
    assert vendor.fake.sms_balance == 9_999


def test_send_one_email_with_sender_and_source_address(vendor: Vendor) -> None:
    message = OutgoingMessage(4, "unemail@uncliente.com", "Hola", subject="Demolitions")
    [result] = vendor.adapter().send([message], EMAIL)
    assert result.state is State.ACCEPTED and result.provider_id in vendor.fake.emails
    [request] = vendor.server.requests_to("/api_v1/send_email")
    assert {name: values[0] for name, values in request.query.items()} == {
        "dst_email": "unemail@uncliente.com",
        "subject": "Demolitions",
        "email_content": "Hola",
        "sender": "Tienda Sol",
        "src_email": "ventas@sol.cl",
    }


def test_a_bulk_of_2500_is_split_at_1000_and_by_url_length(vendor: Vendor) -> None:
    adapter = vendor.adapter()
    messages = many(2500)
    options = SendOptions(campaign_name="Douglas Adams quotes")
    size = connectus.CAPABILITIES.bulk_size
    results = [
        r for start in range(0, 2500, size) for r in adapter.send(messages[start : start + size], options)
    ]
    assert [r.key for r in results] == list(range(2500))
    assert all(r.state is State.ACCEPTED for r in results) and len(vendor.fake.sms) == 2500
    requests = vendor.server.requests_to(BULK)
    longest = max(len(r.line) - len("POST  HTTP/1.1") + len(vendor.server.url) for r in requests)
    assert longest < connectus.URL_LIMIT, "every URL stays under 8,000 bytes"
    assert longest > connectus.URL_LIMIT - 200, "and requests are filled up to it"
    sizes = [len(json.loads(r.query["messages"][0])) for r in requests]
    assert sum(sizes) == 2500 and len(requests) <= 2500 // min(sizes) + 3
    assert all(
        r.query["delivery_name"] == ["Douglas Adams quotes"] and "deliver_at" not in r.query for r in requests
    )
    first = json.loads(requests[0].query["messages"][0])[0]
    assert first == {"dst_number": 56900000000, "sms_content": messages[0].text}, "dst_number is a long"


def test_a_scheduled_message_goes_by_bulk_with_deliver_at_in_chilean_time(vendor: Vendor) -> None:
    when = dt.datetime(2026, 3, 25, 13, 30, tzinfo=dt.UTC)
    [result] = vendor.adapter().send([sms()], SendOptions(deliver_at=when))
    assert result.state is State.ACCEPTED
    [request] = vendor.server.requests_to(BULK)
    assert request.query["deliver_at"] == [
        when.astimezone(ZoneInfo("America/Santiago")).strftime("%Y-%m-%d %H:%M:%S")
    ]
    assert request.query["delivery_name"] == [connectus_wire.DEFAULT_DELIVERY_NAME]
    assert vendor.fake.sms[result.provider_id or ""].status == "PROGRAMADO"
    assert connectus_wire.schedule_text(dt.datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02 03:04:05", (
        "naive: as given"
    )


@pytest.mark.parametrize("answer_key", ["messages", "emails"])
def test_bulk_email_sends_src_email_once_and_reads_either_answer_key(vendor: Vendor, answer_key: str) -> None:
    vendor.fake.bulk_email_key = answer_key
    batch = [
        OutgoingMessage(i, f"cliente{i}@example.com", f"Hola {i}", subject="Dolphins") for i in range(30)
    ]
    results = vendor.adapter().send(batch, EMAIL)
    assert all(r.state is State.ACCEPTED for r in results) and len(vendor.fake.emails) == 30
    request = vendor.server.requests_to("/api_v1/send_email_bulk")[0]
    assert request.query["src_email"] == ["ventas@sol.cl"]
    assert json.loads(request.query["emails"][0])[0] == {
        "dst_email": "cliente0@example.com",
        "subject": "Dolphins",
        "email_content": "Hola 0",
        "sender": "Tienda Sol",
    }


def test_a_per_message_error_in_a_bulk_rejects_only_that_message(vendor: Vendor) -> None:
    batch = [sms(1), sms(2, to="5699"), sms(3)]  # 4 digits: the API refuses that one
    results = vendor.adapter().send(batch, SendOptions())
    assert [r.state for r in results] == [State.ACCEPTED, State.REJECTED, State.ACCEPTED]
    problem = results[1].problem
    assert problem is not None and problem.effect is Effect.SKIP and problem.reason == "refused"
    assert "dst_number" in problem.detail


def test_invalid_input_is_rejected_before_any_request(vendor: Vendor) -> None:
    results = vendor.adapter().send([sms(1, to="+56 9 1234"), sms(2, text=" ")], SendOptions())
    assert [r.problem.reason if r.problem else "" for r in results] == ["invalid_number", "missing_field"]
    assert vendor.server.requests == []


def test_a_414_halves_the_request_and_lowers_the_url_limit(vendor: Vendor) -> None:
    vendor.fake.max_request_line = 3000
    adapter = vendor.adapter()
    results = adapter.send(many(100), SendOptions())
    assert all(r.state is State.ACCEPTED for r in results) and len(vendor.fake.sms) == 100, (
        "nothing sent twice"
    )
    too_long = [len(r.line.encode()) > 3000 for r in vendor.server.requests_to(BULK)]
    assert too_long[0], "the first request was too long"
    assert adapter.url_limit < 3000
    assert sum(too_long) <= 3, "later requests are sized to the lowered limit"


def test_one_message_alone_over_the_url_limit_is_rejected_as_too_long(vendor: Vendor) -> None:
    message = OutgoingMessage(1, "ana@example.com", "Oferta " * 2000, subject="Largo")
    [result] = vendor.adapter().send([message], EMAIL)
    assert result.state is State.REJECTED and result.problem == connectus.HTTP_PROBLEMS[414]
    assert vendor.fake.emails == {}


def test_every_sms_status_word_is_mapped_and_unknown_ids_are_left_out(vendor: Vendor) -> None:
    ids = [r.provider_id or "" for r in vendor.adapter().send(many(len(SMS_STATUSES)), SendOptions())]
    adapter = vendor.adapter()  # another run: it does not know the bulk, so it asks message by message
    for provider_id, word in zip(ids, SMS_STATUSES, strict=True):
        vendor.fake.set_status(provider_id, word)
    updates = adapter.statuses([*ids, "0" * 32], Channel.SMS)
    assert [(u.provider_id, u.code, u.state) for u in updates] == [
        (i, word, connectus.CONNECTUS_STATUS[word]) for i, word in zip(ids, SMS_STATUSES, strict=True)
    ]
    assert set(connectus.CONNECTUS_STATUS) == set(SMS_STATUSES)
    assert connectus.CONNECTUS_STATUS["ENTREGADO"] is State.DELIVERED
    assert connectus.CONNECTUS_STATUS["NO_ENTREGABLE"] is State.UNDELIVERED
    request = vendor.server.requests_to("/api_v1/check_sms_status")[0]
    assert request.method == "GET" and request.query == {"id_sms": [ids[0]]}


def test_email_statuses_follow_the_furthest_event(vendor: Vendor) -> None:
    adapter = vendor.adapter()
    batch = [OutgoingMessage(i, f"c{i}@example.com", "Hola", subject="S") for i in range(7)]
    ids = [r.provider_id or "" for r in adapter.send(batch, EMAIL)]
    cases = [(s, ()) for s in EMAIL_STATUSES] + [
        ("ENTREGADO", ("ABIERTO",)),
        ("ENTREGADO", ("ABIERTO", "CLICKEADO")),
    ]
    for provider_id, (status, events) in zip(ids, cases, strict=True):
        vendor.fake.set_status(provider_id, status, events)
    updates = adapter.statuses(ids, Channel.EMAIL)
    assert [u.state for u in updates] == [
        State.ACCEPTED,
        State.ACCEPTED,
        State.ACCEPTED,
        State.BOUNCED,
        State.DELIVERED,
        State.OPENED,
        State.CLICKED,
    ]
    assert set(connectus.EMAIL_STATUS) == set(EMAIL_STATUSES)


def test_balances_arrive_as_strings_and_become_numbers(vendor: Vendor) -> None:
    adapter = vendor.adapter()
    assert adapter.balance() == Balance(sms=10_000, email=35123)
    assert adapter.test_credentials() == Balance(sms=10_000, email=35123)
    for path in ("/api_v1/check_balance", "/api_v1/check_email_balance"):
        assert all(
            r.headers["authorization"] == basic(ACCOUNT, API_KEY) for r in vendor.server.requests_to(path)
        )


def test_the_fake_answers_the_delivery_status_call_as_documented(vendor: Vendor) -> None:
    vendor.adapter().send(many(2), SendOptions(campaign_name="Douglas Adams quotes"))
    [id_delivery] = vendor.fake.deliveries
    client = HttpClient(vendor.server.url)
    answer = client.request(
        "GET",
        "/api_v1/check_delivery_status",
        idempotent=True,
        params={"id_delivery": id_delivery},
        auth=(ACCOUNT, API_KEY),
    ).json()
    assert answer["delivery_status"]["delivery_name"] == "Douglas Adams quotes"
    assert [m["status"] for m in answer["delivery_status"]["messages"]] == ["EN_COLA", "EN_COLA"]


def test_a_bulk_names_its_id_delivery_and_its_statuses_come_in_one_call(vendor: Vendor) -> None:
    """ "Revisar estado de envío masivo de SMS": each result names its bulk's `id_delivery` (kept in the
    journal), and another adapter reads the whole bulk in one `check_delivery_status` GET."""
    results = vendor.adapter().send(many(300), SendOptions())
    ids = [r.provider_id or "" for r in results]
    deliveries = set(vendor.fake.deliveries)  # the URL limit cut the 300 into a few bulks
    assert 1 < len(deliveries) < 20 and {r.bulk_id for r in results} == deliveries
    [alone] = vendor.adapter().send([OutgoingMessage(999, "56990000999", "Hola")], SendOptions())
    assert alone.bulk_id is None  # the single call answers no `id_delivery`
    vendor.fake.set_status(ids[0], "ENTREGADO")
    vendor.fake.set_status(ids[1], "NO_ENTREGABLE")
    reader = vendor.adapter()
    updates = reader.bulk_statuses(results[0].bulk_id or "", Channel.SMS)
    assert updates is not None and [(u.provider_id, u.state) for u in updates[:2]] == [
        (ids[0], State.DELIVERED),
        (ids[1], State.UNDELIVERED),
    ]
    assert {u.provider_id for u in updates} == {
        r.provider_id for r in results if r.bulk_id == results[0].bulk_id
    }
    assert reader.bulk_statuses("gone", Channel.SMS) is None  # a 404: its rows are asked one by one
    assert connectus.CAPABILITIES.bulk_statuses
    assert [r.method for r in vendor.server.requests_to(connectus.DELIVERY_STATUS_PATH)] == ["GET", "GET"]


def test_one_by_one_status_gets_are_paced(vendor: Vendor) -> None:
    ids = [r.provider_id or "" for r in vendor.adapter().send(many(5), SendOptions())]
    adapter = vendor.adapter()
    clock = iter(float(i) / 1000 for i in range(100))  # 1 ms passes between two looks at the clock
    adapter.status_pacer.clock = lambda: next(clock)
    adapter.statuses(ids, Channel.SMS)
    waits = [w for w in vendor.sleeps if w > 0]
    assert len(waits) == 4 and all(0 < w <= connectus.STATUS_GAP for w in waits), vendor.sleeps
