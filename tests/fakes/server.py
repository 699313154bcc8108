"""A real HTTP server on 127.0.0.1 for fake providers: records requests, injects faults.

A vendor fake is a function `handle(request) -> Reply`; this module serves it over
HTTP/1.1 with keep-alive, records every request, and injects faults into any of them
(`Faults`): an answer before processing, an error page that echoes the request (its line,
headers and body, as debug pages and some proxies do), and, after the vendor processed the
request, a gateway's 5xx, a late answer, or a dropped connection.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote_plus, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes
    line: str = ""  # the raw request line, "POST /path?query HTTP/1.1": real servers cap its length

    def arg(self, name: str) -> str | None:
        """First value of a query parameter, else of a form field, else None."""
        if name in self.query:
            return self.query[name][0]
        form = self.form()
        return form[name][0] if name in form else None

    def form(self) -> dict[str, list[str]]:
        if "application/x-www-form-urlencoded" in self.headers.get("content-type", ""):
            return parse_qs(self.body.decode(), keep_blank_values=True)
        return {}

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | Any = b""
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> tuple[bytes, str]:
        if isinstance(self.body, bytes):
            return self.body, self.headers.get("Content-Type", "application/octet-stream")
        if isinstance(self.body, str):
            return self.body.encode(), self.headers.get("Content-Type", "text/html; charset=UTF-8")
        return json.dumps(self.body).encode(), "application/json"


Handler = Callable[[Request], Reply]


@dataclass
class Faults:
    """Faults to inject, consumed request by request. Thread-safe enough for tests."""

    fail_before: Callable[[Request], int | None] = lambda r: None  # status to answer without processing
    echo_before: Callable[[Request], int | None] = lambda r: None  # status of an echoing page, unprocessed
    fail_after: Callable[[Request], int | None] = lambda r: None  # processed, then a gateway's status
    delay_after: Callable[[Request], float] = lambda r: 0.0  # seconds to wait after processing
    drop_after: Callable[[Request], bool] = lambda r: False  # close the socket after processing


class FakeServer:
    """Serves one vendor fake on an ephemeral port until `stop()`."""

    def __init__(self, handle: Handler) -> None:
        self.handle = handle
        self.requests: list[Request] = []
        self.faults = Faults()
        self.lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        # a short poll interval: `stop()` waits for one poll, and every test stops a server
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def requests_to(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # headers and body leave in two writes: with Nagle on, each answer waits ~40 ms for an ACK
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass  # tests read `server.requests`, not stderr

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                request = Request(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query, keep_blank_values=True),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=self.rfile.read(length) if length else b"",
                    line=self.requestline,
                )
                with server.lock:
                    server.requests.append(request)
                failure = server.faults.fail_before(request)
                if failure is not None:
                    self._write(Reply(failure, {"error": "injected failure before processing"}))
                    return
                echo = server.faults.echo_before(request)
                if echo is not None:
                    self._write(Reply(echo, echo_page(request, echo)))
                    return
                reply = server.handle(request)
                lost = server.faults.fail_after(request)
                if lost is not None:  # the vendor took it; a gateway in between lost the answer
                    reply = Reply(lost, f"<html><body><h1>{lost} Bad Gateway</h1>nginx</body></html>")
                if server.faults.drop_after(request):
                    self.close_connection = True
                    self.connection.close()
                    return
                delay = server.faults.delay_after(request)
                if delay:
                    time.sleep(delay)
                self._write(reply)

            def _write(self, reply: Reply) -> None:
                body, content_type = reply.encoded()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in reply.headers.items():
                        if name.lower() != "content-type":
                            self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (read timeout): the test asserts on that

            do_GET = do_POST = do_PUT = do_DELETE = _serve

        return RequestHandler


def echo_page(request: Request, status: int) -> str:
    """An error page that shows the request as debug pages do: the parameters as they came and decoded,
    each header as the server's environment names it, the request line and the raw body. A password
    in the query, a token in a header, a Basic authorization, a form or a JSON body all appear in it,
    encoded as they travelled and decoded, in contexts no `password=`-style pattern recognizes."""
    environ = "\n".join(
        f"HTTP_{name.upper().replace('-', '_')} = {value!r}" for name, value in request.headers.items()
    )
    # Each parameter as it came (still encoded) and decoded, as a parameter inspector shows them.
    query = urlsplit(request.line.split(" ")[1]).query if request.line.count(" ") >= 2 else ""
    form = request.body.decode("utf-8", "replace") if request.form() else ""
    raw = [pair.partition("=") for pair in f"{query}&{form}".split("&") if pair]
    table = "".join(
        f"<tr><td>{name}</td><td>{value}</td><td>{unquote_plus(value)}</td></tr>" for name, _, value in raw
    )
    body = request.body.decode("utf-8", "replace")
    return (
        f"<html><body><h1>Error {status}</h1><table>{table}</table><pre>{environ}</pre>"
        f"<pre>{request.line}</pre><pre>{body}</pre></body></html>"
    )


@contextmanager
def serving(handle: Handler) -> Iterator[FakeServer]:
    server = FakeServer(handle).start()
    try:
        yield server
    finally:
        server.stop()
