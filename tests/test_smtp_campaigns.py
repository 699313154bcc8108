"""Whole e-mail campaigns through the dispatcher to a real SMTP server: never twice, the daily limit, 421."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.domain import CampaignStatus, State
from app.core.engine.dispatcher import Dispatcher
from app.core.engine.pacing import DailyQuota, Pace, quota_days
from app.core.engine.progress import Controls, Progress
from app.core.journal import Journal
from tests.dispatcher_support import FakeClock
from tests.fakes.smtp import FakeSmtpServer, smtp_server
from tests.smtp_support import email_campaign, smtp_adapter

DAY = 86_400.0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FakeSmtpServer]:
    with smtp_server(tmp_path) as running:
        yield running


def test_the_daily_quota_counts_a_rolling_day() -> None:
    quota = DailyQuota(5)
    quota.add(3, 100.0)
    quota.add(2, 200.0)
    assert quota.remaining(300.0) == 0
    assert quota.opens_at(300.0) == 100.0 + DAY  # the first three leave the window then
    assert quota.remaining(100.0 + DAY) == 3
    assert DailyQuota(None).opens_at(0.0) is None and DailyQuota(None).remaining(0.0) is None
    assert quota_days(2000, 4500) == 3 and quota_days(None, 4500) == 1


def test_a_full_day_waits_for_the_next_and_goes_on(server: FakeSmtpServer, journal: Journal) -> None:
    campaign = email_campaign(journal, 7)
    provider = smtp_adapter(server, per_day="3")
    clock, events = FakeClock(), list[Progress]()
    start = clock()
    dispatcher = Dispatcher(journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep,
                            progress=events.append)  # fmt: skip
    result = dispatcher.run()
    provider.close()

    assert result.status is CampaignStatus.COMPLETED and result.counts.get("accepted") == 7
    waits = [event for event in events if event.activity == "waiting"]
    assert [event.reason for event in waits] == ["daily_quota", "daily_quota"]
    assert waits[0].resume_at == pytest.approx(start + DAY)
    assert waits[1].resume_at == pytest.approx(start + 2 * DAY)
    assert clock() >= start + 2 * DAY
    assert sorted(server.recipients()) == sorted(f"cliente{i}@example.com" for i in range(7)), "each once"


def test_a_hold_asked_during_the_day_wait_keeps_the_next_day_s_messages_until_released(
    server: FakeSmtpServer, journal: Journal
) -> None:
    """The window holds the run while it asks "cancel?": the day opening meanwhile sends nothing."""
    campaign = email_campaign(journal, 5)
    provider = smtp_adapter(server, per_day="3")
    clock, controls, seen = FakeClock(), Controls(), dict[str, object]()
    start = clock()

    def user_answers() -> None:  # "keep sending", once the run stopped for the question
        seen["held"] = controls.holding.wait(30.0)
        seen["sent"], seen["clock"] = len(server.recipients()), clock()
        controls.release()

    def on_progress(progress: Progress) -> None:
        if progress.reason == "daily_quota" and "user" not in seen:
            controls.hold()  # asked while the campaign waits for the next day
            seen["user"] = user = threading.Thread(target=user_answers)
            user.start()

    dispatcher = Dispatcher(journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep,
                            controls=controls, progress=on_progress)  # fmt: skip
    result = dispatcher.run()
    provider.close()
    user = seen["user"]
    assert isinstance(user, threading.Thread)
    user.join()

    assert seen["held"] is True and seen["sent"] == 3, "the day opened while held: nothing left until release"
    assert seen["clock"] >= start + DAY  # held after the day's wait, before the next day's first message
    assert result.status is CampaignStatus.COMPLETED and result.counts.get("accepted") == 5
    assert sorted(server.recipients()) == sorted(f"cliente{i}@example.com" for i in range(5)), "each once"


def test_a_paused_day_resumes_in_a_later_run(server: FakeSmtpServer, journal: Journal) -> None:
    campaign = email_campaign(journal, 4)
    clock = FakeClock()
    journal.clock = clock  # the journal's times and the engine's on one clock

    def pause_on_wait(event: Progress) -> None:
        if event.activity == "waiting":
            dispatcher.controls.pause()

    provider = smtp_adapter(server, per_day="3")
    dispatcher = Dispatcher(journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep,
                            progress=pause_on_wait)  # fmt: skip
    assert dispatcher.run().status is CampaignStatus.PAUSED
    assert len(server.received) == 3
    clock.now += DAY  # the user resumes it the next day
    result = Dispatcher(journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep).run()
    provider.close()
    assert result.status is CampaignStatus.COMPLETED and len(server.received) == 4


def test_the_preset_pace_spaces_the_messages(server: FakeSmtpServer, journal: Journal) -> None:
    campaign = email_campaign(journal, 4)
    provider = smtp_adapter(server, per_minute="30")  # Microsoft 365's 30 a minute: one every 2 s
    clock = FakeClock()
    Dispatcher(journal, campaign, provider, clock=clock, sleep=clock.sleep).run()
    provider.close()
    assert len(server.received) == 4
    assert clock.sleeps[:3] == pytest.approx([2.0, 2.0, 2.0]), "each message waits 2 s after the last"


def test_a_reply_lost_after_data_is_unknown_and_never_sent_again(
    server: FakeSmtpServer, journal: Journal
) -> None:
    server.behaviour.drop_after_data.add(3)
    campaign = email_campaign(journal, 5)
    provider = smtp_adapter(server)
    first = Dispatcher(journal, campaign, provider, pace=Pace.off()).run()
    assert first.counts.get("unknown") == 1 and first.counts.get("accepted") == 4
    unknown = [m for m in journal.messages(campaign) if m.state is State.UNKNOWN]
    assert [m.address for m in unknown] == ["cliente2@example.com"] and unknown[0].reason == "answer_lost"

    again = Dispatcher(journal, campaign, provider, pace=Pace.off()).run()  # resuming sends nothing more
    provider.close()
    assert again.status is CampaignStatus.COMPLETED
    assert Counter(server.recipients()) == Counter(f"cliente{i}@example.com" for i in range(5))


def test_a_421_mid_campaign_reconnects_and_sends_each_once(server: FakeSmtpServer, journal: Journal) -> None:
    server.behaviour.close_on_mail.update({4, 9})
    campaign = email_campaign(journal, 10)
    provider = smtp_adapter(server)
    result = Dispatcher(journal, campaign, provider, pace=Pace.off()).run()
    provider.close()
    assert result.counts.get("accepted") == 10
    assert Counter(server.recipients()) == Counter(f"cliente{i}@example.com" for i in range(10))
    assert len(server.handler.logins) == 3


def test_a_refused_recipient_fails_alone(server: FakeSmtpServer, journal: Journal) -> None:
    server.behaviour.refuse.add("cliente1@example.com")
    campaign = email_campaign(journal, 3)
    provider = smtp_adapter(server)
    result = Dispatcher(journal, campaign, provider, pace=Pace.off()).run()
    provider.close()
    assert result.counts.get("rejected") == 1 and result.counts.get("accepted") == 2
    refused = next(m for m in journal.messages(campaign) if m.state is State.REJECTED)
    assert refused.reason == "recipient_refused" and "User unknown" in refused.detail


def test_a_wrong_password_pauses_before_anything_leaves(server: FakeSmtpServer, journal: Journal) -> None:
    campaign = email_campaign(journal, 3)
    provider = smtp_adapter(server, password="wrong-password-123")
    result = Dispatcher(journal, campaign, provider, pace=Pace.off()).run()
    provider.close()
    assert (result.status, result.reason) == (CampaignStatus.PAUSED, "wrong_credentials")
    assert result.counts.get("pending") == 3 and server.received == []


def test_a_later_campaign_the_same_day_counts_what_the_first_sent(
    server: FakeSmtpServer, journal: Journal
) -> None:
    clock = FakeClock()
    journal.clock = clock
    provider = smtp_adapter(server, per_day="3")
    first = email_campaign(journal, 2)
    Dispatcher(journal, first, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep).run()
    clock.now += 3600  # an hour later, another campaign
    second = email_campaign(journal, 3, first=10)
    events: list[Progress] = []
    result = Dispatcher(journal, second, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep,
                        progress=events.append).run()  # fmt: skip
    provider.close()
    assert result.counts.get("accepted") == 3 and len(server.received) == 5
    waits = [event for event in events if event.reason == "daily_quota" and event.activity == "waiting"]
    assert len(waits) == 1, "one of the day's three was left: the other two wait for the next day"


def test_a_campaign_that_ends_on_the_limit_does_not_wait_a_day(
    server: FakeSmtpServer, journal: Journal
) -> None:
    campaign = email_campaign(journal, 3)
    provider = smtp_adapter(server, per_day="3")
    clock = FakeClock()
    start = clock()
    result = Dispatcher(journal, campaign, provider, pace=Pace.off(), clock=clock, sleep=clock.sleep).run()
    provider.close()
    assert result.status is CampaignStatus.COMPLETED and clock() - start < 60


def test_a_server_that_keeps_dropping_after_data_pauses_the_campaign(
    server: FakeSmtpServer, journal: Journal
) -> None:
    server.behaviour.drop_after_data.update(range(1, 100))
    campaign = email_campaign(journal, 10)
    provider = smtp_adapter(server)
    result = Dispatcher(journal, campaign, provider, pace=Pace.off(), unknown_limit=3).run()
    provider.close()
    assert (result.status, result.reason) == (CampaignStatus.PAUSED, "answer_lost")
    assert result.counts.get("unknown") == 3 and result.counts.get("pending") == 7, "the list is not burnt"
    assert len(server.received) == 3
