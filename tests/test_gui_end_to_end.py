"""The real window, click by click: a demo campaign, pause and resume, closing mid-send, a provider error.

The demo's clock runs fast (its 3-second deliveries come at once) and the runner watches
every 50 ms; nothing else is faked: the pages, the journal, the engine and the report are real.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from app.core.domain import CampaignStatus, State
from app.core.journal import Journal
from app.core.paths import sample_sheet
from app.core.recipients import RowStatus
from app.core.secrets import CredentialStore
from app.core.settings import Settings
from app.gui.main_window import HISTORY, MESSAGE, RECIPIENTS, REVIEW, TRACKING, MainWindow
from app.gui.provider_source import ProviderSource
from app.providers.base import Credentials
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.fakes.dialogs import ScriptedDialogs
from tests.fakes.itcloud import BOGOTA, FakeItCloud
from tests.fakes.server import serving
from tests.fakes.sheets import read_rows
from tests.gui_campaigns import (
    Gated,
    demo,
    make_campaign,
    write_sheet,
)
from tests.gui_window import click, next_step, open_window, said

NOON = dt.datetime(2025, 3, 10, 12, 0, tzinfo=BOGOTA)


@pytest.fixture
def sample() -> Path:
    """The sample sheet bundled with Masivo: the one a new user sends first."""
    bundled = sample_sheet()
    assert bundled.is_file(), f"the bundled sample sheet {bundled} is missing"
    return bundled


def compose_and_review(qtbot: QtBot, window: MainWindow) -> None:
    """Provider (demo) -> the sample sheet -> a message with a merge field -> review."""
    next_step(qtbot, window, RECIPIENTS)
    with qtbot.waitSignal(window.recipients_page.import_finished, timeout=20_000):
        click(qtbot, window.recipients_page.findChild(QPushButton, "sampleSheetButton"))
    next_step(qtbot, window, MESSAGE)
    page = window.message_page
    editor = page.findChild(QPlainTextEdit, "messageEdit")
    fields = page.findChild(QListWidget, "mergeFieldList")
    assert editor is not None and fields is not None
    qtbot.keyClicks(editor, "Hola ")
    fields.setCurrentItem(fields.findItems("Nombre", Qt.MatchFlag.MatchExactly)[0])
    click(qtbot, page.findChild(QPushButton, "insertFieldButton"))
    qtbot.keyClicks(editor, ", esta semana tenemos ofertas.")
    next_step(qtbot, window, REVIEW)
    qtbot.waitUntil(window.review_page.form.send_button.isEnabled, timeout=20_000)


def confirm_send(qtbot: QtBot, window: MainWindow) -> int:
    click(qtbot, window.review_page.form.send_button)
    dialog = window.review_page.confirm_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(window.review_page.campaign_started) as started:
        click(qtbot, dialog.findChild(QPushButton, "confirmSendButton"))
    assert window.current_step() == TRACKING
    return int(started.args[0])


def test_review_writes_nothing_until_confirmed_then_the_campaign_is_the_recipients_steps_rows(
    qtbot: QtBot, settings: Settings, journal: Journal, sample: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "clientes.xlsx"
    shutil.copy(sample, sheet)
    window = open_window(qtbot, settings, journal, demo(), sheet)
    compose_and_review(qtbot, window)
    rows = window.recipients_page.model.rows
    valid = [(row.row, row.address) for row in rows if row.status is RowStatus.VALID]
    rejected = [row.row for row in rows if row.status is not RowStatus.VALID]
    assert valid and rejected, "the sample sheet has valid rows and rows that cannot be sent"
    # The sheet changes on disk after the recipients step read it: Review must not read it again.
    write_sheet(sheet, 3)
    form = window.review_page.form
    form.name_edit.clear()
    qtbot.keyClicks(form.name_edit, "Ofertas de marzo")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)  # a changed draft is reviewed again
    renamed = lambda: getattr(window.review_page.prepared, "name", "") == "Ofertas de marzo"  # noqa: E731
    qtbot.waitUntil(renamed, timeout=20_000)
    qtbot.waitUntil(form.send_button.isEnabled, timeout=20_000)
    assert journal.campaigns() == [], "Review wrote a campaign before the user confirmed"

    campaign_id = confirm_send(qtbot, window)
    assert [campaign.id for campaign in journal.campaigns()] == [campaign_id]
    assert journal.require(campaign_id).name == "Ofertas de marzo"
    messages = list(journal.messages(campaign_id))
    assert [(m.sheet_row, m.address) for m in messages if m.state is not State.SKIPPED] == valid
    assert [m.sheet_row for m in messages if m.state is State.SKIPPED] == rejected
    window.runner.pause_and_wait()


def test_a_whole_demo_campaign_from_a_fresh_window(
    qtbot: QtBot, settings: Settings, journal: Journal, sample: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, settings, journal, demo(), sample)
    compose_and_review(qtbot, window)
    valid = window.draft.valid_count
    assert window.review_page.prepared is not None and window.review_page.prepared.valid == valid
    sample_text = window.review_page.form.sample_edit.toPlainText()
    assert sample_text.startswith("Hola ") and sample_text.endswith(", esta semana tenemos ofertas.")
    assert "{" not in sample_text and len(sample_text) > len("Hola , esta semana tenemos ofertas.")
    campaign_id = confirm_send(qtbot, window)

    tracking = window.tracking_page
    qtbot.waitUntil(lambda: tracking.panel.status_label.text() == "Completed", timeout=20_000)
    qtbot.waitUntil(lambda: tracking.counts.get(State.ACCEPTED.value, 0) == 0, timeout=20_000)
    counts = journal.counts(campaign_id)
    assert tracking.counts == counts
    assert counts.get("delivered", 0) + counts.get("undelivered", 0) == valid
    assert tracking.panel.progress.value() == tracking.panel.progress.maximum() == sum(counts.values())
    qtbot.waitUntil(lambda: tracking.model.rowCount() == sum(counts.values()), timeout=10_000)

    qtbot.waitUntil(tracking.panel.export_button.isVisible)  # the summary, once the journal was read
    report = tmp_path / "informe.xlsx"
    said(window).files.append(report)
    click(qtbot, tracking.panel.export_button)
    qtbot.waitUntil(lambda: said(window).texts("inform") != [], timeout=10_000)
    rows = read_rows(report)
    header = rows[0]
    assert "Nombre" in header and "Estado" in header and "Motivo" in header
    states = [row[header.index("Estado")] for row in rows[1:]]
    assert len(states) == sum(counts.values())
    assert states.count("Entregado") == counts.get("delivered", 0)
    assert states.count("Omitido") == counts.get("skipped", 0)

    window.step_list.setCurrentRow(HISTORY)
    qtbot.waitUntil(lambda: window.history_page.model.rowCount() == 1, timeout=10_000)
    assert window.history_page.model.entries[0].status == "completed"
    window.close()


def test_pause_resume_then_close_mid_send_and_resume_on_reopening(
    qtbot: QtBot, settings: Settings, journal: Journal, sample: Path
) -> None:
    provider = Gated(demo(), hold_at=2)
    window = open_window(qtbot, settings, journal, provider, sample, ScriptedDialogs(answers=[True]))
    window.runner.dispatcher_options = {"batch_size": 3}
    compose_and_review(qtbot, window)
    campaign_id = confirm_send(qtbot, window)
    panel = window.tracking_page.panel

    qtbot.waitUntil(lambda: provider.reached.is_set() and panel.pause_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(window.runner.finished, timeout=10_000) as ended:
        click(qtbot, panel.pause_button)
        provider.release.set()
    assert ended.args[0].status is CampaignStatus.PAUSED
    qtbot.waitUntil(lambda: panel.resume_button.isEnabled() and panel.status_label.text() == "Paused")

    provider.hold_at, provider.sends = 2, 0
    provider.reached.clear()
    provider.release.clear()
    click(qtbot, panel.resume_button)
    qtbot.waitUntil(provider.reached.is_set, timeout=10_000)
    provider.release.set()
    window.close()  # "Pause and close": the scripted answer
    assert not window.isVisible()
    assert "A campaign is sending" in said(window).texts("ask")[0]
    paused = journal.require(campaign_id)
    assert (paused.status, paused.reason) == (CampaignStatus.PAUSED, "paused_by_user")
    assert journal.counts(campaign_id)[State.PENDING.value] > 0

    again = open_window(qtbot, settings, journal, demo(), sample, ScriptedDialogs(answers=[True]))
    qtbot.waitUntil(lambda: again.current_step() == TRACKING, timeout=10_000)
    assert "Resume it now?" in said(again).texts("ask")[0]
    qtbot.waitUntil(lambda: again.tracking_page.panel.status_label.text() == "Completed", timeout=20_000)
    assert State.PENDING.value not in journal.counts(campaign_id)
    again.close()


def test_a_provider_error_is_explained_in_a_dialog(
    qtbot: QtBot, settings: Settings, journal: Journal, sample: Path
) -> None:
    fake = FakeItCloud(balance=0, clock=lambda: NOON)
    CredentialStore().save("itcloud", Credentials({"user": fake.user, "token": fake.token}))
    campaign_id = make_campaign(journal, 3, "Sin saldo", provider="itcloud")
    journal.set_status(campaign_id, CampaignStatus.PAUSED, "paused_by_user")
    started = time.time()
    with serving(fake.handle) as server:
        settings.set("base_url.itcloud", server.url)
        window = open_window(
            qtbot, settings, journal, demo(), sample, ScriptedDialogs(answers=[False])
        )  # "Later"
        window.runner.providers = ProviderSource(settings)  # the real adapter, over HTTP to the fake
        window.runner.dispatcher_options = {"clock": lambda: NOON.timestamp() + time.time() - started}
        qtbot.waitUntil(lambda: said(window).texts("ask") != [], timeout=10_000)
        window.step_list.setCurrentRow(HISTORY)
        history = window.history_page
        qtbot.waitUntil(lambda: history.model.rowCount() == 1 and history.resume_button.isEnabled())
        with qtbot.waitSignal(window.runner.finished, timeout=20_000) as ended:
            click(qtbot, history.resume_button)
        assert (ended.args[0].status, ended.args[0].reason) == (CampaignStatus.PAUSED, "no_balance")
        qtbot.waitUntil(lambda: said(window).said[-1].kind == "warn")  # once the campaign is read again
        warning = said(window).said[-1]
        assert warning.kind == "warn" and warning.title == "The campaign paused"
        assert warning.text.startswith("Saldo insuficiente: recargue su cuenta en IT Cloud Services")
        assert "Traceback" not in warning.text
        window.close()
