"""The SMTP adapter against a real SMTP server on loopback (aiosmtpd, STARTTLS and AUTH)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email.header import decode_header, make_header
from pathlib import Path

import pytest

from app.core.domain import Channel, State
from app.core.unsubscribe import Links, row_for
from app.providers import registry
from app.providers.base import Credentials, Effect, OutgoingMessage, ProviderFailure, SendOptions
from app.providers.smtp import SmtpProvider, create
from tests.fakes.smtp import PASSWORD, USER, FakeSmtpServer, free_port, smtp_server

EMAIL = SendOptions(channel=Channel.EMAIL, html=True)
SECRET = "unsubscribe-secret-for-tests"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FakeSmtpServer]:
    with smtp_server(tmp_path) as running:
        yield running


def fields(server: FakeSmtpServer, **changes: str) -> Credentials:
    values = {
        "preset": "other", "host": server.host, "port": str(server.port), "security": "starttls",
        "user": USER, "password": PASSWORD, "from_name": "Ñandú & Cía", "from_email": USER,
        "unsubscribe_url": "https://masivo.empresa.cl", "unsubscribe_mailto": "bajas@empresa.cl",
        "unsubscribe_secret": SECRET,
    }  # fmt: skip
    values.update(changes)
    return Credentials(values)


def provider(server: FakeSmtpServer, **changes: str) -> SmtpProvider:
    return create(fields(server, **changes), ssl_context=server.client_context())


def message(key: int, to: str | None = None) -> OutgoingMessage:
    html = f"<p>Hola <b>Pérez {key}</b>, oferta <a href='https://x.cl/o'>aquí</a></p>"
    return OutgoingMessage(key, to or f"cliente{key}@example.com", html, f"¡Oferta de otoño {key}! ñ")


def test_messages_go_over_one_connection_as_mail_clients_expect(server: FakeSmtpServer) -> None:
    smtp = provider(server)
    results = smtp.send([message(1), message(2), message(3)], EMAIL)
    smtp.close()

    assert [r.state for r in results] == [State.ACCEPTED] * 3
    assert server.handler.logins == [USER], "three messages must share one logged-in connection"
    assert server.recipients() == ["cliente1@example.com", "cliente2@example.com", "cliente3@example.com"]
    ids = set()
    for key, received in enumerate(server.received, start=1):
        mail = received.message
        assert mail.get_content_type() == "multipart/alternative"
        plain, html = (part.get_content() for part in mail.iter_parts())
        assert f"Pérez {key}" in plain and "<b>" not in plain and "(https://x.cl/o)" in plain
        assert f"<b>Pérez {key}</b>" in html
        raw_subject = received.data.split(b"Subject: ", 1)[1].split(b"\r\n", 1)[0]
        assert raw_subject.isascii() and b"=?utf-8?" in raw_subject.lower(), "a UTF-8 subject is encoded"
        assert str(make_header(decode_header(mail["Subject"]))) == f"¡Oferta de otoño {key}! ñ"
        assert mail["From"].addresses[0].display_name == "Ñandú & Cía"
        assert mail["Message-ID"].endswith("@empresa.cl>")
        ids.add(mail["Message-ID"])
        assert results[key - 1].provider_id == mail["Message-ID"]
        unsubscribe = mail["List-Unsubscribe"]
        https, mailto = (part.strip(" <>") for part in unsubscribe.split(","))
        assert https.startswith("https://masivo.empresa.cl/email/unsubscribe/")
        assert row_for(https.rsplit("/", 1)[1], SECRET) == key
        assert mailto.startswith("mailto:bajas@empresa.cl?subject=")
        assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert len(ids) == 3, "each recipient has its own Message-ID"


def test_a_line_starting_with_a_dot_arrives_intact(server: FakeSmtpServer) -> None:
    smtp = provider(server)
    body = "Primera línea\n.\n.segunda con punto\nfin"
    smtp.send([OutgoingMessage(1, "a@example.com", body, "Puntos")], SendOptions(channel=Channel.EMAIL))
    smtp.close()
    assert server.received[0].message.get_content().replace("\r\n", "\n").rstrip("\n") == body


def test_the_registry_knows_smtp_and_its_fields() -> None:
    caps = registry.capabilities("smtp")
    assert caps.channels == frozenset({Channel.EMAIL})
    keys = [f.key for f in caps.credentials]
    assert {"preset", "host", "port", "security", "user", "password"} <= set(keys)
    assert [f.key for f in caps.credentials if f.secret] == ["password"]


def test_presets_carry_their_limits_into_the_pace(server: FakeSmtpServer) -> None:
    microsoft = create(fields(server, preset="microsoft365", host="", per_minute="", per_day=""))
    assert microsoft.settings.host == "smtp.office365.com"
    assert microsoft.capabilities.single_interval == pytest.approx(2.0)  # 30 a minute
    assert microsoft.capabilities.per_day == 10_000
    mine = create(fields(server, preset="gmail", per_day="450", per_minute="10"))
    assert mine.capabilities.per_day == 450 and mine.capabilities.single_interval == pytest.approx(6.0)


def test_wrong_password_stops_with_a_plain_reason_and_no_secret(server: FakeSmtpServer) -> None:
    smtp = provider(server, password="not-the-password")
    with pytest.raises(ProviderFailure) as failed:
        smtp.test_credentials()
    assert failed.value.problem.effect is Effect.STOP
    assert failed.value.problem.reason == "wrong_credentials"
    assert "not-the-password" not in str(failed.value)
    assert server.received == []


def test_the_right_password_passes_the_connection_test(server: FakeSmtpServer) -> None:
    provider(server).test_credentials()
    assert server.handler.logins == [USER]


def test_gmail_asking_for_an_app_password_says_so(server: FakeSmtpServer) -> None:
    server.behaviour.auth_reply = (
        "534 5.7.9 Application-specific password required. Learn more at https://support.google.com"
    )
    with pytest.raises(ProviderFailure) as failed:
        provider(server).test_credentials()
    assert failed.value.problem.reason == "app_password_needed"


@pytest.mark.logs_errors  # the test server itself logs the handshake it could not finish
def test_an_untrusted_certificate_is_a_tls_failure(server: FakeSmtpServer) -> None:
    smtp = create(fields(server))  # the system's trust store does not know the test's certificate
    with pytest.raises(ProviderFailure) as failed:
        smtp.test_credentials()
    assert (failed.value.problem.reason, failed.value.problem.effect) == ("tls_failed", Effect.STOP)


def test_a_closed_port_is_retried_later(server: FakeSmtpServer) -> None:
    smtp = create(fields(server, port=str(free_port())), ssl_context=server.client_context())
    with pytest.raises(ProviderFailure) as failed:
        smtp.send([message(1)], EMAIL)
    problem = failed.value.problem
    assert (problem.reason, problem.effect) == ("provider_unreachable", Effect.RETRY)


def test_a_refused_recipient_fails_alone_and_the_connection_goes_on(server: FakeSmtpServer) -> None:
    server.behaviour.refuse.add("nadie@example.com")
    smtp = provider(server)
    results = smtp.send([message(1, "nadie@example.com"), message(2)], EMAIL)
    smtp.close()
    assert results[0].state is State.REJECTED and results[0].problem is not None
    assert results[0].problem.effect is Effect.SKIP and results[0].problem.reason == "recipient_refused"
    assert "5.1.1" in results[0].problem.detail and "User unknown" in results[0].problem.detail
    assert results[1].state is State.ACCEPTED
    assert server.recipients() == ["cliente2@example.com"] and server.handler.logins == [USER]


def test_a_temporary_refusal_before_data_is_retried_later(server: FakeSmtpServer) -> None:
    server.behaviour.busy.add("lleno@example.com")
    smtp = provider(server)
    with pytest.raises(ProviderFailure) as failed:
        smtp.send([message(1, "lleno@example.com")], EMAIL)
    smtp.close()
    assert (failed.value.problem.effect, failed.value.problem.reason) == (Effect.RETRY, "smtp_busy")
    assert server.received == []


def test_a_421_reconnects_and_the_message_goes_once(server: FakeSmtpServer) -> None:
    server.behaviour.close_on_mail.add(2)
    smtp = provider(server)
    results = smtp.send([message(1), message(2), message(3)], EMAIL)
    smtp.close()
    assert [r.state for r in results] == [State.ACCEPTED] * 3
    assert server.recipients() == [f"cliente{i}@example.com" for i in (1, 2, 3)]
    assert server.handler.logins == [USER, USER], "the 421 closed the session: a new one was opened"


def test_a_reply_lost_after_the_final_dot_is_unknown(server: FakeSmtpServer) -> None:
    server.behaviour.drop_after_data.add(2)
    smtp = provider(server)
    results = smtp.send([message(1), message(2), message(3)], EMAIL)
    server.behaviour.drop_after_data.add(4)
    with pytest.raises(ProviderFailure) as alone:  # a batch of one, as the engine sends: the request failed
        smtp.send([message(4)], EMAIL)
    smtp.close()
    assert [r.state for r in results] == [State.ACCEPTED, State.UNKNOWN, State.ACCEPTED]
    assert results[1].problem is not None and results[1].problem.reason == "answer_lost"
    assert (alone.value.problem.effect, alone.value.problem.reason) == (Effect.UNKNOWN, "answer_lost")
    assert server.recipients().count("cliente2@example.com") == 1, "the unknown message is never re-sent"


def test_no_links_without_a_receiver_secret(server: FakeSmtpServer) -> None:
    links = Links("", "", "bajas@empresa.cl")
    assert links.header(5) == "<mailto:bajas@empresa.cl?subject=baja>"
    assert Links("s", "https://r.cl/", "").https(5).startswith("https://r.cl/email/unsubscribe/5-")


def test_implicit_tls_on_its_own_port(tmp_path: Path) -> None:
    with smtp_server(tmp_path, implicit_tls=True) as server:
        smtp = provider(server, security="tls")
        results = smtp.send([message(1)], EMAIL)
        smtp.close()
        assert results[0].state is State.ACCEPTED and server.recipients() == ["cliente1@example.com"]
        assert server.handler.logins == [USER]


def test_an_unknown_server_name_is_said_plainly(server: FakeSmtpServer) -> None:
    smtp = provider(server)
    problem = smtp._connect_problem(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))
    assert (problem.reason, problem.effect) == ("smtp_dns", Effect.RETRY)
    assert "Name or service not known" in problem.detail
