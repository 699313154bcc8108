"""The send queue of the journal: claims written before requests leave, answers after, recovery after a crash.

A claim is one row per campaign listing the ids of the rows whose requests are about
to leave: committed before the first of them leaves, it is the durable `sending` state
of all of them at the cost of one write (rewriting each row's state would cost a
thousand). Each row leaves the claim as its answer, or its return to pending, is
journaled. Opening a campaign to send again turns rows still in a claim `unknown`:
a dead sender may or may not have sent them, so they are never sent again by themselves.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence

from app.core.journal import queries as q
from app.core.journal.backend import Backend, JournalError, Row
from app.core.journal.models import Claim, dumps
from app.providers.base import OutgoingMessage, Problem, SendResult, State


class SendQueue:
    """Queue methods of the journal (mixed into `Journal`)."""

    backend: Backend
    clock: Callable[[], float] = time.time
    fence: Callable[[int], None]  # `Leases.fence`

    def claim(
        self, campaign_id: int, limit: int, *, same_text: bool = False, results: Sequence[SendResult] = ()
    ) -> Claim:
        """Journal the next `limit` pending rows as leaving, and commit, before any request leaves.

        Rows whose address is on the suppression list by now become `skipped` instead.
        With `same_text`, only rows sharing the first pending row's text are taken.
        `results` of the previous requests are recorded in the same commit.
        """
        with self.backend.transaction():
            self.fence(campaign_id)  # this sender's lease, renewed in this commit (else LeaseLost)
            self.record_results(results)
            if self.claimed(campaign_id):
                raise JournalError(f"Campaign {campaign_id} is being sent by another sender.")
            rows = self._next_rows(campaign_id, limit, same_text)
            suppressed = [row[0] for row in rows if row[4] is not None]
            leaving = [row for row in rows if row[4] is None]
            self._move(suppressed, State.SKIPPED, "suppressed", "suppressed")
            if leaving:
                ids = [row[0] for row in leaving]
                self.backend.execute(q.INSERT_CLAIM, (campaign_id, dumps(ids), self.clock()))
        messages = tuple(OutgoingMessage(row[0], row[1], row[2], row[3]) for row in leaving)
        return Claim(messages, len(suppressed))

    def _next_rows(self, campaign_id: int, limit: int, same_text: bool) -> list[Row]:
        if not same_text:
            return self.backend.query(q.NEXT_PENDING, (campaign_id, limit))
        first = self.backend.query(q.FIRST_PENDING_TEXT, (campaign_id,))
        if not first:
            return []
        key, text = first[0]
        if key is None:  # a campaign made without text keys: correct, but slower
            return self.backend.query(q.NEXT_PENDING_WITH_TEXT, (campaign_id, text, limit))
        rows = self.backend.query(q.NEXT_PENDING_WITH_TEXT_KEY, (campaign_id, key, limit))
        return [row for row in rows if row[2] == text]  # a hash collision never mixes two texts

    def record_results(self, results: Sequence[SendResult]) -> None:
        """Write the provider's answer for each message (accepted, rejected or unknown), in one commit."""
        if not results:
            return
        now = self.clock()
        with self.backend.transaction():
            campaign_id, sent_at = self._claim_of(results[0].key)
            accepted, others = [], []
            for result in results:
                if result.state is State.ACCEPTED and result.problem is None:
                    accepted.append((result.provider_id, sent_at, now, now, result.key))
                    continue
                code, reason, detail = _evidence(result.problem)
                final = now if result.state.is_final else None
                others.append((result.state.value, result.provider_id, code, reason, detail, sent_at, 1, now,
                               final, now, result.key))  # fmt: skip
            # The row's own columns (sent_at, answered_at, the code) are this step's history: no event rows.
            self.backend.executemany(q.SET_ACCEPTED, accepted)
            if others:
                self.backend.executemany(q.SET_OUTCOME, others)
            self._unclaim(campaign_id, [result.key for result in results])

    def release(self, keys: Sequence[int], problem: Problem | None = None) -> None:
        """Claimed rows that provably did not leave go back to `pending`."""
        self._settle(keys, State.PENDING, problem)

    def mark_unknown(self, keys: Sequence[int], problem: Problem) -> None:
        """The request may have been processed: these rows are never re-sent automatically."""
        self._settle(keys, State.UNKNOWN, problem)

    def mark_skipped(self, keys: Sequence[int], reason: str) -> None:
        with self.backend.transaction():
            self._move(keys, State.SKIPPED, reason, reason)

    def recover(self, campaign_id: int) -> int:
        """Rows a dead sender left claimed (or `sending`, in older journals) become `unknown`."""
        with self.backend.transaction():
            stuck = [row[0] for row in self.backend.query(q.IDS_IN_STATE, (campaign_id, State.SENDING.value))]
            claimed = self.claimed(campaign_id)
            sent_at = self._claim_at(campaign_id)
            self._move(stuck + claimed, State.UNKNOWN, "interrupted", "interrupted", sent_at=sent_at)
            self.backend.execute(q.DELETE_CLAIM, (campaign_id,))
        return len(stuck) + len(claimed)

    def claimed(self, campaign_id: int) -> list[int]:
        """Ids of the rows journaled as leaving and not answered yet."""
        rows = self.backend.query(q.OPEN_CLAIM, (campaign_id,))
        return list(json.loads(rows[0][0])) if rows else []

    def _settle(self, keys: Sequence[int], state: State, problem: Problem | None) -> None:
        if not keys:
            return
        with self.backend.transaction():
            campaign_id, sent_at = self._claim_of(keys[0])
            self._move(keys, state, *_evidence(problem), sent_at=sent_at)
            self._unclaim(campaign_id, keys)

    def _claim_of(self, key: int) -> tuple[int, float | None]:
        rows = self.backend.query(q.CAMPAIGN_OF_MESSAGE, (key,))
        campaign_id = int(rows[0][0]) if rows else 0
        return campaign_id, self._claim_at(campaign_id)

    def _claim_at(self, campaign_id: int) -> float | None:
        rows = self.backend.query(q.OPEN_CLAIM, (campaign_id,))
        return float(rows[0][1]) if rows else None

    def _unclaim(self, campaign_id: int, keys: Sequence[int]) -> None:
        claimed = self.claimed(campaign_id)
        left = set(claimed) - set(keys)
        if len(left) == len(claimed):  # none of them is in it: the claim is another sender's now, leave it
            return
        if left:
            self.backend.execute(q.UPDATE_CLAIM, (dumps(sorted(left)), campaign_id))
        else:
            self.backend.execute(q.DELETE_CLAIM, (campaign_id,))

    def _move(
        self,
        keys: Sequence[int],
        state: State,
        code: str = "",
        reason: str = "",
        detail: str = "",
        sent_at: float | None = None,
    ) -> None:
        """Set rows' state with the reason, and log the step (these steps are not kept on the row)."""
        if not keys:
            return
        now = self.clock()
        final = now if state.is_final else None
        tried = 1 if sent_at is not None else 0
        self.backend.executemany(
            q.SET_OUTCOME,
            [
                (state.value, None, code, reason, detail, sent_at, tried, None, final, now, key)
                for key in keys
            ],
        )
        self.backend.executemany(q.INSERT_EVENT, [(key, now, state.value, code, reason) for key in keys])


def _evidence(problem: Problem | None) -> tuple[str, str, str]:
    return (problem.code, problem.reason, problem.detail) if problem else ("", "", "")
