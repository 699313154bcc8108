"""The first promise, over HTTP against each vendor's fake: a request the vendor may have processed is
never sent again, and the campaign says so (`unknown`, a non-zero exit code).

One send request in ten is processed by the fake (the message is recorded as delivered to the phone)
and its answer is then lost behind a gateway (502). Each number must reach the fake at most once; the
rows of those requests end `unknown`, except at Wavy, where Masivo finds them by its correlationId;
resuming sends none of them. (No secret in any evidence: tests/test_never_twice_secrets.py.)
"""

from __future__ import annotations

import io
import json
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.cli import run
from app.core.domain import CampaignStatus, State
from app.core.engine.dispatcher import Dispatcher, RunResult
from app.core.engine.pacing import Pace
from app.core.journal import Journal
from app.core.secrets import CredentialStore
from app.providers.base import Credentials, Provider
from tests.engine_support import (
    PROVIDERS,
    SEND_PATHS,
    NoWaitClock,
    adapter,
    duplicates,
    every_send,
    make_campaign,
    number,
    provider_server,
)
from tests.fakes.server import Request

COUNT = 60
BATCH = 3  # bulk providers send many requests even for a small campaign


def numbers_in(provider: str, request: Request) -> list[str]:
    """The destination numbers a send request carried, read as the vendor reads them."""
    if provider == "connecta":
        return [request.json()["numero"]]
    if provider == "connectus":
        if "messages" in request.query:
            return [str(item["dst_number"]) for item in json.loads(request.query["messages"][0])]
        return request.query["dst_number"]
    if provider == "itcloud":
        return (request.arg("GSM") or "").split(",")
    if provider == "wavy":
        body = request.json()
        return (
            [item["destination"] for item in body["messages"]]
            if "messages" in body
            else [body["destination"]]
        )
    return [request.arg("number") or ""]


def every_tenth_send(status: int, hits: list[Request]) -> Callable[[Request], int | None]:
    """A fault for the fifth of every ten send requests (reads are left alone)."""
    sends: list[Request] = []
    lock = threading.Lock()

    def fault(request: Request) -> int | None:
        with lock:
            if request.path not in SEND_PATHS:
                return None
            sends.append(request)
            if len(sends) % 10 != 5:
                return None
            hits.append(request)
            return status

    return fault


def send(journal: Journal, campaign: int, provider: Provider) -> RunResult:
    clock = NoWaitClock()
    return Dispatcher(journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep).run()


@pytest.mark.parametrize("provider_id", PROVIDERS)
def test_a_send_processed_then_answered_502_is_never_sent_again(journal: Journal, provider_id: str) -> None:
    lost: list[Request] = []
    with provider_server(provider_id) as (fake, server):
        if provider_id == "wavy":
            fake.fake.clock = iter(
                range(0, 10**6, 2)
            ).__next__  # the status search's 1 s limit: not the point
        server.faults.fail_after = every_tenth_send(502, lost)
        campaign = make_campaign(journal, provider_id, COUNT, batch_size=BATCH)
        provider = adapter(fake, server)
        first = send(journal, campaign, provider)
        sent_before_resume = len(every_send(server))
        server.faults.fail_after = lambda request: None
        resumed = send(journal, campaign, provider)
        provider.close()
        received = fake.received()
        sends_after = every_send(server)[sent_before_resume:]
    assert lost, "the fault never fired: the test proves nothing"
    assert duplicates(received) == {}, "a recipient got the message twice"
    assert Counter(address for address, _ in received) == Counter(number(i) for i in range(COUNT))
    in_lost = {n for request in lost for n in numbers_in(provider_id, request)}
    unknown = {m.address for m in journal.messages(campaign, [State.UNKNOWN])}
    assert first.status is CampaignStatus.COMPLETED, first
    if provider_id == "wavy":  # found by correlationId: accepted with the id Wavy gave them
        assert unknown == set() and first.counts == {"accepted": COUNT}
        ids = {row["destination"]: row["id"] for row in fake.fake.messages.values()}
        rows = journal.messages(campaign, [State.ACCEPTED])
        assert all(row.provider_id == ids[row.address] for row in rows if row.address in in_lost)
    else:
        assert unknown == in_lost, "exactly the rows of the requests whose answer was lost are unknown"
        assert first.counts == {"accepted": COUNT - len(unknown), "unknown": len(unknown)}
        reasons = {m.reason for m in journal.messages(campaign, [State.UNKNOWN])}
        assert reasons == {"maybe_sent"}
    assert sends_after == [], "resume sent something again"
    assert resumed.counts == first.counts


@pytest.mark.parametrize("provider_id", PROVIDERS)
@pytest.mark.usefixtures("sending_window_open")
def test_the_command_line_counts_unknown_and_exits_4(
    provider_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = colombian_sheet(tmp_path / "clientes.xlsx", 20)
    lost: list[Request] = []
    with provider_server(provider_id) as (fake, server):
        CredentialStore().save(provider_id, Credentials(dict(fake.credentials)))
        if provider_id == "wavy":  # lost before Wavy took it: not found by correlationId, stays unknown
            server.faults.fail_before = every_tenth_send(502, lost)
        else:
            server.faults.fail_after = every_tenth_send(502, lost)
        code, summary = masivo(
            "send", "--provider", provider_id, "--recipients", str(sheet), "--message", "Hola {Nombre}",
            "--country", "CO", "--base-url", server.url,
            "--batch-size", "2", "--interval", "0", "--yes", "--json",
        )  # fmt: skip
        sent = len(every_send(server))
        server.faults.fail_after = server.faults.fail_before = lambda request: None
        again, resumed = masivo("resume", str(summary["campaign"]), "--json")
        after = len(every_send(server))
        status_code, status = masivo("status", str(summary["campaign"]), "--json")
    assert lost and summary["unknown"] > 0, summary
    assert (code, again) == (4, 4), "unknown messages make a distinct exit code"
    assert after == sent, "resume sent unknown rows again"
    assert resumed["unknown"] == summary["unknown"] and resumed["status"] == "completed"
    assert status_code == 0 and status["counts"]["unknown"] == summary["unknown"]
    assert duplicates(fake.received()) == {}


def colombian_sheet(path: Path, count: int) -> Path:
    """Mobiles of 12 digits in international form, which every provider takes (IT Cloud and Convergia
    take no other length)."""
    from openpyxl import Workbook

    book = Workbook()
    rows = book.active
    assert rows is not None
    rows.append(["Nombre", "Celular"])
    for i in range(count):
        rows.append([f"Cliente {i}", f"+57 310 {i:07d}"])
    book.save(path)
    return path


def masivo(*argv: str) -> tuple[int, Any]:
    out = io.StringIO()
    code = run(list(argv), out=out)
    return code, json.loads(out.getvalue())
