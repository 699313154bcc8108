"""Helpers of the dispatcher tests: a fake clock, scripted providers, campaigns of plain rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from app.core.domain import Channel, State
from app.core.engine.campaigns import CampaignPlan, create_campaign
from app.core.engine.dispatcher import Dispatcher, RunResult
from app.core.engine.pacing import Pace
from app.core.engine.progress import Progress
from app.core.journal import Journal
from app.providers.base import (
    Balance,
    Capabilities,
    Effect,
    OutgoingMessage,
    Problem,
    SendOptions,
    SendResult,
    StatusUpdate,
)

BOGOTA = ZoneInfo("America/Bogota")
NOON = dt.datetime(2025, 3, 10, 12, 0, tzinfo=BOGOTA).timestamp()
BULK = Capabilities("demo", "Bulk", frozenset({Channel.SMS}), "x://", (), bulk_size=1000, has_balance=True)


class FakeClock:
    def __init__(self, now: float = NOON) -> None:
        self.now = now
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@dataclass
class Row:
    row: int
    address: str
    fields: dict[str, str]
    status: str = "valid"
    reason: str = ""


@dataclass
class Scripted:
    """A provider whose answers a test writes; it records every request with the fake time it left."""

    capabilities: Capabilities
    clock: FakeClock
    answer: Callable[[Sequence[OutgoingMessage]], list[SendResult]] | None = None
    credits: int = 1_000_000
    requests: list[tuple[float, list[OutgoingMessage]]] = field(default_factory=list)
    options: list[SendOptions] = field(default_factory=list)

    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        self.requests.append((self.clock(), list(batch)))
        self.options.append(options)
        if self.answer is not None:
            return self.answer(batch)
        results = []
        for message in batch:
            if self.credits <= 0:
                problem = Problem("-3", Effect.STOP, "no_balance")
                results.append(SendResult(message.key, State.REJECTED, problem=problem))
                continue
            self.credits -= 1
            results.append(SendResult(message.key, State.ACCEPTED, f"id-{message.key}"))
        return results

    def statuses(self, provider_ids: Sequence[str], channel: Channel) -> list[StatusUpdate]:
        return []

    def balance(self) -> Balance:
        return Balance(sms=self.credits)

    def test_credentials(self) -> Balance:
        return self.balance()

    def close(self) -> None:
        pass

    def sent_keys(self) -> list[int]:
        return [m.key for _, batch in self.requests for m in batch]


def make_campaign(
    journal: Journal,
    count: int,
    *,
    provider: str = "demo",
    text: str = "Hola {nombre}",
    start_at: float | None = None,
    **options: object,
) -> int:
    rows = [
        Row(i + 2, f"5691{i:07d}", {"nombre": f"N{i % 7}", "celular": f"5691{i:07d}"}) for i in range(count)
    ]
    plan = CampaignPlan("test", provider, Channel.SMS, text, start_at=start_at, **options)  # type: ignore[arg-type]
    return create_campaign(journal, plan, rows).campaign_id


def run(
    journal: Journal, campaign: int, provider: Scripted, **kwargs: object
) -> tuple[RunResult, list[Progress]]:
    events: list[Progress] = []
    kwargs.setdefault("pace", Pace.off())
    dispatcher = Dispatcher(
        journal,
        campaign,
        provider,
        clock=provider.clock,
        sleep=provider.clock.sleep,
        progress=events.append,
        **kwargs,
    )  # type: ignore[arg-type]
    return dispatcher.run(), events
