"""The engine on a team's PostgreSQL beside SQLite (issue 12). Run: `.venv/bin/python bench/bench_team.py`.

Target: the engine's bulk-provider rate on PostgreSQL (a local server) at least half of
its rate on SQLite, measured side by side in one run. Each round creates a campaign
(render + journal) and sends it to a fake bulk provider served by a child process (Wavy,
1,000 personalized messages a request), and to the in-process demo provider (the journal's
cost alone); rounds alternate between the backends and the best of each is shown.
PostgreSQL is a throwaway local server started here with its durable defaults (fsync and
synchronous commit on, as SQLite's `synchronous=FULL`), unless `--pg-url` names one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_engine import MESSAGE, Served, Timer, rows  # noqa: E402

from app.core.domain import Channel  # noqa: E402
from app.core.engine.campaigns import CampaignPlan, create_campaign  # noqa: E402
from app.core.engine.dispatcher import Dispatcher  # noqa: E402
from app.core.engine.pacing import Pace  # noqa: E402
from app.core.journal import open_journal  # noqa: E402
from app.providers import demo  # noqa: E402
from app.providers.base import Provider  # noqa: E402
from tests.engine_support import adapter  # noqa: E402


@contextmanager
def postgres_server(url: str | None) -> Iterator[str]:
    """The given server, or a durable throwaway one started with scripts/pg_server.py."""
    if url:
        yield url
        return
    script = [sys.executable, str(ROOT / "scripts" / "pg_server.py")]
    exports = subprocess.run([*script, "start", "--durable"], capture_output=True, text=True, check=True)
    found = dict(line.removeprefix("export ").split("=", 1) for line in exports.stdout.splitlines())
    if "MASIVO_TEST_PG_URL" not in found:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql): nothing to compare.")
    try:
        yield found["MASIVO_TEST_PG_URL"]
    finally:
        subprocess.run([*script, "stop"], env={**os.environ, "MASIVO_PG_DIR": found["MASIVO_PG_DIR"]})


@contextmanager
def database(backend: str, server: str) -> Iterator[str]:
    """A new, empty journal location on `backend`, removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield str(Path(folder) / "journal.sqlite3")
        return
    import psycopg

    name = f"masivo_bench_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
        try:
            yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def one_run(url: str, provider_id: str, count: int, sender: Callable[[], Provider]) -> tuple[Timer, Timer]:
    """Create (render + journal) and send (journal + request + parse) `count` messages."""
    journal = open_journal(url)
    plan = CampaignPlan("bench", provider_id, Channel.SMS, MESSAGE)
    recipients = list(rows(count))
    with Timer() as create:
        campaign = create_campaign(journal, plan, recipients).campaign_id
    provider = sender()
    with Timer() as send:
        result = Dispatcher(journal, campaign, provider, pace=Pace.off()).run()
    provider.close()
    assert result.counts == {"accepted": count}, result
    journal.close()
    return create, send


def compare(server: str, count: int, rounds: int) -> None:
    print(f"{count:,} messages a round, best of {rounds} alternating rounds (the machine is shared)")
    served = Served("wavy")

    class Fake:
        url = served.url

    senders: dict[str, Callable[[], Provider]] = {
        "wavy": lambda: adapter(served.account, Fake()),  # type: ignore[arg-type]
        "demo": demo.DemoProvider,
    }
    try:
        for provider_id, sender in senders.items():
            best: dict[str, tuple[float, float]] = {}
            for _ in range(rounds):
                for backend in ("sqlite", "postgresql"):
                    with database(backend, server) as url:
                        create, send = one_run(url, provider_id, count, sender)
                    old = best.get(backend, (0.0, 0.0))
                    best[backend] = (max(old[0], count / create.wall), max(old[1], count / send.wall))
            sqlite, postgres = best["sqlite"], best["postgresql"]
            print(f"\n  {provider_id}: messages/s     SQLite    PostgreSQL   PostgreSQL/SQLite")
            for index, step in enumerate(("create (render+journal)", "send (engine)          ")):
                ratio = postgres[index] / sqlite[index]
                target = "   target >= 50%" if provider_id == "wavy" and index else ""
                print(f"    {step} {sqlite[index]:>9,.0f} {postgres[index]:>11,.0f} {ratio:>13.0%}{target}")
    finally:
        served.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pg-url", help="an existing PostgreSQL server (its user may create databases)")
    args = parser.parse_args()
    with postgres_server(args.pg_url) as server:
        compare(server, args.count, args.rounds)


if __name__ == "__main__":
    main()
