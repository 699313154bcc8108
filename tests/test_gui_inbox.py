"""The window's inbox: replies appear live from the receiver it runs, opt-outs marked, export; the
suppression list page (add, remove, import); a campaign's replies in its tracking panel."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.journal import Journal
from app.core.journal.inbox_models import IncomingReply
from app.core.secrets import CredentialStore
from app.core.settings import Settings
from app.gui.main_window import INBOX, SUPPRESSION, MainWindow
from app.gui.models.inbox_models import OPT_OUT, OPT_OUT_COLOR
from app.gui.pages.inbox import InboxPage
from app.gui.pages.suppression import SuppressionPage
from app.gui.pages.tracking_replies import CampaignReplies
from app.gui.receiver_host import ReceiverHost
from app.providers.base import Credentials
from app.webhooks.routes import STORE_ID
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.fakes.dialogs import ScriptedDialogs
from tests.webhook_support import TOKENS, Client, number, received, sent_campaign


@pytest.fixture
def store() -> CredentialStore:
    store = CredentialStore()
    store.save(STORE_ID, Credentials(dict(TOKENS)))  # the webhook URLs were set up
    return store


@pytest.fixture
def receiver(
    qtbot: QtBot, journal: Journal, settings: Settings, store: CredentialStore
) -> Iterator[ReceiverHost]:
    receiver = ReceiverHost(journal, settings, store)
    yield receiver
    receiver.stop()


def shown(qtbot: QtBot, page: InboxPage | SuppressionPage) -> None:
    setattr(page, "dialogs", ScriptedDialogs())  # noqa: B010 (found by `dialogs_for`)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()


def dialogs(page: InboxPage | SuppressionPage) -> ScriptedDialogs:
    found = getattr(page, "dialogs")  # noqa: B009
    assert isinstance(found, ScriptedDialogs)
    return found


def test_replies_appear_live_with_opt_outs_marked_and_export(
    qtbot: QtBot, journal: Journal, settings: Settings, receiver: ReceiverHost, tmp_path: Path
) -> None:
    campaign = sent_campaign(journal, 2, name="Promo")
    page = InboxPage(settings, journal, receiver)
    shown(qtbot, page)
    page.enter()
    with qtbot.waitSignal(receiver.listening, timeout=10_000) as listening:
        assert receiver.start(0)
    assert "port" in page.status_label.text()
    client = Client(int(listening.args[0]))
    assert client.post_json("connectus_inbound", received("r1", number(1), "¿Hasta cuándo?")).status == 200
    assert client.itcloud("BAJA", "573152338956").status == 200
    client.close()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    first, opted = page.model.replies
    assert (first.campaign_id, first.sheet_row, first.opt_out) == (campaign, 3, False)
    assert opted.opt_out and journal.suppression.entry("573152338956") is not None
    mark = page.model.index(1, OPT_OUT)
    assert (
        page.model.data(mark)
        and page.model.data(mark, Qt.ItemDataRole.ForegroundRole).color() == OPT_OUT_COLOR
    )
    assert page.model.data(page.model.index(0, OPT_OUT)) == ""
    assert page.count_label.text().startswith("2 ")

    target = tmp_path / "respuestas.xlsx"
    dialogs(page).files.append(target)
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(dialogs(page).texts("inform")), timeout=10_000)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert (
        len(rows) == 3 and rows[1][2] == number(1) and rows[1][5] == campaign and rows[2][8] in ("Sí", "Yes")
    )
    page.shutdown()


def test_replies_stored_by_a_receiver_elsewhere_show_when_the_page_is_opened(
    qtbot: QtBot, journal: Journal, settings: Settings, receiver: ReceiverHost
) -> None:
    journal.inbox.store([IncomingReply("itcloud", "573152338956", "", "Hola", 1.0e9)])
    page = InboxPage(settings, journal, receiver)
    shown(qtbot, page)
    assert "not receiving" in page.status_label.text()
    page.enter()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    journal.inbox.store([IncomingReply("itcloud", "573152338957", "", "Otra", 1.0e9 + 1)])
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    page.leave()
    page.shutdown()


def test_the_receiver_is_off_without_tokens_or_with_port_zero(
    qtbot: QtBot, journal: Journal, settings: Settings
) -> None:
    assert not ReceiverHost(journal, settings, CredentialStore()).start()  # never set up
    settings.set("webhook_port", 0)
    store = CredentialStore()
    store.save(STORE_ID, Credentials(dict(TOKENS)))
    assert not ReceiverHost(journal, settings, store).start()


@pytest.mark.logs_errors
def test_a_taken_port_is_said_on_the_page(
    qtbot: QtBot, journal: Journal, settings: Settings, receiver: ReceiverHost
) -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    page = InboxPage(settings, journal, receiver)
    shown(qtbot, page)
    with qtbot.waitSignal(receiver.stopped, timeout=10_000):
        receiver.start(taken.getsockname()[1])
    taken.close()
    assert "could not run" in page.status_label.text()
    page.shutdown()


# --- the suppression list ----------------------------------------------------------------------------
def suppression_page(qtbot: QtBot, settings: Settings, journal: Journal) -> SuppressionPage:
    page = SuppressionPage(settings, journal)
    shown(qtbot, page)
    page.enter()
    return page


def test_add_and_remove_numbers_and_addresses(qtbot: QtBot, journal: Journal, settings: Settings) -> None:
    page = suppression_page(qtbot, settings, journal)
    for value, reason in (("+56 9 1234 5678", "pidió por correo"), ("Ana@Example.COM", "")):
        page.value_edit.setText(value)
        page.reason_edit.setText(reason)
        page.add_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    assert {(e.value, e.channel, e.reason) for e in page.model.entries} == {
        ("56912345678", "sms", "pidió por correo"), ("ana@example.com", "email", "")}  # fmt: skip
    page.value_edit.setText("12")
    page.add_button.click()
    assert dialogs(page).texts("warn") and "12" in dialogs(page).texts("warn")[0]
    page.table.selectRow(0)
    dialogs(page).answers.append(True)
    page.remove_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert len(journal.suppression.entries()) == 1
    page.shutdown()


@pytest.mark.logs_errors
def test_import_a_sheet_of_numbers(
    qtbot: QtBot, journal: Journal, settings: Settings, tmp_path: Path
) -> None:
    sheet = tmp_path / "bajas.xlsx"
    book = Workbook()
    rows = book.active
    assert rows is not None
    rows.append(["Nombre", "Celular"])
    for name, phone in (
        ("Ana", "+56 9 1234 5678"),
        ("Beto", "9 8765 4321"),
        ("Malo", "12"),
        ("Ana", "912345678"),
    ):
        rows.append([name, phone])
    book.save(sheet)
    page = suppression_page(qtbot, settings, journal)
    dialogs(page).files.append(sheet)
    page.import_button.click()
    qtbot.waitUntil(lambda: bool(dialogs(page).texts("inform")), timeout=10_000)
    assert dialogs(page).texts("inform")[0].startswith("2 ")
    assert "1 " in dialogs(page).texts("inform")[0]  # the row that had no number
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    assert {e.value for e in journal.suppression.entries()} == {"56912345678", "56987654321"}
    dialogs(page).files.append(tmp_path / "no-existe.xlsx")
    page.import_button.click()
    qtbot.waitUntil(lambda: bool(dialogs(page).texts("warn")), timeout=10_000)
    page.shutdown()


# --- the tracking panel and the window ---------------------------------------------------------------
def test_a_campaigns_replies_in_its_tracking_panel(qtbot: QtBot, journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    other = sent_campaign(journal, 1, name="otra", send=False)
    journal.inbox.store([IncomingReply("itcloud", number(0), "", "Sí", 1.0e9)])
    box = CampaignReplies(journal)
    qtbot.addWidget(box)
    box.show_campaign(campaign)
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=10_000)
    stored = journal.inbox.store([IncomingReply("itcloud", number(1), "", "Baja", 1.0e9 + 1, opt_out=True)])
    box.on_replies([stored[0].reply])
    assert box.model.rowCount() == 2 and "opt-outs: 1" in box.title()
    box.show_campaign(other)
    qtbot.waitUntil(lambda: box.model.rowCount() == 0, timeout=10_000)
    box.shutdown()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_window_runs_the_receiver_while_open(
    qtbot: QtBot, journal: Journal, settings: Settings, store: CredentialStore, tmp_path: Path
) -> None:
    settings.set("webhook_port", free_port())
    window = MainWindow(settings, journal, dialogs=ScriptedDialogs(), store=store, sample=tmp_path / "x.xlsx")
    qtbot.addWidget(window)
    window.show()  # the receiver starts after the first paint
    qtbot.waitUntil(lambda: window.receiver.port is not None, timeout=10_000)
    assert window.go_to(INBOX) and window.title_label.text() == window.step_list.item(INBOX).text()
    client = Client(settings.get("webhook_port"))
    assert client.itcloud("Hola", "573152338956").status == 200
    client.close()
    qtbot.waitUntil(lambda: window.inbox_page.model.rowCount() == 1, timeout=10_000)
    assert window.go_to(SUPPRESSION)
    window.close()  # stops the receiver: its port is closed
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", settings.get("webhook_port")), timeout=2).close()
