"""Pacing, backoff, throughput and sending windows, as pure code with an injectable clock and sleep.

Nothing here talks to a provider or the journal, so every rule is tested with a fake
clock: the interval a request of a given size needs, the wait before the next one,
the backoff after a provider outage, and when a provider's sending window opens.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from app.providers.base import Capabilities, SendingWindow


@dataclass(frozen=True)
class Pace:
    """Seconds between the starts of two requests: `full` after a full bulk, `single` after one message."""

    bulk_size: int = 1
    full: float = 0.0
    single: float = 0.0

    @classmethod
    def for_provider(cls, caps: Capabilities, at_least: float | None = None) -> Pace:
        """The provider's declared pace; a user's `at_least` may slow it down, never speed it up."""
        floor = max(at_least or 0.0, 0.0)
        return cls(caps.bulk_size, max(caps.min_interval, floor), max(caps.single_interval, floor))

    @classmethod
    def off(cls) -> Pace:
        """No pacing at all: for tests and benchmarks against local fakes."""
        return cls()

    def interval(self, size: int) -> float:
        """The wait a request of `size` messages needs before the next request may start."""
        if self.bulk_size <= 1:
            return max(self.single, self.full)
        # A partial bulk costs its share of a full one's interval, and never less than one message's.
        return max(self.single, self.full * min(max(size, 1), self.bulk_size) / self.bulk_size)


class Pacer:
    """Waits so that each request starts at least `Pace.interval` after the previous one started."""

    def __init__(self, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self.clock = clock
        self.sleep = sleep
        self.next_start = -math.inf

    def delay(self) -> float:
        """Seconds still to wait before the next request may start."""
        return max(0.0, self.next_start - self.clock())

    def wait(self) -> None:
        remaining = self.delay()
        if remaining > 0:
            self.sleep(remaining)

    def started(self, interval: float) -> None:
        """A request started now; the next one must wait `interval`."""
        self.next_start = self.clock() + interval


class Backoff:
    """Growing waits after failures that provably did not reach the provider; gives up after `attempts`."""

    def __init__(
        self, first: float = 5.0, factor: float = 2.0, cap: float = 120.0, attempts: int = 6
    ) -> None:
        self.first, self.factor, self.cap, self.attempts = first, factor, cap, attempts
        self.failures = 0

    def next_delay(self) -> float | None:
        """The wait before trying again, or None once the attempts are spent (the campaign pauses)."""
        self.failures += 1
        if self.failures > self.attempts:
            return None
        return min(self.cap, self.first * self.factor ** (self.failures - 1))

    def reset(self) -> None:
        self.failures = 0


class RateMeter:
    """Messages per second over the last `span` seconds."""

    def __init__(self, span: float = 30.0) -> None:
        self.span = span
        self._marks: deque[tuple[float, int]] = deque()
        self._total = 0

    def add(self, count: int, at: float) -> None:
        self._marks.append((at, count))
        self._total += count
        while self._marks and self._marks[0][0] < at - self.span:
            self._total -= self._marks.popleft()[1]

    def rate(self, now: float) -> float:
        if len(self._marks) < 2:
            return 0.0
        elapsed = max(now, self._marks[-1][0]) - self._marks[0][0]
        # The first mark opens the span; its messages were done before it started.
        return (self._total - self._marks[0][1]) / elapsed if elapsed > 0 else 0.0


class DailyQuota:
    """A service's messages-per-day limit over a rolling 24 hours (as Google and Microsoft count it).

    The dispatcher asks `opens_at` before each claim and caps the claim at `remaining`; once the
    day's messages are spent, the campaign waits until the oldest of them is 24 hours old. It
    starts with what the journal says left in the last 24 hours, counted as if sent at the start
    (so it may wait a little longer than the service would, never less).
    """

    DAY = 86_400.0

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self._marks: deque[tuple[float, int]] = deque()
        self._used = 0

    def add(self, count: int, at: float) -> None:
        if self.limit is not None and count > 0:
            self._marks.append((at, count))
            self._used += count

    def remaining(self, now: float) -> int | None:
        """Messages still allowed in the 24 hours up to `now`; None when there is no limit."""
        if self.limit is None:
            return None
        while self._marks and self._marks[0][0] <= now - self.DAY:
            self._used -= self._marks.popleft()[1]
        return max(0, self.limit - self._used)

    def opens_at(self, now: float) -> float | None:
        """When sending may go on (epoch seconds), or None if it may now."""
        if self.remaining(now) != 0:
            return None
        spent, freed = self._used - (self.limit or 0), 0
        for at, count in self._marks:  # the first moment enough of the old sends leave the window
            freed += count
            if freed > spent:
                return at + self.DAY
        return now


def quota_days(per_day: int | None, messages: int) -> int:
    """Days a campaign of `messages` spans under a daily limit (1 without one)."""
    if not per_day or messages <= 0:
        return 1
    return math.ceil(messages / per_day)


def window_opens_at(window: SendingWindow, now: float) -> float | None:
    """When the sending window next opens (epoch seconds), or None if it is open at `now`."""
    zone = ZoneInfo(window.tz)
    local = dt.datetime.fromtimestamp(now, zone)
    if window.start <= local.time() < window.end:
        return None
    day = local.date() if local.time() < window.start else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, window.start, zone).timestamp()


@dataclass(frozen=True)
class Estimate:
    """How long a campaign takes at the provider's pace."""

    requests: int
    seconds: float
    one_per_request: bool  # a personalized text on a same-text provider goes one number a request


def estimate(caps: Capabilities, pace: Pace, messages: int, texts: int | None = None) -> Estimate:
    """Requests and seconds to send `messages` (with `texts` distinct rendered texts, if known)."""
    if messages <= 0:
        return Estimate(0, 0.0, False)
    if not (caps.same_text_bulk and texts):
        requests, seconds = _run(pace, messages)
        return Estimate(requests, seconds, pace.bulk_size <= 1)
    # Each text is its own run of bulks (texts taken as evenly spread); a text used once is one number.
    texts = min(texts, messages)
    each, bigger = divmod(messages, texts)
    small_requests, small_seconds = _run(pace, each)
    big_requests, big_seconds = _run(pace, each + 1)
    requests = (texts - bigger) * small_requests + bigger * big_requests
    seconds = (texts - bigger) * small_seconds + bigger * big_seconds
    return Estimate(requests, seconds, each < 2)


def _run(pace: Pace, messages: int) -> tuple[int, float]:
    """Requests and seconds for `messages` sent back to back in bulks."""
    if messages <= 0:
        return 0, 0.0
    size = max(1, pace.bulk_size)
    full, rest = divmod(messages, size)
    return full + (1 if rest else 0), full * pace.interval(size) + (pace.interval(rest) if rest else 0.0)
