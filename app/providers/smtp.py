"""E-mail through the business's own mail server (Gmail/Workspace, Microsoft 365, Amazon SES, a hosting's).

One SMTP connection carries many messages; each message is its own transaction (MAIL,
RCPT, DATA), so every reply is the server's word on one recipient. What a reply means:
- anything before the DATA content left (no connection, DNS, a 4xx to MAIL/RCPT/DATA)
  provably never reached the server's queue: retried later (421: reconnect at once);
- a 5xx to RCPT or DATA: this recipient failed, with the server's text (masked);
- a 5xx to MAIL: the sender is refused, the same for every message: the campaign stops;
- no reply after the final dot, or a connection lost while the content was leaving: the
  message may have been queued: `unknown`, never sent again by itself;
- an explicit 4xx after the dot: the server did not take the message (RFC 5321, 4.2.5 and
  6.1: a server takes responsibility only with its 250), so it is retried later.
The password lives in the keyring with the other fields; a reply that echoes it is masked.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.core.domain import Channel, State
from app.core.unsubscribe import Links
from app.providers.base import (
    Balance,
    Capabilities,
    CredentialField,
    Credentials,
    Effect,
    OutgoingMessage,
    Problem,
    ProviderFailure,
    SendOptions,
    SendResult,
    StatusUpdate,
    register_secrets,
)
from app.providers.batching import not_sent
from app.providers.http import HttpClient
from app.providers.smtp_message import Sender, build, data_payload
from app.providers.smtp_presets import PRESETS, preset

log = logging.getLogger(__name__)

TIMEOUT = 60.0  # seconds for a reply; RFC 5321 4.5.3.2 allows the server 10 minutes after the dot

FIELDS = (
    CredentialField("preset", "Servicio", secret=False, default="gmail", masked=False,
                    choices=tuple((p.id, p.name) for p in PRESETS.values())),
    # Empty server, port and security: the preset's.
    CredentialField("host", "Servidor SMTP", secret=False, required=False),
    CredentialField("port", "Puerto", secret=False, required=False, masked=False),
    CredentialField("security", "Seguridad", secret=False, required=False, masked=False,
                    choices=(("starttls", "STARTTLS (puerto 587)"), ("tls", "TLS (puerto 465)"),
                             ("plain", "Sin cifrar (la clave viaja legible)"))),
    CredentialField("user", "Usuario", secret=False),
    CredentialField("password", "Contraseña (o contraseña de aplicación)", secret=True),
    CredentialField("from_name", "Nombre del remitente", secret=False),
    CredentialField("from_email", "Correo del remitente", secret=False),
    CredentialField("reply_to", "Responder a", secret=False, required=False),
    CredentialField("per_minute", "Mensajes por minuto", secret=False, required=False, masked=False),
    CredentialField("per_day", "Mensajes por día", secret=False, required=False, masked=False),
    CredentialField("unsubscribe_url", "Dirección pública del receptor (https)", secret=False,
                    required=False),
    CredentialField("unsubscribe_mailto", "Buzón para bajas (mailto)", secret=False, required=False),
)  # fmt: skip

CAPABILITIES = Capabilities(
    id="smtp",
    name="Correo propio (SMTP)",
    channels=frozenset({Channel.EMAIL}),
    default_base_url="smtp://",
    credentials=FIELDS,
    bulk_size=1,  # one transaction per message, all on one connection
    unsubscribe_links=True,
)

# Words of the big services' replies that name a cause the user can fix (their 5xx texts).
APP_PASSWORD_WORDS = ("5.7.9", "application-specific password", "app password")
AUTH_DISABLED_WORDS = ("5.7.139", "smtpclientauthentication is disabled", "basic authentication is disabled")
QUOTA_WORDS = ("5.4.5", "daily user sending", "sending limit", "sending quota")


@dataclass(frozen=True)
class SmtpSettings:
    """The non-secret fields and the password, read from the stored credentials."""

    preset: str
    host: str
    port: int
    security: str
    user: str
    password: str
    sender: Sender
    per_minute: int | None
    per_day: int | None

    @classmethod
    def from_credentials(cls, credentials: Credentials) -> SmtpSettings:
        chosen = preset(credentials["preset"])
        return cls(
            preset=chosen.id,
            host=credentials["host"].strip() or chosen.host,
            port=_number(credentials["port"]) or chosen.port,
            security=credentials["security"] or chosen.security,
            user=credentials["user"].strip(),
            password=credentials["password"],
            sender=Sender(credentials["from_name"].strip(), credentials["from_email"].strip(),
                          credentials["reply_to"].strip()),
            per_minute=_number(credentials["per_minute"]) or chosen.per_minute,
            per_day=_number(credentials["per_day"]) or chosen.per_day,
        )  # fmt: skip


class _Reconnect(Exception):
    """Internal: the server closed or will close the connection before the message's content left."""


