"""The window's "Espacio de trabajo": choose the team database, test it on a worker, keep its password."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.core.journal import Journal, open_journal
from app.core.journal.location import KEYRING_SERVICE
from app.core.settings import Settings
from app.gui.dialogs.workspace_dialog import WorkspaceDialog
from app.gui.window_menus import WindowMenus
from app.providers.demo import DemoProvider
from tests.conftest import MemoryKeyring
from tests.fakes.dialogs import ScriptedDialogs
from tests.gui_campaigns import make_campaign, runner_for


def test_the_file_menu_opens_the_workspace_dialog(qtbot: QtBot, settings: Settings) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menus = WindowMenus(window, settings, ScriptedDialogs())
    menus.workspace_action.trigger()
    dialog = window.findChild(WorkspaceDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_the_address_is_saved_without_its_password_which_goes_to_the_keyring(
    qtbot: QtBot, settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    dialogs = ScriptedDialogs()
    dialog = WorkspaceDialog(settings, dialogs)
    qtbot.addWidget(dialog)
    dialog.url_edit.setText("postgresql://ana:clave-secreta@db.oficina:5432/masivo?sslmode=require")
    dialog.buttons.accepted.emit()
    assert settings.get("database_url") == "postgresql://ana@db.oficina:5432/masivo?sslmode=require"
    assert memory_keyring.entries == {(KEYRING_SERVICE, "ana@db.oficina:5432/masivo"): "clave-secreta"}
    assert "clave-secreta" not in (settings.path.read_text())
    assert dialogs.texts("inform") == ["The new workspace takes effect the next time you start Masivo."]


def test_an_address_that_is_not_postgresql_is_refused_with_an_example(
    qtbot: QtBot, settings: Settings
) -> None:
    dialog = WorkspaceDialog(settings, ScriptedDialogs())
    qtbot.addWidget(dialog)
    dialog.url_edit.setText("mysql://db/masivo")
    dialog.buttons.accepted.emit()
    assert settings.get("database_url") == "" and "postgresql://" in dialog.result_label.text()


@pytest.mark.postgres
def test_test_connection_runs_on_a_worker_and_says_what_it_found(
    qtbot: QtBot, settings: Settings, pg_url: str
) -> None:
    dialog = WorkspaceDialog(settings, ScriptedDialogs())
    qtbot.addWidget(dialog)
    dialog.url_edit.setText(pg_url)
    with qtbot.waitSignal(dialog.tested, timeout=20_000) as tested:
        dialog.test_button.click()
    assert tested.args == [True] and dialog.result_label.text().startswith("Connected: PostgreSQL")
    qtbot.waitUntil(dialog.test_button.isEnabled)
    dialog.url_edit.setText("postgresql://ana:no-la-muestres@127.0.0.1:1/masivo")
    with qtbot.waitSignal(dialog.tested, timeout=20_000) as tested:
        dialog.test_button.click()
    assert tested.args == [False] and dialog.result_label.text().startswith("Could not connect")
    assert "no-la-muestres" not in dialog.result_label.text()
    qtbot.waitUntil(dialog.test_button.isEnabled)


@pytest.mark.logs_errors
def test_a_campaign_another_window_is_sending_is_named_and_watched_not_sent(
    qtbot: QtBot, settings: Settings, journal: Journal, journal_url: str
) -> None:
    campaign = make_campaign(journal, 5)
    other = open_journal(journal_url)  # another operator's Masivo, sending it now
    other.begin_run(campaign)
    runner = runner_for(journal, settings, DemoProvider())
    try:
        with qtbot.waitSignal(runner.failed, timeout=20_000) as failed:
            runner.start(campaign)
        assert failed.args[0] == campaign
        assert failed.args[1].startswith("Otra persona o ventana está enviando esta campaña")
        assert f"@{socket.gethostname()}" in failed.args[1]
        assert journal.counts(campaign) == {"pending": 5}
        qtbot.waitUntil(lambda: not runner.is_sending())
    finally:
        runner.pause_and_wait()
        other.close()
