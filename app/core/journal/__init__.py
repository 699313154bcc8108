"""The journal: the one store of campaigns, recipient rows, their history and the suppression list.

`open_journal()` opens the SQLite file in the data folder (creating and upgrading
it), or the team's PostgreSQL database the user chose, behind the same `Journal` methods.
"""

from __future__ import annotations

from pathlib import Path

from app.core.journal.backend import Backend, JournalError, SqliteBackend
from app.core.journal.errors import CampaignBusy, DatabaseUnavailable, Holder, LeaseLost
from app.core.journal.journal import Journal, text_key
from app.core.journal.migrations import LATEST
from app.core.journal.models import (
    Campaign,
    Claim,
    Event,
    MessageRecord,
    NewCampaign,
    NewMessage,
    SuppressionEntry,
)
from app.core.journal.suppression import suppression_key

__all__ = [
    "LATEST",
    "Backend",
    "Campaign",
    "CampaignBusy",
    "Claim",
    "DatabaseUnavailable",
    "Event",
    "Holder",
    "Journal",
    "JournalError",
    "LeaseLost",
    "MessageRecord",
    "NewCampaign",
    "NewMessage",
    "SqliteBackend",
    "SuppressionEntry",
    "open_journal",
    "suppression_key",
    "text_key",
]


def open_journal(url: str | None = None, *, migrate: bool = True) -> Journal:
    """The journal at `url`: a file path, `sqlite:///path` or `postgresql://...`.

    None: the database the user chose (`MASIVO_DATABASE_URL`, else the setting `database_url`),
    else the data folder's SQLite file; "" is always the data folder's SQLite file.
    """
    if url is None:
        from app.core.journal.location import configured_url

        url = configured_url()
    if not url.strip():
        from app.core.paths import journal_path

        backend: Backend = SqliteBackend(journal_path())
    elif url.startswith(("postgresql://", "postgres://")):
        from app.core.journal.postgres import PostgresBackend

        backend = PostgresBackend(url)
    else:
        path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        backend = SqliteBackend(path)
    if migrate:
        try:
            backend.migrate()
        except BaseException:
            backend.close()  # a journal it refuses (a newer Masivo's) leaves no connection open
            raise
    return Journal(backend)