class SmtpProvider:
    """Sends e-mail over one SMTP connection; `capabilities` carry this account's pace and daily limit."""

    def __init__(
        self,
        settings: SmtpSettings,
        links: Links | None = None,
        *,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = TIMEOUT,
    ) -> None:
        self.settings = settings
        self.service = preset(settings.preset)  # what the deliverability check looks for in DNS
        self.default_sender = settings.sender.address or settings.user
        self.links = links
        self.ssl_context = ssl_context or ssl.create_default_context()
        self.timeout = timeout
        per_minute = settings.per_minute
        self.capabilities = replace(
            CAPABILITIES,
            single_interval=60.0 / per_minute if per_minute else 0.0,
            per_day=settings.per_day,
            plain_http=settings.security == "plain",
        )
        self._smtp: smtplib.SMTP | None = None

    # --- the Provider interface -------------------------------------------------------------------
    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        """One transaction per message (the engine sends one a batch: `bulk_size` is 1).

        A failure of the connection, or a lost reply, raises `ProviderFailure` for a batch of
        one, so the engine counts servers that keep dropping the line and stops burning the list.
        """
        results: list[SendResult] = []
        for position, message in enumerate(batch):
            try:
                result = self._send_one(message, options)
            except ProviderFailure as failure:
                if len(batch) == 1:
                    raise
                failed, later = batch[position : position + 1], batch[position + 1 :]
                return results + not_sent(failed, later, failure.problem)
            if result.state is State.UNKNOWN and result.problem is not None and len(batch) == 1:
                raise ProviderFailure(result.problem)
            results.append(result)
        return results

    def statuses(self, provider_ids: Sequence[str], channel: Channel) -> list[StatusUpdate]:
        return []  # SMTP says nothing after the 250: bounces come back as mail

    def balance(self) -> Balance:
        return Balance()

    def test_credentials(self) -> Balance:
        """Connect, secure and log in; raises `ProviderFailure` naming what failed."""
        self._drop()
        self._connection()
        self._drop()
        return Balance()

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()

    # --- one message ------------------------------------------------------------------------------
    def _send_one(self, message: OutgoingMessage, options: SendOptions) -> SendResult:
        sender = Sender(
            options.sender_name or self.settings.sender.name,
            options.sender_email or self.settings.sender.address or self.settings.user,
            self.settings.sender.reply_to,
        )
        if "@" not in sender.address:
            raise ProviderFailure(Problem("no_sender", Effect.STOP, "no_sender"))
        email, message_id = build(message.to, message.subject, message.text, html=options.html,
                                  sender=sender, key=message.key, links=self.links)  # fmt: skip
        payload = data_payload(email)
        for attempt in (1, 2):
            smtp = self._connection()
            try:
                return self._transaction(smtp, message, sender.address, payload, message_id)
            except _Reconnect as closed:
                self._drop()
                if attempt == 2:
                    raise ProviderFailure(Problem("421", Effect.RETRY, "smtp_busy", str(closed))) from None
        raise AssertionError("unreachable")

    def _transaction(
        self, smtp: smtplib.SMTP, message: OutgoingMessage, sender: str, payload: bytes, message_id: str
    ) -> SendResult:
        """MAIL, RCPT, DATA for one recipient; the server's replies decide the result."""
        international = not (sender + message.to).isascii()
        if international and not smtp.has_extn("smtputf8"):
            detail = "the server takes no addresses beyond ASCII (no SMTPUTF8)"
            problem = Problem("smtputf8", Effect.SKIP, "recipient_refused", detail)
            return SendResult(message.key, State.REJECTED, problem=problem)
        try:
            code, reply = smtp.mail(sender, ["SMTPUTF8"] if international else [])
            self._before_data(smtp, code, reply, "mail")
            code, reply = smtp.rcpt(message.to)
            refused = self._before_data(smtp, code, reply, "rcpt")
            if refused:
                return SendResult(message.key, State.REJECTED, problem=refused)
            smtp.putcmd("data")
            code, reply = smtp.getreply()
            if code != 354:
                refused = self._before_data(smtp, code, reply, "data")
                if refused:
                    return SendResult(message.key, State.REJECTED, problem=refused)
                raise _Reconnect(f"{code} to DATA")  # a 2xx/3xx other than 354: the session is confused
        except smtplib.SMTPServerDisconnected as lost:  # nothing of the message has left
            raise _Reconnect(str(lost)) from None
        try:  # from here on the server may queue the message as soon as it reads the dot
            smtp.send(payload)
            code, reply = smtp.getreply()
        except (smtplib.SMTPServerDisconnected, OSError) as lost:
            self._drop()
            detail = f"no reply after the message's content ({type(lost).__name__})"
            return SendResult(message.key, State.UNKNOWN, problem=Problem("lost", Effect.UNKNOWN,
                                                                         "answer_lost", detail))  # fmt: skip
        if 200 <= code < 300:
            return SendResult(message.key, State.ACCEPTED, provider_id=message_id)
        problem = self._refusal(code, reply, "end of data")
        if code == 421:
            self._drop()
        return SendResult(message.key, State.REJECTED, problem=problem)

    def _before_data(self, smtp: smtplib.SMTP, code: int, reply: bytes, step: str) -> Problem | None:
        """None when the step succeeded; a SKIP problem for a refused recipient; raises otherwise."""
        if 200 <= code < 400:
            return None
        if code == 421:  # the server is closing this connection: a new one may take the message
            raise _Reconnect(f"421 to {step}")
        problem = self._refusal(code, reply, step)
        _reset(smtp)
        if problem.effect is Effect.SKIP:
            return problem
        raise ProviderFailure(problem)

    def _refusal(self, code: int, reply: bytes, step: str) -> Problem:
        """A 4xx/5xx reply as a problem: what it means depends on the step it answered."""
        text = self._masked(reply)
        detail = f"{code} {text}"
        lowered = text.lower()
        if code >= 500 and any(word in lowered for word in QUOTA_WORDS):
            return Problem(str(code), Effect.STOP, "daily_quota", detail)
        if 400 <= code < 500:
            return Problem(str(code), Effect.RETRY, "smtp_busy", detail)
        if step == "mail":
            return Problem(str(code), Effect.STOP, "sender_refused", detail)
        reason = "recipient_refused" if step == "rcpt" else "message_refused"
        return Problem(str(code), Effect.SKIP, reason, detail)

    # --- the connection ---------------------------------------------------------------------------
    def _connection(self) -> smtplib.SMTP:
        """The open connection, or a new one (connected, secured, logged in); raises `ProviderFailure`."""
        if self._smtp is not None:
            return self._smtp
        settings = self.settings
        if not settings.host:
            raise ProviderFailure(Problem("no_credentials", Effect.STOP, "no_credentials", "no server"))
        smtp: smtplib.SMTP | None = None
        try:
            if settings.security == "tls":
                smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=self.timeout,
                                        context=self.ssl_context)  # fmt: skip
            else:
                smtp = smtplib.SMTP(settings.host, settings.port, timeout=self.timeout)
            smtp.ehlo()
            if settings.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise ProviderFailure(Problem("starttls", Effect.STOP, "smtp_no_starttls"))
                smtp.starttls(context=self.ssl_context)
                smtp.ehlo()
            if settings.user:
                self._login(smtp)
        except ProviderFailure:
            _close(smtp)
            raise
        except Exception as exc:
            _close(smtp)
            raise ProviderFailure(self._connect_problem(exc)) from None
        self._smtp = smtp
        return smtp

    def _login(self, smtp: smtplib.SMTP) -> None:
        if not smtp.has_extn("auth"):
            raise ProviderFailure(Problem("auth", Effect.STOP, "smtp_no_auth"))
        try:
            smtp.login(self.settings.user, self.settings.password)
        except smtplib.SMTPAuthenticationError as refused:
            text = self._masked(refused.smtp_error)
            lowered = text.lower()
            reason = "wrong_credentials"
            if any(word in lowered for word in APP_PASSWORD_WORDS):
                reason = "app_password_needed"
            elif any(word in lowered for word in AUTH_DISABLED_WORDS):
                reason = "smtp_auth_disabled"
            code, detail = str(refused.smtp_code), f"{refused.smtp_code} {text}"
            if reason == "wrong_credentials" and 400 <= refused.smtp_code < 500:  # 454: the server's trouble
                raise ProviderFailure(Problem(code, Effect.RETRY, "smtp_busy", detail)) from None
            raise ProviderFailure(Problem(code, Effect.STOP, reason, detail)) from None

    def _connect_problem(self, exc: Exception) -> Problem:
        """What kept the connection from opening; none of it reached the server's queue."""
        name = type(exc).__name__
        if isinstance(exc, socket.gaierror):
            return Problem("dns", Effect.RETRY, "smtp_dns", f"{self.settings.host}: {exc.strerror}")
        if isinstance(exc, ssl.SSLError | ssl.CertificateError):
            return Problem("tls", Effect.STOP, "tls_failed", f"{name}: {getattr(exc, 'reason', '') or exc}")
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return Problem("auth", Effect.STOP, "smtp_no_auth", str(exc))
        if isinstance(exc, smtplib.SMTPResponseException):
            code = exc.smtp_code
            effect = Effect.RETRY if code < 500 else Effect.STOP
            reason = "smtp_busy" if effect is Effect.RETRY else "refused"
            return Problem(str(code), effect, reason, f"{code} {self._masked(exc.smtp_error)}")
        return Problem("connect", Effect.RETRY, "provider_unreachable", f"{self.settings.host}: {name}")

    def _drop(self) -> None:
        """Forget the connection without a polite QUIT (it may be dead)."""
        smtp, self._smtp = self._smtp, None
        _close(smtp)

    def _masked(self, reply: bytes | str) -> str:
        text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
        text = " ".join(text.split())[:300]
        password = self.settings.password
        return text.replace(password, "***") if password else text


