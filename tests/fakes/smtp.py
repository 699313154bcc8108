"""A real SMTP server on 127.0.0.1 (aiosmtpd) with STARTTLS, AUTH, and the faults real servers have.

The certificate is made for the test (cryptography) for 127.0.0.1 and localhost; clients trust
it through `client_context()`. The server records every message whose content it read, and
can refuse a recipient (550), answer 421 to a MAIL command, or read a message's content and
drop the connection without answering (the case a sender must mark `unknown`).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USER = "ventas@empresa.cl"
PASSWORD = "s3cret-app-pass"


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate and key for 127.0.0.1 and localhost."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Behaviour:
    """Faults to inject; counters are per server, across connections."""

    refuse: set[str] = field(default_factory=set)  # recipients answered 550
    busy: set[str] = field(default_factory=set)  # recipients answered 451 (temporary)
    close_on_mail: set[int] = field(default_factory=set)  # MAIL commands (1-based) answered 421
    drop_after_data: set[int] = field(default_factory=set)  # messages read but never answered
    auth_reply: str = ""  # a refusal text for every login (e.g. Gmail's app-password 534)


class FakeSmtpHandler:
    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.received: list[Received] = []
        self.mail_commands = 0
        self.data_count = 0
        self.connections = 0
        self.logins: list[str] = []
        self.lock = threading.Lock()

    async def handle_EHLO(self, server: SMTP, session: Session, envelope: Envelope, hostname: str,
                          responses: list[str]) -> list[str]:  # fmt: skip
        session.host_name = hostname
        return responses

    async def handle_MAIL(self, server: SMTP, session: Session, envelope: Envelope, address: str,
                          options: list[str]) -> str:  # fmt: skip
        with self.lock:
            self.mail_commands += 1
            count = self.mail_commands
        if count in self.behaviour.close_on_mail:
            return "421 4.7.0 Try again later, closing connection"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str,
                          options: list[str]) -> str:  # fmt: skip
        if address in self.behaviour.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if address in self.behaviour.busy:
            return "451 4.3.0 Mailbox temporarily unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self.lock:
            self.data_count += 1
            count = self.data_count
            content = envelope.original_content or b""
            self.received.append(Received(str(envelope.mail_from), list(envelope.rcpt_tos), content))
        if count in self.behaviour.drop_after_data:
            assert server.transport is not None
            server.transport.abort()  # the message was read (and may be queued): the reply is lost
        return "250 2.0.0 OK queued"

    def authenticate(self, server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                     auth_data: Any) -> AuthResult:  # fmt: skip
        if self.behaviour.auth_reply:
            return AuthResult(success=False, handled=False, message=self.behaviour.auth_reply)
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == USER
            and (auth_data.password.decode() == PASSWORD)
        )
        if ok:
            self.logins.append(USER)
        return AuthResult(success=ok, handled=False)  # aiosmtpd answers 235 or 535 itself


class FakeSmtpServer:
    """The running server: `port`, what it `received`, and the `behaviour` to change between tests."""

    def __init__(self, controller: Controller, handler: FakeSmtpHandler, cert: Path) -> None:
        self.controller, self.handler, self.cert = controller, handler, cert
        self.port = int(controller.port)
        self.host = "127.0.0.1"

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    @property
    def behaviour(self) -> Behaviour:
        return self.handler.behaviour

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert))

    def recipients(self) -> list[str]:
        return [address for received in self.received for address in received.recipients]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server(folder: Path, behaviour: Behaviour | None = None, *, implicit_tls: bool = False
                ) -> Iterator[FakeSmtpServer]:  # fmt: skip
    """A server requiring STARTTLS (or speaking TLS from the start) and AUTH, on a free loopback port."""
    cert, key = make_certificate(folder)
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    handler = FakeSmtpHandler(behaviour or Behaviour())
    options: dict[str, Any] = dict(authenticator=handler.authenticate, auth_required=True)
    if implicit_tls:
        # aiosmtpd counts only STARTTLS as TLS when it decides to offer AUTH, and warns when AUTH is
        # required "without TLS": here AUTH is offered (the client logs in) but not enforced.
        options.update(ssl_context=server_context, auth_require_tls=False, auth_required=False)
    else:
        options.update(tls_context=server_context, require_starttls=True, auth_require_tls=True)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    try:
        yield FakeSmtpServer(controller, handler, cert)
    finally:
        controller.stop()
