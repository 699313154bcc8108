"""The tracking panel on a real runner and the demo: live counts, pause, resume, cancel, errors, report."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from app.core.domain import CampaignStatus, State
from app.core.journal import Journal
from app.core.reasons import reason_text
from app.core.settings import Settings
from app.gui.models.campaign_model import STATE_GROUPS, merge_counts
from app.gui.pages.tracking import TrackingPage
from app.gui.runner import CampaignRunner
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.engine_support import adapter, provider_server
from tests.engine_support import make_campaign as make_engine_campaign
from tests.fakes.dialogs import ScriptedDialogs
from tests.fakes.sheets import read_rows
from tests.gui_campaigns import (
    Gated,
    demo,
    make_campaign,
    runner_for,
)
from tests.gui_window import said


def tracking(qtbot: QtBot, settings: Settings, journal: Journal, runner: CampaignRunner) -> TrackingPage:
    page = TrackingPage(settings, journal, runner=runner)
    page.dialogs = ScriptedDialogs()  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    return page


def finish(qtbot: QtBot, page: TrackingPage) -> None:
    """Wait for the page to show every message in a final state, and close the runner's threads."""
    qtbot.waitUntil(lambda: page.panel.summary_box.isVisible() and not page.runner.is_sending(), timeout=9000)
    qtbot.waitUntil(lambda: page.counts.get("accepted", 0) == 0, timeout=10_000)
    page.runner.pause_and_wait()
    page.shutdown()


