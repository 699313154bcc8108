"""What the journal needs from a database, and the SQLite implementation of it.

The journal speaks portable SQL with `?` placeholders; a backend runs it. A
PostgreSQL backend (psycopg 3) implements the same `Backend` protocol, turning `?`
into `%s` and filling the DDL placeholders with its own types. Many rows at once go
through `insert_many` (multi-row INSERTs here, COPY on PostgreSQL) and `update_many`
(one statement run for each row).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any, ClassVar, Protocol

from app.core.journal.migrations import LATEST, MIGRATIONS
from app.core.paths import private_file

Row = tuple[Any, ...]
MAX_ROWS_PER_STATEMENT = 1000  # rows of one multi-row INSERT


class JournalError(RuntimeError):
    """The journal cannot be opened or used; the message says why and what to do."""


class Backend(Protocol):
    """A database connection the journal can run its named queries on."""

    name: str
    location: str

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int: ...

    def insert_many(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None: ...

    def update_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def insert(self, sql: str, params: Sequence[Any]) -> int: ...

    def transaction(self) -> Any: ...

    def next_ids(self, table: str, count: int) -> range: ...

    def schema_version(self) -> int: ...

    def migrate(self) -> int: ...

    def close(self) -> None: ...


class NestedTransactions:
    """`transaction()` for a backend with one connection: only the outermost one begins and commits.

    A subclass sets `_lock` (an RLock serializing its calls) and `_depth = 0`, and says how to
    `_begin`, `_commit` and `_rollback`.
    """

    _lock: threading.RLock
    _depth: int

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside commit together (nested uses join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._begin()
            self._depth = 1
            try:
                yield
            except BaseException:
                self._rollback()
                raise
            else:
                self._commit()
            finally:
                self._depth = 0

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError


def _make_private(location: str) -> None:
    """The journal file readable by its owner only; SQLite gives its -wal and -shm files the same mode."""
    if location == ":memory:" or location.startswith("file:"):
        return
    try:
        private_file(Path(location))
        for companion in (Path(location + "-wal"), Path(location + "-shm")):
            if companion.exists():
                private_file(companion)
    except OSError:  # a folder that cannot be written: SQLite says so in its own words
        pass


class SqliteBackend(NestedTransactions):
    """One SQLite file in WAL mode; safe to share between threads (calls are serialized)."""

    name = "sqlite"
    # INTEGER PRIMARY KEY is SQLite's rowid itself: no second index for either kind of key.
    DDL: ClassVar[dict[str, str]] = {
        "pk": "INTEGER PRIMARY KEY",
        "key": "INTEGER PRIMARY KEY",
        "float": "DOUBLE PRECISION",
    }

    def __init__(self, path: Path | str) -> None:
        self.location = str(path)
        _make_private(self.location)
        try:
            self._db = sqlite3.connect(
                self.location, isolation_level=None, check_same_thread=False, timeout=30
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit reaches the disk before the request it announces leaves (power loss too).
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            # Provider ids arrive in random order: a bigger page cache keeps their index's inserts cheap.
            self._db.execute("PRAGMA cache_size=-32768")
        except sqlite3.Error as exc:
            raise JournalError(f"The journal {self.location} cannot be opened: {exc}.") from None
        self._lock = threading.RLock()
        self._depth = 0
        self._max_variables = self._db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._lock:
            return self._db.execute(sql, params).rowcount

    def insert_many(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert `rows` (values of `columns`) as multi-row INSERTs: fewer calls than one a row."""
        if not rows:
            return
        per_statement = min(MAX_ROWS_PER_STATEMENT, self._max_variables // len(columns))
        one_row = "(" + ", ".join("?" * len(columns)) + ")"
        with self._lock:
            for start in range(0, len(rows), per_statement):
                part = rows[start : start + per_statement]
                values = ", ".join([one_row] * len(part))
                statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}"
                self._db.execute(statement, list(chain.from_iterable(part)))

    def update_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement (an UPDATE, an upsert) for each of `rows`."""
        with self._lock:
            self._db.executemany(sql, rows)

    def insert(self, sql: str, params: Sequence[Any]) -> int:
        """Run an INSERT ... RETURNING id and give the id."""
        with self._lock:
            row = self._db.execute(sql, params).fetchone()
            return int(row[0])

    def _begin(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self._db.execute("COMMIT")

    def _rollback(self) -> None:
        self._db.execute("ROLLBACK")

    def next_ids(self, table: str, count: int) -> range:
        """`count` fresh ids for rows of `table`; call inside a transaction (it holds the write lock)."""
        assert self._depth, "next_ids outside a transaction could hand the same ids to two writers"
        with self._lock:
            last = self._db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
            return range(int(last) + 1, int(last) + 1 + count)

    def schema_version(self) -> int:
        with self._lock:
            exists = self._db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            ).fetchone()
            if not exists:
                return 0
            row = self._db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
            return int(row[0] or 0)

    def migrate(self) -> int:
        """Apply every pending migration; returns how many were applied."""
        with self._lock:
            current = self.schema_version()
            if current > LATEST:
                raise JournalError(
                    f"The journal {self.location} was written by a newer Masivo (schema {current}): "
                    "update Masivo."
                )
            applied = 0
            for migration in MIGRATIONS:
                if migration.version <= current:
                    continue
                with self.transaction():
                    self._db.execute(
                        "CREATE TABLE IF NOT EXISTS schema_migrations "
                        "(version INTEGER PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)"
                    )
                    for statement in migration.statements:
                        self._db.execute(statement.format(**self.DDL))
                    self._db.execute(
                        "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                        (migration.version, time.time()),
                    )
                applied += 1
            return applied

    def close(self) -> None:
        with self._lock:
            self._db.close()
