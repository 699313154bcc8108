"""One recipient's e-mail as mail clients and the big mailbox providers expect it.

multipart/alternative (a plain-text part generated from the HTML, then the HTML) or plain
text alone, UTF-8 subject and names as RFC 2047 encoded words (policy SMTP), a Message-ID
unique per recipient on the sender's domain, and the unsubscribe headers Gmail and Yahoo
ask of bulk senders since February 2024: List-Unsubscribe with an https and a mailto URL,
and List-Unsubscribe-Post for one-click (RFC 8058).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid

from app.core.email_draft import html_to_text
from app.core.unsubscribe import Links

_LEADING_DOT = re.compile(rb"^\.", re.MULTILINE)


@dataclass(frozen=True)
class Sender:
    name: str
    address: str
    reply_to: str = ""

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]


def build(
    to: str, subject: str, body: str, *, html: bool, sender: Sender, key: int, links: Links | None
) -> tuple[EmailMessage, str]:
    """The message for one recipient and its Message-ID (`key` is the journal row's id)."""
    message = EmailMessage(policy=SMTP)
    message["From"] = Address(sender.name, addr_spec=sender.address)
    message["To"] = to
    if sender.reply_to:
        message["Reply-To"] = sender.reply_to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message_id = make_msgid(domain=sender.domain or None)
    message["Message-ID"] = message_id
    unsubscribe = links.header(key) if links else ""
    if unsubscribe:
        message["List-Unsubscribe"] = unsubscribe
        if links and links.https(key):  # one-click needs the https URL (RFC 8058, section 3.1)
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if html:
        message.set_content(html_to_text(body), cte="quoted-printable")
        message.add_alternative(body, subtype="html", cte="quoted-printable")
    else:
        message.set_content(body, cte="quoted-printable")
    return message, message_id


def data_payload(message: EmailMessage) -> bytes:
    """The bytes after DATA: CRLF lines, leading dots doubled, ending with the lone dot (RFC 5321 4.5.2)."""
    raw = _LEADING_DOT.sub(b"..", message.as_bytes(policy=SMTP))
    if not raw.endswith(b"\r\n"):
        raw += b"\r\n"
    return raw + b".\r\n"
