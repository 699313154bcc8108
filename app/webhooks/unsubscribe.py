"""The receiver's one-click unsubscribe route: `/email/unsubscribe/<row id>-<token>` (RFC 8058).

POST unsubscribes: the mailbox provider's one-click button posts `List-Unsubscribe=One-Click`,
and the confirmation page's button posts the same form. GET only shows that button: mail
scanners and link previews fetch every URL of a message, and must not unsubscribe anyone.
The address is put on the suppression list at once (rows still pending in a running campaign
are skipped), read from the journal row the link names; a wrong token looks like any unknown
path (404). Pages are short, in Spanish and English, with no outside resources.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable
from typing import Any

from app.core.journal import Journal
from app.core.unsubscribe import PATH, row_for
from app.webhooks.wsgi import WebhookApp

log = logging.getLogger(__name__)

REASON = "unsubscribe"  # the suppression entry's reason: the recipient's own one-click request
MAX_FORM = 4096  # bytes read of a POST body: the one-click form is 26

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

_PAGE = """<!doctype html>
<html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em;color:#222}}
button{{font-size:1.1em;padding:.6em 1.4em}}</style></head>
<body><h1>{title}</h1>{body}</body></html>
"""
_CONFIRM = (
    "Darse de baja",
    "<p>¿Dejar de recibir nuestros correos en <b>{address}</b>?</p>"
    '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">'
    '<button type="submit">Darme de baja / Unsubscribe</button></form>'
    "<p><small>Stop receiving our e-mails at this address? Press the button.</small></p>",
)
_DONE = (
    "Listo: se dio de baja",
    "<p>No enviaremos más correos a <b>{address}</b>.</p>"
    "<p><small>Done: we will not send more e-mails to this address.</small></p>",
)
_GONE = (
    "Enlace no válido",
    "<p>Este enlace de baja no es válido o ya no existe.</p>"
    "<p><small>This unsubscribe link is not valid or no longer exists.</small></p>",
)


class UnsubscribePages:
    """WSGI middleware: answers the unsubscribe route, hands every other request to `inner`."""

    def __init__(self, journal: Journal, secret: str, inner: WebhookApp) -> None:
        self.journal, self.secret, self.inner = journal, secret, inner

    def reads_body(self, method: str, path: str, length: int) -> bool:
        """The receiver's guard asks before reading a body: only a link with its right token, a short form."""
        key = _link_key(path)
        if key is None:
            return self.inner.reads_body(method, path, length)
        return length <= MAX_FORM and row_for(key, self.secret) is not None

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        key = _link_key(str(environ.get("PATH_INFO", "")))
        if key is None:
            return self.inner(environ, start_response)
        try:
            status, page, address = self._handle(environ, key)
        except Exception:  # the path holds the token: never let waitress log it
            log.exception("unsubscribe: unexpected error")
            status, page, address = "500 Internal Server Error", _GONE, ""
        title, body = page
        text = _PAGE.format(title=title, body=body.format(address=html.escape(address)))
        encoded = text.encode("utf-8")
        headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(encoded))),
                   ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer")]  # fmt: skip
        if status.startswith("405"):
            headers.append(("Allow", "GET, HEAD, POST"))
        start_response(status, headers)
        return [encoded]

    def _handle(self, environ: dict[str, Any], key: str) -> tuple[str, tuple[str, str], str]:
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        row_id = row_for(key, self.secret)
        record = self.journal.message(row_id) if row_id is not None else None
        if record is None:
            return "404 Not Found", _GONE, ""
        if method in ("GET", "HEAD"):
            return "200 OK", _CONFIRM, record.address
        if method != "POST":
            return "405 Method Not Allowed", _GONE, ""
        environ["wsgi.input"].read(min(_length(environ), MAX_FORM))  # the form says nothing more
        self.journal.add_suppression(record.address, "email", REASON)
        log.info("unsubscribe: message %d's address is now suppressed", record.id)
        return "200 OK", _DONE, record.address


def _link_key(path: str) -> str | None:
    """The `<row id>-<token>` of an unsubscribe link's path, or None for any other path."""
    head, _, key = path.rstrip("/").rpartition("/")
    return key if head == f"/{PATH}" or head.endswith(f"/{PATH}") else None


def _length(environ: dict[str, Any]) -> int:
    try:
        return max(0, int(environ.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0
