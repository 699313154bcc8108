"""What the whole-window tests share: a window with scripted dialogs, clicks, a sheet imported by clicks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.core.journal import Journal
from app.core.secrets import CredentialStore
from app.core.settings import Settings
from app.gui.main_window import MESSAGE, RECIPIENTS, REVIEW, MainWindow
from app.providers.base import Provider
from tests.fakes.dialogs import ScriptedDialogs


def open_window(qtbot: QtBot, settings: Settings, journal: Journal, provider: Provider, sample: Path,
                dialogs: ScriptedDialogs | None = None) -> MainWindow:  # fmt: skip
    """The real window on `journal`, every adapter `provider`, the runner watching quickly."""
    window = MainWindow(settings, journal, dialogs=dialogs or ScriptedDialogs(), store=CredentialStore(),
                        sample=sample)  # fmt: skip
    window.runner.providers = lambda provider_id, base_url: provider
    window.runner.poll_every, window.runner.balance_every = 0.05, 0.0
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.show()
    return window


def said(window: QWidget) -> ScriptedDialogs:
    dialogs = getattr(window, "dialogs")  # noqa: B009
    assert isinstance(dialogs, ScriptedDialogs)
    return dialogs


def click(qtbot: QtBot, button: QPushButton | None) -> None:
    assert button is not None, "no such button"
    assert button.isVisible() and button.isEnabled(), f"{button.objectName()} cannot be clicked"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def next_step(qtbot: QtBot, window: MainWindow, step: int) -> None:
    qtbot.waitUntil(window.next_button.isEnabled, timeout=10_000)
    click(qtbot, window.next_button)
    assert window.current_step() == step


def import_sheet(qtbot: QtBot, window: MainWindow, sheet: Path) -> None:
    """From Provider: Next, open `sheet` through the import dialog."""
    next_step(qtbot, window, RECIPIENTS)
    open_sheet(qtbot, window, sheet)


def open_sheet(qtbot: QtBot, window: MainWindow, sheet: Path) -> None:
    """On Recipients: open `sheet` through the import dialog, and wait until it is read."""
    page = window.recipients_page
    said(window).files.append(sheet)
    click(qtbot, page.findChild(QPushButton, "openSheetButton"))
    dialog = page.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    with qtbot.waitSignal(page.import_finished, timeout=20_000):
        click(qtbot, dialog.findChild(QPushButton, "importButton"))


def write_message(qtbot: QtBot, window: MainWindow, text: str) -> QPlainTextEdit:
    """From Recipients: Next, then the message typed in (pasted when it is long)."""
    next_step(qtbot, window, MESSAGE)
    editor = window.message_page.findChild(QPlainTextEdit, "messageEdit")
    assert editor is not None
    editor.setFocus()
    if len(text) > 200:
        editor.insertPlainText(text)  # a paste: typing 1,700 keys proves nothing more
    else:
        qtbot.keyClicks(editor, text)
    return editor


def review(qtbot: QtBot, window: MainWindow) -> None:
    next_step(qtbot, window, REVIEW)
    qtbot.waitUntil(lambda: window.review_page.prepared is not None, timeout=20_000)
