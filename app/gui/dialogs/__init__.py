"""How the window asks and tells the user things, in one replaceable object.

Every page reaches it with `dialogs_for(self)`: it walks up the parents to the window's
`dialogs` attribute, so tests give the window a scripted stand-in (tests/fakes/dialogs.py)
and no modal `exec()` ever blocks a test. Texts arrive already translated.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

SHEET_FILTER = "*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt"


class Dialogs:
    """The real dialogs: native message boxes and file pickers."""

    def ask(self, parent: QWidget | None, title: str, text: str, *, yes: str = "", no: str = "") -> bool:
        """A yes/no question; `yes`/`no` name the buttons by what they do (better than "Yes"/"No")."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        accept = (
            box.addButton(yes, QMessageBox.ButtonRole.YesRole)
            if yes
            else box.addButton(QMessageBox.StandardButton.Yes)
        )
        reject = (
            box.addButton(no, QMessageBox.ButtonRole.NoRole)
            if no
            else box.addButton(QMessageBox.StandardButton.No)
        )
        box.setDefaultButton(reject)
        box.setEscapeButton(reject)
        box.exec()
        return box.clickedButton() is accept

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """A message the user acknowledges."""
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        """Something went wrong: the text says what happened and what to do."""
        QMessageBox.warning(parent, title, text)

    def open_file(self, parent: QWidget | None, title: str, folder: str, filters: str) -> Path | None:
        """A file to read, or None if the user cancelled."""
        chosen, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        return Path(chosen) if chosen else None

    def save_file(self, parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
        """Where to write a file, or None if the user cancelled."""
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        return Path(chosen) if chosen else None

    def show_folder(self, folder: Path) -> None:
        """Open a folder in the system's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


_REAL = Dialogs()


def dialogs_for(widget: QWidget | None) -> Dialogs:
    """The `dialogs` of the nearest parent that has one (the main window), else the real dialogs."""
    while widget is not None:
        found = getattr(widget, "dialogs", None)
        if isinstance(found, Dialogs):
            return found
        widget = widget.parentWidget()
    return _REAL
