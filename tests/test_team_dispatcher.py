"""The engine on a shared database: one sender per campaign, takeover, and a database that goes away.

Lease tests run on both backends; connection-loss tests on PostgreSQL only, with real
outages: the test server refuses the database's connections and ends the open ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

import pytest

from app.core.domain import CampaignStatus, Channel, State
from app.core.engine import unsaved
from app.core.engine.dispatcher import Dispatcher
from app.core.engine.progress import Controls
from app.core.journal import CampaignBusy, Journal, open_journal
from app.core.journal import lease as lease_module
from app.providers.base import Capabilities, Effect, OutgoingMessage, Problem, SendResult
from tests.backends import PG_URL, PgDatabases
from tests.dispatcher_support import BULK, FakeClock, Scripted, make_campaign, run

ONE = Capabilities("connecta", "One", frozenset({Channel.SMS}), "x://", ())


def accept(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
    return [SendResult(m.key, State.ACCEPTED, f"id-{m.key}") for m in batch]


def test_a_campaign_another_sender_holds_is_not_sent(journal: Journal, journal_url: str) -> None:
    campaign = make_campaign(journal, 20)
    holder = open_journal(journal_url)
    try:
        holder.begin_run(campaign)
        provider = Scripted(BULK, FakeClock())
        with pytest.raises(CampaignBusy):
            run(journal, campaign, provider)
        assert provider.requests == [] and journal.counts(campaign) == {"pending": 20}
    finally:
        holder.close()


def test_a_sender_taken_over_mid_group_stops_before_its_next_request(
    journal: Journal, journal_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lease_module, "TRUST_FOR", 0.0)  # every request asks the database
    campaign = make_campaign(journal, 400, provider="connecta")
    taker = open_journal(journal_url)
    clock = FakeClock()
    later = [0.0]
    journal.leases.clock = taker.leases.clock = lambda: clock.now + later[0]
    provider = Scripted(ONE, clock)

    def taken_over_at_60(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
        if len(provider.requests) == 60:  # while this request is out, the lease expires and is taken
            later[0] = lease_module.LEASE_SECONDS + 1
            taker.begin_run(campaign)
        return accept(batch)

    provider.answer = taken_over_at_60
    try:
        result, _ = run(journal, campaign, provider)
        assert (result.status, result.reason) == (CampaignStatus.RUNNING, "lease_lost")
        assert len(provider.requests) == 60  # the request in flight was the last one
        second = Scripted(ONE, FakeClock())
        Dispatcher(taker, campaign, second, clock=second.clock, sleep=second.clock.sleep).run()
    finally:
        taker.close()
    sent = provider.sent_keys() + second.sent_keys()
    assert len(sent) == len(set(sent))  # no one was sent twice
    counts = journal.counts(campaign)
    assert counts["accepted"] == len(sent) and counts["accepted"] + counts.get("unknown", 0) == 400
    assert counts.get("unknown", 0) <= 1  # at most the request that was in flight
    print(counts)


# --- a database that goes away (PostgreSQL) -----------------------------------------------------------
class Outage:
    """Takes a test database away from every client, and gives it back: a real outage, no mock."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.name = urlsplit(url).path.lstrip("/")
        self.admin = psycopg.connect(PG_URL, autocommit=True)

    def begin(self) -> None:
        self.admin.execute(f"ALTER DATABASE {self.name} ALLOW_CONNECTIONS false")
        self.cut()

    def cut(self) -> None:
        """End every open connection to the database (a network blip)."""
        self.admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (self.name,)
        )

    def end(self) -> None:
        self.admin.execute(f"ALTER DATABASE {self.name} ALLOW_CONNECTIONS true")

    def close(self) -> None:
        self.end()
        self.admin.close()


@pytest.fixture
def team(pg_databases: PgDatabases) -> Iterator[tuple[Journal, Outage]]:
    """A journal on a database of its own (an outage must not touch the other tests' database)."""
    url = pg_databases.fresh()
    journal = open_journal(url)
    outage = Outage(url)
    yield journal, outage
    outage.close()
    journal.close()
    pg_databases.drop(url)


