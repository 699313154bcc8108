"""The send queue of the journal: claims written before requests leave, answers after, recovery after a crash.

A claim is one row per campaign listing the ids of the rows whose requests are about
to leave: committed before the first of them leaves, it is the durable `sending` state
of all of them at the cost of one write (rewriting each row's state would cost a
thousand). Each row leaves the claim as its answer, or its return to pending, is
journaled. Opening a campaign to send again turns rows still in a claim `unknown`:
a dead sender may or may not have sent them, so they are never sent again by themselves.

A thousand answers take longer to write to their rows than the next request takes to
come back, so a sender that read its next rows ahead logs the last answers as one record
in its next claim's commit (durable before the next request leaves, as before) and
writes them to the rows while that request is in flight. Until then those rows count as
leaving; a record a crash left behind is written before anything else is claimed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Collection, Sequence

from app.core.journal import queries as q
from app.core.journal.backend import Backend, JournalError, Row
from app.core.journal.models import Answers, Claim, LoggedAnswers, dumps
from app.providers.base import OutgoingMessage, Problem, SendResult, State


class SendQueue:
    """Queue methods of the journal (mixed into `Journal`)."""

    backend: Backend
    clock: Callable[[], float] = time.time
    fence: Callable[[int], None]  # `Leases.fence`

    def claim(
        self,
        campaign_id: int,
        limit: int,
        *,
        same_text: bool = False,
        results: Sequence[SendResult] = (),
        rows: Sequence[Row] | None = None,
    ) -> Claim:
        """Journal the next `limit` pending rows as leaving, and commit, before any request leaves.

        Rows whose address is on the suppression list by now become `skipped` instead.
        With `same_text`, only rows sharing the first pending row's text are taken.
        `results` of the previous requests are recorded in the same commit: written to their
        rows, or, when the next `rows` were read ahead (`next_rows`), logged as one record
        (`Claim.logged`) for `write_logged` to write to the rows after the commit.
        """
        with self.backend.transaction():
            self.fence(campaign_id)  # this sender's lease, renewed in this commit (else LeaseLost)
            logged = None
            if rows is None:
                self.write_logged(campaign_id)  # a record a crash or a lost connection left unwritten
                self.record_results(results)
            else:
                logged = self._log_answers(campaign_id, results)
            if self.claimed(campaign_id):
                raise JournalError(f"Campaign {campaign_id} is being sent by another sender.")
            if rows is None:
                rows = self._next_rows(campaign_id, limit, same_text)
            rows = rows[:limit]
            suppressed = [row[0] for row in rows if row[4] is not None]
            leaving = [row for row in rows if row[4] is None]
            self._move(suppressed, State.SKIPPED, "suppressed", "suppressed")
            if leaving:
                ids = [row[0] for row in leaving]
                self.backend.execute(q.INSERT_CLAIM, (campaign_id, dumps(ids), self.clock()))
        # tuple.__new__: a NamedTuple's constructor is a Python frame, for each of a thousand rows.
        messages = tuple([tuple.__new__(OutgoingMessage, row[:4]) for row in leaving])
        return Claim(messages, len(suppressed), logged)

    def next_rows(
        self, campaign_id: int, limit: int, *, same_text: bool = False, leaving: Collection[int] = ()
    ) -> list[Row]:
        """The rows the next claim will take, read while the open claim's requests are in flight.

        `leaving`: the open claim's rows, still pending on disk until their answers are written.
        That claim took the first pending rows (of one text, with `same_text`), so the rest come
        after its last one. Only the sender holding the lease moves the campaign's pending rows:
        these stay right until its next claim, unless it moves rows itself (then it reads again).
        An empty list means "read again at the claim", not "nothing left".
        """
        after = max(leaving, default=0)
        if not same_text:
            return self.backend.query(q.NEXT_PENDING_AFTER, (campaign_id, after, limit))
        keys = self.backend.query(q.TEXT_KEY_OF, (after,))
        key = keys[0][0] if keys else None
        if key is None:  # no claim, or a campaign made without text keys: the claim reads itself
            return []
        first = self.backend.query(q.FIRST_PENDING_BESIDE, (campaign_id, key, after))
        if not first:
            return []
        first_id, first_key = first[0]
        text = self.backend.query(q.TEXT_OF, (first_id,))[0][0]
        start = after if first_key == key else 0
        rows = self.backend.query(q.NEXT_PENDING_WITH_TEXT_KEY_AFTER, (campaign_id, first_key, start, limit))
        return [row for row in rows if row[2] == text]  # a hash collision never mixes two texts

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
        with self.backend.transaction():
            campaign_id, sent_at = self._claim_of(results[0].key)
            self._write_answers(_answers(results), sent_at, self.clock())
            self._unclaim(campaign_id, [result.key for result in results])

    def write_logged(self, campaign_id: int, logged: LoggedAnswers | None = None) -> None:
        """Write logged answers to their rows: `logged` (kept in memory by its sender), else every
        record the campaign has. A record is written once, whoever comes first."""
        with self.backend.transaction():
            if logged is not None:
                if self.backend.execute(q.DELETE_ANSWERS, (logged.id,)):
                    self._write_answers(logged.answers, logged.sent_at, logged.at)
                return
            for key, at, sent_at, text in self.backend.query(q.ANSWERS_OF, (campaign_id,)):
                self.backend.execute(q.DELETE_ANSWERS, (key,))
                accepted, others = json.loads(text)
                self._write_answers(Answers(accepted, others), sent_at, at)

    def _log_answers(self, campaign_id: int, results: Sequence[SendResult]) -> LoggedAnswers | None:
        if not results:
            return None
        now, sent_at = self.clock(), self._claim_at(campaign_id)
        answers = _answers(results)
        record = (campaign_id, now, sent_at, len(results), dumps([answers.accepted, answers.others]))
        key = self.backend.insert(q.INSERT_ANSWERS, record)
        self._unclaim(campaign_id, [result.key for result in results])
        return LoggedAnswers(key, answers, sent_at, now)

    def _write_answers(self, answers: Answers, sent_at: float | None, now: float) -> None:
        # The row's own columns (sent_at, answered_at, the code) are this step's history: no event rows.
        accepted = [(provider_id, sent_at, now, now, key) for key, provider_id in answers.accepted]
        self.backend.executemany(q.SET_ACCEPTED, accepted)
        if answers.others:
            self.backend.executemany(
                q.SET_OUTCOME,
                [
                    (state, provider_id, code, reason, detail, sent_at, 1, now,
                     now if State(state).is_final else None, now, key)
                    for key, state, provider_id, code, reason, detail in answers.others
                ],
            )  # fmt: skip

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
            self.write_logged(campaign_id)  # answers a dead sender logged but had not written
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


def _answers(results: Sequence[SendResult]) -> Answers:
    # Comprehensions, not a loop: a bulk's thousand answers are read here before the next request.
    accepted_state = State.ACCEPTED
    accepted = [
        (result.key, result.provider_id)
        for result in results
        if result.state is accepted_state and result.problem is None
    ]
    if len(accepted) == len(results):
        return Answers(accepted, [])
    others = [
        (result.key, result.state.value, result.provider_id, *_evidence(result.problem))
        for result in results
        if result.state is not accepted_state or result.problem is not None
    ]
    return Answers(accepted, others)


def _evidence(problem: Problem | None) -> tuple[str, str, str]:
    return (problem.code, problem.reason, problem.detail) if problem else ("", "", "")
