"""The window a shop owner can trust (issue 20): last-step guards, a cancel that stops, a crash seen at once.

Each test drives the real window, click by click, on a real journal and a demo provider.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.core.journal import Journal
from app.core.settings import Settings
from app.gui.main_window import REVIEW
from tests.gui_campaigns import demo, journal_at, write_sheet
from tests.gui_window import import_sheet, open_window, review, said, write_message


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    journal = journal_at(tmp_path)
    yield journal
    journal.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


def test_a_message_over_the_limit_for_some_recipients_blocks_next_and_send(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = write_sheet(tmp_path / "clientes.xlsx", 20)  # rows 8 and 18 are Gabriela: the longest name
    window = open_window(qtbot, settings, journal, demo(), sheet)
    import_sheet(qtbot, window, sheet)
    editor = write_message(qtbot, window, "x" * 1594 + "{Nombre}")  # the demo takes 1,600 characters
    page = window.message_page
    cost = page.findChild(QLabel, "costLabel")
    qtbot.waitUntil(lambda: "Over the provider's limit" in cost.text(), timeout=10_000)
    assert not window.next_button.isEnabled(), "Next lets a message the provider refuses through"
    problems = page.findChild(QLabel, "templateErrorLabel").text()
    assert "2 recipient" in problems and "1.600" in problems, problems

    assert not window.go_to(REVIEW), "Review opens before the message fits"
    editor.setPlainText("Hola {Nombre}")
    qtbot.waitUntil(window.next_button.isEnabled, timeout=10_000)
    assert page.findChild(QLabel, "templateErrorLabel").text() == ""
    editor.setPlainText("x" * 1594 + "{Nombre}")
    qtbot.waitUntil(lambda: "2 recipient" in page.findChild(QLabel, "templateErrorLabel").text())

    # Review checks the prepared campaign itself, whatever way the user came in.
    monkeypatch.setattr(page, "is_complete", lambda: True)
    window.update_navigation()
    review(qtbot, window)
    form = window.review_page.form
    assert window.review_page.prepared is not None and window.review_page.prepared.over_limit == 2
    assert not form.send_button.isEnabled(), "Send is offered for a message the provider refuses"
    assert "2 recipient" in form.status_label.text(), form.status_label.text()
    window.review_page.on_send()
    assert window.review_page.confirm_dialog is None
    assert said(window).texts("warn")[-1] == form.status_label.text()
