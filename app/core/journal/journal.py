"""The journal: every campaign, every recipient row and its history, behind methods (never SQL outside).

The rule that keeps a campaign honest: rows are journaled `sending`, durably, right before
their request leaves (`queue.claim`), and their outcome after the answer (`queue.record`).
Opening a campaign to send again (`begin_run`) turns rows a crash left `sending` into
`unknown`, which are never re-sent automatically. See `queue.py` for how.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from app.core.domain import STATE_RANK, CampaignStatus, State
from app.core.journal import queries as q
from app.core.journal.backend import Backend, Row
from app.core.journal.inbox import Inbox
from app.core.journal.lease import Leases
from app.core.journal.models import Campaign, Event, MessageRecord, NewCampaign, NewMessage, dumps
from app.core.journal.queue import SendQueue
from app.core.journal.suppression import SuppressionList
from app.providers.base import StatusUpdate

PAGE = 5000  # rows read a page at a time: a 1,000,000-row campaign is never held in memory


class Journal:
    """The one store of campaign state: campaigns and their rows here; the parts a caller needs as
    members (`queue`, `leases`, `suppression`, `inbox`)."""

    def __init__(self, backend: Backend, clock: Callable[[], float] = time.time) -> None:
        self.backend = backend
        self.clock = clock
        self.leases = Leases(backend)  # one sender per campaign (lease.py)
        self.queue = SendQueue(backend, self.leases, clock)  # claim -> send -> record (queue.py)
        self.suppression = SuppressionList(backend, clock)  # never sent to (suppression.py)
        self.inbox = Inbox(self)  # replies and pushed status updates (inbox.py)

    # --- campaigns --------------------------------------------------------------------------------
    def create_campaign(self, new: NewCampaign) -> int:
        """A new campaign in status `creating`; add its rows, then `finish_creation`."""
        now = self.clock()
        return self.backend.insert(
            q.INSERT_CAMPAIGN,
            (
                new.name,
                new.provider,
                new.channel,
                new.template,
                new.subject,
                dumps(dict(new.options)),
                new.source,
                CampaignStatus.CREATING.value,
                new.start_at,
                now,
                now,
            ),
        )

    def add_messages(
        self,
        campaign_id: int,
        messages: Sequence[NewMessage],
        *,
        group_by_text: bool = False,
        by_provider_id: bool = False,
        by_address: bool = False,
    ) -> int:
        """Append rows to a campaign being created, in one commit; returns the count.

        `group_by_text`: keyed for same-text bulks. `by_provider_id`, `by_address`: the provider
        pushes statuses (by its id) or replies (by number) that must find these rows (migration 4).
        """
        now = self.clock()
        key_of = functools.cache(text_key)  # a same-text campaign has few texts for many rows
        with self.backend.transaction():
            ids = self.backend.next_ids("messages", len(messages))
            self.backend.insert_many(
                *q.NEW_MESSAGES,
                [
                    (
                        key,
                        campaign_id,
                        m.state.value,
                        key_of(m.text) if group_by_text else None,
                        m.credits,
                        m.reason,
                        m.detail,
                        now,
                        int(by_provider_id),
                    )
                    for key, m in zip(ids, messages, strict=True)
                ],
            )
            self.backend.insert_many(
                *q.NEW_CONTENTS,
                [
                    (key, m.sheet_row, m.address, dumps(m.fields), m.text, m.subject, int(by_address))
                    for key, m in zip(ids, messages, strict=True)
                ],
            )
        return len(messages)

    def finish_creation(self, campaign_id: int, columns: Sequence[str]) -> None:
        """Every row is in: the campaign can be sent."""
        with self.backend.transaction():
            self.backend.execute(q.SET_CAMPAIGN_COLUMNS, (dumps(list(columns)), self.clock(), campaign_id))
            self.set_status(campaign_id, CampaignStatus.READY)

    def update_options(self, campaign_id: int, **changes: Any) -> None:
        campaign = self.require(campaign_id)
        options = {**campaign.options, **changes}
        self.backend.execute(q.SET_CAMPAIGN_OPTIONS, (dumps(options), self.clock(), campaign_id))

    def campaign(self, campaign_id: int) -> Campaign | None:
        rows = self.backend.query(q.CAMPAIGN_BY_ID, (campaign_id,))
        return _campaign(rows[0]) if rows else None

    def require(self, campaign_id: int) -> Campaign:
        campaign = self.campaign(campaign_id)
        if campaign is None:
            raise KeyError(f"no campaign {campaign_id}")
        return campaign

    def find_campaign(self, ref: str | int) -> Campaign | None:
        """A campaign by its number, else the newest one with that name."""
        text = str(ref).strip()
        if text.isdigit():
            found = self.campaign(int(text))
            if found is not None:
                return found
        rows = self.backend.query(q.CAMPAIGNS_BY_NAME, (text,))
        return _campaign(rows[0]) if rows else None

    def campaigns(self) -> list[Campaign]:
        return [_campaign(row) for row in self.backend.query(q.ALL_CAMPAIGNS)]

    def set_status(
        self,
        campaign_id: int,
        status: CampaignStatus,
        reason: str = "",
        detail: str = "",
        resume_at: float | None = None,
    ) -> None:
        now = self.clock()
        finished = now if status in (CampaignStatus.COMPLETED, CampaignStatus.CANCELLED) else None
        heartbeat = now if status is CampaignStatus.RUNNING else None
        self.backend.execute(
            q.SET_CAMPAIGN_STATUS,
            (status.value, reason, detail, resume_at, finished, now, heartbeat, campaign_id),
        )

    def touch(self, campaign_id: int) -> None:
        """A running sender's sign of life (a stale one means the sender died)."""
        self.backend.execute(q.TOUCH_CAMPAIGN, (self.clock(), campaign_id))

    def begin_run(self, campaign_id: int) -> int:
        """Take the campaign's lease (else CampaignBusy) and mark it running; rows a dead sender left
        `sending` become `unknown`. Returns how many. `leases.release` ends the run."""
        with self.backend.transaction():
            token = self.leases.acquire(campaign_id)
            lost = self.queue.recover(campaign_id)
            self.set_status(campaign_id, CampaignStatus.RUNNING)
        self.leases.hold(campaign_id, token)
        return lost

    def delete_campaign(self, campaign_id: int) -> None:
        with self.backend.transaction():
            self.backend.execute(q.DELETE_CLAIM, (campaign_id,))  # schema 6 and older
            self.backend.execute(q.DELETE_CAMPAIGN_ANSWERS, (campaign_id,))
            self.backend.execute(q.DELETE_CAMPAIGN_EVENTS, (campaign_id,))
            self.backend.execute(q.DELETE_CAMPAIGN_CONTENTS, (campaign_id,))
            self.backend.execute(q.DELETE_CAMPAIGN_MESSAGES, (campaign_id,))
            self.backend.execute(q.DELETE_CAMPAIGN, (campaign_id,))

    # --- counts -----------------------------------------------------------------------------------
    def counts(self, campaign_id: int) -> dict[str, int]:
        """Rows per state (only states that have rows)."""
        return {state: int(n) for state, n in self.backend.query(q.COUNT_STATES, (campaign_id,))}

    def all_counts(self) -> dict[int, dict[str, int]]:
        counts: dict[int, dict[str, int]] = {}
        for campaign_id, state, n in self.backend.query(q.COUNT_ALL_STATES):
            counts.setdefault(int(campaign_id), {})[state] = int(n)
        return counts

    def pending_credits(self, campaign_id: int) -> int:
        """Credits (SMS segments, e-mails) the pending rows will cost."""
        return int(self.backend.query(q.PENDING_CREDITS, (campaign_id,))[0][0])

    def sent_since(self, provider: str, since: float) -> int:
        """Messages of `provider`'s campaigns that left at or after `since` (epoch seconds)."""
        return int(self.backend.query(q.SENT_SINCE, (since, provider))[0][0])

    def pending_texts(self, campaign_id: int) -> int:
        """Distinct rendered texts among pending rows (a same-text bulk sends one request per text)."""
        return int(self.backend.query(q.PENDING_TEXTS, (campaign_id,))[0][0])

    # --- statuses after acceptance ----------------------------------------------------------------
    def awaiting_status(
        self, campaign_id: int, after_id: int = 0, limit: int = 1000
    ) -> list[tuple[int, str, str | None]]:
        """(row id, provider id, bulk id or None) of accepted rows still waiting for a final status, in
        id order; rows accepted without an id are left out (nothing can ask for them)."""
        rows = self.backend.query(q.AWAITING_STATUS, (campaign_id, after_id, limit))
        return [(int(key), str(provider_id), bulk_id) for key, provider_id, bulk_id in rows]

    def awaiting_count(self, campaign_id: int) -> int:
        """How many rows `awaiting_status` would list: accepted, with an id to ask about."""
        return int(self.backend.query(q.AWAITING_COUNT, (campaign_id,))[0][0])

    def apply_statuses(self, updates: Iterable[StatusUpdate], provider: str | None = None) -> int:
        """Apply pushed statuses by provider id, only forward (a late "sent" never undoes "delivered").

        Only rows added `by_provider_id` (providers that push statuses) can be found by that id.
        """
        sql = q.APPLY_PUSHED if provider is None else q.APPLY_PUSHED_OF
        extra = (provider,) if provider else ()
        return self._apply(
            ((update, update.provider_id) for update in updates), sql, extra, q.REFRESH_PUSHED_CODE
        )

    def apply_polled(self, updates: Iterable[tuple[int, StatusUpdate]]) -> int:
        """Apply statuses the poller asked for, each by its row's id, only forward."""
        return self._apply(
            ((update, key) for key, update in updates), q.APPLY_POLLED, (), q.REFRESH_POLLED_CODE
        )

    def _apply(
        self, updates: Iterable[tuple[StatusUpdate, object]], sql: str, extra: tuple[str, ...], refresh: str
    ) -> int:
        now = self.clock()
        changed = 0
        with self.backend.transaction():
            for update, row in updates:
                final = now if update.state.is_final else None
                params = (
                    update.state.value,
                    update.code,
                    update.reason,
                    final,
                    now,
                    row,
                    STATE_RANK[update.state],
                )
                ids = [found[0] for found in self.backend.query(sql, params + extra)]
                if ids:
                    self.backend.insert_many(
                        *q.NEW_EVENTS,
                        [(key, now, update.state.value, update.code, update.reason) for key in ids],
                    )
                    changed += len(ids)
                elif update.code:
                    self.backend.execute(refresh, (update.code, now, row, update.state.value))
        return changed

    # --- reading rows -----------------------------------------------------------------------------
    def messages(self, campaign_id: int, states: Iterable[State] | None = None) -> Iterator[MessageRecord]:
        """Every row of a campaign (or those in `states`), in sheet order, read a page at a time."""
        wanted = frozenset(states) if states is not None else None
        chosen = [state.value for state in wanted] if wanted is not None else None
        after = 0
        while True:
            if chosen is None:
                rows = self.backend.query(q.MESSAGES_PAGE, (campaign_id, after, PAGE))
            else:
                sql = q.messages_in_states_page(len(chosen))
                rows = self.backend.query(sql, (campaign_id, *chosen, after, PAGE))
            for row in rows:
                yield _message(row)
            if len(rows) < PAGE:
                return
            after = rows[-1][0]

    def message(self, message_id: int) -> MessageRecord | None:
        rows = self.backend.query(q.MESSAGE_BY_ID, (message_id,))
        if not rows:
            return None
        return _message(rows[0])

    def history(self, message_id: int) -> list[Event]:
        """A row's steps in time order: its last send and answer (kept on the row), then logged events."""
        record = self.message(message_id)
        if record is None:
            return []
        steps = []
        if record.sent_at is not None:
            steps.append(Event(record.sent_at, State.SENDING, "", ""))
        if record.answered_at is not None and record.provider_id:
            steps.append(Event(record.answered_at, State.ACCEPTED, "", ""))
        elif record.answered_at is not None and record.state in (State.REJECTED, State.UNKNOWN):
            steps.append(Event(record.answered_at, record.state, record.error_code, record.reason))
        rows = self.backend.query(q.EVENTS_OF, (message_id,))
        logged = [Event(row[0], State(row[1]), row[2], row[3]) for row in rows]
        return sorted(steps + logged, key=lambda event: event.at)

    # --- the database -----------------------------------------------------------------------------
    def schema_version(self) -> int:
        return self.backend.schema_version()

    def close(self) -> None:
        self.leases.release_all()
        self.backend.close()


def text_key(text: str) -> int:
    """A 63-bit key of a rendered text, to group same-text bulks without indexing the texts."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big") >> 1


def _campaign(row: Row) -> Campaign:
    return Campaign(
        id=int(row[0]),
        name=row[1],
        provider=row[2],
        channel=row[3],
        template=row[4],
        subject=row[5],
        options=json.loads(row[6] or "{}"),
        columns=tuple(json.loads(row[7] or "[]")),
        source=row[8],
        status=CampaignStatus(row[9]),
        reason=row[10],
        detail=row[11],
        start_at=row[12],
        resume_at=row[13],
        created_at=row[14],
        updated_at=row[15],
        finished_at=row[16],
        heartbeat_at=row[17],
    )


def _message(row: Row) -> MessageRecord:
    return MessageRecord(
        id=int(row[0]),
        sheet_row=int(row[1]),
        address=row[2],
        fields=json.loads(row[3]),
        text=row[4],
        subject=row[5],
        state=State(row[6]),
        provider_id=row[7] or "",
        error_code=row[8],
        reason=row[9],
        detail=row[10],
        status_code=row[11],
        attempts=int(row[12]),
        sent_at=row[13],
        answered_at=row[14],
        final_at=row[15],
    )
