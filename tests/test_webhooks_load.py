"""Many providers at once: 50 senders x 100 events stored once, in grouped commits; a clean stop mid-burst."""

from __future__ import annotations

import threading

from app.core.journal import Journal
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.webhook_support import Client, received, running_receiver, status

SENDERS, EVENTS = 50, 100


def send_all(port: int, sender: int, acked: list[str], start: threading.Barrier) -> None:
    """One provider's sender: 100 events on one keep-alive connection, each sent twice every tenth."""
    client = Client(port)
    start.wait()
    try:
        for i in range(EVENTS):
            key = f"s{sender}-{i}"
            route, payload = (
                ("connectus_status", status(key, "ENTREGADO")) if i % 2
                else ("connectus_inbound", received(key, f"5699{sender:03d}{i:04d}", "hola"))
            )  # fmt: skip
            for _ in range(2 if i % 10 < 2 else 1):  # a provider that missed our answer sends it again
                answer = client.post_json(route, payload)
                assert answer.status == 200, answer
            acked.append(key)
    finally:
        client.close()


def test_fifty_concurrent_senders_are_all_stored_once_in_grouped_commits(journal: Journal) -> None:
    acked: list[str] = []
    with running_receiver(journal) as receiver:
        start = threading.Barrier(SENDERS)
        threads = [
            threading.Thread(target=send_all, args=(receiver.port, n, acked, start)) for n in range(SENDERS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        commits = receiver.writer.commits
    assert len(acked) == SENDERS * EVENTS
    replies = journal.inbox.replies()
    statuses, _ = journal.inbox.status_event_counts()
    assert len(replies) == SENDERS * EVENTS // 2
    assert statuses == SENDERS * EVENTS // 2
    assert len({reply.sender for reply in replies}) == len(replies)
    events = SENDERS * (EVENTS + EVENTS // 5)
    assert commits < events / 3, f"{commits} commits for {events} requests: commits are not grouped"


def test_a_stop_during_a_burst_answers_every_request_it_took_and_stores_each(journal: Journal) -> None:
    """Requests in flight finish; nothing answered is lost; nothing stored goes unanswered."""
    acked: list[str] = []
    lock = threading.Lock()
    enough = threading.Event()

    def sender(port: int, n: int) -> None:
        client = Client(port, timeout=30)
        try:
            for i in range(10_000):
                key = f"k{n}-{i}"
                answer = client.post_json("connectus_status", status(key, "EN_COLA"))
                assert answer.status == 200
                with lock:
                    acked.append(key)
                    if len(acked) >= 300:
                        enough.set()
        except OSError:  # the receiver closed: this sender's next request was never taken
            pass
        finally:
            client.close()

    with running_receiver(journal) as receiver:
        threads = [threading.Thread(target=sender, args=(receiver.port, n)) for n in range(20)]
        for thread in threads:
            thread.start()
        assert enough.wait(60)
        receiver.stop()
        for thread in threads:
            thread.join(timeout=60)
    stored = {row[0] for row in journal.backend.query("SELECT provider_id FROM status_events")}
    assert set(acked) <= stored, f"{len(set(acked) - stored)} answered events were lost"
    assert stored == set(acked), f"{len(stored - set(acked))} stored events never got their answer"
