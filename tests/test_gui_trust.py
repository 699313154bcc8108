"""The window a shop owner can trust (issue 20): last-step guards, a cancel that stops, a crash seen at once.

Each test drives the real window, click by click, on a real journal and a demo provider.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QPlainTextEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.core.domain import CampaignStatus, State
from app.core.journal import Journal
from app.core.settings import Settings
from app.gui.application import open_sheet_from_arguments
from app.gui.main_window import MESSAGE, RECIPIENTS, REVIEW
from app.providers.base import OutgoingMessage, SendOptions, SendResult
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.fakes.dialogs import ScriptedDialogs
from tests.gui_campaigns import (
    Gated,
    demo,
    make_campaign,
    write_sheet,
)
from tests.gui_window import click, import_sheet, open_sheet, open_window, review, said, write_message


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


class Counting(Gated):
    """The demo, a little slow (20 ms a request), counting the requests that started."""

    def __init__(self) -> None:
        super().__init__(demo(), hold_at=0)

    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        time.sleep(0.02)
        return super().send(batch, options)


@dataclass
class SlowToAnswer(ScriptedDialogs):
    """A user who reads the question for a while: requests started meanwhile are recorded."""

    provider: Counting | None = None
    during: list[int] = field(default_factory=list)  # requests started while each question was open

    def ask(self, parent: QWidget | None, title: str, text: str, *, yes: str = "", no: str = "") -> bool:
        assert self.provider is not None
        before = self.provider.sends
        time.sleep(0.4)  # on the GUI thread, as a modal dialog would hold it; the sender runs on
        self.during.append(self.provider.sends - before)
        return super().ask(parent, title, text, yes=yes, no=no)


def test_cancel_holds_the_sender_before_asking_and_no_resumes_it(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    provider = Counting()
    dialogs = SlowToAnswer(answers=[False, True], provider=provider)
    window = open_window(qtbot, settings, journal, provider, write_sheet(tmp_path / "s.xlsx", 1), dialogs)
    window.runner.dispatcher_options = {"batch_size": 2}
    campaign_id = make_campaign(journal, 2_000)
    window.runner.start(campaign_id)
    window.show_campaign(campaign_id)
    panel = window.tracking_page.panel
    qtbot.waitUntil(lambda: provider.sends >= 3, timeout=10_000)

    click(qtbot, panel.cancel_button)  # "Keep sending"
    assert dialogs.during[-1] <= 1, f"{dialogs.during[-1]} requests started while the user was asked"
    asked = provider.sends
    qtbot.waitUntil(lambda: provider.sends >= asked + 3, timeout=10_000)  # "No" resumed it
    assert window.runner.is_sending()

    with qtbot.waitSignal(window.runner.finished, timeout=10_000) as ended:
        click(qtbot, panel.cancel_button)  # "Cancel the campaign"
    assert dialogs.during[-1] <= 1
    assert ended.args[0].status is CampaignStatus.CANCELLED
    question = dialogs.texts("ask")[-1]
    stated = int(re.sub(r"[.,]", "", re.search(r"([\d.,]+) recipient", question).group(1)))  # type: ignore[union-attr]
    left = journal.counts(campaign_id).get(State.PENDING.value, 0)
    assert stated == left, f"the question said {stated}; {left} were left unsent"


def test_pause_starts_no_new_request(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    provider = Counting()
    window = open_window(qtbot, settings, journal, provider, write_sheet(tmp_path / "s.xlsx", 1))
    window.runner.dispatcher_options = {"batch_size": 2}
    campaign_id = make_campaign(journal, 2_000)
    window.runner.start(campaign_id)
    window.show_campaign(campaign_id)
    qtbot.waitUntil(lambda: provider.sends >= 3, timeout=10_000)
    with qtbot.waitSignal(window.runner.finished, timeout=10_000) as ended:
        click(qtbot, window.tracking_page.panel.pause_button)
        clicked = provider.sends
    assert ended.args[0].status is CampaignStatus.PAUSED
    assert provider.sends <= clicked + 1


KILLED_SENDER = """
import os, signal, sys
from app.core.journal import open_journal
journal = open_journal(sys.argv[1])
journal.begin_run(int(sys.argv[2]))  # the lease, and the campaign `running` with a fresh heartbeat
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL; Windows waits for the lease to expire")
def test_a_campaign_whose_sender_was_killed_here_is_interrupted_at_once_and_offered(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    campaign_id = make_campaign(journal, 50, name="Ofertas de marzo")
    killed = subprocess.run([sys.executable, "-c", KILLED_SENDER, str(tmp_path / "journal.sqlite3"),
                             str(campaign_id)], check=False, timeout=60)  # fmt: skip
    assert killed.returncode == -signal.SIGKILL
    assert journal.require(campaign_id).status is CampaignStatus.RUNNING

    dialogs = ScriptedDialogs(answers=[False])  # "Later"
    window = open_window(qtbot, settings, journal, demo(), write_sheet(tmp_path / "s.xlsx", 1), dialogs)
    qtbot.waitUntil(lambda: dialogs.texts("ask") != [], timeout=10_000)  # offered at once, not in a minute
    assert "Ofertas de marzo" in dialogs.texts("ask")[0] and "50" in dialogs.texts("ask")[0]

    window.show_campaign(campaign_id)
    panel = window.tracking_page.panel
    qtbot.waitUntil(lambda: panel.status_label.text() == "Interrupted", timeout=10_000)
    qtbot.waitUntil(panel.resume_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(window.runner.finished, timeout=20_000) as ended:
        click(qtbot, panel.resume_button)
    assert ended.args[0].status is CampaignStatus.COMPLETED


def test_after_a_campaign_completes_review_is_not_armed_with_the_same_list_and_message(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    sheet = write_sheet(tmp_path / "clientes.xlsx", 12)
    window = open_window(qtbot, settings, journal, demo(), sheet)
    import_sheet(qtbot, window, sheet)
    write_message(qtbot, window, "Hola {Nombre}, hay ofertas.")
    review(qtbot, window)
    form = window.review_page.form
    qtbot.waitUntil(form.send_button.isEnabled, timeout=10_000)
    assert window.review_page.prepared is not None
    first_name = window.review_page.prepared.name
    assert first_name.startswith("clientes ")
    click(qtbot, form.send_button)
    dialog = window.review_page.confirm_dialog
    assert dialog is not None
    with qtbot.waitSignal(window.runner.finished, timeout=20_000):
        click(qtbot, dialog.findChild(QPushButton, "confirmSendButton"))

    steps = window.findChild(QListWidget, "stepList")
    steps.setCurrentRow(REVIEW)  # the user clicks the Review step again
    assert window.current_step() == REVIEW
    qtbot.wait(300)
    assert not form.send_button.isEnabled(), "Review is armed to send the same campaign again"
    assert first_name in form.status_label.text() and "new name" in form.status_label.text()
    assert len(journal.campaigns()) == 1

    steps.setCurrentRow(RECIPIENTS)  # the same file, unchanged, read again: still the list just sent
    open_sheet(qtbot, window, sheet)
    steps.setCurrentRow(REVIEW)
    qtbot.wait(300)
    assert not form.send_button.isEnabled(), "Review is armed to send the same list read again"
    assert "new name" in form.status_label.text()

    qtbot.keyClicks(form.name_edit, first_name)  # the name of the campaign just sent
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "already a campaign named" in form.status_label.text(), timeout=10_000)
    assert not form.send_button.isEnabled()
    form.name_edit.clear()
    qtbot.keyClicks(form.name_edit, "Ofertas, segunda vuelta")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(form.send_button.isEnabled, timeout=10_000)
    prepared = window.review_page.prepared
    assert prepared is not None and prepared.name == "Ofertas, segunda vuelta"


def test_the_close_question_says_waiting_when_the_campaign_waits(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    dialogs = ScriptedDialogs(answers=[False, True])
    window = open_window(qtbot, settings, journal, demo(), write_sheet(tmp_path / "s.xlsx", 1), dialogs)
    campaign_id = make_campaign(journal, 5, start_at=time.time() + 3600)
    window.runner.start(campaign_id)
    window.show_campaign(campaign_id)
    qtbot.waitUntil(lambda: window.tracking_page.panel.status_label.text() == "Waiting", timeout=10_000)
    window.close()  # "Keep"
    assert window.isVisible()
    question = dialogs.texts("ask")[-1]
    assert "waiting to send" in question and "is sending" not in question, question
    window.close()
    assert journal.require(campaign_id).status is CampaignStatus.PAUSED


def test_another_sheet_or_campaign_is_shown_unfiltered(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    first = write_sheet(tmp_path / "primera.xlsx", 10, invalid=[1, 2])
    window = open_window(qtbot, settings, journal, demo(), first)
    import_sheet(qtbot, window, first)
    page = window.recipients_page
    view = page.findChild(QTableView, "recipientsView")
    click(qtbot, page.findChild(QPushButton, "filterInvalid"))
    assert view.model().rowCount() == 2
    second = write_sheet(tmp_path / "segunda.xlsx", 6)
    open_sheet(qtbot, window, second)
    assert view.model().rowCount() == 6, "the new sheet is shown through the last sheet's filter"
    assert page.findChild(QPushButton, "filterAll").isChecked()

    one, other = make_campaign(journal, 4, name="Uno"), make_campaign(journal, 3, name="Otra")
    window.show_campaign(one)
    tracking = window.tracking_page
    combo = tracking.findChild(QComboBox, "stateFilterCombo")
    combo.setCurrentIndex(combo.count() - 1)
    window.show_campaign(other)
    assert combo.currentIndex() == 0
    rows = tracking.findChild(QTableView, "messagesTable")
    qtbot.waitUntil(lambda: rows.model().rowCount() == 3, timeout=10_000)


def test_the_draft_survives_a_restart(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    sheet = write_sheet(tmp_path / "clientes.xlsx", 7)
    window = open_window(qtbot, settings, journal, demo(), sheet)
    import_sheet(qtbot, window, sheet)
    write_message(qtbot, window, "Hola {Nombre}, vuelva pronto.")
    window.close()

    again = open_window(qtbot, settings, journal, demo(), write_sheet(tmp_path / "otra.xlsx", 1))
    with qtbot.waitSignal(again.recipients_page.import_finished, timeout=20_000):
        assert open_sheet_from_arguments(again, []) == sheet
    assert again.draft.recipients_path == sheet and again.draft.valid_count == 7
    again.go_to(MESSAGE)
    editor = again.message_page.findChild(QPlainTextEdit, "messageEdit")
    assert editor.toPlainText() == "Hola {Nombre}, vuelva pronto."
    qtbot.waitUntil(again.next_button.isEnabled, timeout=10_000)
