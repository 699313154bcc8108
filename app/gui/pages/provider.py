"""Step 1: which provider sends, by which channel, with which credentials (kept in the OS keyring)."""

from __future__ import annotations

import contextlib
import itertools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.domain import Channel
from app.core.reasons import read_text, reason_text, served_countries
from app.core.secrets import CredentialStore, KeyringUnavailable
from app.core.settings import Settings
from app.gui.dialogs import dialogs_for
from app.gui.formatting import number, ui_lang
from app.gui.models.draft import CampaignDraft
from app.gui.pages import Page
from app.gui.widgets.named import buddy, named
from app.gui.worker import Task, Worker
from app.providers import registry
from app.providers.base import Balance, Capabilities, CredentialField, Credentials, ProviderFailure

# A connection test is one try with a shorter wait than a send's: the user is watching, and can cancel.
TEST_HTTP: dict[str, Any] = {"timeout": (5.0, 15.0), "attempts": 1}


class ProviderPage(Page):
    """Pick a provider and a channel, enter and test its credentials, optionally change its base URL.

    Signals: completeness_changed(bool) (from Page); connection_tested(bool): a test ended, passed or not.
    """

    def __init__(
        self,
        draft: CampaignDraft,
        settings: Settings,
        store: CredentialStore,
        parent: QWidget | None = None,
        *,
        keyring_read: bool = True,
    ) -> None:
        super().__init__(draft, parent)
        self.title = self.tr("Provider")
        self.settings = settings
        self.store = store
        # False: the window reads the keyring on a worker after its first paint, then calls
        # `on_keyring_read`; until then the credential fields wait, empty and disabled.
        self.keyring_read = keyring_read
        self.lang = ui_lang(settings)
        self.caps = {caps.id: caps for caps in registry.all_capabilities()}
        self._fields: dict[str, QLineEdit | QComboBox] = {}
        self._worker: Worker | None = None
        self._abandoned: set[Worker] = set()  # cancelled tests, left to end by themselves (timeouts)
        self._build()
        chosen = settings.get("provider")
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(chosen)))
        self.on_provider_changed()

    def _build(self) -> None:
        self.provider_combo = named(QComboBox(), "providerCombo", self.tr("Provider"))
        for caps in self.caps.values():
            self.provider_combo.addItem(caps.name, caps.id)
            self.provider_combo.setItemData(
                self.provider_combo.count() - 1, self._supports(caps), Qt.ItemDataRole.ToolTipRole
            )
        self.provider_combo.currentIndexChanged.connect(self.on_provider_changed)
        self.supports_label = named(QLabel(wordWrap=True), "supportsLabel")
        self.sms_radio = named(QRadioButton(self.tr("&SMS")), "smsRadio")
        self.email_radio = named(QRadioButton(self.tr("&E-mail")), "emailRadio")
        self.channel_group = QButtonGroup(self)
        for radio in (self.sms_radio, self.email_radio):
            self.channel_group.addButton(radio)
            radio.toggled.connect(self.on_channel_changed)
        channels = QHBoxLayout()
        channels.addWidget(self.sms_radio)
        channels.addWidget(self.email_radio)
        channels.addStretch()
        top = QFormLayout()
        top.addRow(buddy(self.tr("&Provider:"), self.provider_combo), self.provider_combo)
        top.addRow("", self.supports_label)
        top.addRow(self.tr("Send by:"), channels)

        self.credentials_box = named(QGroupBox(self.tr("Credentials")), "credentialsBox")
        self.credentials_form = QFormLayout(self.credentials_box)
        self.plain_http_label = named(QLabel(wordWrap=True), "plainHttpLabel")
        self.test_button = named(QPushButton(self.tr("&Test connection")), "testConnectionButton")
        self.test_button.clicked.connect(self.on_test_clicked)
        self.cancel_test_button = named(QPushButton(self.tr("&Cancel test")), "cancelTestButton")
        self.cancel_test_button.clicked.connect(self.on_cancel_test_clicked)
        self.cancel_test_button.hide()
        self.forget_button = named(QPushButton(self.tr("Forget c&redentials")), "forgetCredentialsButton")
        self.forget_button.clicked.connect(self.on_forget_clicked)
        self.status_label = named(
            QLabel(wordWrap=True), "connectionStatusLabel", self.tr("Connection status")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.cancel_test_button)
        buttons.addWidget(self.forget_button)
        buttons.addStretch()

        self.advanced_button = named(QToolButton(), "advancedButton", self.tr("Advanced options"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setText(self.tr("A&dvanced options"))
        self.base_url_edit = named(QLineEdit(), "baseUrlEdit", self.tr("Provider base URL"))
        self.base_url_edit.editingFinished.connect(self.on_base_url_edited)
        self.advanced = QWidget()
        advanced_form = QFormLayout(self.advanced)
        advanced_form.setContentsMargins(0, 0, 0, 0)
        advanced_form.addRow(buddy(self.tr("Base UR&L:"), self.base_url_edit), self.base_url_edit)
        advanced_form.addRow("", QLabel(self.tr("Leave empty to use the provider's own address.")))
        self.advanced.setVisible(False)
        self.advanced_button.toggled.connect(self.advanced.setVisible)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.credentials_box)
        layout.addWidget(self.plain_http_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.advanced_button)
        layout.addWidget(self.advanced)
        layout.addStretch()

    def _supports(self, caps: Capabilities) -> str:
        parts = [self.tr("SMS")] if Channel.SMS in caps.channels else []
        if Channel.EMAIL in caps.channels:
            parts.append(self.tr("e-mail"))
        said = [self.tr("Sends {channels}").format(channels=self.tr(" and ").join(parts))]
        said.append(self.tr("shows the balance") if caps.has_balance else self.tr("no balance query"))
        said.append(self.tr("reports delivery") if caps.has_status else self.tr("no delivery reports"))
        if caps.max_length:
            said.append(self.tr("up to {n} characters per SMS").format(n=number(caps.max_length, self.lang)))
        if caps.countries:
            said.append(
                self.tr("only to numbers of {countries}").format(
                    countries=served_countries(caps.countries, self.lang)
                )
            )
        return " · ".join(said)

    @property
    def current(self) -> Capabilities:
        return self.caps[str(self.provider_combo.currentData())]

    def on_provider_changed(self) -> None:
        caps = self.current
        self.settings.set("provider", caps.id)
        self.draft.provider_id = caps.id
        self.supports_label.setText(self._supports(caps))
        self.sms_radio.setEnabled(Channel.SMS in caps.channels)
        self.email_radio.setEnabled(Channel.EMAIL in caps.channels)
        channel = self.draft.channel
        if channel not in caps.channels:
            channel = Channel.SMS if Channel.SMS in caps.channels else Channel.EMAIL
        (self.sms_radio if channel is Channel.SMS else self.email_radio).setChecked(True)
        self.draft.channel = channel
        # Only a web service has an address to change: SMTP's server is in its form, the demo has none.
        movable = caps.default_base_url.startswith(("http://", "https://"))
        self.advanced_button.setVisible(movable)
        self.advanced.setVisible(movable and self.advanced_button.isChecked())
        self.base_url_edit.setPlaceholderText(caps.default_base_url)
        self.base_url_edit.setText(self.settings.get(f"base_url.{caps.id}"))
        self.draft.base_url = self.base_url_edit.text().strip() or None
        self.status_label.clear()
        warning = reason_text("plain_http", caps.name, self.lang) if caps.plain_http else ""
        self.plain_http_label.setText(warning)
        self.plain_http_label.setVisible(bool(warning))
        self._show_credential_fields(caps)
        self.completeness_changed.emit(self.is_complete())

    def _show_credential_fields(self, caps: Capabilities) -> None:
        while self.credentials_form.rowCount():
            self.credentials_form.removeRow(0)
        self._fields = {}
        stored = self._stored(caps) if self.keyring_read else None
        if not caps.credentials:
            none = named(QLabel(wordWrap=True), "noCredentialsLabel")
            none.setText(
                self.tr(
                    "{name} needs no credentials: it simulates sending, nothing leaves this computer."
                ).format(name=caps.name)
            )
            self.credentials_form.addRow(none)
        for field in caps.credentials:
            value = stored[field.key] if stored else field.default
            widget = self._field_widget(field, value)
            widget.setEnabled(self.keyring_read)
            self.credentials_form.addRow(buddy(f"&{field.label}:", widget), widget)
            self._fields[field.key] = widget
        self._show_hints()
        self.forget_button.setEnabled(bool(caps.credentials) and stored is not None)
        self.test_button.setEnabled(self.keyring_read or not caps.credentials)
        if caps.credentials and not self.keyring_read:
            self.status_label.setText(self.tr("Reading the saved credentials…"))
        # Fields made after the page join the end of the focus chain: put them back before the buttons.
        chain = [self.email_radio, *self._fields.values(), self.test_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _field_widget(self, field: CredentialField, value: str) -> QLineEdit | QComboBox:
        """A line edit, or a list when the field has choices (an optional one may stay on "—")."""
        if field.choices:
            combo = named(QComboBox(), f"credential_{field.key}", field.label)
            if not field.required:
                combo.addItem(self.tr("(the service's)"), "")
            for choice, label in field.choices:
                combo.addItem(label, choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(lambda _: self.on_choice_changed(field.key))
            return combo
        edit = named(QLineEdit(), f"credential_{field.key}", field.label)
        if field.secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setText(value)
        edit.textChanged.connect(self.on_credentials_edited)
        return edit

    def _show_hints(self) -> None:
        """The adapter's suggestions for empty fields (SMTP: the preset's server, port and limits)."""
        hints = registry.field_hints(self.current.id, self.typed())
        for key, widget in self._fields.items():
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(hints.get(key, ""))

    def on_choice_changed(self, key: str) -> None:
        widget = self._fields[key]
        if key == "security" and isinstance(widget, QComboBox) and widget.currentData() == "plain":
            warning = reason_text("smtp_plain", self.current.name, self.lang)
            if not dialogs_for(self).ask(self, self.tr("Unencrypted connection"), warning):
                widget.setCurrentIndex(0)  # back to the service's own security
                return
        self._show_hints()
        self.on_credentials_edited()

    def _stored(self, caps: Capabilities) -> Credentials | None:
        if not caps.credentials:
            return None
        try:
            return self.store.load(caps.id)
        except KeyringUnavailable:
            self.status_label.setText(reason_text("no_keyring", caps.name, self.lang))
            return None

    def on_keyring_read(self) -> None:
        """The window has read the keyring once: show the saved credentials."""
        self.keyring_read = True
        self.status_label.clear()
        self._show_credential_fields(self.current)
        self.completeness_changed.emit(self.is_complete())

    def typed(self) -> Credentials:
        return Credentials({key: _value(widget) for key, widget in self._fields.items()})

    def on_channel_changed(self) -> None:
        self.draft.channel = Channel.SMS if self.sms_radio.isChecked() else Channel.EMAIL

    def on_credentials_edited(self) -> None:
        self.status_label.clear()
        self.completeness_changed.emit(self.is_complete())

    def on_base_url_edited(self) -> None:
        url = self.base_url_edit.text().strip()
        self.settings.set(f"base_url.{self.current.id}", url)
        self.draft.base_url = url or None

    def is_complete(self) -> bool:
        typed = self.typed()
        return all(typed[field.key] for field in self.current.credentials if field.required)

    def leave(self) -> None:
        """Going on: keep what was typed, so the next steps and the CLI find it."""
        self.on_base_url_edited()
        if self._fields and self.is_complete() and self._stored(self.current) != self.typed():
            self._save(self.current, self.typed())

    def _save(self, caps: Capabilities, credentials: Credentials) -> None:
        try:
            self.store.save(caps.id, credentials)
        except KeyringUnavailable:
            self.store.keep_in_memory(caps.id, credentials)
            dialogs_for(self).warn(
                self, self.tr("No keyring"), reason_text("no_keyring", caps.name, self.lang)
            )
        self.forget_button.setEnabled(True)

    def on_forget_clicked(self) -> None:
        caps = self.current
        question = self.tr("Forget the {name} credentials stored on this computer?").format(name=caps.name)
        if not dialogs_for(self).ask(self, self.tr("Forget credentials"), question, yes=self.tr("Forget")):
            return
        with contextlib.suppress(KeyringUnavailable):  # no keyring: nothing was stored, then
            self.store.delete(caps.id)
        self._show_credential_fields(caps)
        self.status_label.setText(self.tr("Credentials forgotten."))
        self.completeness_changed.emit(self.is_complete())

    def on_test_clicked(self) -> None:
        if self._worker is not None:
            return
        caps, credentials = self.current, self.typed()
        if not self.is_complete():
            self.status_label.setText(reason_text("no_credentials", caps.name, self.lang))
            return
        self.on_base_url_edited()
        base_url = self.draft.base_url

        def test(task: Task) -> Balance:
            provider = registry.create(caps.id, credentials, base_url, **TEST_HTTP)
            try:
                return provider.test_credentials()
            finally:
                provider.close()

        self.status_label.setText(self.tr("Connecting to {name}…").format(name=caps.name))
        self._show_testing(True)
        worker = self._worker = Worker(test, self)
        worker.result.connect(lambda balance: self.on_test_passed(caps, credentials, balance))
        worker.error.connect(lambda exc: self.on_test_failed(caps, exc))
        worker.done.connect(lambda: self.on_test_done(worker))
        worker.start()

    def _show_testing(self, testing: bool) -> None:
        self.test_button.setEnabled(not testing)
        self.cancel_test_button.setVisible(testing)

    def on_cancel_test_clicked(self) -> None:
        """Stop waiting for the test: its answer, when it comes, is dropped (the request times out)."""
        worker = self._worker
        if worker is None:
            return
        worker.result.disconnect()
        worker.error.disconnect()
        worker.cancel()
        self._abandoned.add(worker)
        self._worker = None
        self._show_testing(False)
        self.status_label.setText(self.tr("Connection test cancelled."))

    def on_test_passed(self, caps: Capabilities, credentials: Credentials, balance: Balance) -> None:
        if credentials.values:
            self._save(caps, credentials)
        self.status_label.setText(
            self.tr("Connection works. {balance}").format(balance=self.balance_text(balance))
        )

    def balance_text(self, balance: Balance) -> str:
        parts = []
        if balance.sms is not None:
            parts.append(self.tr("{n} SMS").format(n=number(balance.sms, self.lang)))
        if balance.email is not None:
            parts.append(self.tr("%Ln e-mail(s)", "", balance.email))
        if not parts:
            return self.tr("This provider does not report a balance.")
        return self.tr("Balance: {parts}.").format(parts=", ".join(parts))

    def on_test_failed(self, caps: Capabilities, exc: object) -> None:
        if isinstance(exc, ProviderFailure):  # a read: never worded as a send that may have left
            problem = exc.problem
            text = read_text(problem.code, problem.reason, problem.detail, caps.name, self.lang)
        else:  # a malformed base URL and the like: the log has the details
            text = reason_text("provider_unreachable", caps.name, self.lang)
        self.status_label.setText(self.tr("The connection failed: {reason}").format(reason=text))

    def on_test_done(self, worker: Worker) -> None:
        worker.deleteLater()
        self._abandoned.discard(worker)
        if worker is not self._worker:  # a cancelled test
            return
        self._worker = None
        self._show_testing(False)
        self.completeness_changed.emit(self.is_complete())

    def shutdown(self) -> None:
        """The window is closing: let a running test finish (requests time out by themselves)."""
        for worker in [self._worker, *self._abandoned]:
            if worker is not None:
                worker.wait()


def _value(widget: QLineEdit | QComboBox) -> str:
    return str(widget.currentData() or "") if isinstance(widget, QComboBox) else widget.text().strip()
