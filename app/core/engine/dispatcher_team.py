"""What a run does on a shared (team) database: another sender took the campaign, or the database went away.

Both keep the engine's promise. Nothing leaves without a claim, and a claim needs the
database and this sender's lease, so while the database is away nothing is sent; the
answers already received stay in memory until they are journaled. A run waits for the
database up to DB_PATIENCE (checking every DB_RETRY_EVERY seconds) and carries on by
itself, or pauses with reason `database_unavailable`, keeping the answers it could not
journal in a local file (`unsaved.py`) for its next run. A run whose lease was taken over
journals the answers it has and stops, writing nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.core.domain import CampaignStatus
from app.core.engine import unsaved
from app.core.engine.progress import Controls, Tally
from app.core.journal import DatabaseUnavailable, Journal, JournalError
from app.core.journal.lease import Leases
from app.core.journal.queue import SendQueue
from app.providers.base import SendResult

log = logging.getLogger(__name__)

DB_PATIENCE = 120.0  # seconds a run waits for a lost team database before it pauses
DB_RETRY_EVERY = 5.0


class Offline(Exception):
    """Internal: the database stayed away; the run pauses without writing anything."""


class TeamRun:
    """The dispatcher's handling of leases and lost connections (mixed into `Dispatcher`)."""

    journal: Journal
    queue: SendQueue
    leases: Leases
    campaign_id: int
    controls: Controls
    clock: Callable[[], float]
    sleep: Callable[[float], None]
    tally: Tally
    _counted: bool
    _answered: list[SendResult]
    _in_flight: list[int]

    def _flush(self) -> None: ...  # `Dispatcher._flush`

    def _emit(
        self,
        activity: str,
        *,
        reason: str = "",
        detail: str = "",
        resume_at: float | None = None,
        force: bool = False,
    ) -> None: ...

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
