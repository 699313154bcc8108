"""What a provider's answer means for each message of a request: pure functions, tested on their own.

A message either gets a result to journal (accepted, rejected for good, unknown) or goes
back to pending because the provider refused it for a campaign-wide reason (STOP, RETRY,
WAIT_WINDOW): such a refusal means the message was never processed.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.domain import State
from app.providers.base import Effect, OutgoingMessage, Problem, SendResult

CAMPAIGN_PROBLEMS = frozenset({Effect.STOP, Effect.RETRY, Effect.WAIT_WINDOW})
MISSING = Problem("missing", Effect.UNKNOWN, "unexpected_answer", "no result for this message")


def read_answer(
    batch: Sequence[OutgoingMessage], results: Sequence[SendResult]
) -> tuple[list[SendResult], Problem | None]:
    """Results to journal (one per message that has one) and the campaign-wide problem, if any."""
    by_key = {result.key: result for result in results}
    answered: list[SendResult] = []
    problem: Problem | None = None
    for message in batch:
        result = by_key.get(message.key)
        if result is None:  # the adapter lost track of it: it may have left
            answered.append(SendResult(message.key, State.UNKNOWN, problem=MISSING))
        elif result.state is State.REJECTED and result.problem and result.problem.effect in CAMPAIGN_PROBLEMS:
            problem = result.problem  # not processed: back to pending with the unsent rest
        else:
            answered.append(result)
    return answered, problem


def failed_request(batch: Sequence[OutgoingMessage], problem: Problem) -> list[SendResult]:
    """Results for a request that failed as a whole; none when its messages provably did not leave."""
    if problem.effect is Effect.SKIP:
        return [SendResult(message.key, State.REJECTED, problem=problem) for message in batch]
    if problem.effect is Effect.UNKNOWN:
        return [SendResult(message.key, State.UNKNOWN, problem=problem) for message in batch]
    return []
