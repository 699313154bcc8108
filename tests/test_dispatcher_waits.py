"""The dispatcher's waits and failures, with a fake clock: backoff, lost answers, windows, schedules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

import pytest

from app.core.domain import CampaignStatus, State
from app.core.engine.pacing import Backoff
from app.core.journal import Journal
from app.providers.base import Effect, OutgoingMessage, Problem, ProviderFailure, SendingWindow, SendResult
from tests.dispatcher_support import BOGOTA, BULK, NOON, FakeClock, Scripted, make_campaign, run


def test_retry_backs_off_then_pauses_when_the_provider_stays_down(journal: Journal) -> None:
    campaign = make_campaign(journal, 5)
    clock = FakeClock()
    failures = iter([True, True, False])

    def flaky(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
        if next(failures, False):
            raise ProviderFailure(Problem("http_500", Effect.RETRY, "provider_unavailable"))
        return [SendResult(m.key, State.ACCEPTED, str(m.key)) for m in batch]

    provider = Scripted(BULK, clock, answer=flaky)
    result, events = run(journal, campaign, provider, backoff=Backoff(first=5, attempts=3))
    assert result.status is CampaignStatus.COMPLETED and clock.sleeps == [5, 10]
    assert any(e.activity == "waiting" and e.reason == "provider_unavailable" for e in events)
    assert journal.counts(campaign) == {"accepted": 5}

    down = make_campaign(journal, 5)

    def always_down(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
        raise ProviderFailure(Problem("http_503", Effect.RETRY, "provider_unavailable"))

    provider = Scripted(BULK, FakeClock(), answer=always_down)
    result, _ = run(journal, down, provider, backoff=Backoff(first=1, attempts=2))
    assert (result.status, result.reason) == (CampaignStatus.PAUSED, "provider_unavailable")
    assert journal.counts(down) == {"pending": 5} and len(provider.requests) == 3


def test_lost_answers_make_rows_unknown_and_pause_when_they_repeat(journal: Journal) -> None:
    campaign = make_campaign(journal, 50)

    def lost(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
        raise ProviderFailure(Problem("read_timeout", Effect.UNKNOWN, "answer_lost"))

    provider = Scripted(BULK, FakeClock(), answer=lost)
    result, _ = run(journal, campaign, provider, batch_size=10, unknown_limit=3)
    assert (result.status, result.reason) == (CampaignStatus.PAUSED, "answer_lost")
    assert journal.counts(campaign) == {"unknown": 30, "pending": 20}
    provider.answer = None
    result, _ = run(journal, campaign, provider, batch_size=10)
    assert result.status is CampaignStatus.COMPLETED
    assert journal.counts(campaign) == {"unknown": 30, "accepted": 20}  # unknown rows are never re-sent
    assert len(provider.sent_keys()) == 50


def test_the_campaign_waits_for_the_sending_window(journal: Journal) -> None:
    window = SendingWindow("America/Bogota", dt.time(8), dt.time(21))
    caps = replace(BULK, window=window)
    night = dt.datetime(2025, 3, 10, 22, 0, tzinfo=BOGOTA).timestamp()
    campaign = make_campaign(journal, 3)
    provider = Scripted(caps, FakeClock(night))
    result, events = run(journal, campaign, provider)
    opens = dt.datetime(2025, 3, 11, 8, 0, tzinfo=BOGOTA).timestamp()
    assert result.status is CampaignStatus.COMPLETED and provider.requests[0][0] == opens
    waiting = [e for e in events if e.activity == "waiting"]
    assert waiting[0].reason == "outside_window" and waiting[0].resume_at == opens


def test_outside_window_answer_waits_and_sends_the_rows_again(journal: Journal) -> None:
    campaign = make_campaign(journal, 3)
    answers = iter([True])

    def closed_once(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
        if next(answers, False):
            raise ProviderFailure(Problem("-2", Effect.WAIT_WINDOW, "outside_window"))
        return [SendResult(m.key, State.ACCEPTED, str(m.key)) for m in batch]

    clock = FakeClock()
    provider = Scripted(BULK, clock, answer=closed_once)
    result, _ = run(journal, campaign, provider)
    assert result.status is CampaignStatus.COMPLETED and sum(clock.sleeps) == 300.0
    assert journal.counts(campaign) == {"accepted": 3}


def test_a_scheduled_campaign_waits_unless_the_provider_schedules(journal: Journal) -> None:
    later = NOON + 3600
    campaign = make_campaign(journal, 2, start_at=later)
    clock = FakeClock()
    provider = Scripted(BULK, clock)
    result, events = run(journal, campaign, provider)
    assert provider.requests[0][0] == later and result.status is CampaignStatus.COMPLETED
    assert any(e.reason == "scheduled" and e.resume_at == later for e in events)
    scheduled = make_campaign(journal, 2, start_at=later)
    provider = Scripted(replace(BULK, schedules=True), FakeClock())
    run(journal, scheduled, provider)
    assert provider.requests[0][0] == NOON
    assert provider.options[0].deliver_at == dt.datetime.fromtimestamp(later, dt.UTC)


@pytest.mark.logs_errors
def test_an_unexpected_error_fails_the_run_and_the_batch_is_unknown(journal: Journal) -> None:
    campaign = make_campaign(journal, 5)

    def broken(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
        raise RuntimeError("adapter bug")

    provider = Scripted(BULK, FakeClock(), answer=broken)
    result, _ = run(journal, campaign, provider)
    assert (result.status, result.reason) == (CampaignStatus.FAILED, "internal_error")
    assert journal.counts(campaign) == {"unknown": 5}
