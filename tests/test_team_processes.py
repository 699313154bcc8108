"""Several Masivos on one database, as processes: one sender per campaign, a killed holder, shared opt-outs.

Each process has its own data folder (another user) and points at the same database with
MASIVO_DATABASE_URL: a SQLite file, or the PostgreSQL test database. The provider is the
Wavy fake over HTTP, slowed down so that the processes overlap.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from app.cli import run
from app.core.domain import State
from app.core.journal import Journal
from app.core.journal import lease as lease_module
from tests.engine_keyring import environment
from tests.engine_support import SEND_PATHS, Account, duplicates, make_campaign, provider_server, write_sheet

ROOT = Path(__file__).resolve().parents[1]
COUNT, BATCH = 300, 25


def start(url: str, home: Path, fake: Account, *argv: str, machine: str = "") -> subprocess.Popen[str]:
    """`masivo ARGV` as another user (its own data folder) on the same database."""
    env = {**os.environ, "MASIVO_HOME": str(home), "MASIVO_LANG": "en", "MASIVO_DATABASE_URL": url,
           **environment({"wavy": fake.credentials})}  # fmt: skip
    if machine:
        env["MASIVO_MACHINE"] = machine
    return subprocess.Popen(
        [sys.executable, "-m", "app", *argv], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def test_two_processes_resuming_one_campaign_at_once_exactly_one_sends(
    journal: Journal, journal_url: str, tmp_path: Path
) -> None:
    with provider_server("wavy") as (fake, server):
        server.faults.delay_after = lambda request: 0.25 if request.path in SEND_PATHS else 0.0
        campaign = make_campaign(journal, "wavy", COUNT, batch_size=BATCH, base_url=server.url)
        procs = [start(journal_url, tmp_path / f"user{i}", fake, "resume", str(campaign), "--json")
                 for i in (1, 2)]  # fmt: skip
        results = [finish(proc) for proc in procs]
        received = fake.received()
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 3], results
    busy = next(err for code, _, err in results if code == 3)
    assert "is being sent by" in busy and "nothing was sent" in busy and "process" in busy, busy
    assert duplicates(received) == {} and len(received) == COUNT
    assert journal.counts(campaign) == {"accepted": COUNT}


def test_a_killed_holder_is_resumed_from_another_machine_after_its_lease_expires(
    journal: Journal, journal_url: str, tmp_path: Path
) -> None:
    killed = threading.Event()
    with provider_server("wavy") as (fake, server):
        sends: list[Any] = []
        holder: list[subprocess.Popen[str]] = []

        def kill_after_fourth(request: Any) -> float:
            if request.path in SEND_PATHS:
                sends.append(request)
                if len(sends) == 4:  # processed, and its answer never arrives: that batch is unknown
                    os.kill(holder[0].pid, signal.SIGKILL)
                    killed.set()
            return 0.05

        server.faults.delay_after = kill_after_fourth
        campaign = make_campaign(journal, "wavy", COUNT, batch_size=BATCH, base_url=server.url)
        ana = start(journal_url, tmp_path / "ana", fake, "resume", str(campaign), machine="laptop-ana")
        holder.append(ana)
        code, _, err = finish(holder[0])
        assert killed.is_set() and code == -signal.SIGKILL, err
        # At once, from another machine: the dead holder's lease still stands.
        code, _, err = finish(start(journal_url, tmp_path / "beto", fake, "resume", str(campaign),
                                    machine="laptop-beto"))  # fmt: skip
        assert code == 3 and "laptop-ana" in err, err
        renewed, expires = journal.backend.query(
            "SELECT renewed_at, expires_at FROM campaign_leases WHERE campaign_id = ?", (campaign,)
        )[0]
        assert expires - renewed <= lease_module.LEASE_SECONDS
        # Thirty seconds later (the lease's clock moved on: no test waits that long).
        journal.backend.execute(
            "UPDATE campaign_leases SET renewed_at = renewed_at - ?, expires_at = expires_at - ? "
            "WHERE campaign_id = ?",
            (lease_module.LEASE_SECONDS, lease_module.LEASE_SECONDS, campaign),
        )
        code, out, err = finish(start(journal_url, tmp_path / "beto", fake, "resume", str(campaign), "--json",
                                      machine="laptop-beto"))  # fmt: skip
        received = fake.received()
    summary = json.loads(out)
    assert summary["status"] == "completed", err
    assert duplicates(received) == {}
    assert summary["sent"] + summary["unknown"] == COUNT
    assert summary["unknown"] <= BATCH  # at most the request the holder died in
    unknown = list(journal.messages(campaign, [State.UNKNOWN]))
    assert all(m.reason == "interrupted" for m in unknown)


def test_an_opt_out_recorded_by_one_user_binds_another_users_check(
    journal: Journal, journal_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = tmp_path / "clientes.xlsx"
    numbers = write_sheet(sheet, 5)
    # Ana, with the database in her environment, takes an opt-out by phone.
    monkeypatch.setenv("MASIVO_HOME", str(tmp_path / "ana"))
    monkeypatch.setenv("MASIVO_DATABASE_URL", journal_url)
    code, _ = masivo("suppression", "add", f"+{numbers[2]}", "--reason", "pidió la baja")
    assert code == 0
    # Beto chose the same database in his settings; his `check` sees Ana's opt-out.
    monkeypatch.delenv("MASIVO_DATABASE_URL")
    beto = tmp_path / "beto"
    beto.mkdir()
    (beto / "settings.json").write_text(json.dumps({"version": 1, "database_url": journal_url}))
    monkeypatch.setenv("MASIVO_HOME", str(beto))
    code, report = masivo("check", str(sheet), "--country", "CL", "--json")
    assert report["suppressed"] == 1 and report["valid"] == 4, report
    assert journal.suppression.entry(numbers[2]) is not None


def masivo(*argv: str) -> tuple[int, Any]:
    out = io.StringIO()
    code = run(list(argv), out=out)
    try:
        return code, json.loads(out.getvalue())
    except ValueError:
        return code, out.getvalue()
