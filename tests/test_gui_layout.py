"""The window never grows by itself (issue 20): each step at 1024×700, long texts, a wide sheet, 2 languages.

Offscreen, Qt still enforces a layout's minimum size on the window (it grows to fit), so a
label that does not wrap or a row of wide buttons shows here; tests/test_gui_layout_x11.py
looks at the same window under a real X server.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QCoreApplication, QSize, QTranslator
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.core.journal import Journal
from app.core.paths import resources_dir
from app.core.settings import Settings
from app.gui.main_window import (
    HISTORY,
    INBOX,
    MESSAGE,
    PROVIDER,
    RECIPIENTS,
    REVIEW,
    SUPPRESSION,
    TRACKING,
    MainWindow,
)
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.gui_campaigns import (
    NAMES,
    demo,
    make_campaign,
)
from tests.gui_window import import_sheet, open_window, write_message

SIZE = QSize(1024, 700)
COLUMNS = 40
# Long words, UCS-2 characters (the counter line names them), merge fields: 1,700 characters.
PHRASE = (
    "Estimada clientela: «Ofertas» de temporada en electrodomésticos, refrigeradores, lavadoras — "
    "{Nombre}, aproveche descuentos extraordinarios de hasta 50% en la tienda de {Ciudad}. "
)
MESSAGE_TEXT = PHRASE * (1700 // len(PHRASE))
MESSAGE_TEXT += "x" * (1700 - len(MESSAGE_TEXT))
LONG = "El servidor de correo rechazó la conexión: 535 5.7.8 Username and Password not accepted. " * 3


def wide_sheet(path: Path, rows: int = 30) -> Path:
    """A sheet of 40 columns with long headers and long values."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Clientes de la temporada 2026")
    extra = [f"Información adicional del cliente número {n}" for n in range(COLUMNS - 4)]
    sheet.append(["Nombre", "Celular", "Ciudad", "Correo", *extra])  # an address too: the e-mail composer
    for i in range(rows):
        values = [f"Valor bastante largo de la columna {n} para la fila {i}" for n in range(COLUMNS - 4)]
        # Colombian mobiles, written in full: every provider takes them, IT Cloud (Colombia only) too.
        number = f"+57 300 {100 + i:03d} {1000 + i:04d}"
        name = NAMES[i % len(NAMES)]
        address = f"{name.lower()}.{i}@example.com"
        sheet.append([name + " de los Santos Fernández", number, "Santiago", address, *values])
    book.save(path)
    return path


