"""`masivo db info|upgrade` and the migrations from the first schema, on both backends."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.domain import CampaignStatus
from app.core.journal import LATEST, Journal, JournalError, NewCampaign, open_journal
from app.core.journal.migrations import MIGRATIONS
from tests.backends import BACKENDS, PgDatabases
from tests.cli_support import masivo


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all: a new SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "team" / "journal.sqlite3")
        return
    databases: PgDatabases = request.getfixturevalue("pg_databases")
    url = databases.fresh()
    yield url
    databases.drop(url)


def first_schema(url: str) -> None:
    """The journal as the first Masivo left it: migration 1 only, with a campaign half sent."""
    journal = open_journal(url, migrate=False)
    backend: Any = journal.backend
    with backend.transaction():
        backend.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at "
                        "DOUBLE PRECISION NOT NULL)")  # fmt: skip
        for statement in MIGRATIONS[0].statements:
            backend.execute(statement.format(**backend.DDL))
        backend.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (1, ?)", (time.time(),))
    campaign = journal.create_campaign(NewCampaign("antigua", "demo", "sms", "Hola"))
    with backend.transaction():  # rows as the first schema had them (today's INSERTs name newer columns)
        for i in range(4):
            backend.execute("INSERT INTO messages (id, campaign_id, state, updated_at) "
                            "VALUES (?, ?, 'pending', 0)", (i + 1, campaign))  # fmt: skip
            backend.execute("INSERT INTO message_contents (message_id, sheet_row, address, fields, text) "
                            "VALUES (?, ?, ?, '{}', 'Hola')", (i + 1, i + 2, f"5691000000{i}"))  # fmt: skip
    journal.finish_creation(campaign, ["celular"])
    ids = [row[0] for row in backend.query("SELECT id FROM messages ORDER BY id LIMIT 2")]
    # The old Masivo died with two rows in flight (its claim, written as it wrote them).
    claim = "INSERT INTO claims (campaign_id, ids, at) VALUES (?, ?, ?)"
    backend.execute(claim, (campaign, json.dumps(ids), 1.0))
    journal.suppression.add("56910000003", "sms", "BAJA")
    journal.close()


def test_upgrading_from_the_first_schema_keeps_every_row(
    empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_schema(empty_url)
    monkeypatch.setenv("MASIVO_DATABASE_URL", empty_url)
    code, info = masivo("db", "info", "--json")
    assert code == 0 and info["schema_version"] == 1 and info["latest_version"] == LATEST
    code, done = masivo("db", "upgrade", "--json")
    assert code == 0 and (done["from_version"], done["schema_version"]) == (1, LATEST)
    assert done["applied"] == LATEST - 1
    if info["backend"] == "sqlite":  # a copy of the old file, taken before anything changed
        backup = Path(done["backup"])
        assert backup.exists() and open_journal(str(backup), migrate=False).schema_version() == 1
    else:
        assert done["backup"] is None
    journal = open_journal(empty_url)
    (campaign,) = journal.campaigns()
    # The old schema's rows in flight are listed in its claim (pending on disk) until the campaign is
    # opened to send again: then they are unknown, never sent again by themselves.
    assert journal.counts(campaign.id) == {"pending": 4}
    assert journal.begin_run(campaign.id) == 2  # the new schema's lease, and the old rows in flight
    assert journal.counts(campaign.id) == {"unknown": 2, "pending": 2}
    assert journal.require(campaign.id).status is CampaignStatus.RUNNING
    assert [m.to for m in journal.queue.claim(campaign.id, 5).messages] == ["56910000002"]
    journal.close()
    assert masivo("db", "upgrade", "--json")[1]["applied"] == 0


def test_db_info_of_a_new_data_folder_creates_nothing(masivo_home: Path) -> None:
    code, info = masivo("db", "info", "--json")
    assert code == 0 and info == {"backend": "sqlite", "schema_version": 0, "latest_version": LATEST,
                                  "location": str(masivo_home / "journal.sqlite3")}  # fmt: skip
    assert not (masivo_home / "journal.sqlite3").exists()


@pytest.mark.postgres
def test_db_info_shows_the_team_database_without_its_password(
    pg_url: str, masivo_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_password = pg_url.replace("masivo@", "masivo:no-la-muestres@") + "?sslmode=disable"
    monkeypatch.setenv("MASIVO_DATABASE_URL", with_password)
    code, info = masivo("db", "info", "--json")
    assert code == 0 and info["backend"] == "postgresql" and info["schema_version"] == LATEST
    assert info["location"] == pg_url + "?sslmode=disable"
    code, text = masivo("db", "info")
    assert "PostgreSQL" in text and "no-la-muestres" not in text
    unreachable = "postgresql://masivo:no-la-muestres@127.0.0.1:1/masivo"
    monkeypatch.setenv("MASIVO_DATABASE_URL", unreachable)
    assert masivo("db", "info")[0] == 2
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "no-la-muestres" not in err and "Traceback" not in err
    logs = "".join(p.read_text() for p in (masivo_home / "logs").glob("*"))
    assert "no-la-muestres" not in logs


def test_a_database_written_by_a_newer_masivo_is_refused(journal: Journal, journal_url: str) -> None:
    newer = (LATEST + 1,)
    journal.backend.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)", newer)
    try:
        with pytest.raises(JournalError, match="newer Masivo"):
            open_journal(journal_url)
    finally:
        journal.backend.execute("DELETE FROM schema_migrations WHERE version = ?", newer)
