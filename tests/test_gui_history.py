"""Campaign history: every campaign with its counts; open, resume, re-send; the offer to resume at startup."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.core.domain import CampaignStatus, State
from app.core.journal import Journal
from app.core.settings import Settings
from app.gui.models.history_model import HistoryEntry, HistoryModel
from app.gui.pages.history import HistoryPage, offer_resume
from app.gui.runner import CampaignRunner
from app.providers.base import Effect, Problem
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.fakes.dialogs import ScriptedDialogs
from tests.gui_campaigns import (
    demo,
    make_campaign,
    runner_for,
)


@pytest.fixture
def runner(journal: Journal, settings: Settings) -> Iterator[CampaignRunner]:
    runner = runner_for(journal, settings, demo())
    yield runner
    runner.pause_and_wait()


def history(qtbot: QtBot, settings: Settings, journal: Journal, runner: CampaignRunner) -> HistoryPage:
    page = HistoryPage(settings, journal, runner=runner)
    page.dialogs = ScriptedDialogs()  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    return page


def confirming(page: HistoryPage) -> bool:
    return page.confirm_dialog is not None and page.confirm_dialog.isVisible()


def loaded(qtbot: QtBot, page: HistoryPage, count: int) -> None:
    page.enter()
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=10_000)


def paused(journal: Journal, rows: int, name: str) -> int:
    campaign_id = make_campaign(journal, rows, name)
    journal.set_status(campaign_id, CampaignStatus.PAUSED, "paused_by_user")
    return campaign_id


def with_unknown(journal: Journal, rows: int, unknown: int) -> int:
    """A completed campaign where `unknown` rows got no answer."""
    campaign_id = make_campaign(journal, rows, "Con desconocidos")
    claim = journal.queue.claim(campaign_id, rows)
    keys = [message.key for message in claim.messages]
    journal.queue.mark_unknown(keys[:unknown], Problem("timeout", Effect.UNKNOWN, "answer_lost"))
    journal.queue.release(keys[unknown:])
    journal.set_status(campaign_id, CampaignStatus.COMPLETED)
    return campaign_id


def test_every_campaign_shows_with_its_status_and_counts(
    qtbot: QtBot, settings: Settings, journal: Journal, runner: CampaignRunner
) -> None:
    sent = make_campaign(journal, 5, "Enviada")
    paused(journal, 3, "Pausada")
    page = history(qtbot, settings, journal, runner)
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.start(sent)
    loaded(qtbot, page, 2)
    qtbot.waitUntil(lambda: page.model.entries[1].status == "completed", timeout=10_000)
    rows = [[page.model.data(page.model.index(r, c)) for c in (0, 1, 4, 5, 10)] for r in range(2)]
    assert rows == [[2, "Pausada", "Paused", 3, 3], [1, "Enviada", "Completed", 5, 0]]
    assert page.table.model().data(page.table.model().index(0, 1)) == "Pausada"  # newest first
    page.shutdown()


def test_open_and_resume_a_paused_campaign(
    qtbot: QtBot, settings: Settings, journal: Journal, runner: CampaignRunner
) -> None:
    campaign_id = paused(journal, 4, "Pausada")
    page = history(qtbot, settings, journal, runner)
    loaded(qtbot, page, 1)
    assert page.selected() is not None and page.resume_button.isEnabled()
    with qtbot.waitSignal(page.open_campaign) as opened:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [campaign_id]
    finished = qtbot.waitSignal(runner.finished, timeout=10_000)
    with qtbot.waitSignal(page.open_campaign) as opened, finished as end:
        qtbot.mouseClick(page.resume_button, Qt.MouseButton.LeftButton)
    assert opened.args == [campaign_id]
    assert end.args[0].status is CampaignStatus.COMPLETED
    page.shutdown()


def test_resend_unknown_rows_as_a_new_campaign(
    qtbot: QtBot, settings: Settings, journal: Journal, runner: CampaignRunner
) -> None:
    old = with_unknown(journal, 6, 2)
    page = history(qtbot, settings, journal, runner)
    loaded(qtbot, page, 1)
    assert page.resend_unknown_button.isEnabled() and not page.resend_failed_button.isEnabled()
    qtbot.mouseClick(page.resend_unknown_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: confirming(page), timeout=10_000)
    assert page.confirm_dialog.text.startswith("2 SMS will be sent")  # type: ignore[union-attr]
    confirm = page.confirm_dialog.findChild(QPushButton, "confirmSendButton")  # type: ignore[union-attr]
    with qtbot.waitSignal(page.open_campaign) as opened, qtbot.waitSignal(runner.finished, timeout=10_000):
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    new = journal.require(opened.args[0])
    assert new.id != old and new.option("resend_of") == old
    assert sum(journal.counts(new.id).values()) == 2
    page.shutdown()


def test_declining_a_resend_leaves_no_campaign_behind(
    qtbot: QtBot, settings: Settings, journal: Journal, runner: CampaignRunner
) -> None:
    with_unknown(journal, 3, 1)
    page = history(qtbot, settings, journal, runner)
    loaded(qtbot, page, 1)
    qtbot.mouseClick(page.resend_unknown_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: confirming(page), timeout=10_000)
    page.confirm_dialog.findChild(QPushButton, "cancelSendButton").click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: len(journal.campaigns()) == 1, timeout=10_000)
    assert not runner.is_sending()
    page.shutdown()


class Window(QWidget):
    """What `offer_resume` needs of the main window: its journal, runner, dialogs and `show_campaign`."""

    def __init__(self, journal: Journal, runner: CampaignRunner, settings: Settings, answers: list[bool]):
        super().__init__()
        self.journal, self.runner = journal, runner
        self.dialogs = ScriptedDialogs(answers=answers)
        self.history = HistoryPage(settings, journal, self, runner=runner)

    def show_campaign(self, campaign_id: int) -> None:
        self.history.open_campaign.emit(campaign_id)  # as the window's History step would


@pytest.mark.parametrize("how", ["paused", "interrupted"])
def test_startup_offers_to_resume_a_campaign_left_unfinished(
    qtbot: QtBot, settings: Settings, journal: Journal, runner: CampaignRunner, how: str
) -> None:
    make_campaign(journal, 2, "Terminada")
    if how == "paused":
        campaign_id = paused(journal, 3, "Cortada")
    else:  # its sender died an hour ago, mid-run
        campaign_id = make_campaign(journal, 3, "Cortada")
        journal.clock = lambda: time.time() - 3600
        journal.begin_run(campaign_id)
        journal.queue.claim(campaign_id, 1)
        journal.clock = time.time
    window = Window(journal, runner, settings, answers=[True])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.history.open_campaign, timeout=10_000) as opened:
        offer_resume(window)
    assert opened.args == [campaign_id]
    assert "“Cortada”" in window.dialogs.texts("ask")[0]
    qtbot.waitUntil(lambda: not runner.is_sending(), timeout=10_000)
    counts = journal.counts(campaign_id)
    assert counts.get(State.PENDING.value, 0) == 0
    if how == "interrupted":
        assert counts[State.UNKNOWN.value] == 1  # the row that was leaving is never sent again by itself
    window.history.shutdown()


def test_startup_says_nothing_when_all_campaigns_ended(
    qtbot: QtBot, settings: Settings, journal: Journal, runner: CampaignRunner
) -> None:
    campaign_id = make_campaign(journal, 2, "Terminada")
    journal.set_status(campaign_id, CampaignStatus.COMPLETED)
    window = Window(journal, runner, settings, answers=[])
    qtbot.addWidget(window)
    qtbot.waitSignal(offer_resume(window).done, timeout=10_000).wait()
    assert window.dialogs.said == []
    window.history.shutdown()


def test_sent_counts_every_message_that_left(journal: Journal) -> None:
    campaign = journal.require(make_campaign(journal, 1, "Cuenta"))
    counts = {"delivered": 3, "undelivered": 1, "accepted": 2, "rejected": 1, "unknown": 1, "pending": 4}
    model = HistoryModel()
    model.set_entries([HistoryEntry(campaign, "completed", counts)])
    assert model.data(model.index(0, 6)) == 6  # delivered, undelivered (it left) and accepted; not refused
