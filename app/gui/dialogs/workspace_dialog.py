"""The team workspace dialog ("Espacio de trabajo"): which database every Masivo of a team shares.

Empty: campaigns stay in this computer's own journal. A PostgreSQL address: campaigns,
replies and the suppression list are shared with everyone who points at it. "Test
connection" connects once on a worker. The address is saved to the settings without any
password; a password goes to this computer's keyring, never to a file. The choice takes
effect the next time Masivo starts.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.journal.location import display_url, is_postgres, store_password, without_password
from app.core.settings import Settings
from app.gui.dialogs import Dialogs
from app.gui.widgets.named import buddy, named
from app.gui.worker import Task, Worker

EXAMPLE = "postgresql://ana@servidor:5432/masivo?sslmode=require"


class WorkspaceDialog(QDialog):
    """Choose and test the team database; saved on OK.

    Signals: tested(bool): a connection test ended (True: it connected).
    """

    tested = Signal(bool)

    def __init__(self, settings: Settings, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.dialogs = settings, dialogs
        self._worker: Worker | None = None
        self.setWindowTitle(self.tr("Team workspace"))
        intro = QLabel(self.tr(
            "Leave the address empty to keep campaigns on this computer only. To share campaigns, replies "
            "and the suppression list with your team, enter the PostgreSQL address your administrator gave "
            "you. The password is kept in this computer's keyring, never in a file."
        ))  # fmt: skip
        intro.setWordWrap(True)
        self.url_edit = named(QLineEdit(settings.get("database_url")), "databaseUrlEdit",
                              self.tr("Database address"))  # fmt: skip
        self.url_edit.setPlaceholderText(EXAMPLE)
        self.password_edit = named(QLineEdit(), "databasePasswordEdit", self.tr("Database password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Only if the address needs one"))
        self.test_button = named(QPushButton(self.tr("&Test connection")), "testConnectionButton")
        self.test_button.clicked.connect(self.on_test_clicked)
        self.result_label = named(QLabel(), "connectionResultLabel")
        self.result_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(buddy(self.tr("&Address:"), self.url_edit), self.url_edit)
        form.addRow(buddy(self.tr("&Password:"), self.password_edit), self.password_edit)
        form.addRow("", self.test_button)
        choices = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(choices)
        self.buttons.accepted.connect(self.on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

    def _address(self) -> tuple[str, str] | None:
        """(the address without a password, the password), or None after saying what is wrong."""
        url = self.url_edit.text().strip()
        if url and not is_postgres(url):
            self.result_label.setText(self.tr("The address must start with postgresql://, e.g. {example}")
                                      .format(example=EXAMPLE))  # fmt: skip
            return None
        address, in_url = without_password(url) if url else ("", "")
        return address, self.password_edit.text() or in_url

    def on_test_clicked(self) -> None:
        chosen = self._address()
        if chosen is None or self._worker is not None:
            return
        address, password = chosen
        if not address:
            self.result_label.setText(self.tr("No address: campaigns stay on this computer."))
            return
        self.result_label.setText(self.tr("Connecting to {address}…").format(address=display_url(address)))
        self.test_button.setEnabled(False)

        def connect(task: Task) -> tuple[bool, str, int]:
            from app.core.journal import JournalError
            from app.core.journal.postgres import check_connection

            try:
                version, schema = check_connection(address, password or None)
            except (JournalError, ValueError) as exc:
                return False, str(exc), 0
            return True, version, schema

        self._worker = Worker(connect, self)
        self._worker.result.connect(self.on_tested)
        self._worker.error.connect(self.on_test_failed)
        self._worker.done.connect(self.on_test_done)
        self._worker.start()

    def on_tested(self, outcome: object) -> None:
        assert isinstance(outcome, tuple)
        ok, detail, schema = outcome
        if ok:
            text = self.tr("Connected: PostgreSQL {version}.").format(version=detail)
            if not schema:
                text += " " + self.tr("The database is empty: Masivo prepares it on its next start.")
        else:
            text = self.tr("Could not connect: {problem}").format(problem=detail)
        self.result_label.setText(text)
        self.tested.emit(bool(ok))

    def on_test_failed(self, exc: object) -> None:
        self.on_tested((False, str(exc), 0))

    def on_test_done(self) -> None:
        if self._worker is not None:
            self._worker.deleteLater()
        self._worker = None
        self.test_button.setEnabled(True)

    def on_ok_clicked(self) -> None:
        chosen = self._address()
        if chosen is None:
            return
        address, password = chosen
        if address and password:
            try:
                store_password(address, password)
            except Exception as exc:  # no keyring on this computer: say so, save nothing
                text = self.tr("The password could not be kept in this computer's keyring ({problem}). "
                               "Use a .pgpass file instead.").format(problem=type(exc).__name__)  # fmt: skip
                self.dialogs.warn(self, self.tr("Team workspace"), text)
                return
        changed = address != self.settings.get("database_url")
        self.settings.set("database_url", address)
        if changed:
            text = self.tr("The new workspace takes effect the next time you start Masivo.")
            self.dialogs.inform(self, self.tr("Team workspace"), text)
        self.accept()

    def done(self, result: int) -> None:
        if self._worker is not None:
            self._worker.wait()
        super().done(result)
