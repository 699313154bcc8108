"""After a crash, only what was in flight is unknown (one message a request, one request at a time).

`masivo send` to Connecta or Convergia, whose fake runs in a process of its own, is killed with
SIGKILL at random moments while it sends, and resumed each time: right after each kill the journal
holds at most one `sending` row (the request in flight), so each kill adds at most one `unknown`;
in the end nobody got the message twice and nobody was lost.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from app.core.journal import open_journal
from tests.engine_keyring import environment
from tests.engine_support import account, duplicates

ROOT = Path(__file__).resolve().parents[1]
COUNT, KILLS = 120, 4
RTT = 0.02  # seconds the fake holds each answer: a round trip
# Each provider's country, a number as people type it, and as the provider gets it.
NUMBERS = {
    "connecta": ("CL", "+56 9 1000 {i:04d}", "5691000{i:04d}"),
    "convergia": ("MX", "55 1000 {i:04d}", "52551000{i:04d}"),
}


def _serve(provider: str, pipe: Any) -> None:
    """The fake provider in this process until the test asks for what it received."""
    from tests.fakes.server import FakeServer

    fake_account = account(provider)
    server = FakeServer(fake_account.fake.handle)
    server.faults.delay_after = lambda request: RTT
    server.start()
    pipe.send((server.url, fake_account.credentials))
    pipe.recv()
    server.stop()
    pipe.send(fake_account.received())


@contextmanager
def fake_in_its_own_process(provider: str) -> Iterator[tuple[str, dict[str, str], list[Any]]]:
    """(url, credentials, received): `received` is filled when the block ends."""
    parent, child = multiprocessing.get_context("spawn").Pipe()
    process = multiprocessing.get_context("spawn").Process(target=_serve, args=(provider, child), daemon=True)
    process.start()
    url, credentials = parent.recv()
    received: list[Any] = []
    try:
        yield url, credentials, received
    finally:
        parent.send("stop")
        received.extend(tuple(pair) for pair in parent.recv())
        process.join(10)


def counts_of(journal_url: str) -> dict[str, int]:
    journal = open_journal(journal_url)
    try:
        campaign = journal.find_campaign("in-flight")
        return journal.counts(campaign.id) if campaign is not None else {}
    finally:
        journal.close()


def kill_while_sending(proc: subprocess.Popen[bytes], journal_url: str, rng: random.Random) -> dict[str, int]:
    """Kill `proc` a random moment after it has sent a few more messages; the counts it left."""
    start = counts_of(journal_url).get("accepted", 0)
    wanted = start + rng.randint(1, 10)
    deadline = time.monotonic() + 60
    while counts_of(journal_url).get("accepted", 0) < wanted:
        assert proc.poll() is None, f"it ended ({proc.returncode}) before the kill"
        assert time.monotonic() < deadline, "no progress"
        time.sleep(0.01)
    time.sleep(rng.uniform(0.0, 2 * RTT))  # anywhere in the next request's round trip, or between two
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    return counts_of(journal_url)


@pytest.mark.slow
@pytest.mark.parametrize("provider", ["connecta", "convergia"])
def test_a_kill_leaves_unknown_only_the_request_in_flight(
    tmp_path: Path, journal_url: str, provider: str
) -> None:
    seed = int(os.environ.get("MASIVO_KILL_SEED") or time.time_ns() % 1_000_000)
    rng = random.Random(seed)
    country, typed, sent_as = NUMBERS[provider]
    sheet = tmp_path / "clientes.xlsx"
    book = Workbook()
    rows = book.active
    assert rows is not None
    rows.append(["Nombre", "Celular"])
    for i in range(COUNT):
        rows.append([f"Cliente {i}", typed.format(i=i)])
    book.save(sheet)
    with fake_in_its_own_process(provider) as (url, credentials, received):
        env = {
            **os.environ,
            "MASIVO_HOME": str(tmp_path / "home"),
            "MASIVO_LANG": "en",
            "MASIVO_DATABASE_URL": journal_url,
            **environment({provider: credentials}),
        }
        command = [
            "send",
            "--provider",
            provider,
            "--recipients",
            str(sheet),
            "--message",
            "Hola {Nombre}",
            "--country",
            country,
            "--base-url",
            url,
            "--name",
            "in-flight",
            "--yes",
            "--json",
        ]
        unknown_before = 0
        for kill in range(KILLS):
            with open(tmp_path / f"run{kill}.log", "w") as log:
                proc = subprocess.Popen(
                    [sys.executable, "-m", "app", *command], cwd=ROOT, env=env, stdout=log, stderr=log
                )
            left = kill_while_sending(proc, journal_url, rng)
            why = f"seed {seed}, kill {kill + 1}: {left}"
            assert left.get("sending", 0) <= 1, why  # only the request in flight may have left
            assert left.get("unknown", 0) == unknown_before, why  # turned unknown only when resumed
            unknown_before += left.get("sending", 0)
            journal = open_journal(journal_url)
            campaign = journal.find_campaign("in-flight")
            journal.close()
            assert campaign is not None
            command = ["resume", str(campaign.id), "--json"]
        done = subprocess.run(
            [sys.executable, "-m", "app", *command],
            cwd=ROOT,
            env=env,
            text=True,
            capture_output=True,
            timeout=120,
        )
    summary = json.loads(done.stdout)
    why = f"seed {seed}: {summary}, {done.stderr[-2000:]}"
    assert summary["status"] == "completed", why
    assert duplicates(received) == {}, why
    assert summary["sent"] + summary["unknown"] == COUNT, why  # none lost
    assert summary["unknown"] == unknown_before <= KILLS, why
    assert {number for number, _ in received} <= {sent_as.format(i=i) for i in range(COUNT)}, why
    assert summary["sent"] <= len(received) <= summary["sent"] + summary["unknown"], why
