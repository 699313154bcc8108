"""`masivo db info|upgrade`: which database holds the journal (SQLite or a team's PostgreSQL), its schema.

`info` never changes anything (and never creates the SQLite file); `upgrade` applies the
pending migrations, on SQLite after copying the file beside it. The location is shown
without any password, whatever form the URL came in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any, TextIO

from app.commands._provider import CommandError, emit
from app.commands.texts import TEXTS
from app.core.journal import LATEST, Journal, JournalError, open_journal
from app.core.journal.location import configured_url, is_postgres
from app.core.paths import journal_path
from app.core.wording import word


def run(args: argparse.Namespace, out: TextIO) -> int:
    return info(args, out) if args.action == "info" else upgrade(args, out)


def info(args: argparse.Namespace, out: TextIO) -> int:
    url = configured_url()
    if not is_postgres(url) and not _sqlite_path(url).exists():
        data = {"backend": "sqlite", "schema_version": 0, "location": str(_sqlite_path(url))}
    else:
        journal = _open(url)
        try:
            data = _describe(journal)
        finally:
            journal.close()
    data["latest_version"] = LATEST
    emit(out, args, data, _sentence(data))
    return 0


def upgrade(args: argparse.Namespace, out: TextIO) -> int:
    url = configured_url()
    journal = _open(url)
    try:
        before = journal.schema_version()
        backup = None
        if journal.backend.name == "sqlite" and 0 < before < LATEST:
            backup = _backup(journal, before)
        try:
            applied = journal.backend.migrate()
        except JournalError as exc:
            raise CommandError(str(exc), 2) from None
        data: dict[str, Any] = {**_describe(journal), "from_version": before, "applied": applied,
                                "backup": str(backup) if backup else None}  # fmt: skip
    finally:
        journal.close()
    text = word(
        TEXTS, "schema_upgraded", before=before, schema_version=data["schema_version"], applied=applied
    )
    if backup:
        text += "\n" + word(TEXTS, "backup_copy", backup=backup)
    emit(out, args, data, text)
    return 0


def _open(url: str) -> Journal:
    try:
        return open_journal(url or "", migrate=False)
    except JournalError as exc:
        raise CommandError(str(exc), 2) from None


def _describe(journal: Journal) -> dict[str, Any]:
    return {
        "backend": journal.backend.name,
        "schema_version": journal.schema_version(),
        "location": journal.backend.location,  # no password: see app/core/journal/location.py
    }


def _sentence(data: dict[str, Any]) -> str:
    name = "PostgreSQL" if data["backend"] == "postgresql" else "SQLite"
    text = word(
        TEXTS, "database_info", name=name, location=data["location"], schema_version=data["schema_version"]
    )
    if 0 < data["schema_version"] < LATEST:
        text += "\n" + word(TEXTS, "migrations_pending", latest=LATEST)
    return text


def _sqlite_path(url: str) -> Path:
    if not url:
        return journal_path()
    return Path(url.removeprefix("sqlite:///").removeprefix("sqlite://"))


def _backup(journal: Journal, version: int) -> Path:
    """A consistent copy of the SQLite journal beside it (SQLite's online backup, safe while others write)."""
    source = Path(journal.backend.location)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.name}.schema{version}-{stamp}.bak")
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target
