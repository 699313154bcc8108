"""Runs campaigns from the window: the dispatcher on a worker thread, and a gentle watch of statuses.

One campaign sends at a time. Pause and cancel go through the dispatcher's own `Controls`,
which wake its waits at once. While a campaign is shown or sending, a timer starts a
watch pass every few seconds on another worker: the poller asks the provider what became
of accepted messages, the balance is read again now and then, and the journal's counts
come back. The GUI thread never calls the journal or a provider itself.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QObject, QTimer, Signal, Slot

from app.core.domain import CampaignStatus
from app.core.engine.dispatcher import Dispatcher, RunResult
from app.core.engine.poller import POLL_EVERY, Poller, PollResult
from app.core.engine.progress import Controls
from app.core.journal import Journal
from app.core.settings import Settings
from app.gui.formatting import ui_lang
from app.gui.gc_pauses import keep_out_of_collections
from app.gui.provider_source import ProviderFactory, ProviderSource, failure_text
from app.gui.worker import Task, Worker, refreshing_in_turn
from app.providers import registry
from app.providers.base import Balance, Problem, Provider, ProviderFailure

log = logging.getLogger(__name__)

DEMO_POLL_EVERY = 2.0  # the demo delivers after 3 s: a quick watch makes it feel real
BALANCE_EVERY = 30.0  # seconds between balance reads while a campaign sends
HOLD_WAIT_MS = 1_000  # at most this long for the request in flight before "cancel?" is asked


@dataclass(frozen=True)
class Watch:
    """What one watch pass found: the journal's counts, statuses changed, maybe a fresh balance."""

    campaign_id: int
    provider: str
    counts: dict[str, int]
    changed: int = 0
    balance: Balance | None = None
    has_status: bool = False
    problem: Problem | None = None
    awaiting: int = 0  # rows the provider can still be asked about (`PollResult.awaiting`)


@dataclass
class _Watched:
    """The campaign being watched and its adapter; used by one watch worker at a time."""

    campaign_id: int
    provider: Provider | None = None
    last: Watch | None = None
    last_balance: float = field(default=-1e18)


