"""The review page: the campaign previewed from the draft's rows, its totals and cost, a test, the start."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.core.domain import CampaignStatus, Channel
from app.core.journal import Journal
from app.core.secrets import CredentialStore
from app.core.settings import Settings
from app.gui.pages.review import ReviewPage
from app.gui.provider_source import ProviderSource
from app.gui.runner import CampaignRunner
from app.providers.base import Credentials
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.fakes.dialogs import ScriptedDialogs
from tests.fakes.itcloud import FakeItCloud
from tests.fakes.server import serving
from tests.gui_campaigns import (
    demo,
    draft_for,
    read_sheet,
    runner_for,
    write_sheet,
)


def review(qtbot: QtBot, page: ReviewPage) -> ReviewPage:
    page.dialogs = ScriptedDialogs()  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    page.resize(800, 900)
    page.show()
    page.enter()
    return page


def close(page: ReviewPage, runner: CampaignRunner) -> None:
    runner.pause_and_wait()
    page.shutdown()


def test_review_shows_totals_cost_sample_and_pace_then_sends_after_confirming(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    sheet = write_sheet(tmp_path / "clientes.xlsx", 12, invalid=[3])
    runner = runner_for(journal, settings, demo(balance=5000))
    page = review(qtbot, ReviewPage(draft_for(sheet), settings, journal, runner=runner))
    qtbot.waitUntil(lambda: page.prepared is not None and page.balance is not None, timeout=10_000)
    form = page.form
    assert form.totals_label.text() == "11 will receive the message (1 of 12 row(s) skipped)."
    assert form.credits_label.text() == "11 credit(s)"
    assert form.sample_edit.toPlainText() == "Hola Ana, tenemos una oferta para usted."
    assert "Row 2" in form.sample_label.text()
    assert form.pace_label.text() == "Up to 1000 messages per request, with no wait between requests."
    assert "any hour" in form.window_label.text()
    assert form.balance_label.text() == "5.000 credit(s) available."
    assert form.name_edit.text().startswith("clientes ")

    qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
    dialog = page.confirm_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text.splitlines() == [
        "11 SMS will be sent with Demo (simulador), costing 11 credit(s).",
        "Balance: 5.000 credit(s).",
    ]
    with qtbot.waitSignal(page.campaign_started) as started, qtbot.waitSignal(runner.finished, timeout=9000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "confirmSendButton"), Qt.MouseButton.LeftButton)
    campaign = journal.require(started.args[0])
    assert campaign.status is CampaignStatus.COMPLETED
    counts = journal.counts(campaign.id)
    assert counts.pop("skipped") == 1
    assert set(counts) <= {"accepted", "delivered", "undelivered"} and sum(counts.values()) == 11
    close(page, runner)


def test_a_test_message_goes_to_the_users_own_number(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    provider = demo(balance=100)
    runner = runner_for(journal, settings, provider)
    page = review(qtbot, ReviewPage(draft_for(write_sheet(tmp_path / "c.xlsx", 3)), settings, journal,
                                    runner=runner))  # fmt: skip
    qtbot.waitUntil(lambda: page.form.test_button.isEnabled(), timeout=10_000)
    qtbot.keyClicks(page.form.test_edit, "12")
    qtbot.mouseClick(page.form.test_button, Qt.MouseButton.LeftButton)
    assert "mobile number" in page.form.test_result.text()
    page.form.test_edit.clear()
    qtbot.keyClicks(page.form.test_edit, "+56 9 8765 4321")
    qtbot.mouseClick(page.form.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "accepted the test message" in page.form.test_result.text(), timeout=10_000)
    assert provider.balance().sms == 99
    assert journal.campaigns() == []  # the test is no part of any campaign; none is made before Send
    close(page, runner)


def test_a_schedule_prepares_again_and_declining_sends_nothing(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    runner = runner_for(journal, settings, demo())
    page = review(qtbot, ReviewPage(draft_for(write_sheet(tmp_path / "c.xlsx", 4)), settings, journal,
                                    runner=runner))  # fmt: skip
    qtbot.waitUntil(lambda: page.prepared is not None, timeout=10_000)
    page.form.schedule_check.setChecked(True)
    page.form.schedule_edit.setDateTime(QDateTime.currentDateTime().addSecs(7200))
    assert "must stay open" in page.form.schedule_note.text()
    qtbot.mouseClick(page.form.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm_dialog is not None and page.confirm_dialog.isVisible(), timeout=9000)
    assert "keep Masivo open" in page.confirm_dialog.text  # type: ignore[union-attr]
    assert journal.campaigns() == []  # previewed, not journaled
    page.confirm_dialog.findChild(QPushButton, "cancelSendButton").click()  # type: ignore[union-attr]
    assert not runner.is_sending()
    assert journal.campaigns() == []
    close(page, runner)


def test_without_rows_read_in_the_recipients_step_review_asks_for_a_sheet(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    # Review never reads the sheet itself: a sheet the recipients step could not read leaves no rows.
    broken = tmp_path / "clientes.xlsx"
    broken.write_bytes(b"this is not a workbook")
    runner = runner_for(journal, settings, demo())
    page = review(qtbot, ReviewPage(draft_for(broken, read=False), settings, journal, runner=runner))
    assert "Choose a recipients sheet first" in page.form.status_label.text()
    assert not page.form.send_button.isEnabled()
    assert journal.campaigns() == []
    close(page, runner)


@pytest.mark.logs_errors
def test_wrong_credentials_show_in_the_balance_line(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    fake = FakeItCloud()
    store = CredentialStore()
    store.save("itcloud", Credentials({"user": fake.user, "token": "wrong"}))
    with serving(fake.handle) as server:
        draft = draft_for(write_sheet(tmp_path / "c.xlsx", 2))
        draft.provider_id, draft.base_url, draft.country = "itcloud", server.url, "CO"
        runner = CampaignRunner(journal, settings, providers=ProviderSource(settings, store))
        page = review(qtbot, ReviewPage(draft, settings, journal, runner=runner))
        qtbot.waitUntil(lambda: "could not be read" in page.form.balance_label.text(), timeout=10_000)
        # IT Cloud's balance -1 does not prove the token wrong (administrator accounts read -1 too):
        # the line says the balance could not be read; the first send's -1 pauses for credentials.
        assert "respondió -1 a la consulta de saldo" in page.form.balance_label.text()
        assert "08:00" in page.form.window_label.text() or page.prepared is None
        close(page, runner)


def test_an_email_campaign_shows_its_subject_and_counts_emails(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nombre", "Correo"])
    for name in ("Ana", "Bruno", "Carla"):
        sheet.append([name, f"{name.lower()}@example.com"])
    book.save(tmp_path / "correos.xlsx")
    draft = draft_for(tmp_path / "correos.xlsx", "Hola {Nombre}, vea nuestras ofertas.", read=False)
    draft.channel, draft.phone_column, draft.email_column = Channel.EMAIL, None, "Correo"
    read_sheet(draft)
    draft.subject, draft.sender_email = "Ofertas para {Nombre}", "ventas@example.com"
    runner = runner_for(journal, settings, demo())
    page = review(qtbot, ReviewPage(draft, settings, journal, runner=runner))
    qtbot.waitUntil(lambda: page.prepared is not None, timeout=10_000)
    shown = page.form.sample_edit.toPlainText()
    assert shown == "Subject: Ofertas para Ana\n\nHola Ana, vea nuestras ofertas."
    assert "E-mail" in page.form.provider_label.text()
    qtbot.mouseClick(page.form.send_button, Qt.MouseButton.LeftButton)
    assert page.confirm_dialog is not None
    assert page.confirm_dialog.text.startswith("3 e-mail(s) will be sent with Demo (simulador).")
    page.confirm_dialog.reject()
    close(page, runner)
