"""The campaign engine: sends every pending row at most once, at the provider's pace, and survives anything.

Each request is three steps, each one call into the journal or the provider (`_send_next`):
claim (the request's rows become `sending`, committed, after the pace and pause/cancel are
checked), send, record (the answers, committed, before the next claim). A crash in between
leaves the rows of the request in flight `sending`; the next run turns them `unknown`, which
are never re-sent by themselves; every other row is still `pending`.
What a failure means comes from its `Effect`: RETRY rows provably did not leave (back to
pending, back off), UNKNOWN rows may have (unknown, and looked up by Masivo's own reference
where the provider can: `FindsSent`), STOP pauses the campaign with the reason (a bare refusal
first checks the balance), WAIT_WINDOW waits for the provider's sending window, SKIP rejects
the row. No path turns a row that may have left back into `pending`.
A service's daily limit (`DailyQuota`, counted from what the provider sent in the last 24 hours)
caps each claim at what the day has left; once it is spent, the run waits (`daily_quota`).
On a team database, nothing leaves without a claim, and a claim needs the
database and this sender's lease: while the database is away nothing is sent, the answers
received stay in memory, and the run waits up to DB_PATIENCE, then carries on by itself or
pauses (`database_unavailable`), keeping the answers in a file for its next run (`unsaved.py`);
a run whose lease was taken over journals its answers and stops, writing nothing else.
The GUI runs `Dispatcher.run` on a QThread; no Qt here.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.core.domain import CampaignStatus, State
from app.core.engine import unsaved
from app.core.engine.answers import failed_request, read_answer
from app.core.engine.pacing import Backoff, DailyQuota, Pace, Pacer, RateMeter, window_opens_at
from app.core.engine.progress import Controls, Progress, ProgressCallback, Tally
from app.core.engine.sending import balance_check, look_up, refusal_cause, send_options
from app.core.journal import DatabaseUnavailable, Journal, JournalError, LeaseLost
from app.providers.base import (
    Balance,
    Effect,
    OutgoingMessage,
    Problem,
    Provider,
    ProviderFailure,
    SendResult,
)

log = logging.getLogger(__name__)

DB_PATIENCE = 120.0  # seconds a run waits for a lost team database before it pauses
DB_RETRY_EVERY = 5.0
HEARTBEAT_EVERY = 5.0  # seconds between a running sender's signs of life in the journal
EMIT_EVERY = 0.2  # seconds between progress events while sending (changes of activity always go out)


@dataclass(frozen=True)
class RunResult:
    """How a run ended: `status` is completed, paused, cancelled or failed; `reason` a reason id."""

    campaign_id: int
    status: CampaignStatus
    reason: str = ""
    detail: str = ""
    counts: dict[str, int] = field(default_factory=dict)


class Offline(Exception):
    """Internal: the team database stayed away; the run pauses without writing anything."""


class _Ended(Exception):
    """Internal: the run stops here with this status (raised from deep inside the loop)."""

    def __init__(self, status: CampaignStatus, reason: str = "", detail: str = "") -> None:
        super().__init__(reason)
        self.status, self.reason, self.detail = status, reason, detail


class Dispatcher:
    """Runs one campaign until it completes, pauses, is cancelled or fails; `run` may be called again."""

    def __init__(
        self,
        journal: Journal,
        campaign_id: int,
        provider: Provider,
        *,
        pace: Pace | None = None,
        batch_size: int | None = None,
        controls: Controls | None = None,
        progress: ProgressCallback | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] | None = None,
        backoff: Backoff | None = None,
        unknown_limit: int = 3,
        wait_slice: float = 30.0,
    ) -> None:
        self.journal, self.campaign_id, self.provider = journal, campaign_id, provider
        self.queue, self.leases = journal.queue, journal.leases
        self.caps = provider.capabilities
        campaign = journal.require(campaign_id)
        self.pace = pace or Pace.for_provider(self.caps, campaign.option("interval"))
        wanted = batch_size or campaign.option("batch_size") or self.caps.bulk_size
        self.batch_size = max(1, min(int(wanted), self.caps.bulk_size))  # messages a request
        self.controls = controls or Controls()
        self.on_progress = progress
        self.clock = clock
        self.sleep = sleep or self.controls.sleep
        self.pacer = Pacer(clock, self.sleep)
        self.backoff = backoff or Backoff()
        self.unknown_limit, self.wait_slice = unknown_limit, wait_slice
        self.meter = RateMeter(span=10.0)  # real time: the rate shown is about real seconds
        self.quota = DailyQuota(self.caps.per_day)
        if self.caps.per_day:  # what this provider's campaigns sent in the last day counts too
            self.quota.add(journal.sent_since(self.caps.id, clock() - DailyQuota.DAY), clock())
        self.tally = Tally()
        self._counted = False
        self._balance_due = False
        self.options = send_options(campaign, self.caps, clock())
        self.balance: Balance | None = None
        self.warning = ""
        self._in_flight: list[int] = []  # the rows of the request on its way
        self._answered: list[SendResult] = []  # answers not journaled yet (the database may be away)
        self._unknown_streak = 0
        self._last_emit = self._last_touch = -1e18

    def run(self) -> RunResult:
        """Send until done, paused or cancelled; the journal says where it stopped."""
        campaign = self.journal.require(self.campaign_id)
        if campaign.status in (CampaignStatus.CREATING, CampaignStatus.CANCELLED):
            reason = (
                "campaign_incomplete" if campaign.status is CampaignStatus.CREATING else "campaign_cancelled"
            )
            return RunResult(
                self.campaign_id, campaign.status, reason, counts=self.journal.counts(campaign.id)
            )
        fresh = campaign.status is CampaignStatus.READY
        recovered = self.journal.begin_run(self.campaign_id)
        self._replay_unsaved()  # answers an earlier run could not journal (its database was away)
        if recovered:
            log.warning(
                "campaign %d: %d rows left sending by a crash are now unknown", campaign.id, recovered
            )
        # Counting a big campaign's rows takes a moment: it waits until the first request is out.
        self.tally, self._counted = Tally(), False
        self.options = send_options(campaign, self.caps, self.clock())  # a schedule may have passed
        try:
            if campaign.start_at and not self.caps.schedules:
                self._wait_until(campaign.start_at, "scheduled")
            self._balance_due = self.caps.has_balance
            if fresh:  # before the first request; a resumed campaign checks after its first one
                self._check_balance()
            while True:
                try:
                    self._send_next()
                    if self._balance_due:
                        self._check_balance()
                except DatabaseUnavailable as lost:  # a team database went away: wait for it, bounded
                    self._wait_for_database(lost)
        except _Ended as end:
            return self._end(end.status, end.reason, end.detail)
        except LeaseLost:
            return RunResult(self.campaign_id, *self._lease_lost_result())
        except (Offline, DatabaseUnavailable) as offline:
            return RunResult(self.campaign_id, *self._offline_result(str(offline)))
        except Exception as exc:
            log.exception("campaign %d failed", self.campaign_id)
            unanswered = self._unanswered()
            self._flush()
            if unanswered:  # they may have left: never re-sent by themselves
                self.queue.mark_unknown(unanswered, Problem("internal", Effect.UNKNOWN, "internal_error"))
                self.tally.move(State.SENDING, State.UNKNOWN, len(unanswered))
            return self._end(CampaignStatus.FAILED, "internal_error", type(exc).__name__)

    # --- the balance ------------------------------------------------------------------------------
    def _check_balance(self) -> None:
        """Warn (not stop) when the balance will not cover the pending rows; wrong credentials stop."""
        self._balance_due = False
        try:
            check = balance_check(self.journal, self.campaign_id, self.provider)
        except ProviderFailure as failure:
            if failure.problem.effect is Effect.STOP:
                raise _Ended(CampaignStatus.PAUSED, failure.problem.reason, failure.problem.detail) from None
            log.warning("campaign %d: balance unknown (%s)", self.campaign_id, failure.problem.code)
            if failure.problem.reason == "balance_unreadable":  # sending goes on; the user is told why
                self.warning = failure.problem.reason
                self._emit("sending", force=True)
            return
        self.balance = check.balance
        self.warning = "" if check.enough else "low_balance"
        self._emit("sending", force=True)

    # --- the loop -------------------------------------------------------------------------------------
    def _send_next(self) -> None:
        """Claim, send and record one request; raises `_Ended` when the run is over."""
        self._check_controls()
        window = self.caps.window
        opens = window_opens_at(window, self.clock()) if window else None
        if opens is not None:
            self._wait_until(opens, "outside_window")
            return
        quota_opens = self.quota.opens_at(self.clock())
        if quota_opens is not None and self._pending_left():  # the day's limit is spent: wait for it
            self._wait_until(quota_opens, "daily_quota")
            return
        if self.pacer.delay() and not self.queue.has_pending(self.campaign_id):
            raise _Ended(CampaignStatus.COMPLETED)  # not one more pacing wait for nothing
        self.pacer.wait()
        self._check_controls()  # a pause asked for during the pacing wait takes effect now
        allowed = self.quota.remaining(self.clock())  # a daily limit: never claim past what it has left
        size = self.batch_size if allowed is None else min(self.batch_size, allowed)
        claim = self.queue.claim(self.campaign_id, size, same_text=self.caps.same_text_bulk)
        self.tally.move(State.PENDING, State.SKIPPED, claim.skipped)
        if not claim.messages:
            if claim.skipped:
                return
            raise _Ended(CampaignStatus.COMPLETED)
        batch = claim.messages
        self._in_flight = [message.key for message in batch]
        self.tally.move(State.PENDING, State.SENDING, len(batch))
        self._touch()
        self.pacer.started(self.pace.interval(len(batch)))
        problem = self._send_request(batch)
        self._record(problem)
        if problem is not None:
            self._react(problem)
        self._emit("sending")

    def _send_request(self, batch: Sequence[OutgoingMessage]) -> Problem | None:
        """One request; its answers wait in `_answered`; returns a campaign-wide problem, if any."""
        try:
            answered, problem = read_answer(batch, self.provider.send(batch, self.options))
        except ProviderFailure as failure:
            problem = failure.problem
            answered = failed_request(batch, problem)
            if problem.effect is not Effect.UNKNOWN:
                self._answered.extend(answered)
                if answered:  # SKIP: rejected
                    return None
                return refusal_cause(self.provider, self.options.channel, problem, len(batch))
            settled = look_up(self.provider, batch, answered, self.campaign_id)
            self._answered.extend(settled)
            if all(result.state is not State.UNKNOWN for result in settled):
                self._unknown_streak = 0  # the provider had them all: its answers are lost, not its work
                return None
            self._unknown_streak += 1  # a provider that keeps not answering: stop burning the list
            if self._unknown_streak >= self.unknown_limit:
                return Problem(problem.code, Effect.STOP, problem.reason, problem.detail)
            return None
        self._answered.extend(look_up(self.provider, batch, answered, self.campaign_id))
        self.quota.add(len(answered), self.clock())  # what reached the service counts toward its day
        self._unknown_streak = 0
        if problem is None or problem.effect is not Effect.RETRY:
            self.backoff.reset()
        self.meter.add(len(batch), time.monotonic())
        return problem

    def _record(self, problem: Problem | None = None) -> None:
        """Journal the answers; rows of the request with none were refused unsent: back to pending."""
        unsent = self._unanswered()
        self._flush()
        if unsent:
            self.queue.release(unsent, problem)
            self.tally.move(State.SENDING, State.PENDING, len(unsent))
        self._in_flight = []

    def _react(self, problem: Problem) -> None:
        """A campaign-wide problem: pause, back off, or wait for the sending window."""
        if problem.effect is Effect.STOP:
            raise _Ended(CampaignStatus.PAUSED, problem.reason, problem.detail)
        if problem.effect is Effect.WAIT_WINDOW:
            window = self.caps.window
            opens = window_opens_at(window, self.clock()) if window else None
            # The provider says closed while our clock says open: the clocks differ; look again later.
            self._wait_until(opens or self.clock() + 300.0, problem.reason)
            return
        delay = self.backoff.next_delay()
        if delay is None:
            raise _Ended(CampaignStatus.PAUSED, problem.reason, problem.detail)
        self._wait_until(self.clock() + delay, problem.reason, problem.detail)

    # --- journal and tally ----------------------------------------------------------------------------
    def _flush(self) -> None:
        """Journal the answers not yet written."""
        answered = self._answered
        if answered:
            self.queue.record(answered)
            self._answered = []
            for state, count in Counter(result.state for result in answered).items():
                self.tally.move(State.SENDING, state, count)

    def _pending_left(self) -> bool:
        """Whether rows remain to send (the last answers written first); none: the claim completes."""
        self._flush()
        return self.journal.pending_credits(self.campaign_id) > 0

    def _unanswered(self) -> list[int]:
        answered = {result.key for result in self._answered}
        return [key for key in self._in_flight if key not in answered]

    def _touch(self) -> None:
        now = self.clock()
        if now - self._last_touch >= HEARTBEAT_EVERY:
            self.journal.touch(self.campaign_id)
            self._last_touch = now

    # --- waiting, stopping, telling -------------------------------------------------------------------
    def _check_controls(self) -> None:
        self._wait_while_held()
        if self.controls.cancelled:
            raise _Ended(CampaignStatus.CANCELLED, "cancelled_by_user")
        if self.controls.paused:
            raise _Ended(CampaignStatus.PAUSED, "paused_by_user")

    def _wait_while_held(self) -> None:
        """The user is being asked whether to stop: no new request until they answer."""
        if not self.controls.held:
            return
        self._emit("sending", force=True)  # every answer is recorded already: the counts are the journal's
        self.controls.holding.set()
        try:
            while self.controls.held:
                self.controls.wait_released(self.wait_slice)
                self.journal.touch(self.campaign_id)  # still alive: the campaign is not `interrupted`
        finally:
            self.controls.holding.clear()

    def _wait_until(self, when: float, reason: str, detail: str = "") -> None:
        """Wait (interruptibly) for a window, a schedule or a backoff, saying why and until when."""
        self.journal.set_status(self.campaign_id, CampaignStatus.RUNNING, reason, detail, resume_at=when)
        self._emit("waiting", reason=reason, detail=detail, resume_at=when, force=True)
        while not self.controls.stopping and (remaining := when - self.clock()) > 0:
            self.sleep(min(remaining, self.wait_slice))
            self.journal.touch(self.campaign_id)
        self._check_controls()
        self.leases.check(self.campaign_id)  # a sender that slept through its lease stops here
        self.journal.set_status(self.campaign_id, CampaignStatus.RUNNING)
        self._emit("sending", force=True)

    def _end(self, status: CampaignStatus, reason: str = "", detail: str = "") -> RunResult:
        self._flush()
        if status is CampaignStatus.PAUSED and self.caps.has_balance and reason == "no_balance":
            self.balance = _try_balance(self.provider)
        self.journal.set_status(self.campaign_id, status, reason, detail)
        self.leases.release(self.campaign_id)
        counts = self.journal.counts(self.campaign_id)
        self.tally, self._counted = Tally(dict(counts)), True
        self._emit(status.value, reason=reason, detail=detail, force=True)
        log.info("campaign %d %s %s %s", self.campaign_id, status.value, reason, counts)
        return RunResult(self.campaign_id, status, reason, detail, counts)

    def _emit(
        self,
        activity: str,
        *,
        reason: str = "",
        detail: str = "",
        resume_at: float | None = None,
        force: bool = False,
    ) -> None:
        if self.on_progress is None:
            return
        now = time.monotonic()  # pacing events by real time, whatever clock the engine runs on
        if not force and now - self._last_emit < EMIT_EVERY:
            return
        self._last_emit = now
        if not self._counted:  # every move so far is committed: the journal's counts include them
            self.tally, self._counted = Tally(self.journal.counts(self.campaign_id)), True
        rate = self.meter.rate(time.monotonic())
        pending = self.tally.get(State.PENDING) + self.tally.get(State.SENDING)
        eta = pending / rate if rate > 0 else None
        self.on_progress(
            Progress(
                self.campaign_id,
                activity,
                self.tally.snapshot(),
                self.tally.total,
                self.tally.done,
                rate,
                eta,
                reason,
                detail,
                resume_at,
                self.balance,
                self.warning,
            )
        )

    # --- a team database: away for a while, or the campaign taken over by another sender -------------
    def _wait_for_database(self, lost: DatabaseUnavailable) -> None:
        """Wait (interruptibly, at most DB_PATIENCE) for the database; then journal what is owed."""
        log.warning("campaign %d waits for the database: %s", self.campaign_id, lost)
        give_up = self.clock() + DB_PATIENCE
        self._emit_offline("waiting", str(lost), give_up)
        while True:
            if self.controls.stopping or self.clock() >= give_up:
                raise Offline(str(lost))
            self.sleep(min(DB_RETRY_EVERY, give_up - self.clock()))
            try:
                self._reconnected()
                return
            except DatabaseUnavailable as again:
                lost = again

    def _reconnected(self) -> None:
        """The database is back: keep the lease (if nobody took it), journal the answers, tidy the claim."""
        self.leases.regain(self.campaign_id)  # LeaseLost if another sender took over meanwhile
        self._flush()
        # Rows still `sending` have no answer, so their request never left (each answer, even "no answer
        # came", is kept in memory above): a claim whose commit's reply was lost.
        leftover = self.queue.sending(self.campaign_id)
        if leftover:
            self.queue.release(leftover)
        self._in_flight = []
        self._counted = False
        self.journal.set_status(self.campaign_id, CampaignStatus.RUNNING)
        log.info("campaign %d: the database is back; sending continues", self.campaign_id)

    def _replay_unsaved(self) -> None:
        """Journal the answers an earlier run kept in a file while the database was away."""
        location = self.journal.backend.location
        results = unsaved.load(location, self.campaign_id)
        if results:
            self.queue.record(results)
            unsaved.forget(location, self.campaign_id)
            log.info("campaign %d: %d answers kept offline are journaled now", self.campaign_id, len(results))

    def _offline_result(self, detail: str) -> tuple[CampaignStatus, str, str, dict[str, int]]:
        """The database stayed away: pause, writing nothing there (the lease expires by itself)."""
        self._release_quietly()
        if self._answered:  # the provider's answers must not be lost with this process
            path = unsaved.keep(self.journal.backend.location, self.campaign_id, self._answered)
            log.warning("campaign %d: %d answers kept in %s", self.campaign_id, len(self._answered), path)
            self._answered = []
        self._emit_offline("paused", detail)
        return CampaignStatus.PAUSED, "database_unavailable", detail, self.tally.snapshot()

    def _lease_lost_result(self) -> tuple[CampaignStatus, str, str, dict[str, int]]:
        """Another sender has the campaign now: journal our answers and stop, writing nothing else."""
        log.warning("campaign %d: another sender took it over; this one stops", self.campaign_id)
        try:
            self._flush()
            counts = self.journal.counts(self.campaign_id)
        except DatabaseUnavailable:
            counts = self.tally.snapshot()
        self._release_quietly()
        self.tally, self._counted = Tally(dict(counts)), True
        self._emit("running", reason="lease_lost", force=True)
        return CampaignStatus.RUNNING, "lease_lost", "", counts

    def _release_quietly(self) -> None:
        try:
            self.leases.release(self.campaign_id)
        except JournalError as exc:
            log.warning("campaign %d: lease not released (%s)", self.campaign_id, exc)

    def _emit_offline(self, activity: str, detail: str, resume_at: float | None = None) -> None:
        self._counted = True  # counting needs the database: show the tally as it stands
        self._emit(activity, reason="database_unavailable", detail=detail, resume_at=resume_at, force=True)


def _try_balance(provider: Provider) -> Balance | None:
    try:
        return provider.balance()
    except ProviderFailure:
        return None
