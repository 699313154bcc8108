"""The window with "Correo propio (SMTP)": its form from the adapter's fields, presets, and a real login."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from app.core.deliverability import DeliverabilityCheck
from app.core.domain import Channel
from app.core.reasons import reason_text
from app.core.secrets import CredentialStore
from app.core.settings import Settings
from app.gui.models.draft import CampaignDraft
from app.gui.pages.provider import ProviderPage
from app.gui.pages.review import ReviewPage
from tests.fakes.dialogs import Host, ScriptedDialogs
from tests.fakes.dns import Records, dns_server, txt
from tests.fakes.sheets import email_sheet
from tests.fakes.smtp import PASSWORD, USER, FakeSmtpServer, smtp_server
from tests.gui_campaigns import journal_at, read_sheet, runner_for
from tests.smtp_support import smtp_adapter
from tests.test_gui_provider import choose, status

from .conftest import MemoryKeyring


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSmtpServer]:
    with smtp_server(tmp_path) as running:
        monkeypatch.setenv("SSL_CERT_FILE", str(running.cert))  # the system trust store, for this test
        yield running


def smtp_page(host: Host, settings: Settings) -> ProviderPage:
    page = ProviderPage(CampaignDraft(), settings, CredentialStore(), host)
    host.show()
    choose(page, "smtp")
    return page


def field(page: ProviderPage, key: str) -> QLineEdit:
    return page.findChild(QLineEdit, f"credential_{key}")


def combo(page: ProviderPage, key: str) -> QComboBox:
    return page.findChild(QComboBox, f"credential_{key}")


def test_the_form_offers_the_presets_and_shows_their_values(host: Host, settings: Settings) -> None:
    page = smtp_page(host, settings)
    assert page.findChild(QRadioButton, "emailRadio").isChecked()
    assert not page.findChild(QRadioButton, "smsRadio").isEnabled()
    presets = combo(page, "preset")
    assert [presets.itemData(i) for i in range(presets.count())] == ["gmail", "microsoft365", "ses", "other"]
    assert field(page, "host").placeholderText() == "smtp.gmail.com"
    assert field(page, "per_day").placeholderText() == "2000"
    presets.setCurrentIndex(presets.findData("microsoft365"))
    assert field(page, "host").placeholderText() == "smtp.office365.com"
    assert field(page, "per_minute").placeholderText() == "30"
    assert field(page, "password").echoMode() == QLineEdit.EchoMode.Password
    assert not page.is_complete(), "user, password and sender are required; server and limits are not"


@pytest.mark.parametrize(
    ("language", "name", "password", "other", "plain"),
    [
        (
            "es",
            "Correo propio (SMTP)",
            "Contraseña (o contraseña de aplicación)",
            "Otro servidor",
            "Sin cifrar",
        ),
        ("en", "Own mail server (SMTP)", "Password (or app password)", "Other server", "Unencrypted"),
    ],
)
def test_the_form_speaks_the_users_language(
    host: Host,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    name: str,
    password: str,
    other: str,
    plain: str,
) -> None:
    monkeypatch.setenv("MASIVO_LANG", language)  # what the window sets for the core's words
    page = smtp_page(host, settings)
    providers = page.provider_combo
    assert providers.itemText(providers.findData("smtp")) == name
    assert field(page, "password").accessibleName() == password
    labels = [label.text() for label in page.findChildren(QLabel)]
    assert f"&{password}:" in labels
    presets = combo(page, "preset")
    assert presets.itemText(presets.findData("other")) == other
    security = combo(page, "security")
    assert security.itemText(security.findData("plain")).startswith(plain)


def test_plain_security_needs_an_explicit_yes(
    host: Host, settings: Settings, dialogs: ScriptedDialogs
) -> None:
    page = smtp_page(host, settings)
    security = combo(page, "security")
    dialogs.answers.append(False)
    security.setCurrentIndex(security.findData("plain"))
    assert dialogs.said[-1].text == reason_text("smtp_plain", "Correo propio (SMTP)", "es")
    assert security.currentData() == "", "a no keeps the service's encryption"
    dialogs.answers.append(True)
    security.setCurrentIndex(security.findData("plain"))
    assert security.currentData() == "plain"


@pytest.mark.logs_errors  # the wrong password's failure is logged by the worker, as for every provider
def test_a_login_against_a_real_server_stores_the_fields_in_the_keyring(
    qtbot: QtBot, host: Host, settings: Settings, server: FakeSmtpServer, memory_keyring: MemoryKeyring
) -> None:
    page = smtp_page(host, settings)
    presets = combo(page, "preset")
    presets.setCurrentIndex(presets.findData("other"))
    qtbot.keyClicks(field(page, "host"), server.host)
    qtbot.keyClicks(field(page, "port"), str(server.port))
    qtbot.keyClicks(field(page, "user"), USER)
    qtbot.keyClicks(field(page, "password"), "wrong-password")
    field(page, "from_name").setText("Tienda Ñuñoa")  # QTest types ASCII only
    qtbot.keyClicks(field(page, "from_email"), USER)
    assert page.is_complete()
    test = page.findChild(QPushButton, "testConnectionButton")
    qtbot.mouseClick(test, Qt.MouseButton.LeftButton)
    wrong = reason_text("wrong_credentials", "Correo propio (SMTP)", "es")
    qtbot.waitUntil(lambda: wrong in status(page))
    assert memory_keyring.entries == {} and "wrong-password" not in status(page)

    server.behaviour.auth_reply = "454 4.7.0 Temporary authentication failure"  # the server's trouble
    qtbot.waitUntil(test.isEnabled)
    qtbot.mouseClick(test, Qt.MouseButton.LeftButton)
    busy = reason_text("busy_read", "Correo propio (SMTP)", "es")
    qtbot.waitUntil(lambda: busy in status(page))
    assert "454" in status(page) and "reintentará" not in status(page)  # a test is not retried
    server.behaviour.auth_reply = ""

    field(page, "password").clear()
    qtbot.keyClicks(field(page, "password"), PASSWORD)
    qtbot.waitUntil(test.isEnabled)
    qtbot.mouseClick(test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Connection works" in status(page) or "funciona" in status(page))
    stored = json.loads(memory_keyring.entries[("masivo", "smtp")])
    assert stored["host"] == server.host and stored["password"] == PASSWORD and stored["preset"] == "other"
    assert PASSWORD not in status(page)
    assert not any(PASSWORD in label.text() for label in page.findChildren(QLabel))


def test_the_review_step_checks_the_sender_domain_and_spreads_the_days(
    qtbot: QtBot, tmp_path: Path, server: FakeSmtpServer
) -> None:
    records: Records = {
        "empresa.cl": [("SOA", "ns.empresa.cl. admin.empresa.cl. 1 3600 600 86400 300"),
                       txt("v=spf1 include:_spf.google.com ~all")],
        "google._domainkey.empresa.cl": [txt("v=DKIM1; k=rsa; p=MIIBIjANBgkqh")],
    }  # fmt: skip
    journal = journal_at(tmp_path)
    settings = Settings(tmp_path / "settings.json")
    provider = smtp_adapter(server, preset="gmail", host=server.host, per_day="4", per_minute="30")
    draft = CampaignDraft(
        provider_id="smtp", channel=Channel.EMAIL, recipients_path=email_sheet(tmp_path / "c.xlsx", 10),
        email_column="Correo", columns=["Nombre", "Correo"], template_text="<p>Hola {Nombre}</p>",
        subject="Oferta", html=True,
    )  # fmt: skip
    read_sheet(draft)  # what the recipients step leaves
    with dns_server(records) as dns:
        runner = runner_for(journal, settings, provider)
        page = ReviewPage(draft, settings, journal, runner=runner,
                          sender_check=lambda: DeliverabilityCheck(dns.resolver()))  # fmt: skip
        page.dialogs = ScriptedDialogs()  # type: ignore[attr-defined]
        qtbot.addWidget(page)
        page.show()
        page.enter()
        form = page.form
        qtbot.waitUntil(lambda: page.prepared is not None and page.email_review is not None, timeout=10_000)
        lines = form.domain_label.text().splitlines()
        assert lines[0] == "empresa.cl:"
        assert lines[1].startswith("✔ SPF correcto") and lines[2].startswith("✔ DKIM correcto")
        assert lines[3].startswith("✘ No hay registro DMARC")
        assert form.duration_label.text() == "3 days: 4 a day, the service's daily limit."
        assert form.pace_label.text() == "One message per request, one request every 2 s."
        runner.pause_and_wait()
        page.shutdown()
    provider.close()
    journal.close()
