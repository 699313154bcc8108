"""Speed of the webhook receiver (issue 11). Run: `.venv/bin/python bench/bench_webhooks.py [--senders 50]`.

The receiver runs in this process on a SQLite journal in a temporary folder (synchronous=FULL:
every commit reaches the disk before its requests are answered). The senders run in other
processes (so that their Python does not share the receiver's GIL), each a keep-alive
connection posting Connectus status updates and received SMS one after the other, waiting for
each answer, as a provider does. Printed: events stored per second (target: at least 1,000 on a
2-core machine), the receiver's CPU per event, how many requests each commit served, and the
answer latency percentiles seen by the senders.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.journal import open_journal  # noqa: E402
from app.webhooks.routes import ROUTES  # noqa: E402
from app.webhooks.server import THREADS, Receiver  # noqa: E402

TOKENS = {route.name: f"bench-{route.name}-token-0123456789" for route in ROUTES}
PATHS = {route.name: f"/{route.path}/{TOKENS[route.name]}" for route in ROUTES}


def request(path: str, payload: dict[str, str]) -> bytes:
    body = json.dumps(payload).encode()
    head = f"POST {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
    return f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body


def read_answer(connection: socket.socket, pending: bytes) -> tuple[int, bytes]:
    """One HTTP answer's status; the bytes after it."""
    while b"\r\n\r\n" not in pending:
        chunk = connection.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        pending += chunk
    head, _, rest = pending.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(rest) < length:
        rest += connection.recv(65536)
    return int(head.split(b" ", 2)[1]), rest[length:]


def sender_process(port: int, first: int, senders: int, events: int, start: Any, results: Any) -> None:
    """`senders` threads, each one provider connection posting `events` events."""
    latencies: list[float] = []
    lock = threading.Lock()

    def sender(n: int) -> None:
        connection = socket.create_connection(("127.0.0.1", port))
        pending, mine = b"", []
        for i in range(events):
            key = f"s{n}-{i}"
            if i % 2:
                data = request(PATHS["connectus_status"], {"id_sms": key, "status": "ENTREGADO"})
            else:
                data = request(PATHS["connectus_inbound"], {"id_sms": key, "dst_number": "56442330001",
                               "src_number": f"569{n:04d}{i:04d}", "src_provider": "Wom",
                               "sms_content": "Hola"})  # fmt: skip
            began = time.perf_counter()
            connection.sendall(data)
            status, pending = read_answer(connection, pending)
            assert status == 200, status
            mine.append(time.perf_counter() - began)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=sender, args=(first + n,)) for n in range(senders)]
    start.wait()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(latencies)


def run(senders: int, events: int, processes: int, threads: int) -> None:
    folder = tempfile.mkdtemp(prefix="masivo-bench-webhooks-")
    journal = open_journal(str(Path(folder) / "journal.sqlite3"))
    receiver = Receiver(journal, TOKENS, port=0, threads=threads)
    receiver.start()
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    per = [senders // processes + (1 if p < senders % processes else 0) for p in range(processes)]
    workers = [
        context.Process(target=sender_process, args=(receiver.port, p * 1000, per[p], events, start, results))
        for p in range(processes)
    ]
    for worker in workers:
        worker.start()
    time.sleep(2.0)  # the sender processes import and connect first
    began, cpu = time.perf_counter(), time.process_time()
    start.set()
    latencies = [value for _ in workers for value in results.get()]
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    for worker in workers:
        worker.join()
    commits, stored = receiver.writer.commits, receiver.writer.stored
    receiver.stop()
    total = senders * events
    replies, (statuses, _) = journal.inbox.reply_count(), journal.inbox.status_event_counts()
    journal.close()
    assert replies + statuses == total == stored, (replies, statuses, stored, total)
    latencies.sort()
    print(f"{senders} senders x {events} events ({processes} sender processes), {threads} receiver threads, "
          "SQLite synchronous=FULL")  # fmt: skip
    print(f"  stored durably: {total / wall:8.0f} events/s   ({total} in {wall:.2f} s; target >= 1,000/s)")
    print(f"  receiver CPU:   {cpu / total * 1e6:8.0f} us/event")
    print(f"  commits:        {commits:8d}   ({total / commits:.1f} requests per commit)")
    p50, p99, worst = statistics.median(latencies), latencies[int(len(latencies) * 0.99)], latencies[-1]
    print(f"  answer latency: p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, max {worst * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--senders", type=int, default=50)
    parser.add_argument("--events", type=int, default=200, help="events per sender")
    parser.add_argument("--processes", type=int, default=2, help="sender processes")
    parser.add_argument("--threads", type=int, default=THREADS, help="the receiver's request threads")
    args = parser.parse_args()
    run(args.senders, args.events, args.processes, args.threads)


if __name__ == "__main__":
    main()
