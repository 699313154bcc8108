"""One thread that stores incoming events; the requests that arrive together commit together.

A request hands its event to `submit` and waits; the writer takes every event waiting
(up to `max_batch`), stores them in one transaction, and only then releases their
requests, which answer 2xx. While it commits, the next requests queue up and form the
next group: one fsync serves many requests, and none is answered before its commit.
If a group fails, its events are stored one by one, so one bad event fails alone.
Between groups, updates that came before their message's answer are applied again.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

from app.core.journal.inbox import Inbox
from app.core.journal.inbox_models import Incoming, Stored

log = logging.getLogger(__name__)

MAX_BATCH = 500
PENDING_EVERY = 5.0  # seconds between passes over updates that came before their message's answer


class WriterClosed(RuntimeError):
    """The writer has stopped: the event was not stored (the provider will send it again)."""


@dataclass
class _Item:
    event: Incoming
    done: Future[Stored] = field(default_factory=Future)


_STOP = object()


class GroupWriter:
    """Stores events on its own thread, one commit per group; `submit` returns once its event is stored."""

    def __init__(
        self,
        inbox: Inbox,
        *,
        max_batch: int = MAX_BATCH,
        on_stored: Callable[[Sequence[Stored]], None] | None = None,
        pending_every: float = PENDING_EVERY,
    ) -> None:
        self.inbox = inbox
        self.max_batch = max_batch
        self.on_stored = on_stored
        self.pending_every = pending_every
        self.stored = 0  # events stored (repeats excluded)
        self.commits = 0
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="webhook-writer", daemon=True)
        self._last_pending = time.monotonic()

    def start(self) -> None:
        self._thread.start()

    def submit(self, event: Incoming, timeout: float | None = None) -> Stored:
        """Store `event` and wait for the commit; raises WriterClosed, TimeoutError or the storage error."""
        item = _Item(event)
        with self._lock:  # nothing is queued behind the stop mark
            if self._closed:
                raise WriterClosed("the receiver is stopping")
            self._queue.put(item)
        return item.done.result(timeout)

    def close(self, timeout: float | None = None) -> None:
        """Store what was submitted, then stop the thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(_STOP)
        if self._thread.is_alive():
            self._thread.join(timeout)

    # --- the writer thread ------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            try:
                first = self._queue.get(timeout=self.pending_every)
            except queue.Empty:
                self._apply_pending()
                continue
            if first is _STOP:
                return
            batch, stopping = self._group(first)
            self._commit(batch)
            if time.monotonic() - self._last_pending >= self.pending_every:
                self._apply_pending()
            if stopping:
                return

    def _group(self, first: object) -> tuple[list[_Item], bool]:
        """The first item and everything already waiting behind it, up to `max_batch`."""
        assert isinstance(first, _Item)
        batch = [first]
        while len(batch) < self.max_batch:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return batch, False
            if item is _STOP:
                return batch, True
            assert isinstance(item, _Item)
            batch.append(item)
        return batch, False

    def _commit(self, batch: list[_Item]) -> None:
        try:
            outcomes = self.inbox.store([item.event for item in batch])
        except Exception as exc:
            if len(batch) == 1:
                log.error("webhook event not stored: %s", type(exc).__name__)
                batch[0].done.set_exception(exc)
                return
            log.warning("a group of %d webhook events failed (%s); storing them one by one",
                        len(batch), type(exc).__name__)  # fmt: skip
            for item in batch:
                self._commit([item])
            return
        self.commits += 1
        self.stored += sum(1 for outcome in outcomes if outcome.new)
        for item, outcome in zip(batch, outcomes, strict=True):
            item.done.set_result(outcome)
        if self.on_stored is not None:
            try:
                self.on_stored(outcomes)
            except Exception:  # a listener's failure must not stop the storing
                log.exception("webhook listener failed")

    def _apply_pending(self) -> None:
        self._last_pending = time.monotonic()
        try:
            applied = self.inbox.apply_pending()
        except Exception as exc:
            log.warning("pending status updates not applied: %s", type(exc).__name__)
            return
        if applied:
            log.info("%d status updates applied after their messages' answers", applied)
