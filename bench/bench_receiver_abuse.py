"""The webhook receiver under abuse (issue 24). Run: `.venv/bin/python bench/bench_receiver_abuse.py`.

The receiver runs in this process on a SQLite journal in a temporary folder. First `--slow`
connections without a token each begin a request and never finish it (a slowloris), and
`--huge` more announce a 1 GB body for a wrong path; then a provider posts `--events` status
updates, each on a new connection, as one whose connections were dropped would. Printed: how
many slow connections the receiver still holds, and the time each event took to be stored
and answered (target: under 2 s each; issue 24 found none answered at all with 505 open).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.journal import open_journal  # noqa: E402
from app.webhooks.routes import ROUTES  # noqa: E402
from app.webhooks.server import Receiver  # noqa: E402

TOKENS = {route.name: f"bench-{route.name}-token-0123456789" for route in ROUTES}
STATUS_PATH = f"/connectus/status/{TOKENS['connectus_status']}"


def post_status(port: int, key: str) -> float:
    """Seconds until the receiver answered 200 for one status update on a new connection."""
    body = json.dumps({"id_sms": key, "status": "ENTREGADO"}).encode()
    head = f"POST {STATUS_PATH} HTTP/1.1\r\nHost: b\r\nContent-Type: application/json\r\n"
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(f"{head}Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
        answer = connection.recv(1024)
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:60]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slow", type=int, default=600)
    parser.add_argument("--huge", type=int, default=50)
    parser.add_argument("--events", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        journal = open_journal(str(Path(folder) / "journal.sqlite3"))
        receiver = Receiver(journal, TOKENS, port=0)
        receiver.start()
        held: list[socket.socket] = []
        try:
            for _ in range(args.slow):
                connection = socket.create_connection(("127.0.0.1", receiver.port), timeout=5)
                held.append(connection)
                with contextlib.suppress(OSError):
                    connection.sendall(b"POST /connectus/status/guess HTTP/1.1\r\nHost: b\r\n")
            for _ in range(args.huge):
                connection = socket.create_connection(("127.0.0.1", receiver.port), timeout=5)
                held.append(connection)
                connection.sendall(b"POST /x HTTP/1.1\r\nHost: b\r\nContent-Length: 1000000000\r\n\r\n")
            waits = sorted(post_status(receiver.port, f"e{i}") for i in range(args.events))
            open_now = len(receiver._server.active_channels)
        finally:
            for connection in held:
                connection.close()
            receiver.stop()
            journal.close()
    print(f"{args.slow} slow connections, {args.huge} announced 1 GB bodies: the receiver holds {open_now}")
    median, p99 = statistics.median(waits), waits[int(len(waits) * 0.99) - 1]
    print(f"{args.events} events, each on a new connection: median {median * 1000:.1f} ms, "
          f"p99 {p99 * 1000:.1f} ms, max {waits[-1] * 1000:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
