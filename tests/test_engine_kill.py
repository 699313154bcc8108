"""`masivo send` killed with SIGKILL at random moments, then resumed: nothing is ever sent twice."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from app.core.journal import open_journal
from tests.engine_keyring import environment
from tests.engine_support import SEND_PATHS, duplicates, provider_server, write_sheet

ROOT = Path(__file__).resolve().parents[1]
COUNT, BATCH, KILLS = 1500, 25, 5


class Killer:
    """Kills the armed process when the fake receives its n-th send request: before processing it,
    after processing it (its answer never arrives), or a random few milliseconds later."""

    def __init__(self, server: Any, rng: random.Random) -> None:
        self.rng = rng
        self.lock = threading.Lock()
        self.proc: subprocess.Popen[str] | None = None
        self.remaining = 0
        self.mode = ""
        self.kill_after: Any = None
        self.moments: list[str] = []
        server.faults.fail_before = self.before
        server.faults.delay_after = self.after

    def arm(self, proc: subprocess.Popen[str]) -> None:
        with self.lock:
            self.proc, self.remaining = proc, self.rng.randint(1, 8)
            self.mode = self.rng.choice(["before processing", "after processing", "a moment later"])
            self.moments.append(f"request {self.remaining}, {self.mode}")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)

    def before(self, request: Any) -> int | None:
        with self.lock:
            if self.proc is None or request.path not in SEND_PATHS:
                return None
            self.remaining -= 1
            if self.remaining:
                return None
            if self.mode == "before processing":
                self.kill()
                self.proc = None
                return 503
            if self.mode == "after processing":
                self.kill_after = request
            else:
                threading.Timer(self.rng.uniform(0.0, 0.03), self.kill).start()
            return None

    def after(self, request: Any) -> float:
        with self.lock:
            if request is self.kill_after:
                self.kill()
                self.kill_after = self.proc = None
        return 0.0


@pytest.mark.slow
def test_send_killed_at_random_moments_resumes_with_no_duplicates(tmp_path: Path, journal_url: str) -> None:
    seed = int(os.environ.get("MASIVO_KILL_SEED") or time.time_ns() % 1_000_000)
    rng = random.Random(seed)
    home = tmp_path / "home"
    sheet = tmp_path / "clientes.xlsx"
    numbers = write_sheet(sheet, COUNT)
    with provider_server("wavy") as (fake, server):
        env = {
            **os.environ,
            "MASIVO_HOME": str(home),
            "MASIVO_LANG": "en",
            "MASIVO_DATABASE_URL": journal_url,  # a SQLite file, or the PostgreSQL test database
            **environment({"wavy": fake.credentials}),
        }
        killer = Killer(server, rng)
        command = [
            "send",
            "--provider",
            "wavy",
            "--recipients",
            str(sheet),
            "--message",
            "Hola {Nombre}",
            "--country",
            "CL",
            "--base-url",
            server.url,
            "--batch-size",
            str(BATCH),
            "--name",
            "kill-test",
            "--yes",
            "--json",
        ]
        for _ in range(KILLS):
            proc = subprocess.Popen(
                [sys.executable, "-m", "app", *command],
                cwd=ROOT,
                env=env,
                text=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            killer.arm(proc)
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == -signal.SIGKILL, (
                f"seed {seed}: not killed ({proc.returncode}) {out} {err}"
            )
            journal = open_journal(journal_url)
            campaign = journal.find_campaign("kill-test")
            journal.close()
            assert campaign is not None, (
                f"seed {seed}: the campaign was not journaled before its first request"
            )
            command = ["resume", str(campaign.id), "--json"]
        done = subprocess.run(
            [sys.executable, "-m", "app", *command],
            cwd=ROOT,
            env=env,
            text=True,
            capture_output=True,
            timeout=120,
        )
        received = fake.received()
    summary = json.loads(done.stdout)
    why = f"seed {seed}, kills at {killer.moments}: {summary}"
    assert summary["status"] == "completed", why
    assert duplicates(received) == {}, why
    assert summary["sent"] + summary["unknown"] == COUNT, why
    assert summary["unknown"] <= KILLS * BATCH, why
    assert {address for address, _ in received} <= set(numbers), why
    assert len(received) >= summary["sent"], why
    assert done.returncode == (0 if summary["unknown"] == 0 else 4), why  # 4: some unknown
