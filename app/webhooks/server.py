"""The receiver: waitress serving `WebhookApp`, the group-commit writer, and a clean stop.

Why waitress: pure Python (no C extension to build for Windows and macOS installers,
about 200 KB of source), maintained by the Pylons project since 2011, production-grade HTTP/1.1
parsing (chunked bodies, pipelining, header and body limits) instead of ours, and an
asynchronous front end: a slow or stuck client holds a socket, never a worker thread,
and is dropped after `channel_timeout` seconds of silence. It writes no access log.
`guard` adds what waitress lacks against a client without a token: a deadline per request,
a cap per address, and no body read for a wrong path.

Stopping (`stop`, or SIGINT/SIGTERM in `masivo webhooks serve`): the listening socket
closes, requests in flight run to their commit and their answers are sent, idle
connections close, the writer commits what it holds. An event whose answer was lost
in a crash is sent again by the provider and stored once.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from waitress import wasyncore
from waitress.channel import HTTPChannel

from app.core.journal import Journal
from app.core.journal.inbox_models import Stored
from app.core.logs import Redactor
from app.webhooks.guard import MAX_CONNECTIONS, PER_ADDRESS, REQUEST_DEADLINE, GuardedServer
from app.webhooks.optout import DEFAULT_WORDS, opt_out_words
from app.webhooks.unsubscribe import UnsubscribePages
from app.webhooks.writer import GroupWriter
from app.webhooks.wsgi import MAX_BODY, WebhookApp

log = logging.getLogger(__name__)

THREADS = 32  # requests waiting for their commit at once: the size of a group commit
CHANNEL_TIMEOUT = 30  # seconds of silence after which a connection is closed
DRAIN_FOR = 15.0  # seconds a stop waits for requests in flight


class Receiver:
    """Serves the webhook routes on `host:port` until `stop`."""

    def __init__(
        self,
        journal: Journal,
        tokens: Mapping[str, str],
        *,
        host: str = "127.0.0.1",
        port: int = 8787,
        words: str = DEFAULT_WORDS,
        threads: int = THREADS,
        channel_timeout: int = CHANNEL_TIMEOUT,
        cleanup_interval: int = 5,
        request_deadline: float = REQUEST_DEADLINE,
        max_connections: int = MAX_CONNECTIONS,
        per_address: int = PER_ADDRESS,
        on_stored: Callable[[Sequence[Stored]], None] | None = None,
        clock: Callable[[], float] = time.time,
        unsubscribe_secret: str = "",
    ) -> None:
        self.host, self.requested_port = host, port
        self.writer = GroupWriter(journal.inbox, on_stored=on_stored)
        webhooks = WebhookApp(tokens, self.writer, opt_out_words(words), clock=clock)
        self.app: WebhookApp | UnsubscribePages = webhooks
        if unsubscribe_secret:  # e-mail's one-click unsubscribe route (app/webhooks/unsubscribe.py)
            self.app = UnsubscribePages(journal, unsubscribe_secret, webhooks)
        self._limits: dict[str, Any] = dict(
            deadline=request_deadline, max_connections=max_connections, per_address=per_address
        )
        self._server_options: dict[str, Any] = dict(
            threads=threads,
            channel_timeout=channel_timeout,
            cleanup_interval=cleanup_interval,
            # A chunked body is refused (413) at its 64 KB + 1st byte; an announced length, by the gate.
            max_request_body_size=MAX_BODY + 1,
            max_request_header_size=64 * 1024,
            asyncore_use_poll=True,  # no select(): no 1,024-descriptor limit
            ident="masivo",
            expose_tracebacks=False,
            clear_untrusted_proxy_headers=False,  # no proxy header is read: no need to filter them
        )
        self._server: Any = None  # waitress's TcpWSGIServer: the listening socket and the connections' map
        self._drain_for = DRAIN_FOR
        self._loop_thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._stopped = threading.Event()
        # The loop closes waitress's wake-up pipe on its way out; pulling it after that would write to a
        # closed (or reused) file descriptor.
        self._trigger_lock = threading.Lock()
        self._trigger_open = True
        _hide_tokens_from_waitress(tokens)

    # --- running ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Bind (OSError if the port is taken) and serve on a background thread."""
        listening = _bound_socket(self.host, self.requested_port)
        try:
            self._server = GuardedServer(
                self.app, listening, self.app.reads_body, **self._limits, **self._server_options
            )
        except BaseException:
            listening.close()
            raise
        self.writer.start()
        self._loop_thread = threading.Thread(target=self._loop, name="webhook-receiver", daemon=True)
        self._loop_thread.start()
        log.info("webhook receiver listening on %s:%d", self.host, self.port)

    @property
    def port(self) -> int:
        """The port bound (the one chosen by the system when asked for port 0)."""
        if self._server is None:
            raise RuntimeError("the receiver has not started")
        return int(self._server.effective_port)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def serve_until(self, stop: threading.Event) -> None:
        """Start, serve until `stop` is set, stop cleanly."""
        self.start()
        try:
            stop.wait()
        finally:
            self.stop()

    def stop(self, drain_for: float = DRAIN_FOR) -> None:
        """Stop listening, let requests in flight finish (up to `drain_for` s), store what is held."""
        if self._loop_thread is None or self._stopping.is_set():
            self._stopped.wait(drain_for + 10)
            return
        self._drain_for = drain_for
        self._stopping.set()
        with self._trigger_lock:
            if self._trigger_open:
                self._server.pull_trigger()  # wake the loop now
        self._loop_thread.join(drain_for + 10)
        self.writer.close(timeout=30)
        log.info("webhook receiver stopped: %d events stored", self.writer.stored)
        self._stopped.set()

    # --- the network loop (its own thread) ------------------------------------------------------------
    def _loop(self) -> None:
        server = self._server
        socket_map = server._map
        while not self._stopping.is_set():
            wasyncore.loop(timeout=1.0, map=socket_map, use_poll=True, count=1)
        wasyncore.dispatcher.close(server)  # the listening socket only: answers still need the loop
        deadline = time.monotonic() + self._drain_for
        while _close_idle(socket_map) and time.monotonic() < deadline:
            wasyncore.loop(timeout=0.05, map=socket_map, use_poll=True, count=1)
        # Requests still being answered end first: a task that ends wakes the loop through the trigger,
        # which must still be open then (else EBADF in waitress's thread).
        server.task_dispatcher.shutdown(timeout=5)
        with self._trigger_lock:
            self._trigger_open = False
            wasyncore.close_all(socket_map)


def _bound_socket(host: str, port: int) -> socket.socket:
    """A socket bound to `host:port` (OSError when taken): bound before waitress starts any thread."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    listening = socket.socket(family, kind, proto)
    try:
        if os.name != "nt":  # a restart must not wait for the old connections' TIME_WAIT
            listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
    except OSError:
        listening.close()
        raise
    return listening


def _close_idle(socket_map: dict[int, Any]) -> bool:
    """Close each connection with no request in progress (once its answer is sent); False when none is left.

    Runs on the loop thread, the only one that reads new requests: a connection idle here is never
    read again, so a keep-alive sender cannot keep a stopping receiver busy.
    """
    channels = [channel for channel in socket_map.values() if isinstance(channel, HTTPChannel)]
    for channel in channels:
        if not channel.requests:
            channel.close_when_flushed = True
    return bool(channels)


# Masks the tokens in waitress's own messages ("Client disconnected while serving /path").
_FILTER = Redactor()


def _hide_tokens_from_waitress(tokens: Mapping[str, str]) -> None:
    for token in tokens.values():
        _FILTER.add(token)
    for name in ("waitress", "waitress.queue"):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
    # "Task queue depth is N": requests waiting for a thread, normal in a burst (they commit together).
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
