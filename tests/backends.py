"""The journal on both backends: SQLite in the test's folder, and PostgreSQL with a fresh database per test.

`journal` and `journal_url` are parametrized: each test that takes them runs once on
SQLite and once on PostgreSQL (marked `postgres`; skipped when MASIVO_TEST_PG_URL is not
set, as `scripts/run-tests` sets it after starting a throwaway server). Each test finds
the database at the latest schema with no rows (emptying it takes a millisecond).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from app.core.journal import Journal, open_journal

PG_URL = os.environ.get("MASIVO_TEST_PG_URL", "")
needs_postgres = pytest.mark.skipif(not PG_URL, reason="no PostgreSQL server (MASIVO_TEST_PG_URL)")
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=[pytest.mark.postgres, needs_postgres]),
]


def with_database(url: str, name: str) -> str:
    """The same server URL, for another database."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


class PgDatabases:
    """The tests' databases on the test server: one shared database emptied before each test, and
    empty databases on demand (the migrations' tests)."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.admin = psycopg.connect(url, autocommit=True)
        self.prefix = f"masivo_t{os.getpid()}"
        self.names = itertools.count(1)
        self.shared = with_database(url, f"{self.prefix}_shared")
        self._drop(self.shared)
        self.admin.execute(f"CREATE DATABASE {self.prefix}_shared TEMPLATE template0")
        open_journal(self.shared).close()  # migrated to the latest schema
        self.cleaner = psycopg.connect(self.shared, autocommit=True)
        # Deleting a few rows (foreign keys off for the moment) is far faster than a new database.
        self.cleaner.execute("SET lock_timeout = '10s'")
        self.cleaner.execute("SET session_replication_role = replica")
        tables = self.cleaner.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'"
        ).fetchall()
        sequences = self.cleaner.execute(
            "SELECT schemaname || '.' || sequencename FROM pg_sequences WHERE schemaname = 'public'"
        ).fetchall()
        self.emptying = " ".join(
            [f"DELETE FROM {table};" for (table,) in tables]
            + [f"SELECT setval('{sequence}', 1, false);" for (sequence,) in sequences]
        )

    def clean(self) -> str:
        """The shared database, emptied of every row (the schema stays)."""
        with self.cleaner.transaction():
            self.cleaner.execute(self.emptying)
        return self.shared

    def fresh(self) -> str:
        """A new, empty database (no tables at all)."""
        url = with_database(self.url, f"{self.prefix}_{next(self.names)}")
        self.admin.execute(f"CREATE DATABASE {urlsplit(url).path.lstrip('/')} TEMPLATE template0")
        return url

    def drop(self, url: str) -> None:
        assert urlsplit(url).path.lstrip("/").startswith(self.prefix)
        self._drop(url)

    def _drop(self, url: str) -> None:
        self.admin.execute(f"DROP DATABASE IF EXISTS {urlsplit(url).path.lstrip('/')} WITH (FORCE)")

    def close(self) -> None:
        self.cleaner.close()
        self._drop(self.shared)
        self.admin.close()


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    if not PG_URL:
        pytest.skip("no PostgreSQL server (MASIVO_TEST_PG_URL)")
    databases = PgDatabases(PG_URL)
    yield databases
    databases.close()


@pytest.fixture
def pg_url(pg_databases: PgDatabases) -> str:
    """A PostgreSQL database at the latest schema, with no rows."""
    return pg_databases.clean()


@pytest.fixture(params=BACKENDS)
def journal_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's journal lives: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "journal.sqlite3")
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def journal(journal_url: str) -> Iterator[Journal]:
    """A journal on each backend in turn."""
    opened = open_journal(journal_url)
    yield opened
    opened.close()


@pytest.fixture(name="journal")
def sqlite_journal(tmp_path: Path) -> Iterator[Journal]:
    """A SQLite journal only, for tests that need no second backend (the window's, the receiver's:
    conftest's `journal` runs on each backend in turn; the window on a team's PostgreSQL is
    tests/test_team_window.py). Import it to use it."""
    journal = open_journal(str(tmp_path / "journal.sqlite3"))
    yield journal
    journal.close()


@pytest.fixture(autouse=True)
def no_team_database(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own MASIVO_DATABASE_URL never reaches a test."""
    monkeypatch.delenv("MASIVO_DATABASE_URL", raising=False)