class CampaignRunner(QObject):
    """Sends campaigns on a worker thread and watches their delivery states.

    Signals:
        started(int): a run of this campaign began.
        progress(object): a `Progress` from the dispatcher.
        watched(object): a `Watch` after each status pass.
        finished(object): the `RunResult` of a run (completed, paused, cancelled or failed).
        failed(int, str): a run could not start; the sentence says what happened and what to do.
    """

    started = Signal(int)
    progress = Signal(object)
    watched = Signal(object)
    finished = Signal(object)
    failed = Signal(int, str)

    def __init__(
        self,
        journal: Journal,
        settings: Settings,
        *,
        providers: ProviderFactory | None = None,
        poll_every: float | None = None,
        balance_every: float = BALANCE_EVERY,
        dispatcher_options: Mapping[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal, self.settings = journal, settings
        self.providers: ProviderFactory = providers or ProviderSource(settings)
        self.poll_every, self.balance_every = poll_every, balance_every
        self.dispatcher_options = dict(dispatcher_options or {})
        self._sender: Worker | None = None
        self._sending_id: int | None = None
        self.activity = ""  # the sending run's last: "sending", or "waiting" (a schedule, sending hours)
        self._controls = Controls()
        self._watched: _Watched | None = None
        self._watcher: Worker | None = None
        self._watch_controls = Controls()
        self._closing = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_tick)

    # --- sending ----------------------------------------------------------------------------------
    def is_sending(self) -> bool:
        return self._sending_id is not None

    def sending_campaign(self) -> int | None:
        return self._sending_id

    def start(self, campaign_id: int) -> bool:
        """Send (or resume) a campaign; False if another one is sending."""
        if self._sender is not None:
            return False
        controls = self._controls = Controls()
        journal, providers, options = self.journal, self.providers, self.dispatcher_options

        def send(task: Task) -> RunResult:
            campaign = journal.require(campaign_id)
            try:
                provider = providers(campaign.provider, campaign.option("base_url"))
            except ProviderFailure as failure:  # no credentials: paused with the reason, like a refusal
                problem = failure.problem
                journal.set_status(campaign_id, CampaignStatus.PAUSED, problem.reason, problem.detail)
                counts = journal.counts(campaign_id)
                return RunResult(campaign_id, CampaignStatus.PAUSED, problem.reason, problem.detail, counts)
            try:
                dispatcher = Dispatcher(
                    journal, campaign_id, provider, controls=controls, progress=task.progress, **options
                )
                return dispatcher.run()
            finally:
                provider.close()

        keep_out_of_collections()  # the rows the window holds must not be scanned mid-send
        worker = self._sender = Worker(send, self)
        self._sending_id = campaign_id
        self.activity = "sending"
        worker.progress.connect(self._on_progress)
        worker.progress.connect(self.progress)
        worker.result.connect(self._on_run_result)
        worker.error.connect(lambda exc: self._on_run_error(campaign_id, exc))
        worker.done.connect(self._on_run_done)
        worker.start()
        self.watch(campaign_id)
        self.started.emit(campaign_id)
        return True

    def pause(self) -> None:
        """Stop after the request in flight; the campaign stays resumable."""
        self._controls.pause()

    def cancel(self) -> None:
        """Stop after the request in flight, for good."""
        self._controls.cancel()

    def _on_progress(self, progress: object) -> None:
        self.activity = getattr(progress, "activity", self.activity)

    def is_waiting(self) -> bool:
        """A campaign's run is on, but waiting to send (its start time, the sending hours, a backoff)."""
        return self.is_sending() and self.activity == "waiting"

    def hold(self, timeout_ms: int = HOLD_WAIT_MS) -> None:
        """Start no new request until `release`, `pause` or `cancel` (while the user is asked).

        Returns once the request in flight was answered and its progress shown (or after
        `timeout_ms`), so that a question asked next names the campaign's counts as they stay.
        """
        controls = self._controls
        controls.hold()
        sender = self._sender
        if sender is not None:
            _wait_until(lambda: controls.holding.is_set() or self._sender is None, timeout_ms)
            QCoreApplication.sendPostedEvents()  # the progress the run emitted as it stopped

    def release(self) -> None:
        self._controls.release()

    def pause_and_wait(self, timeout_ms: int = 30_000) -> None:
        """Pause the sending campaign and let the events flow until it has stopped (closing the window)."""
        self._closing = True  # the end of a run must not start watching again
        self._stop_watching()
        if self._sender is not None:
            self.pause()
            _wait_for(self._sender, lambda: self._sender is not None, timeout_ms)
        if self._watcher is not None:
            _wait_for(self._watcher, lambda: self._watcher is not None, timeout_ms)
        self._close_watched()

    @Slot(object)
    def _on_run_result(self, result: object) -> None:
        assert isinstance(result, RunResult)
        self._sending_id = None  # listeners of `finished` see that nothing sends any more
        self.finished.emit(result)

    def _on_run_error(self, campaign_id: int, exc: object) -> None:
        self._sending_id = None
        self.failed.emit(campaign_id, failure_text(exc, ui_lang(self.settings)))

    @Slot()
    def _on_run_done(self) -> None:
        self._sender = None
        if self._watched is not None and not self._closing:
            self._watched.last, self._watched.last_balance = None, -1e18
            if not self._timer.isActive():
                self._timer.start(int(1000 * self._poll_interval()))
            self._on_tick()  # counts right after the end, not a poll interval later

    # --- watching ---------------------------------------------------------------------------------
    def watch(self, campaign_id: int | None) -> None:
        """Keep the statuses and counts of this campaign fresh (None: stop watching)."""
        if self._watched is not None and self._watched.campaign_id == campaign_id:
            if not self._timer.isActive():
                self._start_timer()
            return
        self._stop_watching()
        if self._watcher is None:
            self._close_watched()
        if campaign_id is not None:
            self._watched = _Watched(campaign_id)
            self._start_timer()

    def _start_timer(self) -> None:
        self._watch_controls = Controls()
        self._timer.start(int(1000 * self._poll_interval()))
        self._on_tick()

    def _poll_interval(self, provider_id: str = "demo") -> float:
        if self.poll_every is not None:
            return self.poll_every
        if provider_id == "demo":
            return DEMO_POLL_EVERY
        return max(POLL_EVERY, registry.capabilities(provider_id).status_interval)

    def _stop_watching(self) -> None:
        self._timer.stop()
        self._watch_controls.pause()

    def _close_watched(self) -> None:
        watched, self._watched = self._watched, None
        if watched is not None and watched.provider is not None:
            watched.provider.close()

    @Slot()
    def _on_tick(self) -> None:
        watched = self._watched
        if watched is None or self._watcher is not None:
            return
        sending = self._sending_id == watched.campaign_id
        last = watched.last
        if not sending and last is not None and not (last.has_status and last.awaiting):
            # Nothing can change any more without a run (rows accepted without an id never will).
            self._timer.stop()
            return
        now = time.monotonic()
        # While sending, now and then; and once after a run, so the panel ends with the balance left.
        want_balance = (sending or last is None) and now - watched.last_balance >= self.balance_every
        if want_balance:
            watched.last_balance = now
        journal, providers, controls = self.journal, self.providers, self._watch_controls

        def watch_pass(task: Task) -> Watch:
            return _watch_pass(journal, providers, watched, want_balance, controls)

        worker = self._watcher = Worker(refreshing_in_turn(watch_pass), self)
        worker.result.connect(lambda result: self._on_watch_result(result, sending))
        worker.error.connect(self._on_watch_error)
        worker.done.connect(lambda: self._on_watch_done(watched))
        worker.start()

    def _on_watch_result(self, result: object, while_sending: bool) -> None:
        assert isinstance(result, Watch)
        watched = self._watched
        if watched is not None and watched.campaign_id == result.campaign_id:
            if not while_sending:
                watched.last = result  # only a pass after the run may say that nothing will change
            if self._timer.isActive():
                self._timer.setInterval(int(1000 * self._poll_interval(result.provider)))
        self.watched.emit(result)

    @Slot(object)
    def _on_watch_error(self, exc: object) -> None:
        log.warning("status watch stopped: %s", type(exc).__name__)
        self._timer.stop()

    def _on_watch_done(self, watched: _Watched) -> None:
        self._watcher = None
        if watched is not self._watched and watched.provider is not None:
            watched.provider.close()  # the user moved on to another campaign meanwhile


def _watch_pass(
    journal: Journal, providers: ProviderFactory, watched: _Watched, want_balance: bool, controls: Controls
) -> Watch:
    """On a worker: ask the provider about accepted rows, maybe the balance, then count the journal."""
    campaign = journal.require(watched.campaign_id)
    if watched.provider is None:
        watched.provider = providers(campaign.provider, campaign.option("base_url"))
    provider = watched.provider
    caps = provider.capabilities
    result = Poller(journal, provider, controls=controls).poll_once(campaign.id) if caps.has_status else None
    polled = result or PollResult()
    balance, problem = None, polled.problem
    if want_balance and caps.has_balance:
        try:
            balance = provider.balance()
        except ProviderFailure as failure:
            problem = failure.problem
    counts = journal.counts(campaign.id)
    return Watch(
        campaign.id,
        campaign.provider,
        counts,
        polled.changed,
        balance,
        caps.has_status,
        problem,
        polled.awaiting,
    )


def _wait_until(done: Callable[[], bool], timeout_ms: int) -> None:
    """Let events flow until `done()` (checked every 10 ms) or `timeout_ms`."""
    loop = QEventLoop()
    deadline = QDeadlineTimer(timeout_ms)
    poll = QTimer(loop)
    poll.timeout.connect(lambda: loop.quit() if done() or deadline.hasExpired() else None)
    poll.start(10)
    if not done():
        loop.exec()


def _wait_for(worker: Worker, running: Callable[[], bool], timeout_ms: int) -> None:
    """Let events flow until `worker` is done: its end reaches this thread as a queued signal."""
    if not running():
        return
    loop = QEventLoop()
    timer = QTimer(loop)
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    worker.done.connect(loop.quit)
    timer.start(timeout_ms)
    loop.exec()
