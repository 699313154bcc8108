"""Counted sentences take the singular with 1 and the plural with 2, in Spanish and in English: the replies
export, the suppression list's import, the last question before a campaign leaves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.core.journal import Journal
from app.core.journal.inbox_models import IncomingReply
from app.core.secrets import CredentialStore
from app.core.settings import Settings
from app.gui.application import install_translations, remove_translations
from app.gui.dialogs.confirm_send import ConfirmSendDialog, SendSummary
from app.gui.formatting import number
from app.gui.pages.inbox import InboxPage
from app.gui.pages.suppression import SuppressionPage
from app.gui.receiver_host import ReceiverHost
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.fakes.dialogs import ScriptedDialogs


@pytest.fixture(params=["es", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication, settings: Settings) -> Iterator[str]:
    """The window's language, installed as the application installs it; the source texts again after."""
    install_translations(qapp, request.param)
    settings.set("language", request.param)
    yield request.param
    remove_translations(qapp)


def shown(qtbot: QtBot, page: InboxPage | SuppressionPage) -> ScriptedDialogs:
    dialogs = ScriptedDialogs()
    setattr(page, "dialogs", dialogs)  # noqa: B010 (found by `dialogs_for`)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    page.enter()
    return dialogs


REPLIES = {
    ("es", 1): ("1 respuesta; pidieron la baja: 0.", "Se guardó 1 respuesta en "),
    ("es", 2): ("2 respuestas; pidieron la baja: 0.", "Se guardaron 2 respuestas en "),
    ("en", 1): ("1 reply; opted out: 0.", "1 reply was saved in "),
    ("en", 2): ("2 replies; opted out: 0.", "2 replies were saved in "),
}


@pytest.mark.parametrize("count", [1, 2])
def test_the_replies_count_and_export_say_reply_or_replies(
    qtbot: QtBot, journal: Journal, settings: Settings, tmp_path: Path, language: str, count: int
) -> None:
    journal.inbox.store(
        [IncomingReply("itcloud", f"57315233895{i}", "", "Hola", 1.0e9 + i) for i in range(count)]
    )
    receiver = ReceiverHost(journal, settings, CredentialStore())  # never set up: it does not listen
    page = InboxPage(settings, journal, receiver)
    dialogs = shown(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=10_000)
    listed, saved = REPLIES[(language, count)]
    assert page.count_label.text() == listed

    target = tmp_path / "respuestas.xlsx"
    dialogs.files.append(target)
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.texts("inform")), timeout=10_000)
    assert dialogs.texts("inform") == [f"{saved}{target}."]
    page.shutdown()


SUPPRESSED = {
    ("es", 1): (
        "Ahora hay 1 número o dirección de la planilla en la lista de exclusión. "
        "1 fila no tenía un número o dirección que se pudiera leer.",
        "1 número o dirección nunca recibe nada.",
    ),
    ("es", 2): (
        "Ahora hay 2 números o direcciones de la planilla en la lista de exclusión. "
        "2 filas no tenían un número o dirección que se pudiera leer.",
        "2 números y direcciones nunca reciben nada.",
    ),
    ("en", 1): (
        "1 number or address is on the suppression list now. "
        "1 row had no number or address that could be read.",
        "1 number or address never receives anything.",
    ),
    ("en", 2): (
        "2 numbers or addresses are on the suppression list now. "
        "2 rows had no number or address that could be read.",
        "2 numbers and addresses never receive anything.",
    ),
}


@pytest.mark.parametrize("count", [1, 2])
def test_the_suppression_import_says_number_or_numbers(
    qtbot: QtBot, journal: Journal, settings: Settings, tmp_path: Path, language: str, count: int
) -> None:
    sheet = tmp_path / "bajas.xlsx"
    book = Workbook()
    rows = book.active
    assert rows is not None
    rows.append(["Nombre", "Celular"])
    for i in range(count):
        rows.append([f"Cliente {i}", f"+56 9 1234 567{i}"])
        rows.append([f"Malo {i}", "12"])  # no number that can be read
    book.save(sheet)
    page = SuppressionPage(settings, journal)
    dialogs = shown(qtbot, page)
    dialogs.files.append(sheet)
    page.import_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.texts("inform")), timeout=10_000)
    imported, listed = SUPPRESSED[(language, count)]
    assert dialogs.texts("inform") == [imported]
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=10_000)
    assert page.count_label.text() == listed
    page.shutdown()


CONFIRM = {
    ("es", 1): (
        "Se enviará 1 SMS con Demo, con un costo de 1 crédito.\nSaldo: 1 crédito.",
        "Se enviará 1 correo con Demo.",
        "&Enviar 1 mensaje",
    ),
    ("es", 2): (
        "Se enviarán 2 SMS con Demo, con un costo de 2 créditos.\nSaldo: 2 créditos.",
        "Se enviarán 2 correos con Demo.",
        "&Enviar 2 mensajes",
    ),
    ("en", 1): (
        "1 SMS will be sent with Demo, costing 1 credit.\nBalance: 1 credit.",
        "1 e-mail will be sent with Demo.",
        "&Send 1 message",
    ),
    ("en", 2): (
        "2 SMS will be sent with Demo, costing 2 credits.\nBalance: 2 credits.",
        "2 e-mails will be sent with Demo.",
        "&Send 2 messages",
    ),
}


@pytest.mark.parametrize("count", [1, 2])
def test_the_confirmation_says_message_and_credit_or_their_plurals(
    qtbot: QtBot, language: str, count: int
) -> None:
    sms_text, email_text, button = CONFIRM[(language, count)]
    sms = ConfirmSendDialog(SendSummary("Promo", "Demo", False, count, count, count))
    email = ConfirmSendDialog(SendSummary("Promo", "Demo", True, count, count))
    for dialog in (sms, email):
        qtbot.addWidget(dialog)
    assert sms.text == sms_text
    assert email.text == email_text
    assert sms.findChild(QPushButton, "confirmSendButton").text() == button


def test_counts_in_plural_sentences_keep_the_languages_thousands_separator(
    qtbot: QtBot, language: str
) -> None:
    dialog = ConfirmSendDialog(SendSummary("Promo", "Demo", False, 1234, 2468, 1_000_000))
    qtbot.addWidget(dialog)
    count, credits, balance = (number(n, language) for n in (1234, 2468, 1_000_000))
    assert count == ("1.234" if language == "es" else "1,234")  # as the window wrote counts before %Ln
    assert f"{count} SMS" in dialog.text and f"{credits} " in dialog.text and f"{balance} " in dialog.text