def test_a_demo_campaign_runs_to_completion_and_exports_its_report(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    campaign_id = make_campaign(journal, 40)
    runner = runner_for(journal, settings, demo(balance=1000))
    page = tracking(qtbot, settings, journal, runner)
    page.show_campaign(campaign_id)
    with qtbot.waitSignal(runner.finished, timeout=10_000) as ended:
        assert runner.start(campaign_id)
    assert ended.args[0].status is CampaignStatus.COMPLETED
    qtbot.waitUntil(lambda: page.counts.get("accepted", 0) == 0 and page.model.rowCount() == 40, timeout=9000)
    delivered = page.counts.get("delivered", 0) + page.counts.get("undelivered", 0)
    assert delivered == 40, page.counts
    assert page.panel.progress.value() == 40
    assert page.panel.chart.counts()["pending"] == 0
    qtbot.waitUntil(lambda: page.panel.summary_box.isVisible())
    assert page.panel.status_label.text() == "Completed"
    qtbot.waitUntil(lambda: page.panel.balance_label.text() == "960 credit(s)")
    qtbot.waitUntil(lambda: all(page.model.rows()[i][3] != "accepted" for i in range(40)))

    target = tmp_path / "informe.xlsx"
    said(page).files.append(target)
    qtbot.mouseClick(page.panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: said(page).texts("inform") != [], timeout=10_000)
    rows = read_rows(target)
    assert rows[0][:3] == ("Nombre", "Celular", "Estado")
    assert len(rows) == 41
    assert {row[2] for row in rows[1:]} <= {"Entregado", "No entregado"}
    finish(qtbot, page)


def test_pause_then_resume_continues_where_it_stopped(
    qtbot: QtBot, settings: Settings, journal: Journal
) -> None:
    campaign_id = make_campaign(journal, 20)
    provider = Gated(demo(), hold_at=2)
    runner = runner_for(journal, settings, provider, dispatcher_options={"batch_size": 5})
    page = tracking(qtbot, settings, journal, runner)
    page.show_campaign(campaign_id)
    runner.start(campaign_id)
    qtbot.waitUntil(provider.reached.is_set)
    qtbot.waitUntil(page.panel.pause_button.isEnabled)
    with qtbot.waitSignal(runner.finished, timeout=10_000) as ended:
        qtbot.mouseClick(page.panel.pause_button, Qt.MouseButton.LeftButton)
        provider.release.set()
    assert ended.args[0].status is CampaignStatus.PAUSED
    assert ended.args[0].counts["pending"] == 10  # the request in flight was answered, nothing more
    qtbot.waitUntil(lambda: page.panel.resume_button.isEnabled() and page.panel.summary_box.isVisible())
    assert page.panel.status_label.text() == "Paused"
    assert said(page).said == []  # a pause the user asked for needs no dialog

    with qtbot.waitSignal(runner.finished, timeout=10_000) as ended:
        qtbot.mouseClick(page.panel.resume_button, Qt.MouseButton.LeftButton)
    assert ended.args[0].status is CampaignStatus.COMPLETED
    assert provider.sends == 4
    finish(qtbot, page)


def test_cancel_asks_first_then_stops_for_good(qtbot: QtBot, settings: Settings, journal: Journal) -> None:
    campaign_id = make_campaign(journal, 20)
    provider = Gated(demo(), hold_at=1)
    runner = runner_for(journal, settings, provider, dispatcher_options={"batch_size": 5})
    page = tracking(qtbot, settings, journal, runner)
    page.show_campaign(campaign_id)
    runner.start(campaign_id)
    qtbot.waitUntil(provider.reached.is_set)
    said(page).answers.extend([False, True])
    qtbot.mouseClick(page.panel.cancel_button, Qt.MouseButton.LeftButton)  # "Keep it"
    assert runner.is_sending()
    with qtbot.waitSignal(runner.finished, timeout=10_000) as ended:
        qtbot.mouseClick(page.panel.cancel_button, Qt.MouseButton.LeftButton)
        provider.release.set()
    assert ended.args[0].status is CampaignStatus.CANCELLED
    assert "not yet sent to will not receive the message" in said(page).texts("ask")[-1]
    qtbot.waitUntil(lambda: page.panel.status_label.text() == "Cancelled")
    assert not page.panel.resume_button.isEnabled()
    finish(qtbot, page)


def test_running_out_of_balance_pauses_and_says_so_in_a_dialog(
    qtbot: QtBot, settings: Settings, journal: Journal
) -> None:
    campaign_id = make_campaign(journal, 10)
    runner = runner_for(journal, settings, demo(balance=0))
    page = tracking(qtbot, settings, journal, runner)
    page.show_campaign(campaign_id)
    with qtbot.waitSignal(runner.finished, timeout=10_000) as ended:
        runner.start(campaign_id)
    assert (ended.args[0].status, ended.args[0].reason) == (CampaignStatus.PAUSED, "no_balance")
    qtbot.waitUntil(lambda: said(page).said != [])  # said once the campaign, and its provider, is read
    assert said(page).said[0].kind == "warn"
    assert "Saldo insuficiente" in said(page).said[0].text  # the reason, worded once in app.core.reasons
    qtbot.waitUntil(lambda: "Saldo insuficiente" in page.panel.reason_label.text())
    finish(qtbot, page)


def test_a_scheduled_campaign_waits_and_says_until_when(
    qtbot: QtBot, settings: Settings, journal: Journal
) -> None:
    start = time.time() + 3600
    campaign_id = make_campaign(journal, 5, start_at=start)
    runner = runner_for(journal, settings, demo())
    page = tracking(qtbot, settings, journal, runner)
    page.show_campaign(campaign_id)
    runner.start(campaign_id)
    qtbot.waitUntil(lambda: page.panel.status_label.text() == "Waiting", timeout=10_000)
    until = dt.datetime.fromtimestamp(start).strftime("%Y-%m-%d %H:%M")
    assert page.panel.reason_label.text() == f"{reason_text('scheduled', lang='es')} Continues at {until}."
    assert page.panel.pause_button.isEnabled()
    with qtbot.waitSignal(runner.finished, timeout=10_000) as ended:
        qtbot.mouseClick(page.panel.pause_button, Qt.MouseButton.LeftButton)  # the wait ends at once
    assert ended.args[0].status is CampaignStatus.PAUSED
    assert journal.counts(campaign_id) == {"pending": 5}
    finish_idle(page)


def test_the_filter_shows_only_the_chosen_states(qtbot: QtBot, settings: Settings, journal: Journal) -> None:
    campaign_id = make_campaign(journal, 30)
    runner = runner_for(journal, settings, demo())
    page = tracking(qtbot, settings, journal, runner)
    page.show_campaign(campaign_id)
    qtbot.waitUntil(lambda: page.model.rowCount() == 30)
    pending = next(i for i, (group, _) in enumerate(STATE_GROUPS) if group == "pending") + 1
    page.panel.filter_combo.setCurrentIndex(pending)
    assert page.filter.rowCount() == 30
    page.panel.filter_combo.setCurrentIndex(pending + 1)  # accepted: none yet
    assert page.filter.rowCount() == 0
    page.panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    page.panel.filter_combo.setCurrentIndex(0)
    assert page.filter.data(page.filter.index(0, 0)) == 31  # sheet row of the last recipient first
    finish_idle(page)


def finish_idle(page: TrackingPage) -> None:
    page.runner.pause_and_wait()
    page.shutdown()


def test_merged_counts_move_polled_rows_out_of_accepted() -> None:
    running = {"accepted": 8, "pending": 2}
    journal = {"accepted": 2, "delivered": 3, "undelivered": 1, "pending": 4}  # read before the last answers
    assert merge_counts(running, journal) == {"accepted": 4, "pending": 2, "delivered": 3, "undelivered": 1}
    newer = {"delivered": 9, "pending": 1}  # the journal saw more rows answered than the last tally
    assert merge_counts(running, newer) == newer
    older = {"delivered": 1, "pending": 5}
    assert merge_counts({"accepted": 3, "pending": 3}, older) == {"accepted": 2, "pending": 3, "delivered": 1}
    assert State.DELIVERED.value == "delivered"


def test_exporting_a_large_report_shows_its_progress(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    campaign_id = make_campaign(journal, 25_000)
    runner = runner_for(journal, settings, demo())
    page = tracking(qtbot, settings, journal, runner)
    page.show_campaign(campaign_id)
    qtbot.waitUntil(lambda: page.campaign is not None)
    page.panel.export_button.show()
    page.panel.export_button.setEnabled(True)
    said(page).files.append(tmp_path / "informe.xlsx")
    label = page.panel.export_button.text()
    seen: list[str] = []
    watch = QTimer(page, interval=5)
    watch.timeout.connect(lambda: seen.append(page.panel.export_button.text()))
    watch.start()
    qtbot.mouseClick(page.panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: said(page).texts("inform") != [], timeout=60_000)
    watch.stop()
    assert any("10.000" in text or "10,000" in text for text in seen), sorted(set(seen))
    qtbot.waitUntil(lambda: page.panel.export_button.text() == label)
    page.runner.pause_and_wait()
    page.shutdown()


def test_the_watcher_stops_when_only_rows_without_an_id_are_left(
    qtbot: QtBot, settings: Settings, journal: Journal
) -> None:
    """Convergia's answers may name no id: those rows stay accepted, but no poll can ever move them, so
    the window stops watching once the run ends instead of asking every minute for days."""
    with provider_server("convergia") as (fake, server):
        fake.fake.answer = "bare"  # "100": accepted, no id
        provider = adapter(fake, server)
        campaign_id = make_engine_campaign(journal, "convergia", 3)
        runner = runner_for(journal, settings, provider)
        page = tracking(qtbot, settings, journal, runner)
        page.show_campaign(campaign_id)
        with qtbot.waitSignal(runner.finished, timeout=10_000):
            assert runner.start(campaign_id)
        qtbot.waitUntil(lambda: not runner._timer.isActive(), timeout=5_000)
        assert journal.counts(campaign_id) == {"accepted": 3}
        page.shutdown()
        provider.close()
