"""The Provider step: choosing a provider, credentials in the keyring, "Test connection" over real HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QRadioButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.core.domain import Channel
from app.core.reasons import reason_text
from app.core.secrets import CredentialStore
from app.core.settings import Settings
from app.gui.models.draft import CampaignDraft
from app.gui.pages.provider import ProviderPage
from tests.fakes.dialogs import Host, ScriptedDialogs
from tests.fakes.itcloud import FakeItCloud
from tests.fakes.server import FakeServer, serving

from .conftest import MemoryKeyring


@pytest.fixture
def fake() -> FakeItCloud:
    return FakeItCloud(balance=4321)


@pytest.fixture
def server(fake: FakeItCloud) -> Iterator[FakeServer]:
    with serving(fake.handle) as server:
        yield server


def make_page(host: Host, settings: Settings) -> ProviderPage:
    page = ProviderPage(CampaignDraft(), settings, CredentialStore(), host)
    host.show()
    return page


def choose(page: ProviderPage, provider_id: str) -> None:
    combo = page.findChild(QComboBox, "providerCombo")
    combo.setCurrentIndex(combo.findData(provider_id))


def status(page: ProviderPage) -> str:
    return page.findChild(QLabel, "connectionStatusLabel").text()


def test_demo_is_chosen_on_first_run_and_needs_no_credentials(
    qtbot: QtBot, host: Host, settings: Settings, dialogs: ScriptedDialogs
) -> None:
    page = make_page(host, settings)
    assert page.findChild(QComboBox, "providerCombo").currentData() == "demo"
    assert page.is_complete()
    assert page.findChild(QLabel, "noCredentialsLabel").isVisible()
    assert page.draft.provider_id == "demo" and page.draft.channel is Channel.SMS
    qtbot.mouseClick(page.findChild(QPushButton, "testConnectionButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1.000.000" in status(page))


def test_itcloud_credentials_are_tested_against_the_fake_and_kept_in_the_keyring(
    qtbot: QtBot,
    host: Host,
    settings: Settings,
    fake: FakeItCloud,
    server: FakeServer,
    memory_keyring: MemoryKeyring,
) -> None:
    page = make_page(host, settings)
    choose(page, "itcloud")
    assert not page.is_complete()
    assert not page.findChild(QRadioButton, "emailRadio").isEnabled()  # IT Cloud sends SMS only
    user = page.findChild(QLineEdit, "credential_user")
    token = page.findChild(QLineEdit, "credential_token")
    assert user.accessibleName() == "Usuario" and token.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(page.findChild(QToolButton, "advancedButton"), Qt.MouseButton.LeftButton)
    base_url = page.findChild(QLineEdit, "baseUrlEdit")
    assert base_url.isVisible()
    qtbot.keyClicks(base_url, server.url)
    qtbot.keyClicks(user, fake.user)
    qtbot.keyClicks(token, fake.token)
    assert page.is_complete()
    qtbot.mouseClick(page.findChild(QPushButton, "testConnectionButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "4.321" in status(page))
    assert json.loads(memory_keyring.entries[("masivo", "itcloud")]) == {
        "user": fake.user,
        "token": fake.token,
    }
    assert server.requests_to("/itcloud/api/sendsms/query.php"), "the balance call never reached the fake"
    assert settings.get("provider") == "itcloud"
    assert settings.get("base_url.itcloud") == server.url
    assert fake.token not in status(page)


@pytest.mark.logs_errors
def test_a_wrong_token_is_said_in_plain_words_and_not_stored(
    qtbot: QtBot,
    host: Host,
    settings: Settings,
    fake: FakeItCloud,
    server: FakeServer,
    memory_keyring: MemoryKeyring,
) -> None:
    settings.set("base_url.itcloud", server.url)
    page = make_page(host, settings)
    choose(page, "itcloud")
    assert "only to numbers of Colombia (+57)" in page.findChild(QLabel, "supportsLabel").text()
    qtbot.keyClicks(page.findChild(QLineEdit, "credential_user"), fake.user)
    qtbot.keyClicks(page.findChild(QLineEdit, "credential_token"), "not-the-token")
    qtbot.mouseClick(page.findChild(QPushButton, "testConnectionButton"), Qt.MouseButton.LeftButton)
    # IT Cloud's balance -1 cannot tell a wrong token from an administrator account: it says both.
    expected = reason_text("credentials_unconfirmed", "IT Cloud Services", "es")
    qtbot.waitUntil(lambda: expected in status(page))
    assert memory_keyring.entries == {}
    assert "not-the-token" not in status(page)


def test_stored_credentials_fill_the_form_and_can_be_forgotten(
    qtbot: QtBot, host: Host, settings: Settings, dialogs: ScriptedDialogs, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password("masivo", "connecta", json.dumps({"user": "ventas", "password": "s3cret"}))
    page = make_page(host, settings)
    choose(page, "connecta")
    assert page.findChild(QLineEdit, "credential_user").text() == "ventas"
    assert page.findChild(QLineEdit, "credential_password").text() == "s3cret"
    assert page.findChild(QLabel, "plainHttpLabel").isVisible()  # Connecta speaks plain HTTP
    assert page.findChild(QRadioButton, "emailRadio").isEnabled()
    dialogs.answers.append(True)
    qtbot.mouseClick(page.findChild(QPushButton, "forgetCredentialsButton"), Qt.MouseButton.LeftButton)
    assert memory_keyring.entries == {}
    assert page.findChild(QLineEdit, "credential_user").text() == ""
    assert not page.is_complete()


def test_leaving_the_step_saves_what_was_typed(
    qtbot: QtBot, host: Host, settings: Settings, dialogs: ScriptedDialogs, memory_keyring: MemoryKeyring
) -> None:
    page = make_page(host, settings)
    choose(page, "wavy")
    qtbot.keyClicks(page.findChild(QLineEdit, "credential_user"), "empresa")
    qtbot.keyClicks(page.findChild(QLineEdit, "credential_token"), "tok-123")
    page.leave()
    assert json.loads(memory_keyring.entries[("masivo", "wavy")]) == {"user": "empresa", "token": "tok-123"}


def test_every_control_has_a_name_for_tests_and_screen_readers(
    qtbot: QtBot, host: Host, settings: Settings, dialogs: ScriptedDialogs
) -> None:
    page = make_page(host, settings)
    choose(page, "connectus")
    for widget in page.findChildren(QWidget):
        if isinstance(widget, QPushButton | QLineEdit | QComboBox):
            assert widget.objectName(), f"{type(widget).__name__} {widget!r} has no objectName"
            assert widget.accessibleName(), f"{widget.objectName()} has no accessible name"


def test_tab_goes_from_the_channel_through_the_credentials_to_the_test_button(
    qtbot: QtBot, host: Host, settings: Settings
) -> None:
    page = make_page(host, settings)
    choose(page, "itcloud")
    qtbot.waitUntil(page.findChild(QLineEdit, "credential_token").isVisible)  # shown on the next event pass
    order: list[str] = []
    widget = page.findChild(QComboBox, "providerCombo")
    while widget is not None and len(order) < 12:
        if widget.objectName() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is page.findChild(QComboBox, "providerCombo"):
            break
    test_at = order.index("testConnectionButton")
    assert "credential_user" in order, order
    assert order.index("credential_user") < order.index("credential_token") < test_at, order
