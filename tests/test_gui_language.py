"""Qt's own dialogs speak the user's language, with Latin-American words ("archivo", not "fichero")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from app.gui.application import install_translations


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = install_translations(qapp, "es")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_file_dialog_says_archivo(qtbot: QtBot, spanish: list[QTranslator]) -> None:
    dialog = QFileDialog(None, "Elija la planilla")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, whose words we ship
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "archivo" in texts.lower(), texts
    assert "fichero" not in texts.lower(), texts
