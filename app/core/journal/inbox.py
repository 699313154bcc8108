"""The inbox of the journal: replies, status updates pushed by providers, and the requests refused.

`store` writes a group of incoming events in one transaction (the receiver commits the
requests that arrived together at once) and does what each means in that same commit:
a status update moves its row forward (`Journal.apply_statuses`, the poller's own rule),
a reply is linked to the row that last messaged its sender, an opt-out reply puts the
sender on the suppression list. So an event is either stored with its effects or not
at all, and a provider that got no 2xx sends it again.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from app.core.domain import State
from app.core.journal import inbox_queries as q
from app.core.journal.backend import Row
from app.core.journal.inbox_models import (
    Incoming,
    IncomingReply,
    IncomingStatus,
    Refusal,
    RefusedRequest,
    Reply,
    Stored,
)
from app.core.journal.suppression import suppression_key
from app.providers.base import StatusUpdate

if TYPE_CHECKING:
    from app.core.journal.journal import Journal

REPEAT_WINDOW = 600.0  # seconds within which the same sender and text without a vendor id is one reply
PENDING_FOR = 600.0  # seconds an update for an unknown id waits for its message's answer to be journaled
OPT_OUT_REASON = "opt_out"  # the suppression entry's reason starts with this, then the reply


class Inbox:
    """Inbox methods of the journal (`journal.inbox`)."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.backend = journal.backend

    # --- storing ----------------------------------------------------------------------------------
    def store(self, events: Sequence[Incoming]) -> list[Stored]:
        """Store events and apply them, all in one commit; one `Stored` per event, in order."""
        with self.backend.transaction():
            return [self._store_one(event) for event in events]

    def _store_one(self, event: Incoming) -> Stored:
        if isinstance(event, IncomingStatus):
            return self._store_status(event)
        if isinstance(event, IncomingReply):
            return self._store_reply(event)
        self._store_refusal(event)
        return Stored(new=True)

    def _store_status(self, event: IncomingStatus) -> Stored:
        rows = self.backend.query(
            q.INSERT_STATUS_EVENT,
            (event.key, event.received_at, event.provider, event.provider_id, event.code,
             event.state.value if event.state else "", 1 if event.state else 0),
        )  # fmt: skip
        if not rows:
            return Stored(new=False)
        changed = 0
        if event.state is not None:
            changed, found = self._apply(event.provider, event.provider_id, event.code, event.state)
            if found:
                self.backend.execute(q.SET_STATUS_EVENT_DONE, (rows[0][0],))
        return Stored(new=True, changed=changed)

    def _apply(self, provider: str, provider_id: str, code: str, state: State) -> tuple[int, bool]:
        """Move the row forward; returns (rows changed, whether a row has this id)."""
        if not self.backend.query(q.MESSAGE_OF_PROVIDER_ID, (provider_id, provider)):
            return 0, False
        return self.journal.apply_statuses([StatusUpdate(provider_id, state, code)], provider=provider), True

    def _store_reply(self, event: IncomingReply) -> Stored:
        if not event.provider_ref and self.backend.query(
            q.SAME_REPLY_SINCE, (event.sender, event.received_at - REPEAT_WINDOW, event.provider, event.text)
        ):
            return Stored(new=False)
        last = self.backend.query(q.LAST_ROW_TO, (event.sender,))
        message_id, campaign_id, name, sheet_row = last[0] if last else (None, None, None, None)
        rows = self.backend.query(
            q.INSERT_REPLY,
            (event.key, event.received_at, event.provider, event.sender, event.recipient, event.text,
             event.provider_ref, campaign_id, message_id, 1 if event.opt_out else 0),
        )  # fmt: skip
        if not rows:
            return Stored(new=False)
        if event.opt_out:
            reason = f"{OPT_OUT_REASON}: {event.text.strip()}"[:200]
            self.backend.execute(
                q.SUPPRESS_IF_ABSENT, (suppression_key(event.sender), "sms", reason, event.received_at)
            )
        reply = Reply(int(rows[0][0]), event.received_at, event.provider, event.sender, event.recipient,
                      event.text, campaign_id, name, sheet_row, event.opt_out)  # fmt: skip
        return Stored(new=True, reply=reply)

    def _store_refusal(self, event: RefusedRequest) -> None:
        self.backend.execute(
            q.INSERT_REFUSAL,
            (event.received_at, event.route, event.method, event.http_status, event.reason,
             event.detail[:500], event.excerpt[:2000]),
        )  # fmt: skip

    def apply_pending(self, now: float | None = None, limit: int = 1000) -> int:
        """Apply updates that arrived before their message's answer was journaled; returns how many."""
        since = (now if now is not None else time.time()) - PENDING_FOR
        done = 0
        with self.backend.transaction():
            for key, provider, provider_id, code, state, _ in self.backend.query(
                q.PENDING_NOW_MATCHING, (since, limit)
            ):
                _, found = self._apply(provider, provider_id, code, State(state))
                if found:
                    self.backend.execute(q.SET_STATUS_EVENT_DONE, (key,))
                    done += 1
        return done

    def suppress_many(self, values: Iterable[str], channel: str, reason: str, now: float) -> int:
        """Add entries that are not on the list yet (an import); returns how many values were given."""
        rows = [(suppression_key(value), channel, reason, now) for value in values]
        with self.backend.transaction():
            self.backend.update_many(q.SUPPRESS_MANY, rows)
        return len(rows)

    # --- reading ----------------------------------------------------------------------------------
    def reply(self, reply_id: int) -> Reply | None:
        rows = self.backend.query(q.REPLY_BY_ID, (reply_id,))
        return _reply(rows[0]) if rows else None

    def replies(self, campaign_id: int | None = None, after_id: int = 0) -> list[Reply]:
        """Replies oldest first (those of one campaign; those stored after `after_id`)."""
        if campaign_id is None:
            rows = self.backend.query(q.REPLIES_AFTER, (after_id,))
        else:
            rows = self.backend.query(q.REPLIES_OF_CAMPAIGN, (campaign_id, after_id))
        return [_reply(row) for row in rows]

    def reply_count(self) -> int:
        return int(self.backend.query(q.COUNT_REPLIES)[0][0])

    def status_event_counts(self) -> tuple[int, int]:
        """(status updates stored, those still waiting for their message)."""
        total, pending = self.backend.query(q.COUNT_STATUS_EVENTS)[0]
        return int(total), int(pending)

    def refusals(self, limit: int = 100) -> list[Refusal]:
        """The latest refused requests, newest first."""
        return [Refusal(*row) for row in self.backend.query(q.REFUSALS, (limit,))]


def _reply(row: Row) -> Reply:
    return Reply(
        id=int(row[0]), received_at=float(row[1]), provider=row[2], sender=row[3], recipient=row[4],
        text=row[5], campaign_id=None if row[6] is None else int(row[6]), campaign_name=row[7],
        sheet_row=None if row[8] is None else int(row[8]), opt_out=bool(row[9]),
    )  # fmt: skip
