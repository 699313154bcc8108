"""`masivo webhooks serve` as on a server: killed with SIGKILL mid-burst, restarted, stopped with SIGTERM.

Every event that got a 2xx before the kill is in the journal afterwards; the restarted
receiver takes events again; SIGTERM stops it cleanly (exit code 0).
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.core.journal import open_journal
from tests.engine_keyring import environment
from tests.webhook_support import TOKENS, Client, status

ROOT = Path(__file__).resolve().parents[1]
SENDERS = 16


def start_receiver(home: Path) -> tuple[subprocess.Popen[str], int]:
    """The CLI receiver on a free port, with the test tokens in its keyring; returns it and its port."""
    env = {**os.environ, "MASIVO_HOME": str(home), "MASIVO_LANG": "en", **environment({"webhooks": TOKENS})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "webhooks", "serve", "--port", "0", "--json"],
        cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        raise AssertionError(f"the receiver did not start: {proc.communicate(timeout=30)}")
    return proc, int(json.loads(line)["port"])


class Burst:
    """Senders posting until the receiver dies; only events answered 200 are recorded as sent."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.acked: list[str] = []
        self.lock = threading.Lock()
        self.enough = threading.Event()
        self.threads = [threading.Thread(target=self.sender, args=(n,)) for n in range(SENDERS)]
        for thread in self.threads:
            thread.start()

    def sender(self, n: int) -> None:
        client = Client(self.port, timeout=30)
        try:
            for i in range(100_000):
                key = f"k{n}-{i}"
                if client.post_json("connectus_status", status(key, "ENTREGADO")).status != 200:
                    return
                with self.lock:
                    self.acked.append(key)
                    if len(self.acked) >= 400:
                        self.enough.set()
        except (OSError, http.client.HTTPException):  # killed: the request in flight got no (whole) answer
            return
        finally:
            client.close()

    def join(self) -> set[str]:
        for thread in self.threads:
            thread.join(timeout=60)
        return set(self.acked)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
def test_every_answered_event_survives_a_sigkill_and_sigterm_stops_cleanly(tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc, port = start_receiver(home)
    burst = Burst(port)
    assert burst.enough.wait(60), "the receiver answered too few events"
    os.kill(proc.pid, signal.SIGKILL)  # in the middle of the burst
    proc.communicate(timeout=30)
    answered = burst.join()
    assert proc.returncode == -signal.SIGKILL

    proc, port = start_receiver(home)  # restarted on the same journal
    client = Client(port)
    assert client.post_json("connectus_status", status("after-restart", "ENTREGADO")).status == 200
    client.close()
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err

    journal = open_journal(str(home / "journal.sqlite3"))
    stored = {row[0] for row in journal.backend.query("SELECT provider_id FROM status_events")}
    journal.close()
    lost = answered - stored
    assert not lost, f"{len(lost)} of {len(answered)} answered events were lost, e.g. {sorted(lost)[:5]}"
    assert "after-restart" in stored
    leaks = [f"{path}" for path in home.rglob("*") if path.is_file()
             for token in TOKENS.values() if token.encode() in path.read_bytes()]  # fmt: skip
    assert not leaks, f"a URL token was written to a file: {leaks}"
