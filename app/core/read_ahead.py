"""The journal's work beside a campaign's requests (the dispatcher's helper thread).

While a claim's requests are in flight, one thread writes the answers that claim logged
to their rows and reads the rows the next claim will take (`Journal.next_rows`): a
thousand row updates cost more than the request itself. The rows read stand only while
the sender moves no rows and waits no longer than a moment (it says so with `drop`).
Whatever the thread could not do, the next claim does itself: a logged record stays in
the journal until it is written.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from app.core.journal import Journal
from app.core.journal.backend import Row
from app.core.journal.models import Claim

log = logging.getLogger(__name__)


class ReadAhead:
    """One campaign's helper thread, for the length of a `with` block (a run)."""

    def __init__(self, journal: Journal, campaign_id: int) -> None:
        self.journal, self.campaign_id = journal, campaign_id
        self._executor: ThreadPoolExecutor | None = None
        self._next: Future[list[Row]] | None = None  # the next claim's rows, read during the requests
        self._holds = False  # nothing moved rows since they were read

    def __enter__(self) -> ReadAhead:
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=f"campaign-{self.campaign_id}-journal")
        return self

    def __exit__(self, *exc: object) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown()

    def start(self, claim: Claim, size: int, same_text: bool) -> None:
        """While the claim's requests are in flight: write the answers it logged, read the next rows."""
        assert self._executor is not None, "ReadAhead.start outside its `with` block"
        leaving = frozenset(message.key for message in claim.messages)

        def behind() -> list[Row]:
            if claim.logged is not None:
                self.journal.write_logged(self.campaign_id, claim.logged)
            return self.journal.next_rows(self.campaign_id, size, same_text=same_text, leaving=leaving)

        self._next, self._holds = self._executor.submit(behind), True

    def drop(self) -> None:
        """Rows moved, or time passed (the suppression list may change): the next claim reads afresh."""
        self._holds = False

    def rows(self) -> list[Row] | None:
        """The rows read during the last requests, if they still hold; waits for that work."""
        ahead, self._next = self._next, None
        if ahead is None:
            return None
        try:
            rows = ahead.result()
        except Exception as exc:  # a lost database, say: the claim meets it again and says so
            log.warning("campaign %d: the journal's work beside requests failed: %r", self.campaign_id, exc)
            return None
        return rows if rows and self._holds else None
