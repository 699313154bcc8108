"""The first promise in the window: a send whose answer was lost after the vendor took it is counted
unknown on the tracking page, said so in its summary, not sent again by Resume, and left to History's
"Re-send unknown" (which asks first)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.domain import CampaignStatus, State
from app.core.journal import Journal
from app.core.settings import Settings
from app.gui.pages.history import HistoryPage
from app.gui.pages.tracking import TrackingPage
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.engine_support import adapter, duplicates, every_send, provider_server
from tests.fakes.dialogs import ScriptedDialogs
from tests.fakes.server import Request
from tests.gui_campaigns import (
    make_campaign,
    runner_for,
)
from tests.test_never_twice import every_tenth_send


def test_unknown_is_counted_shown_and_never_resumed(qtbot: QtBot, tmp_path: Path, journal: Journal) -> None:
    settings = Settings(tmp_path / "settings.json")
    lost: list[Request] = []
    with provider_server("connecta") as (fake, server):
        server.faults.fail_after = every_tenth_send(502, lost)
        campaign_id = make_campaign(journal, 20, provider="connecta")
        runner = runner_for(journal, settings, adapter(fake, server))
        page = TrackingPage(settings, journal, runner=runner)
        page.dialogs = ScriptedDialogs()  # type: ignore[attr-defined]
        qtbot.addWidget(page)
        page.show()
        page.show_campaign(campaign_id)
        with qtbot.waitSignal(runner.finished, timeout=20_000) as ended:
            runner.start(campaign_id)
        assert ended.args[0].status is CampaignStatus.COMPLETED and ended.args[0].counts["unknown"] == 2
        qtbot.waitUntil(lambda: page.counts.get(State.UNKNOWN.value) == 2, timeout=10_000)
        qtbot.waitUntil(page.panel.summary_box.isVisible, timeout=10_000)
        assert (
            "Unknown 2" in page.panel.counts_label.text() or "Desconocido" in page.panel.counts_label.text()
        )
        assert "may or may not have been sent" in page.panel.summary_label.text()
        sent = len(every_send(server))
        with qtbot.waitSignal(runner.finished, timeout=20_000) as resumed:
            runner.start(campaign_id)  # what Resume does
        assert len(every_send(server)) == sent and resumed.args[0].counts == ended.args[0].counts
        runner.pause_and_wait()
        page.shutdown()
        history = HistoryPage(settings, journal, runner=runner)
        qtbot.addWidget(history)
        history.show()
        history.refresh()
        qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=10_000)
        history.table.selectRow(0)
        qtbot.waitUntil(history.resend_unknown_button.isEnabled, timeout=10_000)
    assert len(lost) == 2 and duplicates(fake.received()) == {}
