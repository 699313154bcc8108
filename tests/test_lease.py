"""One campaign, one sender: the lease, its expiry, takeover, fencing and renewal, on both backends.

Two journals on one database are two senders (two connections). Both judge the lease
by one injected clock, so expiry is tested without waiting 30 seconds.
"""

from __future__ import annotations

import getpass
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from app.core.domain import State
from app.core.journal import CampaignBusy, Journal, LeaseLost, open_journal
from app.core.journal import lease as lease_module
from app.providers.base import SendResult
from tests.dispatcher_support import make_campaign


class LeaseClock:
    """The clock both senders judge leases by; a test moves it."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(journal: Journal) -> LeaseClock:
    clock = LeaseClock()
    journal.leases.clock = clock
    return clock


@pytest.fixture
def other(journal_url: str, clock: LeaseClock) -> Iterator[Journal]:
    """A second sender: another connection to the same database."""
    opened = open_journal(journal_url)
    opened.leases.clock = clock
    yield opened
    opened.close()


def lease_column(journal: Journal, campaign: int, column: str) -> float:
    """One column of the campaign's lease row, read straight from the database."""
    sql = f"SELECT {column} FROM campaign_leases WHERE campaign_id = ?"
    return float(journal.backend.query(sql, (campaign,))[0][0])


def set_lease_column(journal: Journal, campaign: int, column: str, value: object) -> None:
    sql = f"UPDATE campaign_leases SET {column} = ? WHERE campaign_id = ?"
    journal.backend.execute(sql, (value, campaign))


def token_of(journal: Journal, campaign: int) -> int:
    return int(lease_column(journal, campaign, "token"))


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    done = threading.Event()
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        done.wait(0.01)


def test_a_second_sender_is_told_who_holds_the_campaign_and_changes_nothing(
    journal: Journal, other: Journal, clock: LeaseClock
) -> None:
    campaign = make_campaign(journal, 10)
    journal.begin_run(campaign)
    journal.queue.claim(campaign, 3)
    with pytest.raises(CampaignBusy) as busy:
        other.begin_run(campaign)
    holder = busy.value.holder
    assert (holder.user, holder.machine, holder.pid) == (getpass.getuser(), socket.gethostname(), os.getpid())
    assert holder.since == pytest.approx(clock.now)
    assert other.counts(campaign) == {"sending": 3, "pending": 7}  # its rows in flight were left alone
    with pytest.raises(CampaignBusy):
        other.queue.claim(campaign, 1)
    assert other.leases.holder(campaign) == holder


def test_an_expired_lease_is_taken_over_and_the_old_holder_is_fenced(
    journal: Journal, other: Journal, clock: LeaseClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = make_campaign(journal, 10)
    journal.begin_run(campaign)
    keys = [m.key for m in journal.queue.claim(campaign, 3).messages]
    clock.now += lease_module.LEASE_SECONDS + 0.1  # the holder's laptop was closed
    assert other.begin_run(campaign) == 3  # its rows in flight may have left: unknown, never re-sent
    answers = [SendResult(key, State.ACCEPTED, f"p{key}") for key in keys]
    with pytest.raises(LeaseLost):
        journal.queue.claim(campaign, 3)  # woken up: not one more row leaves
    monkeypatch.setattr(lease_module, "TRUST_FOR", 0.0)
    with pytest.raises(LeaseLost):
        journal.leases.check(campaign)
    journal.queue.record(answers)  # what the provider took is still journaled
    assert [m.to for m in other.queue.claim(campaign, 10).messages] == [f"5691{i:07d}" for i in range(3, 10)]
    assert other.counts(campaign) == {"accepted": 3, "sending": 7}


def test_a_released_lease_is_free_at_once_and_tokens_only_grow(journal: Journal, other: Journal) -> None:
    campaign = make_campaign(journal, 2)
    journal.begin_run(campaign)
    journal.leases.release(campaign)
    assert journal.leases.holder(campaign) is None
    other.begin_run(campaign)
    assert token_of(other, campaign) == 2
    other.leases.release(campaign)
    journal.begin_run(campaign)
    assert token_of(journal, campaign) == 3


def test_a_dead_process_lease_on_this_machine_is_taken_at_once(journal: Journal, other: Journal) -> None:
    campaign = make_campaign(journal, 5)
    journal.begin_run(campaign)
    journal.queue.claim(campaign, 2)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # its pid now belongs to no process: as if the holder had been killed
    set_lease_column(journal, campaign, "pid", gone.pid)
    assert other.leases.holder(campaign) is None
    assert other.begin_run(campaign) == 2
    set_lease_column(journal, campaign, "pid", gone.pid)
    set_lease_column(journal, campaign, "machine", "otra")
    with pytest.raises(CampaignBusy):  # another machine's processes cannot be seen from here
        journal.begin_run(campaign)
    set_lease_column(journal, campaign, "machine", socket.gethostname())
    set_lease_column(journal, campaign, "process_space", "linux:another-boot-or-container")
    with pytest.raises(CampaignBusy):  # nor another container's (same host name, other process ids)
        journal.begin_run(campaign)


def test_two_senders_racing_for_a_campaign_exactly_one_wins(journal: Journal, other: Journal) -> None:
    campaign = make_campaign(journal, 1)
    for _ in range(8):
        start = threading.Barrier(2)
        winners: list[Journal] = []

        def race(sender: Journal, start: threading.Barrier = start, winners: list[Journal] = winners) -> None:
            start.wait()
            try:
                sender.begin_run(campaign)
                winners.append(sender)
            except CampaignBusy:
                pass

        threads = [threading.Thread(target=race, args=(sender,)) for sender in (journal, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(winners) == 1
        winners[0].leases.release(campaign)


def test_after_a_lost_connection_the_lease_is_regained_only_if_nobody_took_it(
    journal: Journal, other: Journal, clock: LeaseClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = make_campaign(journal, 4)
    journal.begin_run(campaign)
    clock.now += 60  # the database was away for a minute
    monkeypatch.setattr(lease_module, "TRUST_FOR", 0.0)
    with pytest.raises(LeaseLost):
        journal.leases.check(campaign)  # expired: a sender that did not know it was away stops
    journal.leases.regain(campaign)  # one that waited for the database knows: nobody took it meanwhile
    journal.leases.check(campaign)
    assert len(journal.queue.claim(campaign, 1).messages) == 1
    clock.now += 60
    other.begin_run(campaign)
    with pytest.raises(LeaseLost):
        journal.leases.regain(campaign)


def test_a_running_sender_renews_its_lease_by_itself(
    journal: Journal, clock: LeaseClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lease_module, "RENEW_EVERY", 0.01)
    campaign = make_campaign(journal, 1)
    journal.begin_run(campaign)
    clock.now += 20

    wait_for(lambda: lease_column(journal, campaign, "renewed_at") == pytest.approx(clock.now))
    journal.leases.release(campaign)
