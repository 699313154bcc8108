"""The main window: first run on the demo provider and the sample sheet, steps, menus, closing, geometry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import __version__
from app.core.paths import log_dir
from app.core.settings import Settings, open_settings
from app.gui.application import remove_translations
from app.gui.main_window import MESSAGE, PROVIDER, RECIPIENTS, REVIEW, TRACKING, MainWindow
from tests.fakes.dialogs import ScriptedDialogs
from tests.fakes.sheets import VALID, write_sheet


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, dialogs: ScriptedDialogs, tmp_path: Path) -> MainWindow:
    main = MainWindow(settings, dialogs=dialogs, sample=write_sheet(tmp_path / "sample_recipients.xlsx"))
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.opened, timeout=10_000):  # the journal opens after the first paint
        main.show()
    return main


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    button = parent.findChild(QAbstractButton, name)
    assert button is not None and button.isVisible(), f"no visible button {name}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, f"no action {name}"
    return found


def test_first_run_goes_from_the_demo_provider_to_review_with_the_sample_sheet(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.current_step() == PROVIDER
    assert window.draft.provider_id == "demo"
    steps = window.findChild(QListWidget, "stepList")
    assert not steps.item(MESSAGE).flags() & Qt.ItemFlag.ItemIsEnabled  # no recipients yet
    click(qtbot, window, "nextButton")
    assert window.current_step() == RECIPIENTS
    assert not window.findChild(QPushButton, "nextButton").isEnabled()
    with qtbot.waitSignal(window.recipients_page.import_finished, timeout=10_000):
        click(qtbot, window, "sampleSheetButton")
    assert window.draft.valid_count == VALID
    assert steps.item(MESSAGE).flags() & Qt.ItemFlag.ItemIsEnabled
    click(qtbot, window, "nextButton")
    assert window.current_step() == MESSAGE
    qtbot.keyClicks(window.findChild(QPlainTextEdit, "messageEdit"), "Hola {Nombre}")
    assert window.findChild(QPushButton, "nextButton").isEnabled()
    click(qtbot, window, "nextButton")
    assert window.current_step() == REVIEW
    assert window.draft.template_text == "Hola {Nombre}"
    assert not window.findChild(QPushButton, "nextButton").isVisible()  # Review ends with its own Send
    click(qtbot, window, "backButton")
    assert window.current_step() == MESSAGE


def test_a_step_out_of_reach_cannot_be_opened_but_tracking_always_can(
    qtbot: QtBot, window: MainWindow
) -> None:
    steps = window.findChild(QListWidget, "stepList")
    steps.setCurrentRow(MESSAGE)
    assert window.current_step() == PROVIDER and steps.currentRow() == PROVIDER
    steps.setCurrentRow(TRACKING)
    assert window.current_step() == TRACKING
    assert not window.findChild(QPushButton, "backButton").isVisible()


@pytest.mark.logs_errors
def test_closing_during_a_send_asks_then_pauses_cleanly(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    paused: list[bool] = []
    monkeypatch.setattr(window.runner, "is_sending", lambda: True)
    monkeypatch.setattr(window.runner, "pause_and_wait", lambda: paused.append(True))
    dialogs.answers.append(False)  # "Keep sending"
    assert not window.close()
    assert window.isVisible() and paused == []
    dialogs.answers.append(True)  # "Pause and close"
    assert window.close()
    assert paused == [True]
    assert "resume" in dialogs.texts("ask")[0]


def test_the_first_window_fits_the_screen(window: MainWindow) -> None:
    room = window.screen().availableGeometry()  # offscreen: 800 x 800, smaller than the usual first size
    assert window.width() <= room.width() and window.height() <= room.height()


def test_geometry_is_remembered_between_runs(
    qtbot: QtBot, window: MainWindow, settings: Settings, dialogs: ScriptedDialogs
) -> None:
    window.resize(700, 560)  # within the offscreen screen (800 x 800): restoring clamps to the screen
    size = (window.width(), window.height())  # the width stops at the window's minimum
    assert window.close()
    assert settings.get("window_geometry")
    again = MainWindow(open_settings(), dialogs=dialogs)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == size


def test_the_language_menu_stores_the_choice_and_switches_at_once(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, settings: Settings, dialogs: ScriptedDialogs
) -> None:
    assert action(window, "language_system").isChecked()
    try:
        action(window, "language_es").trigger()
        assert settings.get("language") == "es"
        qtbot.waitUntil(lambda: window.step_list.item(0).text() == "1. Proveedor")
        assert action(window, "language_es").isChecked() and dialogs.texts("inform") == []
        action(window, "language_en").trigger()
        qtbot.waitUntil(lambda: window.step_list.item(0).text() == "1. Provider")
        assert len(window.findChildren(QAction, "language_en")) == 1, "the old menus' actions stayed"
    finally:
        remove_translations(qapp)


def test_help_menu_tells_the_version_and_opens_the_log_folder(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    action(window, "aboutAction").trigger()
    assert __version__ in dialogs.texts("inform")[-1]
    action(window, "logFolderAction").trigger()
    assert dialogs.texts("show_folder") == [str(log_dir())]


def test_file_open_sheet_goes_to_recipients_and_opens_the_import_dialog(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialogs.files.append(write_sheet(tmp_path / "clientes.xlsx"))
    action(window, "openSheetAction").trigger()
    assert window.current_step() == RECIPIENTS
    dialog = window.recipients_page.import_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.preview is not None)
    with qtbot.waitSignal(window.recipients_page.import_finished, timeout=10_000):
        click(qtbot, dialog, "importButton")
    assert window.draft.recipients_path == tmp_path / "clientes.xlsx"


def qt_inner_part(widget: QWidget) -> bool:
    """A piece Qt builds inside a control (a combo box's list, a table's corner button, tab scrollers)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView | QTabBar):
            return True
        if type(parent).__name__.startswith("QComboBoxPrivate"):
            return True
        parent = parent.parentWidget()
    return False


def test_every_control_of_the_first_steps_is_named_for_tests_and_screen_readers(window: MainWindow) -> None:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QAbstractItemView, QAbstractSpinBox)
    controls: list[QWidget] = [window.step_list, window.back_button, window.next_button]
    for page in (window.provider_page, window.recipients_page, window.message_page):
        controls += [w for w in page.findChildren(QWidget) if isinstance(w, kinds) and not qt_inner_part(w)]
    for control in controls:
        assert control.objectName(), f"a {type(control).__name__} has no objectName"
        assert control.accessibleName(), f"{control.objectName()} has no accessible name"
    assert "&" in window.next_button.text() and "&" in window.back_button.text()
