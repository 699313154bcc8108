"""The send queue of the journal: claim → send → record, and recovery after a crash.

A row is `sending` (the journal's "may have left") only while its own request may be on its
way: `claim` marks the rows of one request `sending` and commits before that request leaves;
`record` writes the provider's answer for each of them, and `release` puts back the
rows a refused request provably never delivered. Rows not yet handed to a request stay
`pending`, so a crash can leave `unknown` only the rows of the requests that were in flight
(`recover` turns them so when the campaign is opened to send again): one message for a
one-message provider, one bulk for a bulk provider.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence

from app.core.domain import State
from app.core.journal import queries as q
from app.core.journal.backend import Backend, Row
from app.core.journal.lease import Leases
from app.core.journal.models import Claim
from app.providers.base import OutgoingMessage, Problem, SendResult


class SendQueue:
    """The journal's send queue (`journal.queue`)."""

    def __init__(self, backend: Backend, leases: Leases, clock: Callable[[], float] = time.time) -> None:
        self.backend, self.leases, self.clock = backend, leases, clock

    def claim(self, campaign_id: int, limit: int, *, same_text: bool = False) -> Claim:
        """Mark the next `limit` pending rows `sending`, and commit, before their request leaves.

        Rows whose address is on the suppression list by now become `skipped` instead.
        With `same_text`, only rows sharing the first pending row's text are taken.
        """
        with self.backend.transaction():
            self.leases.fence(campaign_id)  # this sender's lease, renewed in this commit (else LeaseLost)
            rows = self._next_rows(campaign_id, limit, same_text)
            suppressed = [key for key, _, _, _, on_list in rows if on_list is not None]
            leaving = [
                OutgoingMessage(key, address, text, subject)
                for key, address, text, subject, on_list in rows
                if on_list is None
            ]
            self._move(suppressed, State.SKIPPED, "suppressed", "suppressed")
            if leaving:
                now = self.clock()
                self.backend.execute(q.set_sending(len(leaving)), (now, now, *(m.key for m in leaving)))
        return Claim(tuple(leaving), len(suppressed))

    def _next_rows(self, campaign_id: int, limit: int, same_text: bool) -> list[Row]:
        """(id, address, text, subject, suppressed value or None) of the next pending rows, in sheet order."""
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

    def has_pending(self, campaign_id: int) -> bool:
        """Whether any row still waits to be sent (checked before waiting for the pace)."""
        return bool(self.backend.query(q.ANY_PENDING, (campaign_id,)))

    def record(self, results: Sequence[SendResult]) -> None:
        """Write the provider's answer for each message (accepted, rejected or unknown), in one commit."""
        if not results:
            return
        now = self.clock()
        accepted = [
            (result.provider_id, result.bulk_id, now, now, result.key)
            for result in results
            if result.state is State.ACCEPTED and result.problem is None
        ]
        others = [
            (
                result.state.value,
                result.provider_id,
                *_evidence(result.problem),
                1,
                now,
                now if result.state.is_final else None,
                now,
                result.key,
            )
            for result in results
            if result.state is not State.ACCEPTED or result.problem is not None
        ]
        with self.backend.transaction():
            self.backend.update_many(q.SET_ACCEPTED, accepted)
            self.backend.update_many(q.SET_OUTCOME, others)

    def release(self, keys: Sequence[int], problem: Problem | None = None) -> None:
        """Rows whose request provably did not leave go back to `pending`."""
        with self.backend.transaction():
            self._move(keys, State.PENDING, *_evidence(problem))

    def mark_unknown(self, keys: Sequence[int], problem: Problem) -> None:
        """The request may have been processed: these rows are never re-sent automatically."""
        with self.backend.transaction():
            self._move(keys, State.UNKNOWN, *_evidence(problem), tried=1)

    def sending(self, campaign_id: int) -> list[int]:
        """Ids of the rows whose request may have left and whose answer is not journaled."""
        return [row[0] for row in self.backend.query(q.IDS_IN_STATE, (campaign_id, State.SENDING.value))]

    def recover(self, campaign_id: int) -> int:
        """Rows a dead sender left `sending` become `unknown`; returns how many."""
        with self.backend.transaction():
            _settle_older_journal(self, campaign_id)
            stuck = self.sending(campaign_id)
            self._move(stuck, State.UNKNOWN, "interrupted", "interrupted", tried=1)
        return len(stuck)

    def _move(
        self,
        keys: Sequence[int],
        state: State,
        code: str = "",
        reason: str = "",
        detail: str = "",
        tried: int = 0,
    ) -> None:
        """Set rows' state with the reason, and log the step (these steps are not kept on the row)."""
        if not keys:
            return
        now = self.clock()
        final = now if state.is_final else None
        self.backend.update_many(
            q.SET_OUTCOME,
            [(state.value, None, code, reason, detail, tried, None, final, now, key) for key in keys],
        )
        self.backend.insert_many(*q.NEW_EVENTS, [(key, now, state.value, code, reason) for key in keys])


def _evidence(problem: Problem | None) -> tuple[str, str, str]:
    return (problem.code, problem.reason, problem.detail) if problem else ("", "", "")


def _settle_older_journal(queue: SendQueue, campaign_id: int) -> None:
    """What a Masivo before schema 7 left after a crash: answers logged with a claim but not yet on
    their rows (written now), and the rows of a claim, pending on disk, that may have left."""
    backend, now = queue.backend, queue.clock()
    for _, at, _, text in backend.query(q.ANSWERS_OF, (campaign_id,)):
        accepted, others = json.loads(text)
        backend.update_many(
            q.SET_ACCEPTED, [(provider_id, None, at, at, key) for key, provider_id in accepted]
        )
        backend.update_many(
            q.SET_OUTCOME,
            [
                (
                    state,
                    provider_id,
                    code,
                    reason,
                    detail,
                    1,
                    at,
                    at if State(state).is_final else None,
                    at,
                    key,
                )
                for key, state, provider_id, code, reason, detail in others
            ],
        )
    for ids, at in backend.query(q.OPEN_CLAIM, (campaign_id,)):
        keys = json.loads(ids)
        if keys:
            backend.execute(q.set_sending(len(keys)), (at, now, *keys))
    backend.execute(q.DELETE_CAMPAIGN_ANSWERS, (campaign_id,))
    backend.execute(q.DELETE_CLAIM, (campaign_id,))
