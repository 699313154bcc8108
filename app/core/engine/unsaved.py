"""Answers a provider gave that could not be journaled because the team database was away.

They are kept in a small file of the data folder (message keys, states, provider ids and
error codes: nothing secret) until the next run of that campaign on this computer writes
them into the journal. So nothing the provider accepted goes missing, even when Masivo
is closed before the database comes back. One file per database and campaign.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from app.core.domain import State
from app.providers.base import Effect, Problem, SendResult

FOLDER = "unsaved-answers"


def _path(location: str, campaign_id: int) -> Path:
    from app.core.paths import data_dir

    digest = hashlib.sha256(location.encode()).hexdigest()[:16]
    return data_dir() / FOLDER / f"{digest}-{campaign_id}.json"


def keep(location: str, campaign_id: int, results: Sequence[SendResult]) -> Path:
    """Add `results` to the campaign's file (written whole, atomically)."""
    path = _path(location, campaign_id)
    rows = [_row(result) for result in load(location, campaign_id)] + [_row(result) for result in results]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".answers-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"location": location, "campaign": campaign_id, "results": rows}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    return path


def load(location: str, campaign_id: int) -> list[SendResult]:
    """The answers kept for this campaign of this database (none: an empty list)."""
    try:
        data = json.loads(_path(location, campaign_id).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    return [_result(row) for row in data["results"]]


def forget(location: str, campaign_id: int) -> None:
    """They are in the journal now."""
    _path(location, campaign_id).unlink(missing_ok=True)


def _row(result: SendResult) -> list[str | int | None]:
    problem = result.problem
    evidence: list[str | int | None] = (
        [problem.code, problem.effect.value, problem.reason, problem.detail] if problem else [None] * 4
    )
    return [result.key, result.state.value, result.provider_id, *evidence, result.bulk_id]


def _result(row: list[str | int | None]) -> SendResult:
    key, state, provider_id, code, effect, reason, detail = row[:7]
    bulk_id = row[7] if len(row) > 7 else None  # a file written before bulk ids were kept has none
    problem = None
    if code is not None:
        problem = Problem(str(code), Effect(str(effect)), str(reason), str(detail or ""))
    provider = None if provider_id is None else str(provider_id)
    bulk = None if bulk_id is None else str(bulk_id)
    return SendResult(int(key or 0), State(str(state)), provider, problem, bulk)
