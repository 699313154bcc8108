"""Status tracking over HTTP and with the demo: bulk status calls, a gentle pace, never backwards, limits."""

from __future__ import annotations

from app.core.domain import State
from app.core.engine.dispatcher import Dispatcher
from app.core.engine.pacing import Pace
from app.core.engine.poller import Poller
from app.core.journal import Journal
from app.providers import connectus, demo
from app.providers.base import StatusUpdate
from tests.engine_support import NoWaitClock, adapter, make_campaign, provider_server


def test_wavy_statuses_come_in_bulk_at_most_one_call_a_second(journal: Journal) -> None:
    clock = NoWaitClock()
    with provider_server("wavy") as (fake, server):
        fake.fake.clock = clock  # the fake answers 429 to a second call within a second, by this clock
        fake.fake.outcomes["573100000007"] = (2, 104)  # sent, then not delivered
        campaign = make_campaign(journal, "wavy", 1200)
        provider = adapter(fake, server)
        Dispatcher(journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep).run()
        result = Poller(journal, provider, clock=clock, sleep=clock.sleep).poll_once(campaign)
        provider.close()
        searches = server.requests_to("/v1/sms/status/search")
    assert (result.asked, result.changed, result.awaiting, result.problem) == (1200, 1200, 0, None)
    assert len(searches) == 3  # 500 ids a call
    assert journal.counts(campaign) == {"delivered": 1199, "undelivered": 1}
    # A late, older status changes nothing.
    late = next(iter(journal.messages(campaign))).provider_id
    assert journal.apply_statuses([StatusUpdate(late, State.ACCEPTED, "SENT_SUCCESS")]) == 0


def test_connectus_bulks_are_read_a_bulk_a_call_by_any_reader_and_paced(journal: Journal) -> None:
    """The journal keeps each row's `id_delivery`: a poller with another adapter (the window's watcher,
    `status --refresh`) reads a whole bulk in one call, one call per `status_interval`, no GET per message."""
    clock = NoWaitClock()
    with provider_server("connectus") as (fake, server):
        campaign = make_campaign(journal, "connectus", 1200)
        sender = adapter(fake, server)
        Dispatcher(journal, campaign, sender, pace=Pace.off(), clock=clock, sleep=clock.sleep).run()
        sender.close()
        deliveries = set(fake.fake.deliveries)
        first = next(iter(journal.messages(campaign)))
        fake.fake.set_status(first.provider_id, "ENTREGADO")
        reader = adapter(fake, server)
        started = clock()  # it moves only when the poller waits for its pace
        result = Poller(journal, reader, clock=clock, sleep=clock.sleep).poll_once(campaign)
        reader.close()
        asked = server.requests_to(connectus.DELIVERY_STATUS_PATH)
        one_by_one = server.requests_to("/api_v1/check_sms_status")
    assert (result.asked, result.changed, result.problem) == (1200, 1, None)
    assert journal.counts(campaign) == {"delivered": 1, "accepted": 1199}
    assert len(deliveries) > 1 and sorted(r.query["id_delivery"][0] for r in asked) == sorted(deliveries)
    assert one_by_one == []
    assert clock() - started >= (len(deliveries) - 1) * connectus.CAPABILITIES.status_interval


def test_connecta_one_request_per_status_and_a_time_limit(journal: Journal) -> None:
    clock = NoWaitClock()
    with provider_server("connecta") as (fake, server):
        campaign = make_campaign(journal, "connecta", 30)
        provider = adapter(fake, server)
        Dispatcher(journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep).run()
        first = next(iter(fake.fake.sent))
        fake.fake.set_state(first, "confirmado")
        started = clock()
        result = Poller(journal, provider, clock=clock, sleep=clock.sleep).run(campaign, every=60, limit=300)
        provider.close()
    # The others stay "pendiente": it gives up at the limit instead of polling forever.
    assert result.awaiting == 29 and clock() - started <= 300
    assert result.asked == 30 + 4 * 29 and journal.counts(campaign) == {"delivered": 1, "accepted": 29}


def test_rows_accepted_without_an_id_are_not_waited_for(journal: Journal) -> None:
    """Convergia's answer may name no id (seed 004 shows none): such rows stay accepted, the report says
    their status cannot be polled, and the poller neither asks for them nor waits 72 hours for them."""
    clock = NoWaitClock()
    with provider_server("convergia") as (fake, server):
        fake.fake.answer = "bare"  # "100": accepted, no id
        campaign = make_campaign(journal, "convergia", 5)
        provider = adapter(fake, server)
        Dispatcher(journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep).run()
        started = clock()
        result = Poller(journal, provider, clock=clock, sleep=clock.sleep).run(campaign)
        provider.close()
        asked = server.requests_to("/estatus_mensaje.php")
    assert journal.counts(campaign) == {"accepted": 5}
    assert {(m.provider_id, m.reason) for m in journal.messages(campaign)} == {("", "status_not_pollable")}
    assert (result.asked, result.awaiting, result.problem) == (0, 0, None)
    assert clock() == started and asked == []


def test_demo_deliveries_and_providers_without_statuses(journal: Journal) -> None:
    clock = NoWaitClock()
    provider = demo.DemoProvider(clock=clock)
    campaign = make_campaign(journal, "demo", 200)
    Dispatcher(journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep).run()
    poller = Poller(journal, provider, clock=clock, sleep=clock.sleep)
    assert poller.poll_once(campaign).changed == 0  # still "queued"
    result = poller.run(campaign, every=5)
    counts = journal.counts(campaign)
    assert result.awaiting == 0 and counts["delivered"] + counts["undelivered"] == 200
    with provider_server("itcloud") as (fake, server):
        itcloud = adapter(fake, server)
        assert Poller(journal, itcloud).poll_once(campaign).asked == 0
        itcloud.close()
