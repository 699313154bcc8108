"""The PostgreSQL backend's own duties: where its password comes from (never shown), SQL, ids under load."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.journal import DatabaseUnavailable, Journal, NewCampaign, NewMessage, open_journal
from app.core.journal.location import display_url, keyring_account, store_password, without_password
from tests.backends import PgDatabases

PASSWORD = "pw-Secreto-42"  # the test server's role that must give one (scripts/pg_server.py)
ROLE = "masivo_password"


def test_a_url_is_shown_without_its_password_whatever_its_form() -> None:
    assert display_url("postgresql://ana:clave@db.local:5433/masivo?sslmode=require") == (
        "postgresql://ana@db.local:5433/masivo?sslmode=require"
    )
    assert (
        display_url("postgres://ana@db/masivo?password=clave&application_name=x")
        == "postgresql://ana@db/masivo"
    )
    assert display_url("postgresql://ana:cl%40ve@[::1]/m") == "postgresql://ana@::1/m"
    assert "clave" not in display_url("postgresql://ana:clave@db:nope/x")
    assert without_password("postgresql://ana:cl%40ve@db:5432/m?sslmode=require") == (
        "postgresql://ana@db:5432/m?sslmode=require",
        "cl@ve",
    )
    assert without_password("postgresql://ana@db/m") == ("postgresql://ana@db/m", "")
    assert keyring_account("postgresql://ana@db.local/masivo") == "ana@db.local:5432/masivo"


def test_an_address_libpq_cannot_read_is_one_sentence_without_its_password() -> None:
    from app.core.journal import JournalError

    with pytest.raises(JournalError, match="is not valid") as refused:
        open_journal("postgresql://ana:clave@db/masivo?opcion=mala")
    assert "clave" not in str(refused.value)


@pytest.fixture
def password_url(pg_databases: PgDatabases) -> str:
    """The shared test database, as the role that must give a password."""
    import psycopg

    admin = pg_databases.admin
    with contextlib.suppress(psycopg.errors.DuplicateObject):
        admin.execute(f"CREATE ROLE {ROLE} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
    url = pg_databases.clean()
    return url.replace("postgresql://masivo@", f"postgresql://{ROLE}@")


@pytest.mark.postgres
def test_the_password_comes_from_the_keyring_or_pgpass_and_is_never_shown(
    password_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(DatabaseUnavailable, match="password") as refused:
        open_journal(password_url)
    assert "postgresql://masivo_password@127.0.0.1" in str(refused.value)
    # The window's "Espacio de trabajo" keeps it in the OS keyring (here the tests' in-memory one).
    store_password(password_url, PASSWORD)
    opened = open_journal(password_url)
    assert opened.backend.location == display_url(password_url) and PASSWORD not in opened.backend.location
    opened.close()


@pytest.mark.postgres
def test_a_pgpass_file_and_a_password_in_the_url_work_too(
    password_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:*:*:{ROLE}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    open_journal(password_url).close()
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with_password = password_url.replace(f"{ROLE}@", f"{ROLE}:{PASSWORD}@")
    opened = open_journal(with_password)
    assert PASSWORD not in opened.backend.location
    opened.close()
    wrong = password_url.replace(f"{ROLE}@", f"{ROLE}:{PASSWORD}x@")
    with pytest.raises(DatabaseUnavailable) as refused:
        open_journal(wrong)
    assert PASSWORD not in str(refused.value)


@pytest.fixture
def pg_journal(pg_url: str) -> Iterator[Journal]:
    opened = open_journal(pg_url)
    yield opened
    opened.close()


@pytest.mark.postgres
def test_percent_signs_and_question_marks_reach_postgresql_intact(pg_journal: Journal) -> None:
    assert pg_journal.backend.query("SELECT 'a%b' || ?", ("?c",)) == [("a%b?c",)]


@pytest.mark.postgres
def test_two_machines_importing_at_once_never_share_row_ids(pg_journal: Journal, pg_url: str) -> None:
    other = open_journal(pg_url)
    campaigns = {}

    def import_rows(journal: Journal, name: str) -> None:
        campaign = campaigns[name] = journal.create_campaign(NewCampaign(name, "demo", "sms", "x"))
        for chunk in range(10):
            rows = [NewMessage(i, f"56900{chunk}{i:05d}", {}, name) for i in range(300)]
            journal.add_messages(campaign, rows)

    threads = [threading.Thread(target=import_rows, args=(journal, name))
               for journal, name in ((pg_journal, "a"), (other, "b"))]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()
    for name, campaign in campaigns.items():
        rows = list(pg_journal.messages(campaign))
        assert len(rows) == 3000 and {row.text for row in rows} == {name}


@pytest.mark.postgres
def test_a_batch_of_updates_with_gaps_and_nulls_lands_like_one_by_one(pg_journal: Journal) -> None:
    from app.core.domain import State
    from app.providers.base import Effect, Problem, SendResult

    campaign = pg_journal.create_campaign(NewCampaign("c", "demo", "sms", "x"))
    pg_journal.add_messages(campaign, [NewMessage(i, f"5690{i:05d}", {}, "x") for i in range(300)])
    keys = [m.key for m in pg_journal.queue.claim(campaign, 300).messages]
    lost = Problem("read_timeout", Effect.UNKNOWN, "answer_lost")
    results = [SendResult(k, State.ACCEPTED, f"p{k}") if k % 3 else SendResult(k, State.UNKNOWN, problem=lost)
               for k in keys]  # fmt: skip
    pg_journal.queue.record(results)
    assert pg_journal.counts(campaign) == {"accepted": 200, "unknown": 100}
    unknown = next(iter(pg_journal.messages(campaign, [State.UNKNOWN])))
    assert (unknown.provider_id, unknown.error_code, unknown.attempts) == ("", "read_timeout", 1)
    assert unknown.sent_at is not None and unknown.final_at is None
