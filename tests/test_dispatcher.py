"""The dispatcher's rules, with a fake clock and scripted providers: order, pacing, controls, balance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from app.core.domain import CampaignStatus, Channel, State
from app.core.engine.answers import failed_request, read_answer
from app.core.engine.dispatcher import Dispatcher
from app.core.engine.pacing import Pace
from app.core.engine.progress import Controls
from app.core.journal import Journal
from app.providers import demo
from app.providers.base import (
    Balance,
    Capabilities,
    Effect,
    OutgoingMessage,
    Problem,
    SendOptions,
    SendResult,
)
from tests.dispatcher_support import BULK, NOON, FakeClock, Scripted, make_campaign, run


def test_every_row_is_sent_once_with_its_text(journal: Journal) -> None:
    campaign = make_campaign(journal, 2500)
    provider = Scripted(BULK, FakeClock())
    result, events = run(journal, campaign, provider)
    assert result.status is CampaignStatus.COMPLETED
    assert [len(batch) for _, batch in provider.requests] == [1000, 1000, 500]
    keys = provider.sent_keys()
    assert len(keys) == len(set(keys)) == 2500
    texts = {m.to: m.text for _, batch in provider.requests for m in batch}
    assert texts["56910000009"] == "Hola N2"
    assert journal.counts(campaign) == {"accepted": 2500}
    assert events[-1].activity == "completed" and events[-1].done == events[-1].total == 2500


@pytest.mark.parametrize("bulk_size", [1, 1000])
def test_a_row_is_sending_only_while_its_own_request_is_on_its_way(journal: Journal, bulk_size: int) -> None:
    """What a crash at any moment may leave `unknown`: the rows of the request in flight, no more."""
    campaign = make_campaign(journal, 2500 if bulk_size > 1 else 40)
    seen: list[tuple[int, dict[str, int]]] = []

    def answer(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
        seen.append((len(batch), journal.counts(campaign)))
        return [SendResult(m.key, State.ACCEPTED, f"id-{m.key}") for m in batch]

    provider = Scripted(replace(BULK, bulk_size=bulk_size), FakeClock(), answer)
    result, _ = run(journal, campaign, provider)
    assert result.status is CampaignStatus.COMPLETED
    for size, counts in seen:
        assert counts["sending"] == size, seen  # every earlier answer is journaled, no later row claimed
    assert journal.counts(campaign) == {"accepted": 2500 if bulk_size > 1 else 40}


def test_pacing_follows_the_provider_with_a_fake_clock(journal: Journal) -> None:
    caps = replace(BULK, same_text_bulk=True, min_interval=2.0, single_interval=0.1)
    campaign = make_campaign(journal, 2500, text="Oferta para todos")
    provider = Scripted(caps, FakeClock())
    run(journal, campaign, provider, pace=Pace.for_provider(caps))
    starts = [at - NOON for at, _ in provider.requests]
    assert starts == pytest.approx([0.0, 2.0, 4.0])  # "2 s between blocks of 1,000"
    # Personalized texts go one number a request, at the single-message pace.
    personal = make_campaign(journal, 5, text="Hola {celular}")
    provider = Scripted(caps, FakeClock())
    run(journal, personal, provider, pace=Pace.for_provider(caps))
    assert [len(b) for _, b in provider.requests] == [1] * 5
    assert [at - NOON for at, _ in provider.requests] == pytest.approx([0.0, 0.1, 0.2, 0.3, 0.4])


def test_same_text_bulks_group_rows_by_rendered_text(journal: Journal) -> None:
    caps = replace(BULK, same_text_bulk=True)
    campaign = make_campaign(journal, 70, text="Hola {nombre}", provider="itcloud")
    provider = Scripted(caps, FakeClock())
    run(journal, campaign, provider)
    assert len(provider.requests) == 7
    for _, batch in provider.requests:
        assert len({m.text for m in batch}) == 1 and len(batch) == 10


def test_pause_takes_effect_before_the_next_request_and_resume_finishes(journal: Journal) -> None:
    campaign = make_campaign(journal, 3000)
    controls = Controls()
    provider = Scripted(BULK, FakeClock())
    first = provider.send

    def pause_on_second(batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        if len(provider.requests) == 1:
            controls.pause()
        return first(batch, options)

    provider.send = pause_on_second  # type: ignore[method-assign]
    result, events = run(journal, campaign, provider, controls=controls)
    assert (result.status, result.reason) == (CampaignStatus.PAUSED, "paused_by_user")
    assert len(provider.requests) == 2 and journal.counts(campaign) == {"accepted": 2000, "pending": 1000}
    assert events[-1].activity == "paused"
    controls.clear()
    result, _ = run(journal, campaign, provider, controls=controls)
    assert result.status is CampaignStatus.COMPLETED
    assert (
        sorted(provider.sent_keys()) == sorted(set(provider.sent_keys()))
        and len(provider.sent_keys()) == 3000
    )


def test_cancel_stops_for_good(journal: Journal) -> None:
    campaign = make_campaign(journal, 10)
    controls = Controls()
    controls.cancel()
    provider = Scripted(BULK, FakeClock())
    result, _ = run(journal, campaign, provider, controls=controls)
    assert result.status is CampaignStatus.CANCELLED and provider.requests == []
    again, _ = run(journal, campaign, provider)
    assert again.status is CampaignStatus.CANCELLED and provider.requests == []


def test_no_balance_mid_batch_pauses_and_resume_sends_the_rest_once(journal: Journal) -> None:
    campaign = make_campaign(journal, 2500)
    provider = Scripted(BULK, FakeClock(), credits=1500)
    result, events = run(journal, campaign, provider)
    assert (result.status, result.reason) == (CampaignStatus.PAUSED, "no_balance")
    assert journal.counts(campaign) == {"accepted": 1500, "pending": 1000}
    assert any(e.warning == "low_balance" for e in events) and events[-1].balance == Balance(sms=0)
    provider.credits = 5000  # the user tops up
    result, _ = run(journal, campaign, provider)
    assert result.status is CampaignStatus.COMPLETED
    accepted = [m.key for _, b in provider.requests for m in b]
    assert journal.counts(campaign) == {"accepted": 2500}
    assert len(set(accepted)) == 2500  # rows refused for balance were re-sent, none twice accepted


def test_rows_suppressed_after_creation_are_skipped(journal: Journal) -> None:
    campaign = make_campaign(journal, 5)
    journal.suppression.add("56910000002", "sms", "BAJA")
    provider = Scripted(BULK, FakeClock())
    result, _ = run(journal, campaign, provider)
    assert "56910000002" not in [m.to for _, b in provider.requests for m in b]
    assert result.counts == {"accepted": 4, "skipped": 1}


def test_rows_left_sending_by_a_crash_become_unknown_and_are_not_sent(journal: Journal) -> None:
    campaign = make_campaign(journal, 30)
    journal.queue.claim(campaign, 10)  # the process died right after this commit
    provider = Scripted(BULK, FakeClock())
    result, _ = run(journal, campaign, provider)
    assert result.counts == {"unknown": 10, "accepted": 20}
    assert len(provider.sent_keys()) == 20


def test_a_number_suppressed_during_a_pacing_wait_is_not_sent(journal: Journal) -> None:
    """A paced send reads its next rows right before their claim, not while the last request was out."""
    caps = replace(BULK, min_interval=2.0)
    campaign = make_campaign(journal, 2500)
    late = "56910001500"  # in the second block of 1,000

    class OptOutDuringTheWait(FakeClock):
        def sleep(self, seconds: float) -> None:
            journal.suppression.add(late, "sms", "BAJA")  # a STOP reply arrives meanwhile
            super().sleep(seconds)

    provider = Scripted(caps, OptOutDuringTheWait())
    result, _ = run(journal, campaign, provider, pace=Pace.for_provider(caps))
    assert late not in [m.to for _, batch in provider.requests for m in batch]
    assert result.counts == {"accepted": 2499, "skipped": 1}


def test_one_message_providers_journal_small_groups_and_release_on_pause(journal: Journal) -> None:
    caps = Capabilities("connecta", "One", frozenset({Channel.SMS}), "x://", ())
    campaign = make_campaign(journal, 100, provider="connecta")
    controls = Controls()
    provider = Scripted(caps, FakeClock())
    first = provider.send

    def pause_at_40(batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        if len(provider.requests) == 39:
            controls.pause()
        return first(batch, options)

    provider.send = pause_at_40  # type: ignore[method-assign]
    result, _ = run(journal, campaign, provider, controls=controls)
    assert result.status is CampaignStatus.PAUSED and len(provider.requests) == 40
    assert journal.counts(campaign) == {"accepted": 40, "pending": 60}


def test_demo_provider_runs_a_whole_campaign(journal: Journal) -> None:
    campaign = make_campaign(journal, 1200)
    result = Dispatcher(journal, campaign, demo.DemoProvider()).run()
    assert result.status is CampaignStatus.COMPLETED and result.counts == {"accepted": 1200}


def test_reading_an_answer_message_by_message() -> None:

    batch = [OutgoingMessage(k, f"5691000000{k}", "hola") for k in (1, 2, 3)]
    no_balance = Problem("-3", Effect.STOP, "no_balance")
    answered, problem = read_answer(
        batch, [SendResult(1, State.ACCEPTED, "a"), SendResult(2, State.REJECTED, problem=no_balance)]
    )
    assert problem == no_balance  # message 2 never left: it goes back to pending
    assert [(r.key, r.state) for r in answered] == [(1, State.ACCEPTED), (3, State.UNKNOWN)]
    assert failed_request(batch, Problem("http_500", Effect.RETRY, "provider_unavailable")) == []
    lost = failed_request(batch, Problem("read_timeout", Effect.UNKNOWN, "answer_lost"))
    assert {r.state for r in lost} == {State.UNKNOWN} and len(lost) == 3
