"""What became of each message when a batch took several requests and one of them failed.

An adapter that splits one batch into several requests (Connectus sizes them to fit a URL)
cannot raise for the whole batch once part of it went out. It answers per message instead,
in the form the dispatcher reads: UNKNOWN for a request that may have been processed, and
REJECTED with a campaign-wide effect (STOP, RETRY, WAIT_WINDOW) for messages that provably did
not leave, which the dispatcher puts back to pending before acting on the problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.core.domain import State
from app.providers.base import Effect, OutgoingMessage, Problem, SendResult

UNSENT_EFFECTS = frozenset({Effect.STOP, Effect.RETRY, Effect.WAIT_WINDOW})


def not_sent(
    failed: Sequence[OutgoingMessage], later: Sequence[OutgoingMessage], problem: Problem
) -> list[SendResult]:
    """Results for the messages of the failed request and for those that were to follow it."""
    failed_state = State.UNKNOWN if problem.effect is Effect.UNKNOWN else State.REJECTED
    unsent = problem if problem.effect in UNSENT_EFFECTS else replace(problem, effect=Effect.RETRY)
    return [SendResult(m.key, failed_state, problem=problem) for m in failed] + [
        SendResult(m.key, State.REJECTED, problem=unsent) for m in later
    ]
