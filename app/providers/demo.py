"""A built-in simulator, so that a new user can run a whole campaign with no account and no network.

It behaves like a bulk provider: it accepts SMS and e-mail, keeps a balance, assigns
ids, and moves messages to delivered or undelivered a few seconds later with a small
failure rate. Statuses are derived from the id itself (acceptance time and a hash),
so they survive a restart of the app and agree between processes.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
import time
from collections.abc import Callable, Sequence

from app.core.domain import Channel, State
from app.providers.base import (
    Balance,
    Capabilities,
    Credentials,
    Effect,
    OutgoingMessage,
    Problem,
    ProviderFailure,
    SendOptions,
    SendResult,
    StatusUpdate,
)
from app.providers.http import HttpClient

CAPABILITIES = Capabilities(
    id="demo",
    name="Demo (simulador)",
    channels=frozenset({Channel.SMS, Channel.EMAIL}),
    default_base_url="demo://local",
    credentials=(),
    bulk_size=1000,
    max_length=1600,
    has_status=True,
    has_balance=True,
    status_interval=0.0,
)

STARTING_BALANCE = 1_000_000
DELIVERY_SECONDS = 3.0  # how long a message stays `accepted` before its final state
FAILURE_PERCENT = 3  # of messages that end undelivered (SMS) or bounced (e-mail)
INVALID_PREFIX = "999"  # numbers starting with this are refused, to show a rejection


class DemoProvider:
    """The simulator; `clock` is injectable so tests do not wait for deliveries."""

    capabilities = CAPABILITIES

    def __init__(self, clock: Callable[[], float] = time.time, balance: int = STARTING_BALANCE) -> None:
        self.clock = clock
        self._balance = {Channel.SMS: balance, Channel.EMAIL: balance}
        self._serial = itertools.count(1)
        self._lock = threading.Lock()

    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        now_ms = int(self.clock() * 1000)
        results = []
        with self._lock:
            for message in batch:
                if options.channel is Channel.SMS and message.to.startswith(INVALID_PREFIX):
                    problem = Problem("invalid", Effect.SKIP, "invalid_number")
                    results.append(SendResult(message.key, State.REJECTED, problem=problem))
                    continue
                if self._balance[options.channel] <= 0:
                    raise ProviderFailure(Problem("no_balance", Effect.STOP, "no_balance"))
                self._balance[options.channel] -= 1
                provider_id = f"{options.channel.value}-{now_ms}-{next(self._serial)}-{message.key}"
                results.append(SendResult(message.key, State.ACCEPTED, provider_id))
        return results

    def statuses(self, provider_ids: Sequence[str], channel: Channel) -> list[StatusUpdate]:
        now = self.clock()
        return [update for update in (self._status(pid, now) for pid in provider_ids) if update]

    def _status(self, provider_id: str, now: float) -> StatusUpdate | None:
        try:
            channel, accepted_ms, _ = provider_id.split("-", 2)
        except ValueError:
            return None
        if now - int(accepted_ms) / 1000 < DELIVERY_SECONDS:
            return StatusUpdate(provider_id, State.ACCEPTED, "queued")
        fails = hashlib.blake2b(provider_id.encode(), digest_size=2).digest()[0] % 100 < FAILURE_PERCENT
        if channel == Channel.EMAIL.value:
            return StatusUpdate(provider_id, State.BOUNCED if fails else State.DELIVERED)
        return StatusUpdate(provider_id, State.UNDELIVERED if fails else State.DELIVERED)

    def balance(self) -> Balance:
        with self._lock:
            return Balance(sms=self._balance[Channel.SMS], email=self._balance[Channel.EMAIL])

    def test_credentials(self) -> Balance:
        return self.balance()

    def close(self) -> None:
        pass


def create(credentials: Credentials, client: HttpClient) -> DemoProvider:
    return DemoProvider()
