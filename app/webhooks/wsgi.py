"""The receiver's WSGI application: right token or 404, size limit, parse, and 2xx only after the commit.

A request with a missing or wrong token gets 404 and leaves no trace (an unknown path
looks the same). A request with the right token that cannot be an event (wrong method,
bad JSON, missing fields, body over 64 KB) gets a 4xx and is kept with its reason. An
event is answered 200 once its commit is on disk, 503 if it could not be stored (the
provider sends it again). Logs name the route, never the path: the path holds the token.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from app.core.journal.inbox_models import Incoming, RefusedRequest
from app.webhooks.payloads import Refused, Request, parse
from app.webhooks.routes import Route, route_for
from app.webhooks.writer import GroupWriter

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024
EXCERPT = 2000  # bytes of a refused request kept for diagnosis
STORE_WITHIN = 20.0  # seconds a request waits for its commit before answering 503
HEALTH_PATH = "/healthz"

StartResponse = Callable[..., Any]
REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
           413: "Content Too Large", 500: "Internal Server Error", 503: "Service Unavailable"}  # fmt: skip


class WebhookApp:
    """The WSGI callable; `tokens` maps route names to their tokens."""

    def __init__(
        self,
        tokens: Mapping[str, str],
        writer: GroupWriter,
        opt_out_words: frozenset[str],
        *,
        clock: Callable[[], float] = time.time,
        store_within: float = STORE_WITHIN,
    ) -> None:
        self.tokens = dict(tokens)
        self.writer = writer
        self.opt_out_words = opt_out_words
        self.clock = clock
        self.store_within = store_within

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        headers: list[tuple[str, str]] = []
        try:
            status, answer = self._handle(environ, headers)
        except Exception:  # never let waitress log the path with the token in it
            log.exception("webhook: unexpected error")
            status, answer = 500, {"error": "internal"}
        body = json.dumps(answer).encode()
        headers += [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        start_response(f"{status} {REASONS.get(status, '')}".rstrip(), headers)
        return [body]

    def reads_body(self, method: str, path: str, length: int) -> bool:
        """Whether a request's body is read at all (asked by the server as soon as its headers are in).

        Only a route with its right token, within the size limit: anything else is answered
        (404, or 413 kept as a refusal) without its body ever being buffered.
        """
        if length > MAX_BODY:
            return False
        return path == HEALTH_PATH or route_for(path, self.tokens) is not None

    def _handle(self, environ: dict[str, Any], headers: list[tuple[str, str]]) -> tuple[int, dict[str, Any]]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET").upper()
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return 200, {"ok": True}
        route = route_for(path, self.tokens)
        if route is None:
            return 404, {"error": "not_found"}
        received_at = self.clock()
        query = environ.get("QUERY_STRING", "")
        try:
            request = Request(method, query, environ.get("CONTENT_TYPE", ""), _body(environ))
            event = parse(route, request, received_at, self.opt_out_words)
        except Refused as refused:
            if refused.status == 405:
                headers.append(("Allow", ", ".join(sorted(route.methods))))
            self._keep_refusal(route, method, refused, _excerpt(environ, query), received_at)
            return refused.status, {"error": refused.reason}
        return self._store(route, event)

    def _store(self, route: Route, event: Incoming) -> tuple[int, dict[str, Any]]:
        try:
            stored = self.writer.submit(event, self.store_within)
        except Exception as exc:
            log.warning("webhook %s: not stored (%s); the provider will retry", route.name,
                        type(exc).__name__)  # fmt: skip
            return 503, {"error": "not_stored"}
        log.debug("webhook %s: %s", route.name, "stored" if stored.new else "repeat")
        return 200, {"ok": True, "new": stored.new}

    def _keep_refusal(self, route: Route, method: str, refused: Refused, excerpt: str, at: float) -> None:
        log.info("webhook %s refused (%d %s): %s", route.name, refused.status, refused.reason, refused.detail)
        refusal = RefusedRequest(
            route.name, method, refused.status, refused.reason, refused.detail, excerpt, at
        )
        try:
            self.writer.submit(refusal, self.store_within)
        except Exception as exc:  # the 4xx stands; only the diagnosis is lost
            log.warning("webhook %s: refusal not kept (%s)", route.name, type(exc).__name__)


def _body(environ: dict[str, Any]) -> bytes:
    """The request body, or `Refused` (413) when it is over MAX_BODY."""
    stream = environ["wsgi.input"]
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise Refused(400, "bad_length", str(environ.get("CONTENT_LENGTH"))[:40]) from None
    if length > MAX_BODY:
        environ["masivo.excerpt"] = stream.read(EXCERPT)
        raise Refused(413, "body_too_large", f"{length} bytes (at most {MAX_BODY})")
    body: bytes = stream.read(length) if length else stream.read(MAX_BODY + 1)
    if len(body) > MAX_BODY:
        environ["masivo.excerpt"] = body[:EXCERPT]
        raise Refused(413, "body_too_large", f"over {MAX_BODY} bytes")
    environ["masivo.excerpt"] = body[:EXCERPT]
    return body


def _excerpt(environ: dict[str, Any], query: str) -> str:
    """The query (as sent: percent-encoded ASCII) and the body's first bytes, every byte recoverable.

    Bytes that are not UTF-8 stay as `\\xNN`, so a refusal for an encoding keeps its evidence.
    """
    body: bytes = environ.get("masivo.excerpt", b"")
    text = body.decode("utf-8", "backslashreplace")
    return f"?{query[:EXCERPT]} {text}".strip() if query else text
