"""The campaign engine: sends every pending row exactly once, at the provider's pace, and survives anything.

Order of a request: wait for the pace, check pause/cancel, journal the rows as leaving
(committed: `Journal.claim`), send, journal the answers (with the next claim's commit).
While a request is in flight, a helper thread writes the answers the last claim logged
to their rows and reads the rows the next claim will take (`read_ahead.py`): the
journal's slow part runs beside the request, not before it.
A crash in between leaves rows claimed; the next run turns them `unknown`, which are
never re-sent by themselves. What a failure means comes from its `Effect`: RETRY rows
provably did not leave (back to pending, back off), UNKNOWN rows may have (unknown, and
looked up by Masivo's own reference where the provider can: `FindsSent`), STOP pauses the
campaign with the reason (a bare refusal first checks the balance), WAIT_WINDOW waits for
the provider's sending window, SKIP rejects the row. No path turns a row that may have left
back into `pending`. The GUI runs `Dispatcher.run` on a QThread; no Qt here.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.core.answers import failed_request, read_answer
from app.core.dispatcher_team import Offline, TeamRun
from app.core.journal import CampaignStatus, DatabaseUnavailable, Journal, LeaseLost
from app.core.pacing import Backoff, DailyQuota, Pace, Pacer, RateMeter, window_opens_at
from app.core.progress import Controls, Progress, ProgressCallback, Tally
from app.core.read_ahead import ReadAhead
from app.core.sending import balance_check, refusal_cause, send_options
from app.providers.base import (
    Balance,
    Effect,
    FindsSent,
    OutgoingMessage,
    Problem,
    Provider,
    ProviderFailure,
    SendResult,
    State,
)

log = logging.getLogger(__name__)

# One-message requests are claimed in groups worth about GROUP_SECONDS of sending at the
# recent rate: a commit (an fsync) per message would cost more than the request, while a crash may
# leave a whole group `unknown`. Paced providers go one message a group.
GROUP_SECONDS = 0.2
MAX_GROUP = 250
HEARTBEAT_EVERY = 5.0  # seconds between a running sender's signs of life in the journal
EMIT_EVERY = 0.2  # seconds between progress events while sending (changes of activity always go out)
# Seconds of pacing wait during which answers may stay unwritten and rows read ahead still stand
# (a paced send reads its rows, and so the suppression list, right before each claim).
DEFER_WHILE = 0.05


@dataclass(frozen=True)
class RunResult:
    """How a run ended: `status` is completed, paused, cancelled or failed; `reason` a reason id."""

    campaign_id: int
    status: CampaignStatus
    reason: str = ""
    detail: str = ""
    counts: dict[str, int] = field(default_factory=dict)


class _Ended(Exception):
    """Internal: the run stops here with this status (raised from deep inside the loop)."""

    def __init__(self, status: CampaignStatus, reason: str = "", detail: str = "") -> None:
        super().__init__(reason)
        self.status, self.reason, self.detail = status, reason, detail


class Dispatcher(TeamRun):
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
        self.caps = provider.capabilities
        campaign = journal.require(campaign_id)
        self.pace = pace or Pace.for_provider(self.caps, campaign.option("interval"))
        wanted = batch_size or campaign.option("batch_size") or self.caps.bulk_size
        self.batch_size = max(1, min(int(wanted), self.caps.bulk_size))
        self.batch_size_cap = int(batch_size or campaign.option("batch_size") or MAX_GROUP)
        self.controls = controls or Controls()
        self.on_progress = progress
        self.clock = clock
        self.sleep = sleep or self.controls.sleep
        self.pacer = Pacer(clock, self.sleep)
        self.backoff = backoff or Backoff()
        self.unknown_limit, self.wait_slice = unknown_limit, wait_slice
        self.meter = RateMeter(span=10.0)  # real time: throughput and group sizes are about real seconds
        self.quota = DailyQuota(self.caps.per_day)
        if self.caps.per_day:  # what this provider's campaigns sent in the last day counts too
            self.quota.add(journal.sent_since(self.caps.id, clock() - DailyQuota.DAY), clock())
        self.tally = Tally()
        self._counted = False
        self._balance_due = False
        self.options = send_options(campaign, self.caps, clock())
        self.balance: Balance | None = None
        self.warning = ""
        self._in_flight: list[int] = []  # claimed rows whose answer has not come
        self._answered: list[SendResult] = []  # answers not yet journaled
        self.ahead = ReadAhead(journal, campaign_id)
        self._unknown_streak = 0
        self._last_emit = self._last_touch = -1e18

    @property
    def group_size(self) -> int:
        """Rows claimed per commit: one bulk, or as many one-message requests as fit GROUP_SECONDS."""
        if self.caps.bulk_size > 1:
            return self.batch_size
        recent = self.meter.rate(time.monotonic())
        return max(1, min(MAX_GROUP, self.batch_size_cap, int(recent * GROUP_SECONDS)))

    def run(self) -> RunResult:
        """Send until done, paused or cancelled; the journal says where it stopped."""
        with self.ahead:
            return self._run()

    def _run(self) -> RunResult:
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
            self._flush()
            unanswered = self._unanswered()
            if unanswered:  # they may have left: never re-sent by themselves
                self._move(unanswered, State.UNKNOWN, Problem("internal", Effect.UNKNOWN, "internal_error"))
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
        """Claim and send one group of rows; raises `_Ended` when the run is over."""
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
        if self.pacer.delay() > DEFER_WHILE:
            self.ahead.drop()
        self.pacer.wait()
        self._check_controls()  # a pause asked for during the pacing wait takes effect now
        allowed = self.quota.remaining(self.clock())
        claim = self.journal.claim(
            self.campaign_id,
            self.group_size if allowed is None else min(self.group_size, allowed),
            same_text=self.caps.same_text_bulk,
            results=self._answered,
            rows=self.ahead.rows(),
        )  # the last group's answers commit with this group's claim: one write to disk for both
        answered, self._answered = self._answered, []  # kept until written (the database may go away)
        self._tally_answers(answered)
        self.tally.move(State.PENDING, State.SKIPPED, claim.skipped)
        if not claim.messages:
            if claim.skipped:
                return
            raise _Ended(CampaignStatus.COMPLETED)
        self._in_flight = [message.key for message in claim.messages]
        self.tally.move(State.PENDING, State.SENDING, len(claim.messages))
        self._touch()
        self.ahead.start(claim, self.group_size, self.caps.same_text_bulk)
        problem = self._send_group(claim.messages)
        if problem is not None:
            self._react(problem)

    def _send_group(self, messages: Sequence[OutgoingMessage]) -> Problem | None:
        """Send claimed rows as requests of the provider's shape; returns a campaign-wide problem."""
        size = self.batch_size if self.caps.bulk_size > 1 else 1
        requests = [messages[i : i + size] for i in range(0, len(messages), size)]
        problem: Problem | None = None
        for index, batch in enumerate(requests):
            if index:
                self.pacer.wait()
                self._wait_while_held()
                if self.controls.stopping:
                    break
                self.journal.check_lease(self.campaign_id)  # fence every request, not only each claim
            self.pacer.started(self.pace.interval(len(batch)))
            problem = self._send_request(batch)
            if problem is not None:
                break
            self._emit("sending")
        unsent = self._unanswered()
        if unsent:  # a pause, or a refusal before processing: these rows go back to pending
            self._move(unsent, State.PENDING, problem)
        self._in_flight = []
        # Answers wait for the next claim's commit, unless something else comes first.
        if problem is not None or self.controls.stopping or self.pacer.delay() > DEFER_WHILE:
            self._flush()
        return problem

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
            settled = self._look_up(batch, answered)
            self._answered.extend(settled)
            if all(result.state is not State.UNKNOWN for result in settled):
                self._unknown_streak = 0  # the provider had them all: its answers are lost, not its work
                return None
            self._unknown_streak += 1  # a provider that keeps not answering: stop burning the list
            if self._unknown_streak >= self.unknown_limit:
                return Problem(problem.code, Effect.STOP, problem.reason, problem.detail)
            return None
        self._answered.extend(self._look_up(batch, answered))
        self.quota.add(len(answered), self.clock())  # what reached the service counts toward its day
        self._unknown_streak = 0
        if problem is None or problem.effect is not Effect.RETRY:
            self.backoff.reset()
        self.meter.add(len(batch), time.monotonic())
        return problem

    def _look_up(self, batch: Sequence[OutgoingMessage], answered: list[SendResult]) -> list[SendResult]:
        """Settle unknown answers from the provider's own records, where it can find a message by the
        reference Masivo chose: found means accepted with its id; not found stays unknown."""
        unknown = {result.key for result in answered if result.state is State.UNKNOWN}
        if not unknown or not self.caps.finds_sent or not isinstance(self.provider, FindsSent):
            return answered
        try:
            found = self.provider.find_sent([message for message in batch if message.key in unknown])
        except ProviderFailure as failure:
            log.warning("campaign %d: looking up unknown messages failed (%s)", self.campaign_id,
                        failure.problem.code)  # fmt: skip
            return answered
        if found:
            log.info("campaign %d: %d of %d unknown messages found at the provider", self.campaign_id,
                     len(found), len(unknown))  # fmt: skip
        return [
            SendResult(result.key, State.ACCEPTED, provider_id=found[result.key])
            if result.state is State.UNKNOWN and result.key in found
            else result
            for result in answered
        ]

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
        """Journal the answers not yet written (before any wait, pause or end)."""
        answered = self._answered
        if answered:
            self.journal.record_results(answered)
            self._answered = []
            self._tally_answers(answered)

    def _tally_answers(self, results: list[SendResult]) -> None:
        for state, count in Counter(result.state for result in results).items():
            self.tally.move(State.SENDING, state, count)

    def _pending_left(self) -> bool:
        """Whether rows remain to send (the last answers written first); none: the claim completes."""
        self._flush()
        return self.journal.pending_credits(self.campaign_id) > 0

    def _unanswered(self) -> list[int]:
        answered = {result.key for result in self._answered}
        return [key for key in self._in_flight if key not in answered]

    def _move(self, keys: list[int], state: State, problem: Problem | None) -> None:
        self.ahead.drop()  # rows read ahead may miss these
        if state is State.UNKNOWN and problem is not None:
            self.journal.mark_unknown(keys, problem)
        else:
            self.journal.release(keys, problem)
        self.tally.move(State.SENDING, state, len(keys))

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
        self._flush()  # the counts the question shows are the journal's too
        self._emit("sending", force=True)
        self.controls.holding.set()
        try:
            while self.controls.held:
                self.controls.wait_released(self.wait_slice)
                self.journal.touch(self.campaign_id)  # still alive: the campaign is not `interrupted`
        finally:
            self.controls.holding.clear()

    def _wait_until(self, when: float, reason: str, detail: str = "") -> None:
        """Wait (interruptibly) for a window, a schedule or a backoff, saying why and until when."""
        self._flush()
        self.ahead.drop()  # the suppression list may change meanwhile
        self.journal.set_status(self.campaign_id, CampaignStatus.RUNNING, reason, detail, resume_at=when)
        self._emit("waiting", reason=reason, detail=detail, resume_at=when, force=True)
        while not self.controls.stopping and (remaining := when - self.clock()) > 0:
            self.sleep(min(remaining, self.wait_slice))
            self.journal.touch(self.campaign_id)
        self._check_controls()
        self.journal.check_lease(self.campaign_id)  # a sender that slept through its lease stops here
        self.journal.set_status(self.campaign_id, CampaignStatus.RUNNING)
        self._emit("sending", force=True)

    def _end(self, status: CampaignStatus, reason: str = "", detail: str = "") -> RunResult:
        self.ahead.rows()  # waits for the work beside the requests
        self._flush()
        self.journal.write_logged(self.campaign_id)  # a record the work beside the requests left
        if status is CampaignStatus.PAUSED and self.caps.has_balance and reason == "no_balance":
            self.balance = _try_balance(self.provider)
        self.journal.set_status(self.campaign_id, status, reason, detail)
        self.journal.release_lease(self.campaign_id)
        counts = self.journal.counts(self.campaign_id)
        self.tally, self._counted = Tally(dict(counts)), True
        self._emit(status.value, reason=reason, detail=detail, force=True)
        log.info("campaign %d %s %s %s", self.campaign_id, status.value, reason, counts)
        return RunResult(self.campaign_id, status, reason, detail, counts)

    def _emit(self, activity: str, *, reason: str = "", detail: str = "", resume_at: float | None = None,
              force: bool = False) -> None:  # fmt: skip
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
            Progress(self.campaign_id, activity, self.tally.snapshot(), self.tally.total, self.tally.done,
                     rate, eta, reason, detail, resume_at, self.balance, self.warning)
        )  # fmt: skip


def _try_balance(provider: Provider) -> Balance | None:
    try:
        return provider.balance()
    except ProviderFailure:
        return None
