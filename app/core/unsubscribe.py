"""One-click unsubscribe links: a per-recipient token that the receiver can check without a lookup table.

The token is an HMAC-SHA256 of the journal row's id under a secret kept in the OS keyring
(entry `unsubscribe`, beside the providers' credentials), not a random token stored per row:
nothing is written per message (a 10,000-row campaign pays no extra index or column), the
receiver checks a link in constant time with no read before the row it names, and rotating
the one secret retires every link at once. The row id in the link only counts rows; the
address it unsubscribes is read from the journal, never from the URL.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from app.providers.base import Credentials

if TYPE_CHECKING:  # the adapter imports this module for the links alone: no keyring for it
    from app.core.secrets import CredentialStore

STORE_ID = "unsubscribe"
PATH = "email/unsubscribe"  # the receiver's route: /email/unsubscribe/<row id>-<token>
TOKEN_CHARS = 22  # 128 bits of the HMAC, URL-safe base64


def ensure_secret(store: CredentialStore) -> str:
    """The receiver's unsubscribe secret, made and kept in the keyring on first use."""
    stored = store.load(STORE_ID)
    if stored is not None and stored["secret"]:
        return stored["secret"]
    secret = secrets.token_urlsafe(32)
    store.save(STORE_ID, Credentials({"secret": secret}))
    return secret


def token(secret: str, row_id: int) -> str:
    digest = hmac.new(secret.encode(), f"unsubscribe:{row_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode()[:TOKEN_CHARS]


def link_key(secret: str, row_id: int) -> str:
    """The last part of a row's link: `<row id>-<token>`."""
    return f"{row_id}-{token(secret, row_id)}"


def row_for(key: str, secret: str) -> int | None:
    """The row id a link's last part names with its right token; None for anything else."""
    head, _, given = key.partition("-")
    if not head.isdigit() or len(head) > 18 or not secret:
        return None
    row_id = int(head)
    if hmac.compare_digest(given.encode("latin-1", "replace"), token(secret, row_id).encode()):
        return row_id
    return None


@dataclass(frozen=True)
class Links:
    """Where a message's recipient can unsubscribe: the receiver's https URL and a mailbox."""

    secret: str
    base_url: str = ""  # the receiver's public address, e.g. https://masivo.empresa.cl
    mailbox: str = ""  # the address whose mailbox rules handle "baja" mails

    def https(self, row_id: int) -> str:
        if not self.base_url or not self.secret:
            return ""
        return f"{self.base_url.strip().rstrip('/')}/{PATH}/{link_key(self.secret, row_id)}"

    def mailto(self, row_id: int) -> str:
        if not self.mailbox:
            return ""
        subject = f"baja {link_key(self.secret, row_id)}" if self.secret else "baja"
        return f"mailto:{self.mailbox}?subject={quote(subject)}"

    def header(self, row_id: int) -> str:
        """The List-Unsubscribe value (RFC 2369): each URL in angle brackets, https first."""
        return ", ".join(f"<{url}>" for url in (self.https(row_id), self.mailto(row_id)) if url)
