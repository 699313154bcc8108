"""HTTP for every adapter: one keep-alive session, timeouts, and the rule for sending again.

The rule (docs/architecture.md, "Never twice"), for the transport and HTTP statuses; vendor
codes are the adapters' tables' part. A request that provably never reached the vendor's
application (no connection was made, a connect timeout, HTTP 429) is retried with exponential
backoff and jitter. For a send (`idempotent=False`), anything else that is not a clear answer
(any 5xx, a read timeout, a connection dropped after the request left, a TLS failure after the
handshake) may have been processed: it raises `ProviderFailure` with `Effect.UNKNOWN` at once,
and the engine marks the request's messages `unknown`. Reads (`idempotent=True`: statuses,
balance, a credential test) change nothing at the vendor, so they are retried on those too.

Exceptions from `requests` carry the full URL, and some vendors put passwords in
the query string: nothing from them is re-raised, logged or kept but the kind. An answer's
body is kept as evidence only through `body_excerpt`, masked before it is cut.
"""

from __future__ import annotations

import logging
import random
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import NewConnectionError

from app import __version__
from app.core.logs import REDACTOR
from app.providers.base import Effect, Problem, ProviderFailure

log = logging.getLogger(__name__)
# urllib3 logs every request line, query string included, at DEBUG: mask it at the source,
# so that no handler (pytest's, a later basicConfig) ever sees a raw password.
logging.getLogger("urllib3.connectionpool").addFilter(REDACTOR)

USER_AGENT = f"Masivo/{__version__} (+https://masivo.app)"
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
# The only HTTP answer that proves the vendor's application did not take the request: rate limiting
# happens in front of it. A 5xx may come from a gateway whose vendor processed the request.
NOT_TAKEN_STATUSES = frozenset({429})


class HttpClient:
    """Sends requests to one provider's base URL; documented paths are appended to it."""

    def __init__(
        self,
        base_url: str,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
        attempts: int = 3,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self.sleep = sleep
        self.jitter = jitter

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def request(
        self,
        method: str,
        path: str,
        *,
        idempotent: bool,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        data: Mapping[str, Any] | str | bytes | None = None,
        headers: Mapping[str, str] | None = None,
        auth: tuple[str, str] | None = None,
    ) -> requests.Response:
        """One logical request; returns any answer that is neither retried nor ambiguous.

        `idempotent` says whether doing it twice is harmless (a read), or not (a send): the
        caller knows, the method does not tell (vendors send with GET and read with POST).
        """
        route = urlsplit(self.url(path)).path  # never the query: it may hold a password
        for attempt in range(1, self.attempts + 1):
            started = time.monotonic()
            problem: Problem | None = None
            try:
                response = self.session.request(
                    method,
                    self.url(path),
                    params=params,
                    json=json,
                    data=data,
                    headers=headers,
                    auth=auth,
                    timeout=self.timeout,
                )
            except requests.RequestException as exc:
                problem = classify_exception(exc)
            if problem is None:
                log.debug(
                    "%s %s -> %d in %.0f ms",
                    method,
                    route,
                    response.status_code,
                    1000 * (time.monotonic() - started),
                )
                problem = classify_status(response)
                if problem is None:
                    return response
            if problem.effect is Effect.UNKNOWN and idempotent:  # a read may be asked again
                problem = replace(problem, effect=Effect.RETRY, reason="provider_unavailable")
            log.warning(
                "%s %s failed: %s, %s (attempt %d)", method, route, problem.code, problem.effect, attempt
            )
            if problem.effect is not Effect.RETRY or attempt == self.attempts:
                # Raised outside the except block so that no __context__ keeps the
                # requests exception, whose text holds the full URL (and maybe a password).
                raise ProviderFailure(problem)
            self._wait(attempt, response.headers.get("Retry-After") if problem.code == "http_429" else None)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait(self, attempt: int, retry_after: str | None = None) -> None:
        delay = self.backoff * 2 ** (attempt - 1) * (0.5 + self.jitter())
        if retry_after and retry_after.isdigit():
            delay = max(delay, float(retry_after))
        self.sleep(min(delay, 30.0))

    def close(self) -> None:
        self.session.close()


def classify_status(response: requests.Response) -> Problem | None:
    """None for an answer the adapter reads (2xx, 3xx, 4xx); else what the status means."""
    status = response.status_code
    if status in NOT_TAKEN_STATUSES:
        return Problem(f"http_{status}", Effect.RETRY, "rate_limited", body_excerpt(response))
    if status >= 500:  # the vendor, or a gateway in front of it after the vendor took it
        return Problem(f"http_{status}", Effect.UNKNOWN, "maybe_sent", body_excerpt(response))
    return None


def classify_exception(exc: requests.RequestException) -> Problem:
    """Map a transport failure to whether the request could have reached the vendor's application."""
    if isinstance(exc, requests.ConnectTimeout):
        return Problem("connect_timeout", Effect.RETRY, "provider_unreachable")
    if isinstance(exc, requests.exceptions.SSLError) and _in_chain(exc, _HANDSHAKE_ERRORS):
        # A certificate is checked during the handshake, before a byte of the request is sent;
        # it fails the same way every time: nothing to retry, the URL or the machine is wrong.
        return Problem("tls_error", Effect.STOP, "tls_failed")
    if isinstance(exc, requests.ReadTimeout):
        return Problem("read_timeout", Effect.UNKNOWN, "answer_lost")
    if isinstance(exc, requests.ConnectionError) and _in_chain(exc, (NewConnectionError,)):
        return Problem("connection_refused", Effect.RETRY, "provider_unreachable")
    if isinstance(exc, requests.exceptions.SSLError):  # after the handshake: the request may have left
        return Problem("tls_error", Effect.UNKNOWN, "answer_lost")
    if isinstance(exc, requests.ConnectionError):
        return Problem("connection_dropped", Effect.UNKNOWN, "answer_lost")
    return Problem(type(exc).__name__, Effect.UNKNOWN, "answer_lost")


_HANDSHAKE_ERRORS: tuple[type[BaseException], ...] = (ssl.SSLCertVerificationError,)


def _in_chain(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> bool:
    """Whether `exc` or anything it wraps (cause, context, urllib3's `reason`, args[0]) is one of `kinds`."""
    seen: BaseException | None = exc
    for _ in range(20):  # wrappers nest a few deep; a cycle must not hang a send
        if seen is None:
            return False
        if isinstance(seen, kinds):
            return True
        reason = getattr(seen, "reason", None)
        if isinstance(reason, kinds):
            return True
        seen = (
            seen.__cause__
            or seen.__context__
            or (reason if isinstance(reason, BaseException) else None)
            or (seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None)
        )
    return False


def body_excerpt(response: requests.Response, limit: int = 300) -> str:
    """The start of an answer's body, as evidence for the log and the report, without any secret."""
    return excerpt(f"HTTP {response.status_code}: {response.text}", limit)


def excerpt(text: str, limit: int = 300) -> str:
    """Evidence from a vendor's text: masked whole, then cut (a cut secret would escape the mask)."""
    return REDACTOR.redact(text)[:limit].strip()
