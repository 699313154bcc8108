"""The receiver under abuse over real HTTP on 127.0.0.1: slow clients, big bodies, deep JSON, encodings."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.journal import Journal
from app.core.logs import setup_logging
from app.webhooks.wsgi import MAX_BODY
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.webhook_support import PATHS, Client, running_receiver, status

SLOW = 600


@pytest.fixture
def open_files() -> Iterator[None]:
    """Room for SLOW connections at both ends in this one process (the receiver raises its own limit too)."""
    resource = pytest.importorskip("resource")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 4 * SLOW
    if soft != resource.RLIM_INFINITY and soft < wanted:
        if hard != resource.RLIM_INFINITY and hard < wanted:
            pytest.skip(f"the open-file limit ({hard}) is below {wanted}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def raw(port: int, data: bytes, timeout: float = 5.0) -> bytes:
    """Send `data` on a new connection and read until the receiver closes it (or `timeout`)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(data)
        answer = b""
        with contextlib.suppress(TimeoutError):
            while chunk := connection.recv(65536):
                answer += chunk
        return answer


def headers_only(path: str, length: int) -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()  # fmt: skip


# --- slow clients -----------------------------------------------------------------------------------------
def test_six_hundred_slow_connections_leave_room_for_a_providers_events(
    journal: Journal, open_files: None
) -> None:
    with running_receiver(journal) as receiver:
        slow: list[socket.socket] = []
        try:
            for _ in range(SLOW):  # no token needed: each begins a request and never ends it
                connection = socket.create_connection(("127.0.0.1", receiver.port), timeout=5)
                slow.append(connection)
                with contextlib.suppress(OSError):  # the receiver may already have closed it
                    connection.sendall(b"POST /connectus/status/guess HTTP/1.1\r\nHost: x\r\n")
            waits = []
            for i in range(40):
                started = time.monotonic()
                client = Client(receiver.port, timeout=5)
                try:
                    assert client.post_json("connectus_status", status(f"p{i}", "ENTREGADO")).status == 200
                finally:
                    client.close()
                waits.append(time.monotonic() - started)
        finally:
            for connection in slow:
                connection.close()
    assert max(waits) < 2.0, f"slowest event stored after {max(waits):.1f} s"
    assert journal.inbox.status_event_counts() == (40, 40)


def test_a_client_that_trickles_its_headers_is_closed_at_the_deadline(journal: Journal) -> None:
    with running_receiver(journal, request_deadline=1, cleanup_interval=1) as receiver:
        trickling = socket.create_connection(("127.0.0.1", receiver.port), timeout=1)
        started = time.monotonic()
        closed = False
        try:
            for byte in b"POST /connectus/status/guess HTTP/1.1\r\nX-Slow: " + b"a" * 100:
                trickling.sendall(bytes([byte]))  # never 1 s of silence: channel_timeout never fires
                time.sleep(0.1)
                if time.monotonic() - started > 8:
                    break
        except OSError:
            closed = True
        if not closed:
            with contextlib.suppress(TimeoutError):
                closed = trickling.recv(1024) == b""
        trickling.close()
        assert closed and time.monotonic() - started < 6, "the trickling client was never closed"


def test_an_address_holds_a_capped_number_of_connections_the_oldest_idle_makes_room(
    journal: Journal,
) -> None:
    with running_receiver(journal, per_address=5) as receiver:
        held = [socket.create_connection(("127.0.0.1", receiver.port), timeout=0.5) for _ in range(10)]
        try:
            client = Client(receiver.port, timeout=5)
            assert client.post_json("connectus_status", status("a", "ENTREGADO")).status == 200
            client.close()
            for connection in held[:5]:  # closed by the receiver: reading gives the end at once
                assert connection.recv(1024) == b""
            for connection in held[6:]:
                with pytest.raises(TimeoutError):
                    connection.recv(1024)  # still open
        finally:
            for connection in held:
                connection.close()


# --- bodies ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/connectus/status/wrong-token", "/nowhere"])
def test_a_body_for_a_wrong_path_is_never_waited_for(journal: Journal, path: str) -> None:
    with running_receiver(journal) as receiver:
        started = time.monotonic()
        answer = raw(receiver.port, headers_only(path, 1024 * 1024))  # announced, never sent
    assert answer.startswith(b"HTTP/1.1 404 "), answer[:80]
    assert b"Connection: close" in answer
    assert time.monotonic() - started < 4
    assert journal.inbox.refusals() == []


