"""The receiver over real HTTP: each payload shape of the seeds, repeats, order, unknown ids, bad requests."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator

import pytest

from app.core.domain import State
from app.core.journal import Journal
from app.providers.connectus import CONNECTUS_STATUS
from app.webhooks.server import Receiver
from app.webhooks.wsgi import MAX_BODY
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.webhook_support import (
    PATHS,
    TOKENS,
    Client,
    number,
    provider_ids,
    received,
    running_receiver,
    sent_campaign,
    state_of,
    status,
)


@pytest.fixture
def receiver(journal: Journal) -> Iterator[Receiver]:
    with running_receiver(journal) as running:
        yield running


@pytest.fixture
def client(receiver: Receiver) -> Iterator[Client]:
    connection = Client(receiver.port)
    yield connection
    connection.close()


# --- the seeds' examples ------------------------------------------------------------------------------
def test_the_connectus_status_example_moves_its_row(journal: Journal, client: Client) -> None:
    campaign = sent_campaign(journal, 1)
    provider_id = provider_ids(journal, campaign)[number(0)]
    answer = client.post_json("connectus_status", status(provider_id, "ENTREGADO"))
    assert answer.status == 200 and answer.body == {"ok": True, "new": True}
    assert state_of(journal, provider_id) is State.DELIVERED
    assert journal.counts(campaign) == {"delivered": 1}


@pytest.mark.parametrize("word", sorted(CONNECTUS_STATUS))
def test_every_documented_status_word_maps_as_polling_does(
    journal: Journal, client: Client, word: str
) -> None:
    campaign = sent_campaign(journal, 1)
    provider_id = provider_ids(journal, campaign)[number(0)]
    assert client.post_json("connectus_status", status(provider_id, word)).status == 200
    assert state_of(journal, provider_id) is CONNECTUS_STATUS[word]
    assert journal.message(int(provider_id.removeprefix("id-"))).status_code == word  # type: ignore[union-attr]


def test_the_connectus_received_sms_example_is_a_reply(journal: Journal, client: Client) -> None:
    example = {"id_sms": "ec3d38a076ec4206a0e4e3fe039ddcc8", "dst_number": "56442330001",
               "src_number": "56990324203", "src_provider": "Wom",
               "sms_content": "Hola Connectus!"}  # fmt: skip
    assert client.post_json("connectus_inbound", example).status == 200
    [reply] = journal.inbox.replies()
    assert (reply.provider, reply.sender, reply.recipient, reply.text, reply.opt_out) == (
        "connectus", "56990324203", "56442330001", "Hola Connectus!", False)  # fmt: skip
    assert reply.campaign_id is None and reply.sheet_row is None


def test_connectus_numbers_may_come_as_json_numbers(journal: Journal, client: Client) -> None:
    payload = {"id_sms": "a1", "dst_number": 56442330001, "src_number": 56990324203, "src_provider": "Wom",
               "sms_content": "ok"}  # fmt: skip
    assert client.post_json("connectus_inbound", payload).status == 200
    assert journal.inbox.replies()[0].sender == "56990324203"


def test_connectus_events_by_get_query_and_by_post_form(journal: Journal, client: Client) -> None:
    """ "redirigida a través de HTTP": the documented fields by GET query string or POST form as well."""
    from urllib.parse import urlencode

    campaign = sent_campaign(journal, 2)
    ids = provider_ids(journal, campaign)
    query = urlencode(status(ids[number(0)], "ENTREGADO"))
    assert client.request("GET", f"{PATHS['connectus_status']}?{query}").status == 200
    form = urlencode(status(ids[number(1)], "NO_ENTREGABLE")).encode()
    content = {"Content-Type": "application/x-www-form-urlencoded"}
    assert client.request("POST", PATHS["connectus_status"], form, content).status == 200
    assert journal.counts(campaign) == {"delivered": 1, "undelivered": 1}
    inbound = urlencode(received("ab12", "56990324203", "SALIR"))
    assert client.request("GET", f"{PATHS['connectus_inbound']}?{inbound}").status == 200
    [reply] = journal.inbox.replies()
    assert (reply.sender, reply.text, reply.opt_out) == ("56990324203", "SALIR", True)


def test_the_itcloud_reply_by_get_and_by_post_form(journal: Journal, client: Client) -> None:
    assert client.itcloud("HolaMundo", "573152338956").status == 200  # the seed's own example
    assert client.itcloud("Otra respuesta", "+57 315 233 8957", method="POST").status == 200
    replies = journal.inbox.replies()
    assert [(r.provider, r.sender, r.text) for r in replies] == [
        ("itcloud", "573152338956", "HolaMundo"), ("itcloud", "573152338957", "Otra respuesta")]  # fmt: skip


# --- repeats, order, unknown ids ------------------------------------------------------------------------
def test_repeated_and_late_status_updates_never_move_a_row_backwards(
    journal: Journal, client: Client
) -> None:
    campaign = sent_campaign(journal, 1)
    provider_id = provider_ids(journal, campaign)[number(0)]
    for word in ("ENTREGADO", "ENVIADO_A_CARRIER", "ENTREGADO", "EN_COLA"):
        assert client.post_json("connectus_status", status(provider_id, word)).status == 200
    assert state_of(journal, provider_id) is State.DELIVERED
    assert journal.inbox.status_event_counts() == (3, 0)  # ENTREGADO stored once


def test_a_repeated_reply_is_stored_once(journal: Journal, client: Client) -> None:
    for _ in range(3):
        assert (
            client.post_json("connectus_inbound", received("r1", "56990324203", "Sí, me interesa")).status
            == 200
        )
        assert client.itcloud("Hola", "573152338956").status == 200
    assert [r.text for r in journal.inbox.replies()] == ["Sí, me interesa", "Hola"]


def test_an_update_for_an_unknown_id_is_kept_and_applied_once_the_id_is_known(
    journal: Journal, client: Client
) -> None:
    answer = client.post_json(
        "connectus_status", status("id-1", "ENTREGADO")
    )  # before the answer is journaled
    assert answer.status == 200
    assert journal.inbox.status_event_counts() == (1, 1)
    campaign = sent_campaign(journal, 1)  # row 1 is accepted as "id-1" now
    assert journal.inbox.apply_pending() == 1
    assert journal.counts(campaign) == {"delivered": 1}
    assert journal.inbox.status_event_counts() == (1, 0)


def test_an_update_for_another_systems_id_is_kept_not_an_error(journal: Journal, client: Client) -> None:
    assert client.post_json("connectus_status", status("not-ours", "ENTREGADO")).status == 200
    assert client.post_json("connectus_status", status("not-ours-2", "PALABRA_NUEVA")).status == 200
    assert journal.inbox.status_event_counts() == (2, 1)  # an undocumented word is kept, never applied
    assert journal.inbox.apply_pending() == 0


# --- bad requests ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "route", "body", "code", "reason"),
    [
        ("POST", "connectus_status", b'{"id_sms": "x", "status": ', 400, "bad_json"),
        ("POST", "connectus_status", b'["id_sms", "status"]', 400, "bad_json"),
        ("POST", "connectus_status", b'{"id_sms": "x"}', 400, "missing_fields"),
        ("POST", "connectus_inbound", b'{"id_sms": "x", "src_number": "56990324203"}', 400, "missing_fields"),
        ("POST", "connectus_inbound", b'{"id_sms": "x", "src_number": "12", "sms_content": "a"}', 400,
         "bad_number"),
        ("GET", "connectus_status", None, 400, "missing_fields"),  # a GET is taken; it needs its fields
        ("DELETE", "connectus_status", None, 405, "wrong_method"),
        ("PUT", "itcloud_inbound", b"mensaje=a&celular=573152338956", 405, "wrong_method"),
        ("POST", "connectus_status", b"x" * (MAX_BODY + 1), 413, "body_too_large"),
    ],
)  # fmt: skip
def test_a_malformed_request_gets_a_4xx_and_is_kept_with_its_reason(
    journal: Journal, client: Client, method: str, route: str, body: bytes | None, code: int, reason: str
) -> None:
    headers = {"Content-Type": "application/json"} if body else {}
    answer = client.request(method, PATHS[route], body, headers)
    assert (answer.status, answer.body) == (code, {"error": reason})
    [refusal] = journal.inbox.refusals()
    assert (refusal.route, refusal.method, refusal.http_status, refusal.reason) == (
        route,
        method,
        code,
        reason,
    )
    assert len(refusal.excerpt) <= 2000
    assert journal.inbox.replies() == [] and journal.inbox.status_event_counts() == (0, 0)
    assert client.itcloud("sigue funcionando", "573152338956").status == 200  # the receiver is unharmed


def test_the_itcloud_route_without_its_parameters_is_refused(journal: Journal, client: Client) -> None:
    assert client.request("GET", PATHS["itcloud_inbound"] + "?mensaje=hola").status == 400
    assert journal.inbox.refusals()[0].excerpt == "?mensaje=hola"


@pytest.mark.parametrize(
    "path",
    ["/connectus/status", "/connectus/status/", "/connectus/status/wrong-token",
     "/itcloud/inbound/" + "x" * 45, "/" + TOKENS["connectus_status"],
     "/connectus/status/" + TOKENS["itcloud_inbound"], "/"],
)  # fmt: skip
def test_a_missing_or_wrong_token_gets_404_and_leaves_no_trace(
    journal: Journal, client: Client, path: str
) -> None:
    answer = client.request("POST", path, b'{"id_sms": "x", "status": "ENTREGADO"}')
    assert (answer.status, answer.body) == (404, {"error": "not_found"})
    assert journal.inbox.refusals() == [] and journal.inbox.status_event_counts() == (0, 0)


def test_a_proxy_prefix_before_the_route_is_accepted(journal: Journal, client: Client) -> None:
    assert client.post_json("connectus_status", status("a", "EN_COLA")).status == 200
    answer = client.request(
        "POST", "/masivo" + PATHS["connectus_status"], b'{"id_sms": "b", "status": "EN_COLA"}'
    )
    assert answer.status == 200
    assert journal.inbox.status_event_counts() == (2, 2)


def test_no_token_reaches_the_logs(
    journal: Journal, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client.post_json("connectus_status", status("a", "EN_COLA"))
    client.post_json("connectus_status", b"{bad json")
    client.request("GET", PATHS["connectus_inbound"])
    client.request("POST", PATHS["itcloud_inbound"], b"x" * (MAX_BODY + 10))
    client.request("POST", "/connectus/status/guessed")
    logged = caplog.text
    assert "connectus_status" in logged and "connectus_inbound" in logged  # routes are named...
    assert not any(token in logged for token in TOKENS.values())  # ...their tokens never


def test_the_health_path_answers_without_a_token(client: Client) -> None:
    assert client.request("GET", "/healthz").status == 200


# --- slow clients ---------------------------------------------------------------------------------------
def test_a_stuck_client_is_dropped_and_others_are_served_meanwhile(journal: Journal) -> None:
    with running_receiver(journal, channel_timeout=1, cleanup_interval=1) as receiver:
        stuck = socket.create_connection(("127.0.0.1", receiver.port), timeout=15)
        stuck.sendall(b"POST " + PATHS["connectus_status"].encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Le")
        started = time.monotonic()
        other = Client(receiver.port)
        assert other.post_json("connectus_status", status("a", "EN_COLA")).status == 200
        other.close()
        assert stuck.recv(1024) == b""  # closed by the receiver, with nothing stored
        assert time.monotonic() - started < 10
        stuck.close()
    assert journal.inbox.status_event_counts() == (1, 1) and journal.inbox.refusals() == []


def test_a_taken_port_is_an_os_error(journal: Journal, receiver: Receiver) -> None:
    second = Receiver(journal, TOKENS, port=receiver.port)
    with pytest.raises(OSError):
        second.start()


def test_waitress_own_messages_never_show_a_token(
    receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    logging.getLogger("waitress").info("Client disconnected while serving %s", PATHS["connectus_status"])
    assert TOKENS["connectus_status"] not in caplog.text
    assert "/connectus/status/***" in caplog.text


def test_a_form_without_its_content_type_is_still_read(journal: Journal, client: Client) -> None:
    form = b"mensaje=Hola+amigo&celular=573152338956"
    assert client.request("POST", PATHS["itcloud_inbound"], form).status == 200
    assert journal.inbox.replies()[0].text == "Hola amigo"


def test_the_providers_that_push_are_those_with_receiver_routes() -> None:
    # Their rows are the only ones the journal can find by provider id or address (migration 4).
    from app.providers.registry import all_capabilities
    from app.webhooks.routes import ROUTES

    routes = {kind: {r.provider for r in ROUTES if r.path.endswith(kind)} for kind in ("/status", "/inbound")}
    assert {caps.id for caps in all_capabilities() if caps.pushes_statuses} == routes["/status"]
    assert {caps.id for caps in all_capabilities() if caps.pushes_replies} == routes["/inbound"]
