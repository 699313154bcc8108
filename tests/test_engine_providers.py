"""2,500 recipients per provider, over HTTP against its fake: each valid recipient once, with its text."""

from __future__ import annotations

import itertools

import pytest

from app.core.dispatcher import Dispatcher
from app.core.journal import CampaignStatus, Journal
from app.core.pacing import Pace
from tests.engine_support import (
    PROVIDERS,
    SEND_PATHS,
    NoWaitClock,
    adapter,
    duplicates,
    every_send,
    make_campaign,
    number,
    provider_server,
    text_for,
)

# One message a request: 2,500 HTTP requests take a few seconds on a quiet machine, more on a busy one.
ONE_BY_ONE = ("connecta", "convergia")
EACH_PROVIDER = [pytest.param(p, marks=pytest.mark.slow) if p in ONE_BY_ONE else p for p in PROVIDERS]


@pytest.mark.parametrize("provider_id", EACH_PROVIDER)
def test_every_valid_recipient_gets_its_text_exactly_once(journal: Journal, provider_id: str) -> None:
    with provider_server(provider_id) as (fake, server):
        campaign = make_campaign(journal, provider_id, 2500, invalid=3)
        clock = NoWaitClock()
        provider = adapter(fake, server)
        result = Dispatcher(
            journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep
        ).run()
        provider.close()
        received = fake.received()
    assert result.status is CampaignStatus.COMPLETED, result
    assert result.counts == {"accepted": 2500, "skipped": 3}
    assert duplicates(received) == {}
    assert sorted(received) == sorted((number(i), text_for(i, provider_id)) for i in range(2500))
    assert "12" not in {address for address, _ in received}
    if provider_id in ONE_BY_ONE:
        assert len(every_send(server)) == 2500  # one message a request
    else:
        assert len(every_send(server)) < 100  # bulks


def test_full_bulks_are_paced_by_the_provider_over_http(journal: Journal) -> None:
    """IT Cloud: 2 s between blocks of 1,000, measured on the engine's (fake) clock."""
    clock = NoWaitClock()
    with provider_server("itcloud") as (fake, server):
        handle = fake.fake.handle
        starts: list[float] = []

        def timed(request):  # type: ignore[no-untyped-def]
            if request.path in SEND_PATHS:
                starts.append(clock())
            return handle(request)

        server.handle = timed
        campaign = make_campaign(journal, "itcloud", 2400)  # 800 rows for each of 3 texts
        provider = adapter(fake, server)
        caps = provider.capabilities
        Dispatcher(
            journal, campaign, provider, pace=Pace.for_provider(caps), clock=clock, sleep=clock.sleep
        ).run()
        provider.close()
    first = starts[0]
    # Three texts of 800 numbers: each request is 4/5 of a full bulk, so 1.6 s apart.
    assert [round(t - first, 6) for t in starts] == [0.0, 1.6, 3.2]


def test_an_itcloud_balance_of_minus_one_warns_and_sends(journal: Journal) -> None:
    """IT Cloud's balance query "no aplica" to administrator accounts: -1 there while sending works
    is a warning that the balance could not be read, not a pause for wrong credentials."""
    with provider_server("itcloud") as (fake, server):
        fake.fake.administrator = True
        campaign = make_campaign(journal, "itcloud", 30)
        clock = NoWaitClock()
        provider = adapter(fake, server)
        warnings: list[str] = []
        result = Dispatcher(
            journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep,
            progress=lambda progress: warnings.append(progress.warning),
        ).run()  # fmt: skip
        provider.close()
    assert result.status is CampaignStatus.COMPLETED, result
    assert result.counts == {"accepted": 30}
    assert "balance_unreadable" in warnings


def test_wavy_no_credit_in_the_statuses_pauses_the_campaign_for_credit(journal: Journal) -> None:
    """Wavy reports NO_CREDIT only in statuses: the campaign pauses with the credit reason, and the
    rows not yet sent stay pending (never sent twice: the look is a status search)."""
    with provider_server("wavy", credits=1500) as (fake, server):
        campaign = make_campaign(journal, "wavy", 5000)
        clock = NoWaitClock()
        provider = adapter(fake, server)
        provider.clock, provider.credit_check_every = clock, 0.0  # type: ignore[attr-defined]
        fake.fake.clock = itertools.count(0.0, 2.0).__next__  # each status search 2 s after the last
        result = Dispatcher(
            journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep
        ).run()
        provider.close()
        received = fake.received()
    assert (result.status, result.reason) == (CampaignStatus.PAUSED, "no_balance"), result
    assert result.counts["pending"] >= 1000 and duplicates(received) == {}
