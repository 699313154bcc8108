"""The suppression list: numbers and addresses that must never receive anything, kept in the journal.

Values arrive normalized by the caller (numbers as international digits without '+');
e-mail addresses are lower-cased here too, so that no spelling slips through.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from app.core.journal import queries as q
from app.core.journal.backend import Backend
from app.core.journal.models import SuppressionEntry


def suppression_key(value: str) -> str:
    """The form a value is kept and compared in."""
    value = value.strip()
    return value.lower() if "@" in value else value


class SuppressionList:
    """The journal's suppression list (`journal.suppression`)."""

    def __init__(self, backend: Backend, clock: Callable[[], float] = time.time) -> None:
        self.backend, self.clock = backend, clock

    def add(self, value: str, channel: str, reason: str = "") -> SuppressionEntry:
        """Add an entry; pending rows with this address will be skipped, not sent.

        A value already listed keeps its date, and its reason unless a new one is given.
        """
        key = suppression_key(value)
        self.backend.execute(q.UPSERT_SUPPRESSION, (key, channel, reason, self.clock()))
        entry = self.entry(key)
        assert entry is not None
        return entry

    def remove(self, value: str) -> bool:
        """Remove an entry; False if it was not there."""
        return self.backend.execute(q.DELETE_SUPPRESSION, (suppression_key(value),)) > 0

    def entry(self, value: str) -> SuppressionEntry | None:
        rows = self.backend.query(q.SUPPRESSION_ENTRY, (suppression_key(value),))
        return SuppressionEntry(*rows[0]) if rows else None

    def entries(self) -> list[SuppressionEntry]:
        return [SuppressionEntry(*row) for row in self.backend.query(q.SUPPRESSION_ENTRIES)]

    def values(self) -> frozenset[str]:
        """Every suppressed value, for the recipients importer."""
        return frozenset(row[0] for row in self.backend.query(q.SUPPRESSION_VALUES))
