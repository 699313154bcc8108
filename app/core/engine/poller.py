"""Status tracking: asks the provider what became of accepted messages, gently, and journals the answers.

Rows are asked for in chunks (one bulk status call per chunk where the provider has
one; where it reads a whole bulk by its id, `Capabilities.bulk_statuses`, one call per bulk
the journal names), at most one call per `Capabilities.status_interval`; answers go through
`Journal.apply_statuses`, so a late or repeated status never moves a row backwards.
`run` repeats passes until every row is final or a time limit passes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.core.domain import Channel
from app.core.engine.pacing import Pacer
from app.core.engine.progress import Controls
from app.core.journal import Journal
from app.providers.base import BulkStatuses, Effect, Problem, Provider, ProviderFailure, StatusUpdate

log = logging.getLogger(__name__)

POLL_EVERY = 60.0  # seconds between passes: statuses change over minutes, not seconds
POLL_FOR = 72 * 3600.0  # carriers report within a few days or never
BULK_CHUNK = 500  # ids per status call where the provider has a bulk status call
SINGLE_CHUNK = 10  # ids per pace step where each id is its own request (Connecta, Convergia)

Row = tuple[int, str, str | None]  # row id, provider id, bulk id (`Journal.awaiting_status`)


@dataclass(frozen=True)
class PollResult:
    """One pass (or a whole run): rows asked about, rows that changed, and a problem that cut it short."""

    asked: int = 0
    changed: int = 0
    awaiting: int = 0  # rows with an id still waiting for a final status after the pass
    problem: Problem | None = None


class Poller:
    """Polls one provider's statuses for a campaign's accepted rows."""

    def __init__(
        self,
        journal: Journal,
        provider: Provider,
        *,
        chunk: int | None = None,
        controls: Controls | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.journal, self.provider = journal, provider
        self.caps = provider.capabilities
        self.chunk = chunk or (BULK_CHUNK if self.caps.bulk_size > 1 else SINGLE_CHUNK)
        self.controls = controls or Controls()
        self.clock = clock
        self.sleep = sleep or self.controls.sleep
        self.pacer = Pacer(clock, self.sleep)

    def poll_once(self, campaign_id: int) -> PollResult:
        """Ask about every accepted row of the campaign once."""
        if not self.caps.has_status:
            return PollResult()
        channel = Channel(self.journal.require(campaign_id).channel)
        asked = changed = 0
        after = 0
        bulks: dict[str, dict[str, StatusUpdate] | None] = {}  # this pass's answers, by bulk id
        while not self.controls.stopping:
            rows = self.journal.awaiting_status(campaign_id, after, self.chunk)
            if not rows:
                break
            try:
                updates = self._ask(rows, channel, bulks)
            except ProviderFailure as failure:
                log.warning("campaign %d: status query failed: %s", campaign_id, failure.problem.code)
                return PollResult(asked, changed, self._awaiting(campaign_id), failure.problem)
            changed += self.journal.apply_polled(_by_key(rows, updates))
            asked += len(rows)
            after = rows[-1][0]
        return PollResult(asked, changed, self._awaiting(campaign_id))

    def run(self, campaign_id: int, *, every: float = POLL_EVERY, limit: float = POLL_FOR) -> PollResult:
        """Poll pass after pass until no row awaits a status, the time limit, or a pause/cancel."""
        started = self.clock()
        asked = changed = 0
        while True:
            result = self.poll_once(campaign_id)
            asked, changed = asked + result.asked, changed + result.changed
            stopped = result.problem is not None and result.problem.effect is Effect.STOP
            done = not result.awaiting or self.controls.stopping or stopped
            if done or self.clock() - started + every > limit:
                return PollResult(asked, changed, result.awaiting, result.problem)
            self.sleep(every)

    def _ask(
        self, rows: list[Row], channel: Channel, bulks: dict[str, dict[str, StatusUpdate] | None]
    ) -> list[StatusUpdate]:
        """One chunk's statuses: a call per bulk not yet read in this pass, one call for the rest."""
        updates: list[StatusUpdate] = []
        rest: list[str] = []
        for _, provider_id, bulk_id in rows:
            bulk = self._bulk(bulk_id, channel, bulks) if bulk_id else None
            if bulk is None:
                rest.append(provider_id)
            elif (update := bulk.pop(provider_id, None)) is not None:
                updates.append(update)
        if rest and not self.controls.stopping:
            self._paced()
            updates += self.provider.statuses(rest, channel)
        return updates

    def _bulk(
        self, bulk_id: str, channel: Channel, bulks: dict[str, dict[str, StatusUpdate] | None]
    ) -> dict[str, StatusUpdate] | None:
        """A bulk's statuses by provider id, read once a pass; None: ask for its rows one by one."""
        if not (self.caps.bulk_statuses and isinstance(self.provider, BulkStatuses)):
            return None
        if bulk_id not in bulks:
            self._paced()
            answer = self.provider.bulk_statuses(bulk_id, channel)
            bulks[bulk_id] = None if answer is None else {update.provider_id: update for update in answer}
        return bulks[bulk_id]

    def _paced(self) -> None:
        """Every status call waits its turn: never a burst."""
        self.pacer.wait()
        self.pacer.started(self.caps.status_interval)

    def _awaiting(self, campaign_id: int) -> int:
        """Rows it can still ask about: one accepted without an id (the report says its status cannot
        be polled) is never waited for."""
        return self.journal.awaiting_count(campaign_id)


def _by_key(rows: list[Row], updates: list[StatusUpdate]) -> list[tuple[int, StatusUpdate]]:
    """Each update with the rows it answers for (should a vendor give several rows one id, all of them)."""
    keys: dict[str, list[int]] = {}
    for key, provider_id, _ in rows:
        keys.setdefault(provider_id, []).append(key)
    return [(key, update) for update in updates for key in keys.get(update.provider_id, ())]