class OutageClock(FakeClock):
    """A fake clock that ends the outage after the engine has waited `after` times."""

    def __init__(self, outage: Outage, after: int | None) -> None:
        super().__init__()
        self.outage, self.after = outage, after

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds)
        if self.after is not None and len(self.sleeps) == self.after:
            self.outage.end()


@pytest.mark.postgres
def test_a_dropped_connection_is_made_again_and_nothing_is_lost(team: tuple[Journal, Outage]) -> None:
    journal, outage = team
    campaign = make_campaign(journal, 5000)
    provider = Scripted(BULK, FakeClock())

    def cut_at_2(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
        if len(provider.requests) == 2:
            outage.cut()
        return accept(batch)

    provider.answer = cut_at_2
    result, _ = run(journal, campaign, provider)
    assert result.status is CampaignStatus.COMPLETED and journal.counts(campaign) == {"accepted": 5000}
    assert len(provider.sent_keys()) == len(set(provider.sent_keys())) == 5000


@pytest.mark.postgres
def test_the_engine_waits_for_the_database_and_carries_on_by_itself(team: tuple[Journal, Outage]) -> None:
    journal, outage = team
    campaign = make_campaign(journal, 5000)
    clock = OutageClock(outage, after=3)
    provider = Scripted(BULK, clock)

    def away_at_2(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
        if len(provider.requests) == 2:
            outage.begin()
        return accept(batch)

    provider.answer = away_at_2
    result, events = run(journal, campaign, provider)
    assert result.status is CampaignStatus.COMPLETED and journal.counts(campaign) == {"accepted": 5000}
    assert clock.sleeps == [5.0, 5.0, 5.0]
    assert any(e.activity == "waiting" and e.reason == "database_unavailable" for e in events)
    assert len(provider.sent_keys()) == len(set(provider.sent_keys())) == 5000


@pytest.mark.postgres
def test_a_long_outage_pauses_and_keeps_every_answer_for_the_next_run(team: tuple[Journal, Outage]) -> None:
    journal, outage = team
    campaign = make_campaign(journal, 5000)
    provider = Scripted(BULK, OutageClock(outage, after=None))

    def away_at_2(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
        if len(provider.requests) == 2:
            outage.begin()
        return accept(batch)

    provider.answer = away_at_2
    result, _ = run(journal, campaign, provider, controls=Controls())
    assert (result.status, result.reason) == (CampaignStatus.PAUSED, "database_unavailable")
    assert len(provider.requests) == 2  # nothing left while the database was away
    assert len(unsaved.load(journal.backend.location, campaign)) == 1000  # the answers to request 2
    outage.end()
    provider.answer = None
    result, _ = run(journal, campaign, provider)  # a new run (the next day, another process)
    assert result.status is CampaignStatus.COMPLETED and journal.counts(campaign) == {"accepted": 5000}
    assert len(provider.sent_keys()) == len(set(provider.sent_keys())) == 5000
    assert unsaved.load(journal.backend.location, campaign) == []


def test_unsaved_answers_keep_the_bulk_id_and_older_files_still_load() -> None:
    """A bulk's `id_delivery` survives a database that went away, so its statuses still come a bulk a call."""
    problem = Problem("x", Effect.SKIP, "refused")
    results = [
        SendResult(1, State.ACCEPTED, "sms-1", None, "bulk-9"),
        SendResult(2, State.REJECTED, None, problem),
    ]
    path = unsaved.keep("somewhere", 7, results)
    assert unsaved.load("somewhere", 7) == results
    older = json.loads(path.read_text(encoding="utf-8"))
    older["results"] = [row[:7] for row in older["results"]]  # written before bulk ids were kept
    path.write_text(json.dumps(older), encoding="utf-8")
    assert [r.bulk_id for r in unsaved.load("somewhere", 7)] == [None, None]
