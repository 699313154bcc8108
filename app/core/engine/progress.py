"""What a running campaign tells its watcher, and how the watcher steers it: no Qt, plain callbacks.

The window wraps `ProgressCallback` in a QObject that emits a signal, and calls
`Controls.pause()`/`cancel()` from the GUI thread; the CLI prints a bar and maps Ctrl+C
to `pause()`. Waits inside the engine wake up as soon as either is asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from app.core.domain import FAILED_STATES, SENT_STATES, State
from app.providers.base import Balance


@dataclass(frozen=True)
class Progress:
    """A snapshot of a campaign run, sent to the watcher after each request and on every change.

    `activity` is `sending`, `waiting` (pacing excluded: a window, a schedule, a backoff;
    `resume_at` says until when), or the run's end: `completed`, `paused`, `cancelled`,
    `failed`. `reason` is a reason id of `app.core.reasons` ('' while all is well).
    """

    campaign_id: int
    activity: str
    counts: Mapping[str, int]
    total: int
    done: int
    throughput: float = 0.0  # messages answered per second, recently
    eta: float | None = None  # seconds until the pending rows are sent, at the current pace
    reason: str = ""
    detail: str = ""
    resume_at: float | None = None  # epoch seconds when a wait ends
    balance: Balance | None = None
    warning: str = ""  # a reason id to show without stopping, e.g. 'low_balance'

    @property
    def sent(self) -> int:
        return sum(self.counts.get(state, 0) for state in SENT_STATES)

    @property
    def failed(self) -> int:
        return sum(self.counts.get(state, 0) for state in FAILED_STATES)


ProgressCallback = Callable[[Progress], None]


class Controls:
    """Pause, cancel or hold a run from any thread; `sleep` returns early when pause or cancel is asked for.

    A hold starts no new request until `release`, pause or cancel: the window holds the run
    while it asks "cancel?", so that the answer is about the campaign as it stands.
    """

    def __init__(self) -> None:
        self._pause = threading.Event()
        self._cancel = threading.Event()
        self._wake = threading.Event()
        self._go = threading.Event()  # cleared while held
        self._go.set()
        self.holding = threading.Event()  # set by the run once it waits, its answers written

    def pause(self) -> None:
        """Stop before the next request; the campaign stays resumable."""
        self._pause.set()
        self._wake.set()
        self._go.set()

    def cancel(self) -> None:
        """Stop before the next request, for good."""
        self._cancel.set()
        self._wake.set()
        self._go.set()

    def hold(self) -> None:
        """Start no new request until `release` (or pause, or cancel)."""
        self._go.clear()

    def release(self) -> None:
        self._go.set()

    @property
    def held(self) -> bool:
        return not self._go.is_set()

    def wait_released(self, seconds: float) -> None:
        self._go.wait(seconds)

    def clear(self) -> None:
        """Ready for another run (after a pause, `resume` starts a new run with the same controls)."""
        self._pause.clear()
        self._cancel.clear()
        self._wake.clear()
        self._go.set()

    @property
    def paused(self) -> bool:
        return self._pause.is_set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def stopping(self) -> bool:
        return self._pause.is_set() or self._cancel.is_set()

    def sleep(self, seconds: float) -> None:
        """Sleep, interrupted by pause or cancel."""
        if seconds > 0:
            self._wake.wait(seconds)


@dataclass
class Tally:
    """Rows per state, kept in memory during a run so that no progress event has to count the journal."""

    counts: dict[str, int] = field(default_factory=dict)

    def move(self, source: State | str, target: State | str, count: int = 1) -> None:
        if count:
            self.counts[str(source)] = self.counts.get(str(source), 0) - count
            self.counts[str(target)] = self.counts.get(str(target), 0) + count

    def get(self, state: State) -> int:
        return self.counts.get(state.value, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        """Rows that need nothing more from the sender (pending and sending ones do)."""
        return self.total - self.get(State.PENDING) - self.get(State.SENDING)

    def snapshot(self) -> dict[str, int]:
        return {state: n for state, n in self.counts.items() if n}
