"""Connection tests say what happened (issue 20): each failure its own sentence, a balance read never worded
as a send, a detail when one is mentioned, a test the user can cancel. The real window, IT Cloud's fake."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from app.core.journal import Journal
from app.core.settings import Settings
from app.gui.main_window import MainWindow
from app.gui.pages import provider as provider_page
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.fakes.itcloud import FakeItCloud
from tests.fakes.server import FakeServer, Reply, Request, serving
from tests.gui_campaigns import (
    demo,
    write_sheet,
)
from tests.gui_window import click, open_window


@pytest.fixture
def fake() -> FakeItCloud:
    return FakeItCloud(balance=4321)


class Answers:
    """IT Cloud's fake, or what a wrong URL, a gateway or a slow server answers instead."""

    def __init__(self, fake: FakeItCloud) -> None:
        self.fake, self.status = fake, 0

    def handle(self, request: Request) -> Reply:
        if self.status == 404:
            return Reply(404, "<html><body><h1>404 Not Found</h1>nginx</body></html>")
        if self.status == 401:
            return Reply(401, "<html><body><h1>401 Authorization Required</h1></body></html>")
        return self.fake.handle(request)


@pytest.fixture
def answers(fake: FakeItCloud) -> Answers:
    return Answers(fake)


@pytest.fixture
def server(answers: Answers) -> Iterator[FakeServer]:
    with serving(answers.handle) as server:
        yield server


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def itcloud_form(qtbot: QtBot, window: MainWindow, url: str, user: str, token: str) -> None:
    page = window.provider_page
    combo = page.findChild(QComboBox, "providerCombo")
    combo.setCurrentIndex(combo.findData("itcloud"))
    qtbot.mouseClick(page.findChild(QToolButton, "advancedButton"), Qt.MouseButton.LeftButton)
    for name, text in (("baseUrlEdit", url), ("credential_user", user), ("credential_token", token)):
        edit = page.findChild(QLineEdit, name)
        edit.clear()
        qtbot.keyClicks(edit, text)


def outcome_of(qtbot: QtBot, window: MainWindow) -> str:
    """Click Test connection; the sentence it ends with."""
    page = window.provider_page
    label = page.findChild(QLabel, "connectionStatusLabel")
    click(qtbot, page.findChild(QPushButton, "testConnectionButton"))
    qtbot.waitUntil(lambda: page.findChild(QPushButton, "testConnectionButton").isEnabled(), timeout=20_000)
    return label.text()


def test_each_failure_of_a_connection_test_has_its_own_sentence(
    qtbot: QtBot, tmp_path: Path, journal: Journal, fake: FakeItCloud, answers: Answers, server: FakeServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(provider_page, "TEST_HTTP", {"timeout": (2.0, 0.5), "attempts": 1}, raising=False)
    settings = Settings(tmp_path / "settings.json")
    settings.set("language", "en")
    window = open_window(qtbot, settings, journal, demo(), write_sheet(tmp_path / "s.xlsx", 1))
    said: dict[str, str] = {}

    def check(kind: str, text: str) -> None:
        assert "may or may not" not in text and "paused" not in text, f"{kind}: {text}"
        assert "see the detail" not in text or "(" in text, (
            f"{kind} mentions a detail it does not show: {text}"
        )
        said[kind] = text

    itcloud_form(qtbot, window, f"http://127.0.0.1:{closed_port()}", fake.user, fake.token)
    check("unreachable", outcome_of(qtbot, window))
    itcloud_form(qtbot, window, server.url, fake.user, fake.token)
    answers.status = 404
    check("404", outcome_of(qtbot, window))
    assert "404" in said["404"] and "URL" in said["404"]
    answers.status = 401
    check("401", outcome_of(qtbot, window))
    assert "401" in said["401"]
    answers.status = 0
    server.faults.fail_after = lambda request: 502
    check("gateway", outcome_of(qtbot, window))
    server.faults.fail_after = lambda request: None
    itcloud_form(qtbot, window, server.url, fake.user, "not-the-token")
    check("refused credential", outcome_of(qtbot, window))
    itcloud_form(qtbot, window, server.url, fake.user, fake.token)
    server.faults.delay_after = lambda request: 1.5
    check("timeout", outcome_of(qtbot, window))
    assert "in time" in said["timeout"]
    assert len(set(said.values())) == len(said), f"two failures say the same: {said}"
    server.faults.delay_after = lambda request: 0.0
    assert "4,321" in outcome_of(qtbot, window)


def test_a_connection_test_can_be_cancelled(
    qtbot: QtBot, tmp_path: Path, journal: Journal, fake: FakeItCloud, server: FakeServer
) -> None:
    settings = Settings(tmp_path / "settings.json")
    window = open_window(qtbot, settings, journal, demo(), write_sheet(tmp_path / "s.xlsx", 1))
    itcloud_form(qtbot, window, server.url, fake.user, fake.token)
    server.faults.delay_after = lambda request: 2.0
    page = window.provider_page
    click(qtbot, page.findChild(QPushButton, "testConnectionButton"))
    cancel = page.findChild(QPushButton, "cancelTestButton")
    qtbot.waitUntil(cancel.isVisible)
    click(qtbot, cancel)
    assert page.findChild(QPushButton, "testConnectionButton").isEnabled()
    label = page.findChild(QLabel, "connectionStatusLabel")
    assert "cancelled" in label.text()
    qtbot.wait(2_500)  # the abandoned request's answer comes, and is dropped
    assert "cancelled" in label.text()
