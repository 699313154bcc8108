"""The last question before a campaign leaves: how many messages, with whom, at what cost, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.gui.formatting import credits_text


@dataclass(frozen=True)
class SendSummary:
    """What the confirmation names."""

    campaign_name: str
    provider_name: str
    email: bool
    count: int
    credits: int
    balance: int | None = None
    start_at: dt.datetime | None = None
    stays_open: bool = False  # the app, not the provider, waits for the start time


class ConfirmSendDialog(QDialog):
    """Asks to send, naming the count and the cost; `open()` it and listen to `accepted`.

    Signals: accepted() / rejected() (QDialog's own).
    """

    def __init__(self, summary: SendSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmSendDialog")
        self.setWindowTitle(self.tr("Send the campaign?"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        provider = summary.provider_name
        if summary.email:
            lines = [self.tr("%Ln e-mail(s) will be sent with {provider}.", "", summary.count).format(
                provider=provider)]  # fmt: skip
        else:
            costing = self.tr("%Ln SMS will be sent with {provider}, costing {credits}.", "", summary.count)
            lines = [costing.format(provider=provider, credits=credits_text(summary.credits))]
        if summary.balance is not None:
            lines.append(self.tr("Balance: %Ln credit(s).", "", summary.balance))
        if summary.start_at is not None:
            when = summary.start_at.strftime("%Y-%m-%d %H:%M")
            lines.append(
                self.tr("It starts on {when}; keep Masivo open until then.").format(when=when)
                if summary.stays_open
                else self.tr("The provider delivers it on {when}.").format(when=when)
            )
        text = "\n".join(lines)
        message = QLabel(f"<b>{_escape(summary.campaign_name)}</b><br>" + _escape(text).replace("\n", "<br>"))
        message.setObjectName("confirmSendText")
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox()
        send = buttons.addButton(
            self.tr("&Send %Ln message(s)", "", summary.count), QDialogButtonBox.ButtonRole.AcceptRole
        )
        send.setObjectName("confirmSendButton")
        send.setAccessibleName(self.tr("Confirm and send"))
        back = buttons.addButton(self.tr("&Not yet"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setObjectName("cancelSendButton")
        back.setDefault(True)  # Enter must not send by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(message.fontMetrics().horizontalAdvance("0") * 60)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(buttons)
        self.text = text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
