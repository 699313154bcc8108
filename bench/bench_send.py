"""Speed a user feels: a campaign against the fake providers with a real round trip and the vendors' pacing.

Run: `.venv/bin/python bench/bench_send.py [--tree REF ...] [--runs itcloud:10000,...] [--rtt 0.08]`.

Each run sends one campaign with the real adapter to its fake provider, served by a process of its
own, which holds every answer back `--rtt` seconds (a real round trip), with the provider's
documented pacing on. For each it prints:
- wall time of the send against the vendor-imposed minimum for the sending requests made:
  IT Cloud 2 s between blocks of 1,000 numbers; one request at a time, one round trip each, where
  the document names no limit;
- Masivo's own CPU time per message (this process only: the fake runs in another), creating the
  campaign and sending it;
- the sending process's peak memory.
`--tree REF` (repeatable) runs the same bench on the code of a git revision, checked out in a
detached worktree, so that before and after are one command:
`bench/bench_send.py --tree main --tree HEAD`.
The default runs take a few minutes on a 2-core machine: the bulk providers with 10,000 numbers,
the one-message providers (80 ms a message, one at a time) with 1,000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.util
import json
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve()
DEFAULT_RUNS = "itcloud:10000,wavy:10000,connectus:10000,convergia:1000,connecta:1000"
PERSONAL = "Hola {nombre}, su cuota de {monto} vence el 15. Pague en www.ejemplo.cl"
SAME_TEXT = "Hola, su cuota vence el 15. Pague en nuestras oficinas o llame al 600 123 4567."
NOON_BOGOTA = dt.datetime(2025, 3, 10, 12, 0, tzinfo=ZoneInfo("America/Bogota")).timestamp()


# --- the fake provider, in its own process -------------------------------------------------------------
def _serve(provider: str, rtt: float, pipe: Any) -> None:
    from tests.engine_support import account
    from tests.fakes.server import FakeServer

    fake = account(provider, credits=10_000_000).fake
    server = FakeServer(fake.handle)
    server.faults.delay_after = lambda request: rtt
    server.start()
    pipe.send(server.url)
    pipe.recv()  # until the worker says stop
    server.stop()


# --- one run, in a process of its own (peak memory is this process's) -----------------------------------
def worker(provider: str, count: int, rtt: float) -> dict[str, Any]:
    from app.core.journal import open_journal
    from app.providers import registry
    from app.providers.base import Credentials
    from tests.engine_support import Row, account, number

    # Since issue 21 the engine's modules live in app/core/engine/ and the domain words in
    # app/core/domain.py; an older tree has them in app/core/ and app/providers/base.py.
    domain = "app.core.domain" if importlib.util.find_spec("app.core.domain") else "app.providers.base"
    Channel = importlib.import_module(domain).Channel
    engine = "app.core.engine" if importlib.util.find_spec("app.core.engine") else "app.core"
    campaigns = importlib.import_module(f"{engine}.campaigns")
    Dispatcher = importlib.import_module(f"{engine}.dispatcher").Dispatcher
    CampaignPlan, create_campaign = campaigns.CampaignPlan, campaigns.create_campaign
    sends = count_sends()
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, args=(provider, rtt, child), daemon=True)
    server.start()
    url = parent.recv()
    offset = NOON_BOGOTA - time.time()  # inside IT Cloud's sending window, whatever the hour here
    order = list(range(count))
    random.Random(count).shuffle(order)
    rows = [
        Row(i + 2, number(n), {"nombre": f"Cliente {i}", "monto": f"${i % 97}.990", "celular": number(n)})
        for i, n in enumerate(order)
    ]
    message = SAME_TEXT if provider == "itcloud" else PERSONAL
    try:
        with tempfile.TemporaryDirectory() as folder:
            journal = open_journal(str(Path(folder) / "journal.sqlite3"))
            cpu = time.process_time()
            campaign = create_campaign(journal, CampaignPlan("bench", provider, Channel.SMS, message), rows)
            create_cpu = time.process_time() - cpu
            sender = registry.create(
                provider, Credentials(dict(account(provider).credentials)), url, timeout=(2.0, 30.0)
            )
            wall, cpu = time.perf_counter(), time.process_time()
            result = Dispatcher(
                journal, campaign.campaign_id, sender, clock=lambda: time.time() + offset
            ).run()
            wall, send_cpu = time.perf_counter() - wall, time.process_time() - cpu
            sender.close()
            journal.close()
    finally:
        parent.send("stop")
        server.join(10)
    caps = sender.capabilities
    return {
        "provider": provider,
        "count": count,
        "counts": dict(result.counts),
        "wall": wall,
        "minimum": vendor_minimum(len(sends), caps.bulk_size, caps.min_interval, caps.single_interval, rtt),
        "requests": len(sends),
        "create_us": 1e6 * create_cpu / count,
        "send_us": 1e6 * send_cpu / count,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "code": str(Path(sys.modules["app"].__file__ or "").parent),
    }


def count_sends() -> list[str]:
    """A list that gets the path of every request that sends (`idempotent=False`) from now on."""
    from app.providers.http import HttpClient

    sends: list[str] = []
    plain = HttpClient.request

    def counted(self: HttpClient, method: str, path: str, *, idempotent: bool, **options: Any) -> Any:
        if not idempotent:
            sends.append(path)
        return plain(self, method, path, idempotent=idempotent, **options)

    HttpClient.request = counted  # type: ignore[method-assign]
    return sends


def vendor_minimum(requests: int, bulk: int, full: float, single: float, rtt: float) -> float:
    """The least wall time the vendor allows for `requests` sending requests: one at a time, each a
    round trip, paced. (Connectus' bulks are cut to keep each URL under 8 KB: more requests than
    messages / 1,000; a balance read is not counted.)"""
    interval = max(full, single) if bulk <= 1 else full
    return max(requests * rtt, (requests - 1) * max(interval, rtt) + rtt)


# --- the runs, on this tree or on others ----------------------------------------------------------------
def run_here(root: Path, runs: list[tuple[str, int]], rtt: float) -> list[dict[str, Any]]:
    results = []
    for provider, count in runs:
        out = subprocess.run(
            [sys.executable, str(HERE), "--worker", f"{provider}:{count}", "--rtt", str(rtt)],
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode:
            raise SystemExit(f"{provider} on {root} failed:\n{out.stderr[-3000:]}")
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return results


def run_tree(ref: str, runs: list[tuple[str, int]], rtt: float) -> list[dict[str, Any]]:
    """The bench on the code of revision `ref`, in a detached worktree removed afterwards."""
    repo = HERE.parent.parent
    with tempfile.TemporaryDirectory(prefix="masivo-bench-") as folder:
        tree = Path(folder) / "tree"
        subprocess.run(
            ["git", "-C", str(repo), "worktree", "add", "--detach", "-q", str(tree), ref], check=True
        )
        try:
            return run_here(tree, runs, rtt)
        finally:
            subprocess.run(["git", "-C", str(repo), "worktree", "remove", "--force", str(tree)], check=True)


def show(label: str, results: list[dict[str, Any]]) -> None:
    print(f"\n{label}: code in {results[0]['code'] if results else '?'}")
    print(
        f"  {'provider':<10} {'messages':>8} {'wall s':>8} {'minimum s':>9} {'over':>7} "
        f"{'create µs':>9} {'send µs':>8} {'peak MB':>8}"
    )
    for r in results:
        over = 100 * (r["wall"] / r["minimum"] - 1)
        print(
            f"  {r['provider']:<10} {r['count']:>8,} {r['wall']:>8.2f} {r['minimum']:>9.2f} {over:>6.1f}% "
            f"{r['create_us']:>9.1f} {r['send_us']:>8.1f} {r['peak_mb']:>8.0f}"
        )
        if r["counts"] != {"accepted": r["count"]}:
            print(f"    not all accepted: {r['counts']}")


def parse_runs(text: str) -> list[tuple[str, int]]:
    return [(part.split(":")[0], int(part.split(":")[1])) for part in text.split(",") if part]


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", default=DEFAULT_RUNS, help=f"provider:messages,... (default {DEFAULT_RUNS})"
    )
    parser.add_argument("--rtt", type=float, default=0.08, help="seconds the fake holds each answer")
    parser.add_argument("--tree", action="append", default=[], help="a git revision to bench (repeatable)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        [(provider, count)] = parse_runs(args.worker)
        print(json.dumps(worker(provider, count, args.rtt)))
        return
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
        f"round trip {args.rtt * 1000:.0f} ms"
    )
    runs = parse_runs(args.runs)
    if not args.tree:
        show(f"this tree ({HERE.parent.parent})", run_here(HERE.parent.parent, runs, args.rtt))
    for ref in args.tree:
        show(f"{ref} ({_describe(ref)})", run_tree(ref, runs, args.rtt))


def _describe(ref: str) -> str:
    out = subprocess.run(
        ["git", "-C", str(HERE.parent.parent), "log", "-1", "--format=%h %s", ref],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip()


if __name__ == "__main__":
    main(sys.argv[1:])