@pytest.fixture(params=["es", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The window's own translation installed (English is the source text: installed all the same)."""
    app = QApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(f"masivo_{request.param}", str(resources_dir() / "translations"))
    app.installTranslator(translator)
    yield request.param
    app.removeTranslator(translator)


def assert_kept(window: MainWindow, where: str) -> None:
    QCoreApplication.processEvents()
    if folder := os.environ.get("MASIVO_LAYOUT_SHOTS"):  # to look at: MASIVO_LAYOUT_SHOTS=/tmp/shots
        window.grab().save(str(Path(folder) / f"{window.settings.get('language')}-{where}.png"))
    layout = window.layout()
    assert layout is not None
    layout.activate()
    needed = window.minimumSizeHint()
    assert window.size() == SIZE, f"{where}: the window grew to {window.size().toTuple()}"
    assert window.minimumSize().width() <= SIZE.width() and window.minimumSize().height() <= SIZE.height(), (
        f"{where}: the minimum size rose to {window.minimumSize().toTuple()}"
    )
    assert needed.width() <= SIZE.width() and needed.height() <= SIZE.height(), (
        f"{where}: the window needs {needed.toTuple()}"
    )


def test_every_step_fits_1024_by_700_with_long_texts(
    qtbot: QtBot, language: str, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(tmp_path / "settings.json")
    settings.set("language", language)
    sheet = wide_sheet(tmp_path / "clientes de la campaña de temporada con un nombre de archivo largo.xlsx")
    window = open_window(qtbot, settings, journal, demo(), sheet)
    window.resize(SIZE)
    provider_page = window.provider_page
    combo = provider_page.findChild(QComboBox, "providerCombo")
    walked = []
    for index in [*range(combo.count()), combo.findData("demo")]:  # every provider's form, then the demo
        combo.setCurrentIndex(index)
        walked.append(provider_page.current.id)
        assert_kept(window, f"provider {combo.currentText()}")
    assert {"smtp", "itcloud"} <= set(walked)
    # The SMTP form (a dozen fields, lists among them) filled with long values, its placeholders shown.
    combo.setCurrentIndex(combo.findData("itcloud"))
    provider_page.advanced_button.setChecked(True)  # opened for a web service; SMTP has no base URL
    combo.setCurrentIndex(combo.findData("smtp"))
    assert not provider_page.advanced.isVisible()
    for field in provider_page.current.credentials:
        widget = provider_page.findChild(QWidget, f"credential_{field.key}")
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.count() - 2)  # not "plain": that one asks first
        elif isinstance(widget, QLineEdit) and field.required:
            widget.setText(f"{field.label} muy largo de una empresa con nombre extenso " * 2)
    assert_kept(window, "provider smtp filled")
    provider_page.status_label.setText(
        provider_page.tr("The connection failed: {reason}").format(reason=LONG)
    )
    assert_kept(window, "provider smtp failed test")
    provider_page.advanced_button.setChecked(False)
    combo.setCurrentIndex(combo.findData("demo"))
    provider_page.sms_radio.setChecked(True)  # the e-mail-only SMTP switched the channel to e-mail
    import_sheet(qtbot, window, sheet)
    assert_kept(window, "recipients")
    with qtbot.waitSignal(window.message_page.cost_ready, timeout=10_000):
        write_message(qtbot, window, MESSAGE_TEXT)
    page = window.message_page
    assert_kept(window, "message")
    editor = page.findChild(QPlainTextEdit, "messageEdit")
    editor.setPlainText(
        PHRASE * (1400 // len(PHRASE))
    )  # under the demo's limit: Review prepares the campaign
    qtbot.waitUntil(window.next_button.isEnabled, timeout=10_000)
    assert window.go_to(REVIEW)
    qtbot.waitUntil(lambda: window.review_page.prepared is not None, timeout=20_000)
    assert_kept(window, "review")
    campaign_id = make_campaign(journal, 20, name="Campaña de temporada " * 8)
    window.show_campaign(campaign_id)
    assert window.current_step() == TRACKING
    qtbot.waitUntil(lambda: window.tracking_page.campaign is not None, timeout=10_000)
    assert_kept(window, "tracking")
    for step in (HISTORY, INBOX, SUPPRESSION, MESSAGE):
        assert window.go_to(step)
        QCoreApplication.processEvents()
        assert_kept(window, f"step {step}")
    # IT Cloud: a notice atop the recipients (it sends to Colombia only), the SMS mode under the message.
    assert window.go_to(PROVIDER)
    combo.setCurrentIndex(combo.findData("itcloud"))
    for field in provider_page.current.credentials:
        provider_page.findChild(QLineEdit, f"credential_{field.key}").setText("x" * 40)
    with qtbot.waitSignal(window.recipients_page.import_finished, timeout=20_000):  # read again for it
        assert window.go_to(RECIPIENTS)
    assert window.recipients_page.country_notice.isVisible()
    assert_kept(window, "recipients itcloud")
    assert window.go_to(MESSAGE)
    assert page.sms_mode.isVisible()
    page.sms_mode.combo.setCurrentIndex(page.sms_mode.combo.findData("flash"))  # the longest explanation
    assert_kept(window, "message itcloud")
    # The e-mail composer: the formatting toolbar over the editor, long subject and sender, then as HTML.
    assert window.go_to(PROVIDER)
    combo.setCurrentIndex(combo.findData("demo"))
    provider_page.email_radio.setChecked(True)
    with qtbot.waitSignal(window.recipients_page.import_finished, timeout=20_000):  # read again for it
        assert window.go_to(RECIPIENTS)
    assert window.go_to(MESSAGE)
    composer = page.composer
    assert composer.rich.isVisible() and composer.rich.bold_button.isVisible()
    for edit in (composer.subject_edit, composer.sender_name_edit, composer.sender_email_edit):
        edit.setText(PHRASE * 2)
    composer.rich.edit.setHtml("<ul>" + f"<li><strong>{PHRASE}</strong></li>" * 30 + "</ul>")
    assert_kept(window, "message email")
    composer.html_check.setChecked(True)
    assert composer.message_edit.isVisible()
    assert_kept(window, "message email html")
