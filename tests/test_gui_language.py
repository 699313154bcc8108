"""Qt's own dialogs speak the user's language, with Latin-American words ("archivo", not "fichero")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from app.core.settings import Settings
from app.gui.application import install_translations, remove_translations
from app.gui.main_window import MESSAGE, MainWindow
from tests.fakes.dialogs import ScriptedDialogs
from tests.gui_campaigns import demo, journal_at, write_sheet
from tests.gui_window import import_sheet, open_window, said, write_message


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = install_translations(qapp, "es")
    yield translators
    remove_translations(qapp)


def test_the_file_dialog_says_archivo(qtbot: QtBot, spanish: list[QTranslator]) -> None:
    dialog = QFileDialog(None, "Elija la planilla")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, whose words we ship
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "archivo" in texts.lower(), texts
    assert "fichero" not in texts.lower(), texts


def test_our_own_words_still_come_through_qts_translator(spanish: list[QTranslator]) -> None:
    # Qt asks the last-installed translator first: one that answers "" for what it lacks blanks every label.
    assert QCoreApplication.translate("MainWindow", "1. Provider") == "1. Proveedor"
    assert QCoreApplication.translate("Nowhere", "Not translated") == "Not translated"


@pytest.mark.parametrize(("language", "words"), [("es", "desconocido"), ("en", "unknown")])
def test_help_opens_the_user_guide_in_the_window_language(
    qtbot: QtBot, tmp_path: Path, language: str, words: str
) -> None:
    settings = Settings(tmp_path / "settings.json")
    settings.set("language", language)
    window = MainWindow(settings, dialogs=ScriptedDialogs(), sample=tmp_path / "none.xlsx")
    qtbot.addWidget(window)
    window.findChild(QAction, "guideAction").trigger()
    dialog = window.findChild(QDialog, "guideDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QTextBrowser, "guideText").toPlainText()
    assert words in text and "5." in text, text[:200]
    dialog.close()


def test_switching_the_language_takes_effect_at_once_and_keeps_the_work(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    settings = Settings(tmp_path / "settings.json")
    journal = journal_at(tmp_path)
    sheet = write_sheet(tmp_path / "clientes.xlsx", 6)
    window = open_window(qtbot, settings, journal, demo(), sheet)
    try:
        import_sheet(qtbot, window, sheet)
        write_message(qtbot, window, "Hola {Nombre}, hay ofertas.")
        window.findChild(QAction, "language_es").trigger()
        qtbot.waitUntil(lambda: window.step_list.item(0).text() == "1. Proveedor", timeout=5_000)
        assert window.next_button.text() != "&Next →" and said(window).texts("inform") == []
        assert window.findChild(QAction, "language_es").isChecked()  # the menus, made again
        qtbot.waitUntil(lambda: window.recipients_page.is_complete(), timeout=20_000)  # the sheet, read again
        assert window.go_to(MESSAGE)
        page = window.message_page
        assert page.findChild(QPlainTextEdit, "messageEdit").toPlainText() == "Hola {Nombre}, hay ofertas."
        assert page.findChild(QPushButton, "insertFieldButton").text() == "&Insertar campo"
    finally:
        remove_translations(qapp)
        window.close()
        journal.close()
