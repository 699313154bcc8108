"""Shared by the adapters' secret tests: run calls, and prove no secret reached a log or an exception."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.providers.base import ProviderFailure


def failures_of(calls: list[Callable[[], object]]) -> list[ProviderFailure]:
    caught = []
    for call in calls:
        try:
            call()
        except ProviderFailure as failure:
            caught.append(failure)
    return caught


def exception_texts(failure: BaseException) -> list[str]:
    """The texts a traceback would show: the chain of causes, and contexts unless suppressed."""
    seen: BaseException | None = failure
    texts = []
    while seen is not None:
        texts += [str(seen), repr(seen)]
        seen = seen.__cause__ or (None if seen.__suppress_context__ else seen.__context__)
    return texts


def assert_clean(secret: str, caplog: pytest.LogCaptureFixture, failures: list[ProviderFailure]) -> None:
    """Every record as any handler sees it (urllib3's are masked at their logger), and every exception."""
    assert caplog.records, "the test must have logged something to prove anything"
    for record in caplog.records:
        message = record.getMessage()
        assert secret not in message, f"{record.name} logged the secret: {message}"
    for failure in failures:
        for text in exception_texts(failure):
            assert secret not in text, f"an exception shows the secret: {text}"