def test_a_body_over_the_limit_is_refused_from_its_headers_and_kept(journal: Journal) -> None:
    with running_receiver(journal) as receiver:
        answer = raw(receiver.port, headers_only(PATHS["connectus_status"], MAX_BODY + 1))
        assert answer.startswith(b"HTTP/1.1 413 "), answer[:80]
        exact = Client(receiver.port)
        payload = b'{"id_sms": "a", "status": "ENTREGADO", "x": "' + b"y" * (MAX_BODY - 47) + b'"}'
        assert len(payload) == MAX_BODY
        assert exact.post_json("connectus_status", payload).status == 200  # 64 KB itself is fine
        exact.close()
    [refusal] = journal.inbox.refusals()
    assert (refusal.http_status, refusal.reason) == (413, "body_too_large")


@pytest.mark.parametrize("depth", [2_000, 30_000])
def test_deeply_nested_json_is_a_kept_refusal_not_a_server_error(
    journal: Journal, depth: int, caplog: pytest.LogCaptureFixture
) -> None:
    body = b'{"id_sms": ' + b"[" * depth + b"]" * depth + b"}"
    assert len(body) < MAX_BODY
    with running_receiver(journal) as receiver:
        client = Client(receiver.port)
        answer = client.post_json("connectus_status", body)
        client.close()
    assert (answer.status, answer.body) == (400, {"error": "bad_json"})
    [refusal] = journal.inbox.refusals()
    assert refusal.reason == "bad_json" and refusal.excerpt.startswith('{"id_sms": [[[')
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


# --- encodings ---------------------------------------------------------------------------------------------
@pytest.fixture
def client(journal: Journal) -> Iterator[Client]:
    with running_receiver(journal) as receiver:
        connection = Client(receiver.port)
        yield connection
        connection.close()


def test_a_latin1_percent_escape_keeps_its_letter(journal: Journal, client: Client) -> None:
    path = PATHS["itcloud_inbound"] + "?mensaje=S%ED%2C+ma%F1ana&celular=573152338956"
    assert client.request("GET", path).status == 200
    assert journal.inbox.replies()[0].text == "Sí, mañana"


def test_raw_utf8_in_the_query_string_is_read(journal: Journal) -> None:
    with running_receiver(journal) as receiver:
        path = PATHS["itcloud_inbound"].encode() + "?mensaje=Sí ¿a qué hora?&celular=573152338956".replace(
            " ", "+"
        ).encode("utf-8")
        answer = raw(receiver.port, b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:120]
    assert journal.inbox.replies()[0].text == "Sí ¿a qué hora?"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("\ufeff" + '{"id_sms": "r1", "src_number": "56990324203", "sms_content": "Sí, gracias"}', "json"),
        ('{"id_sms": "r1", "src_number": "56990324203", "sms_content": "Sí, gracias"}', "json-cp1252"),
        ("id_sms=r1&src_number=56990324203&sms_content=S%ED%2C+gracias", "form"),
        ("id_sms=r1&src_number=56990324203&sms_content=Sí,+gracias", "form-cp1252"),
    ],
)
def test_every_body_encoding_keeps_the_text(
    journal: Journal, client: Client, body: str, content_type: str
) -> None:
    kind, _, encoding = content_type.partition("-")
    header = {"json": "application/json", "form": "application/x-www-form-urlencoded"}[kind]
    data = body.encode(encoding or "utf-8")
    answer = client.request("POST", PATHS["connectus_inbound"], data, {"Content-Type": header})
    assert answer.status == 200, answer
    assert journal.inbox.replies()[0].text == "Sí, gracias"


def test_a_refusal_keeps_the_raw_bytes_it_got(journal: Journal, client: Client) -> None:
    answer = client.post_json("connectus_status", b'{"id_sms": "S\xed\x00", "status": ')
    assert answer.status == 400
    assert journal.inbox.refusals()[0].excerpt == '{"id_sms": "S\\xed\x00", "status": '


# --- what reaches the log --------------------------------------------------------------------------------
@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    path = setup_logging(tmp_path / "logs", level=logging.INFO)
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_a_cr_lf_in_a_refused_field_cannot_forge_a_log_line(log_file: Path, client: Client) -> None:
    forged = "12\r\n2026-01-01 00:00:00 ERROR app: forged\x1b[2J"
    client.post_json("connectus_inbound", {"id_sms": "x", "src_number": forged, "sms_content": "a"})
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("2026-01-01") for line in lines)
    [refused] = [line for line in lines if "refused" in line]
    assert "12\\r\\n2026-01-01" in refused and "\x1b" not in refused


def test_the_receiver_is_unharmed_after_the_abuse(journal: Journal) -> None:
    with running_receiver(journal) as receiver:
        huge = headers_only("/x", 10**9)
        threads = [threading.Thread(target=raw, args=(receiver.port, huge, 2)) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        client = Client(receiver.port)
        assert client.itcloud("sigue", "573152338956").status == 200
        client.close()
