"""HTTP for every adapter: one keep-alive session, timeouts, retries by kind of failure.

A request that provably did not reach the provider (refused connection, connect
timeout, 429/500/502/503) is retried with exponential backoff and jitter. Anything
that may have been processed (a read timeout, a connection dropped after the
request left, 504) is never retried: it raises `ProviderFailure` with
`Effect.UNKNOWN`, and the engine marks the messages `unknown`.

Exceptions from `requests` carry the full URL, and some vendors put passwords in
the query string: nothing from them is re-raised, logged or kept but the kind.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
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
RETRY_STATUSES = frozenset({429, 500, 502, 503})
AMBIGUOUS_STATUSES = frozenset({504})


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
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        data: Mapping[str, Any] | str | bytes | None = None,
        headers: Mapping[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        retry_statuses: frozenset[int] = RETRY_STATUSES,
    ) -> requests.Response:
        """One logical request; returns any answer that is not a retryable failure."""
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
            if problem is not None:
                # Raised outside the except block so that no __context__ keeps the
                # requests exception, whose text holds the full URL (and maybe a password).
                log.warning("%s %s failed: %s (attempt %d)", method, route, problem.code, attempt)
                if problem.effect is not Effect.RETRY or attempt == self.attempts:
                    raise ProviderFailure(problem)
                self._wait(attempt)
                continue
            log.debug(
                "%s %s -> %d in %.0f ms",
                method,
                route,
                response.status_code,
                1000 * (time.monotonic() - started),
            )
            if response.status_code in retry_statuses:
                if attempt == self.attempts:
                    raise ProviderFailure(
                        Problem(
                            f"http_{response.status_code}",
                            Effect.RETRY,
                            "provider_unavailable",
                            body_excerpt(response),
                        )
                    )
                self._wait(attempt, response.headers.get("Retry-After"))
                continue
            if response.status_code in AMBIGUOUS_STATUSES:
                raise ProviderFailure(
                    Problem(
                        f"http_{response.status_code}", Effect.UNKNOWN, "answer_lost", body_excerpt(response)
                    )
                )
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait(self, attempt: int, retry_after: str | None = None) -> None:
        delay = self.backoff * 2 ** (attempt - 1) * (0.5 + self.jitter())
        if retry_after and retry_after.isdigit():
            delay = max(delay, float(retry_after))
        self.sleep(min(delay, 30.0))

    def close(self) -> None:
        self.session.close()


def classify_exception(exc: requests.RequestException) -> Problem:
    """Map a transport failure to whether the request could have been processed."""
    if isinstance(exc, requests.ConnectTimeout):
        return Problem("connect_timeout", Effect.RETRY, "provider_unreachable")
    if isinstance(exc, requests.ReadTimeout):
        return Problem("read_timeout", Effect.UNKNOWN, "answer_lost")
    if isinstance(exc, requests.exceptions.SSLError):
        return Problem("tls_error", Effect.STOP, "tls_failed")
    if isinstance(exc, requests.ConnectionError) and _never_connected(exc):
        return Problem("connection_refused", Effect.RETRY, "provider_unreachable")
    if isinstance(exc, requests.ConnectionError):
        return Problem("connection_dropped", Effect.UNKNOWN, "answer_lost")
    return Problem(type(exc).__name__, Effect.UNKNOWN, "answer_lost")


def _never_connected(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, NewConnectionError):
            return True
        reason = getattr(seen, "reason", None)
        if isinstance(reason, NewConnectionError):
            return True
        seen = (
            seen.__cause__
            or seen.__context__
            or (seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None)
        )
    return False


def body_excerpt(response: requests.Response, limit: int = 300) -> str:
    """The start of an answer's body, as evidence for the log and the report."""
    return f"HTTP {response.status_code}: {response.text[:limit].strip()}"
