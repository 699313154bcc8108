"""What a client without a token can hold: a deadline per request, a cap per address, no body read for it.

Waitress bounds a connection's silence (`channel_timeout`), the connections open at once
(`connection_limit`, after which it stops accepting: everyone waits) and the body size, but
a client that trickles a byte every few seconds is never silent, and waitress buffers a whole
body before the application sees the path. Three small additions close those doors:

- a request must arrive whole within `deadline` seconds of its first byte (a new connection
  within `deadline` of connecting), else its connection is closed;
- an address holds at most `per_address` connections and all of them `max_connections`: a new
  one is always accepted, and the one that has waited longest for an unfinished request makes
  room (a provider's request arrives in milliseconds, so it is never that one);
- as soon as a request's headers are in, `gate` decides whether its body is read at all: a path
  without its right token, or a length over the limit, is answered without it, then closed.

They hook waitress 3.0's parser (`parse_header`), channel (`parser_class`) and server
(`maintenance`, `active_channels`), the documented-by-source extension points it has; the tests
in tests/test_webhooks_abuse.py fail if a new waitress moves them.
"""

from __future__ import annotations

import logging
import re
import socket
import time
from collections.abc import Callable
from typing import Any

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher

log = logging.getLogger(__name__)

REQUEST_DEADLINE = 10.0  # seconds from a request's first byte to its last (from connecting for the first)
MAX_CONNECTIONS = 1000
PER_ADDRESS = 200  # behind a reverse proxy every connection comes from it: the proxy limits each client
SPARE_FILES = 64  # file descriptors kept for the journal, logs and waitress's own pipe

# (method, path, announced length) -> read the body? Called on the network thread: it must be quick.
Gate = Callable[[str, str, int], bool]


class _Request(HTTPRequestParser):
    """Waitress's parser, with the time its first byte came and the gate applied once its headers are in."""

    content_length: int

    def __init__(self, adj: Adjustments, gate: Gate) -> None:
        super().__init__(adj)
        self.gate = gate
        self.started = time.time()  # waitress's clock for a connection's activity

    def parse_header(self, header_plus: bytes) -> None:
        first, newline, rest = header_plus.partition(b"\r\n")
        super().parse_header(_quote_raw_bytes(first) + newline + rest)
        if not self.gate(self.command, self.path, self.content_length):
            # Answered without reading the body, then closed: its bytes can never pass for a next request.
            self.body_rcv = None
            self.chunked = False
            self.content_length = 0
            self.expect_continue = False
            self.headers["CONNECTION"] = "close"


_RAW_BYTE = re.compile(rb"[\x80-\xff]")


def _quote_raw_bytes(request_line: bytes) -> bytes:
    """Bytes over 127 in the request line as %XX: waitress refuses them raw ("Bad URI")."""
    return _RAW_BYTE.sub(lambda match: b"%%%02X" % match[0][0], request_line)


class _Channel(HTTPChannel):
    def __init__(self, server: GuardedServer, sock: socket.socket, addr: Any, adj: Adjustments,
                 map: dict[int, Any] | None = None) -> None:  # fmt: skip
        super().__init__(server, sock, addr, adj, map)
        server.make_room_for(self)

    def parser_class(self, adj: Adjustments) -> _Request:  # waitress calls `self.parser_class(self.adj)`
        return _Request(adj, self.server.gate)


class GuardedServer(TcpWSGIServer):
    """Waitress's server on an already bound socket, with the limits above."""

    channel_class = _Channel

    def __init__(
        self,
        app: Callable[..., Any],
        listening: socket.socket,
        gate: Gate,
        *,
        deadline: float = REQUEST_DEADLINE,
        max_connections: int = MAX_CONNECTIONS,
        per_address: int = PER_ADDRESS,
        **options: Any,
    ) -> None:
        self.gate, self.deadline = gate, deadline
        self.max_connections = min(max_connections, _open_files_allowed(max_connections) - SPARE_FILES)
        self.per_address = per_address
        # Waitress's own limit (which stops accepting) is never reached: a new connection makes room first.
        adj = Adjustments(sockets=[listening], connection_limit=self.max_connections + 10, **options)
        dispatcher = ThreadedTaskDispatcher()
        dispatcher.set_thread_count(adj.threads)
        sockinfo = (listening.family, listening.type, listening.proto, listening.getsockname())
        super().__init__(
            app, {}, True, listening, dispatcher=dispatcher, adj=adj, bind_socket=False, sockinfo=sockinfo
        )

    def make_room_for(self, newest: _Channel) -> None:
        """Keep the caps once `newest` is accepted: close one connection from its address, or any."""
        channels = list(self.active_channels.values())
        same_host = [channel for channel in channels if channel.addr[0] == newest.addr[0]]
        for crowd, limit in ((same_host, self.per_address), (channels, self.max_connections)):
            if len(crowd) > limit:
                _make_room(crowd, newest)
                return

    def maintenance(self, now: float) -> None:
        super().maintenance(now)  # closes connections silent for `channel_timeout`
        cutoff = now - self.deadline
        for channel in list(self.active_channels.values()):
            if channel.requests:  # complete and being answered
                continue
            request = channel.request
            if request is not None and not request.completed:
                late = request.started < cutoff
            else:  # a new connection that has sent nothing yet
                late = channel.last_activity == channel.creation_time < cutoff
            if late:
                channel.will_close = True


def _make_room(crowd: list[Any], newest: _Channel) -> None:
    """Close the connection that has waited longest for an unfinished request (or idled longest)."""
    waiting = [channel for channel in crowd if channel is not newest and not channel.requests]
    if not waiting:
        return
    oldest = min(waiting, key=_waiting_since)
    oldest.handle_close()


def _waiting_since(channel: Any) -> float:
    request = channel.request
    if request is not None and not request.completed:
        return float(request.started)
    return float(channel.last_activity)


def _open_files_allowed(wanted: int) -> int:
    """Raise this process's open-file limit towards `wanted` + spare (POSIX); the limit now in force."""
    try:
        import resource
    except ImportError:  # Windows: no such per-process limit on sockets
        return wanted + SPARE_FILES
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted + SPARE_FILES
    if soft != resource.RLIM_INFINITY and soft < target:
        raised = target if hard == resource.RLIM_INFINITY else min(target, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
            soft = raised
        except (ValueError, OSError):
            log.warning("open-file limit %d: at most %d connections at once", soft, soft - SPARE_FILES)
    return target if soft == resource.RLIM_INFINITY else int(soft)
