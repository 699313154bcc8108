"""Masivo's own words, in one place: channels, a message's states, a campaign's status, and the
status shown for a campaign. Every layer (providers, journal, engine, CLI, window) speaks these."""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.journal.models import Campaign

STALE_AFTER = 60.0  # seconds without a heartbeat after which a "running" campaign has no live sender


class Channel(StrEnum):
    SMS = "sms"
    EMAIL = "email"


class State(StrEnum):
    """Normalized state of one message, across all providers and the journal."""

    PENDING = "pending"  # not yet sent
    SENDING = "sending"  # its request may be on its way; a crash turns it into UNKNOWN
    ACCEPTED = "accepted"  # the provider took it (has a provider id)
    REJECTED = "rejected"  # the provider refused it; never charged
    UNKNOWN = "unknown"  # it may or may not have been processed: never re-sent automatically
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"
    OPENED = "opened"  # e-mail
    CLICKED = "clicked"  # e-mail
    BOUNCED = "bounced"  # e-mail
    SKIPPED = "skipped"  # not sent on purpose (suppressed while the campaign ran)

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATES


FINAL_STATES = frozenset(
    {State.REJECTED, State.DELIVERED, State.UNDELIVERED, State.CLICKED, State.BOUNCED, State.SKIPPED}
)
# States counted as sent (the provider took the message), failed, and not sent on purpose.
SENT_STATES = frozenset({State.ACCEPTED, State.DELIVERED, State.OPENED, State.CLICKED})
FAILED_STATES = frozenset({State.REJECTED, State.UNDELIVERED, State.BOUNCED})
# The "never backwards" order of states; a status update only moves a row to a higher rank.
STATE_RANK: dict[State, int] = {
    State.PENDING: 0,
    State.SENDING: 1,
    State.UNKNOWN: 2,
    State.ACCEPTED: 3,
    State.SKIPPED: 5,
    State.REJECTED: 5,
    State.UNDELIVERED: 5,
    State.BOUNCED: 5,
    State.DELIVERED: 5,
    State.OPENED: 6,
    State.CLICKED: 7,
}


class CampaignStatus(StrEnum):
    """Where a campaign stands as a whole."""

    CREATING = "creating"  # rows are still being imported; never sent from
    READY = "ready"  # created, not started
    RUNNING = "running"  # a sender is (or was, until it died) working on it
    PAUSED = "paused"  # stopped with a reason; `resume` continues it
    COMPLETED = "completed"  # no pending rows left
    CANCELLED = "cancelled"  # stopped for good by the user
    FAILED = "failed"  # the import or the engine broke; see the reason


def shown_status(
    campaign: Campaign, now: float | None = None, holder: Callable[[int], object | None] | None = None
) -> str:
    """The status to show: a `running` campaign whose sender is gone is `interrupted`.

    With `holder` (the journal's `leases.holder`), the campaign's lease says it at once: a holder on
    this machine whose process no longer exists (a crash, kill -9), or an expired lease. Without it
    (or for a live lease) a sender that stopped beating for STALE_AFTER seconds is gone too.
    """
    if campaign.status is CampaignStatus.RUNNING:
        if holder is not None and holder(campaign.id) is None:
            return "interrupted"
        beat = campaign.heartbeat_at or campaign.updated_at
        if (now or time.time()) - beat > STALE_AFTER:
            return "interrupted"
    return campaign.status.value