def _reset(smtp: smtplib.SMTP) -> None:
    """End a refused transaction so the connection can carry the next message."""
    with contextlib.suppress(smtplib.SMTPException, OSError):
        smtp.rset()


def _close(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        with contextlib.suppress(OSError):
            smtp.close()


def _number(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def field_hints(credentials: Credentials) -> dict[str, str]:
    """The chosen preset's values, shown in the form's empty fields."""
    chosen = preset(credentials["preset"])
    hints = {"host": chosen.host, "port": str(chosen.port), "user": credentials["from_email"]}
    hints["per_minute"] = str(chosen.per_minute) if chosen.per_minute else "—"
    hints["per_day"] = str(chosen.per_day) if chosen.per_day else "—"
    hints["unsubscribe_mailto"] = credentials["from_email"] or credentials["user"]
    hints["unsubscribe_url"] = "https://masivo.empresa.cl"
    return hints


def create(
    credentials: Credentials,
    client: HttpClient | None = None,
    *,
    ssl_context: ssl.SSLContext | None = None,
) -> SmtpProvider:
    """An adapter for the stored fields; the receiver's links come with `unsubscribe_secret`."""
    if client is not None:
        client.close()  # the registry hands every adapter an HTTP client; SMTP needs none
    register_secrets(CAPABILITIES, credentials)  # as every adapter: its password never reaches evidence
    links = Links(credentials["unsubscribe_secret"], credentials["unsubscribe_url"].strip(),
                  credentials["unsubscribe_mailto"].strip() or credentials["from_email"].strip())  # fmt: skip
    return SmtpProvider(SmtpSettings.from_credentials(credentials), links, ssl_context=ssl_context)
