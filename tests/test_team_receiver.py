"""The receiver writing replies on the shared database while another desktop reads them, as processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from app.core.journal import Journal
from tests.engine_keyring import environment
from tests.webhook_support import TOKENS, Client, received

ROOT = Path(__file__).resolve().parents[1]
REPLIES, WAVE = 150, 50


def masivo(url: str, home: Path, *argv: str, keyring: dict[str, dict[str, str]] | None = None
           ) -> subprocess.Popen[str]:  # fmt: skip
    env = {**os.environ, "MASIVO_HOME": str(home), "MASIVO_LANG": "en", "MASIVO_DATABASE_URL": url,
           **environment(keyring or {})}  # fmt: skip
    return subprocess.Popen([sys.executable, "-m", "app", *argv], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def read(url: str, home: Path, *argv: str) -> dict[str, list[dict[str, object]]]:
    out, err = masivo(url, home, *argv, "--json").communicate(timeout=60)
    assert out, err
    parsed: dict[str, list[dict[str, object]]] = json.loads(out)
    return parsed


def test_replies_received_by_the_server_reach_another_desktop_while_it_reads(
    journal: Journal, journal_url: str, tmp_path: Path
) -> None:
    server = masivo(journal_url, tmp_path / "server", "webhooks", "serve", "--port", "0", "--json",
                    keyring={"webhooks": TOKENS})  # fmt: skip
    assert server.stdout is not None
    started = server.stdout.readline()
    assert started, server.communicate(timeout=30)
    port = int(json.loads(started)["port"])
    posted = threading.Event()
    reads = threading.Semaphore(0)

    def provider_pushes() -> None:
        client = Client(port)
        try:
            for i in range(REPLIES):
                if i and i % WAVE == 0:  # each wave waits for one read: reads and writes interleave
                    assert reads.acquire(timeout=60)
                text = "BAJA" if i == 7 else f"respuesta {i}"
                answer = client.post_json("connectus_inbound", received(f"r{i}", f"5699000{i:04d}", text))
                assert answer.status == 200, answer
        finally:
            client.close()
            posted.set()

    pushing = threading.Thread(target=provider_pushes)
    pushing.start()
    seen: list[int] = []
    while not posted.is_set():  # the other desktop reads while the receiver writes
        replies = read(journal_url, tmp_path / "desk", "replies")["replies"]
        seen.append(len(replies))
        reads.release()
        assert [r["text"] for r in replies] == [
            "BAJA" if i == 7 else f"respuesta {i}" for i in range(len(replies))
        ]  # whole replies, in order: never half of one
    pushing.join()
    final = read(journal_url, tmp_path / "desk", "replies")["replies"]
    server.send_signal(signal.SIGTERM)
    _, err = server.communicate(timeout=60)
    assert server.returncode == 0, err
    assert len(final) == REPLIES and seen == sorted(seen) and len(seen) >= REPLIES // WAVE
    entries = read(journal_url, tmp_path / "desk", "suppression", "list")["entries"]
    assert [entry["value"] for entry in entries] == ["56990000007"]  # the opt-out binds every desktop
