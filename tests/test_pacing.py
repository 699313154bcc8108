"""Pacing rules with a fake clock: intervals by request size, waits, backoff, throughput, windows."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.core.domain import Channel
from app.core.engine.pacing import Backoff, Pace, Pacer, RateMeter, estimate, window_opens_at
from app.providers import demo
from app.providers.base import Capabilities, SendingWindow

BOGOTA = ZoneInfo("America/Bogota")
ITCLOUD_LIKE = Capabilities(
    "itcloud", "IT Cloud", frozenset({Channel.SMS}), "https://x", (), bulk_size=1000, same_text_bulk=True,
    min_interval=2.0, single_interval=0.1,
)  # fmt: skip
ONE_BY_ONE = Capabilities("one", "One", frozenset({Channel.SMS}), "https://x", (), single_interval=0.5)


class FakeClock:
    """Time that passes only when someone sleeps."""

    def __init__(self, now: float = 1_000.0) -> None:
        self.now = now
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_interval_by_request_size() -> None:
    pace = Pace.for_provider(ITCLOUD_LIKE)
    assert pace.interval(1000) == 2.0  # "2 seconds between blocks of 1,000"
    assert pace.interval(500) == 1.0
    assert pace.interval(1) == 0.1  # one number a request: the single-message interval
    assert pace.interval(10) == 0.1
    assert Pace.for_provider(ONE_BY_ONE).interval(1) == 0.5


def test_a_user_interval_slows_down_but_never_speeds_up() -> None:
    assert Pace.for_provider(ITCLOUD_LIKE, at_least=5.0).interval(1000) == 5.0
    assert Pace.for_provider(ITCLOUD_LIKE, at_least=0.0).interval(1000) == 2.0
    assert Pace.off().interval(1000) == 0.0


def test_pacer_waits_only_the_rest_of_the_interval() -> None:
    clock = FakeClock()
    pacer = Pacer(clock, clock.sleep)
    pacer.wait()
    assert clock.sleeps == []  # the first request goes at once
    pacer.started(2.0)
    clock.now += 0.5  # the request took half a second
    pacer.wait()
    assert clock.sleeps == [1.5]
    pacer.started(2.0)
    clock.now += 3.0  # slower than the pace: no wait
    pacer.wait()
    assert clock.sleeps == [1.5]


def test_backoff_grows_then_gives_up_and_resets() -> None:
    backoff = Backoff(first=5, factor=2, cap=30, attempts=4)
    assert [backoff.next_delay() for _ in range(5)] == [5, 10, 20, 30, None]
    backoff.reset()
    assert backoff.next_delay() == 5


def test_rate_meter_counts_recent_messages() -> None:
    meter = RateMeter(span=10)
    assert meter.rate(0) == 0.0
    meter.add(1000, at=0.0)
    meter.add(1000, at=1.0)
    meter.add(1000, at=2.0)
    assert meter.rate(2.0) == pytest.approx(1000.0)
    meter.add(100, at=30.0)  # the old marks fall out of the span
    assert meter.rate(31.0) == 0.0


def bogota(hour: int, minute: int = 0, day: int = 10) -> float:
    return dt.datetime(2025, 3, day, hour, minute, tzinfo=BOGOTA).timestamp()


@pytest.mark.parametrize(
    ("now", "opens"),
    [
        (bogota(12), None),
        (bogota(8), None),  # the window opens at 08:00 sharp
        (bogota(7, 59), bogota(8)),
        (bogota(21), bogota(8, day=11)),  # and closes at 21:00
        (bogota(23, 30), bogota(8, day=11)),
        (bogota(0, 5), bogota(8)),
    ],
)
def test_window_opens_at(now: float, opens: float | None) -> None:
    window = SendingWindow("America/Bogota", dt.time(8), dt.time(21))
    assert window_opens_at(window, now) == opens


def test_estimate_bulk_and_same_text() -> None:
    pace = Pace.for_provider(ITCLOUD_LIKE)
    same = estimate(ITCLOUD_LIKE, pace, 2500, texts=1)
    assert (same.requests, same.seconds, same.one_per_request) == (3, 2.0 + 2.0 + 1.0, False)
    personal = estimate(ITCLOUD_LIKE, pace, 2500, texts=2500)
    assert (personal.requests, personal.one_per_request) == (2500, True)
    assert personal.seconds == pytest.approx(250.0)
    bulk = estimate(demo.CAPABILITIES, Pace.for_provider(demo.CAPABILITIES), 2500)
    assert (bulk.requests, bulk.seconds) == (3, 0.0)
    single = estimate(ONE_BY_ONE, Pace.for_provider(ONE_BY_ONE), 10)
    assert (single.requests, single.seconds, single.one_per_request) == (10, 5.0, True)
