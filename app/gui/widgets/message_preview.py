"""The right side of the Message step: one recipient's message, and what the whole campaign costs."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.email_draft import RenderedEmail
from app.core.preview import CampaignPreview
from app.core.reasons import reason_text
from app.gui.formatting import number
from app.gui.widgets.named import buddy, named
from app.gui.widgets.rich_editor import placeholder_image


@dataclass(frozen=True)
class CampaignCost:
    """The campaign's figures as typed, and as they would be after the GSM-7 conversion (if offered)."""

    preview: CampaignPreview
    converted: CampaignPreview | None = None


class EmailView(QTextBrowser):
    """The rendered e-mail: an image by URL shows as a grey box; the preview fetches nothing."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return placeholder_image()
        return super().loadResource(kind, name)


class RecipientPreview(QGroupBox):
    """Step through the recipients; shows the SMS or the e-mail (HTML and its plain-text version).

    Signals: recipient_changed(int): the position (0-based) of the recipient to show.
    """

    recipient_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Preview"), parent)
        self.previous_button = named(QPushButton(self.tr("◀ &Previous")), "previousRecipientButton")
        self.previous_button.setAccessibleName(self.tr("Previous recipient"))
        self.next_button = named(QPushButton(self.tr("Ne&xt ▶")), "nextRecipientButton")
        self.next_button.setAccessibleName(self.tr("Next recipient"))
        self.spin = named(QSpinBox(), "recipientSpin", self.tr("Recipient number"))
        self.spin.setMinimum(1)
        self.count_label = QLabel()
        self.who_label = named(QLabel(), "recipientLabel", self.tr("Recipient shown"))
        self.who_label.setWordWrap(True)
        self.subject_label = named(QLabel(), "subjectPreview", self.tr("Subject for this recipient"))
        self.sms_view = named(QTextBrowser(), "smsPreview", self.tr("Message for this recipient"))
        self.html_view = named(EmailView(), "emailPreview", self.tr("E-mail for this recipient"))
        self.html_view.setOpenLinks(False)  # a preview, not a browser: links are shown, not followed
        self.plain_view = named(QPlainTextEdit(), "plainPreview", self.tr("Plain-text version"))
        self.plain_view.setReadOnly(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.html_view, self.tr("As sent"))
        self.tabs.addTab(self.plain_view, self.tr("Plain-text version"))
        self.views = QStackedWidget()
        self.views.addWidget(self.sms_view)
        self.views.addWidget(self.tabs)
        self.empty_label = named(QLabel(), "emptyFieldsLabel", self.tr("Empty merge fields"))
        self.empty_label.setWordWrap(True)
        self.previous_button.clicked.connect(lambda: self.spin.stepBy(-1))
        self.next_button.clicked.connect(lambda: self.spin.stepBy(1))
        self.spin.valueChanged.connect(lambda value: self.recipient_changed.emit(value - 1))

        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(buddy(self.tr("Recipient n&o.:"), self.spin))
        navigation.addWidget(self.spin)
        navigation.addWidget(self.count_label)
        navigation.addWidget(self.next_button)
        navigation.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addWidget(self.who_label)
        layout.addWidget(self.subject_label)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.empty_label)

    def set_count(self, total: int) -> None:
        """How many recipients there are to step through."""
        self.spin.setMaximum(max(1, total))
        self.count_label.setText(self.tr("of {n}").format(n=total))
        for widget in (self.previous_button, self.next_button, self.spin):
            widget.setEnabled(total > 1)

    def position(self) -> int:
        return self.spin.value() - 1

    def show_sms(self, who: str, text: str, empty: tuple[str, ...]) -> None:
        self.views.setCurrentWidget(self.sms_view)
        self.subject_label.hide()
        self.who_label.setText(who)
        self.sms_view.setPlainText(text)
        self._show_empty(empty)

    def show_email(self, who: str, email: RenderedEmail, empty: tuple[str, ...]) -> None:
        self.views.setCurrentWidget(self.tabs)
        self.subject_label.show()
        self.subject_label.setText(self.tr("Subject: {subject}").format(subject=email.subject))
        self.who_label.setText(who)
        if email.html:
            self.html_view.setHtml(email.body)
        else:
            self.html_view.setPlainText(email.body)
        self.plain_view.setPlainText(email.plain_text())
        self._show_empty(empty)

    def _show_empty(self, empty: tuple[str, ...]) -> None:
        text = ", ".join(empty)
        self.empty_label.setText(
            self.tr("Empty for this recipient: {fields}").format(fields=text) if empty else ""
        )


class CostPanel(QGroupBox):
    """Total credits, the distribution of segments, the longest message, over-limit rows, the balance."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cost"), parent)
        self.lang = lang
        self.credits: int | None = None
        self.balance: int | None = None
        self.balance_note = ""  # why there is no balance, when there is none
        self.provider_name = ""
        self.label = named(QLabel(), "costLabel", self.tr("Campaign cost"))
        self.label.setWordWrap(True)
        self.balance_label = named(QLabel(), "balanceLabel", self.tr("Provider balance"))
        self.balance_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.balance_label)
        layout.addStretch()

    def _n(self, value: int) -> str:
        return number(value, self.lang)

    def show_computing(self) -> None:
        self.label.setText(self.tr("Counting the cost for every recipient…"))

    def show_sms(self, cost: CampaignCost, max_length: int | None) -> None:
        """The figures of an SMS campaign, rendered for every recipient."""
        p = cost.preview
        lines = [
            self.tr("Messages: {n} · Total credits (segments): {credits}").format(
                n=self._n(p.messages), credits=self._n(p.total_segments)
            )
        ]
        spread = " · ".join(
            self.tr("{segments} segm.: {n}").format(segments=s, n=self._n(n))
            for s, n in sorted(p.distribution.items())
        )
        if spread:
            lines.append(self.tr("Distribution: {spread}").format(spread=spread))
        if p.longest_row is not None:
            longest = self.tr("Longest message: row {row}, {chars}, %Ln segment(s)", "", p.max_segments)
            chars = self.tr("%Ln character(s)", "", p.longest_characters)
            lines.append(longest.format(row=p.longest_row, chars=chars))
        if p.ucs2_messages:
            lines.append(
                self.tr("Sent as UCS-2 (70 characters per segment): {n}").format(n=self._n(p.ucs2_messages))
            )
        if max_length is not None and p.over_limit_rows:
            rows = ", ".join(str(r) for r in p.over_limit_rows[:8]) + ("…" if p.over_limit_count > 8 else "")
            lines.append(
                self.tr("Over the provider's limit of {limit} characters: {n} (rows {rows})").format(
                    limit=self._n(max_length), n=self._n(p.over_limit_count), rows=rows
                )
            )
        if p.empty_fields:
            row, fields = p.empty_fields[0]
            lines.append(
                self.tr("With an empty merge field: {n} (for example row {row}: {fields})").format(
                    n=self._n(len(p.empty_fields)), row=row, fields=", ".join(fields)
                )
            )
        if cost.converted is not None and cost.converted.total_segments < p.total_segments:
            after = cost.converted.total_segments
            offer = self.tr("Converted to GSM-7 it would cost %Ln credit(s) instead of {before}.", "", after)
            lines.append(offer.format(before=self._n(p.total_segments)))
        self.label.setText("\n".join(lines))
        self.credits = p.total_segments
        self._show_balance()

    def show_email(self, messages: int) -> None:
        """An e-mail costs one credit whatever its length."""
        self.label.setText(self.tr("E-mails: {n} · Total credits: {n}").format(n=self._n(messages)))
        self.credits = messages
        self._show_balance()

    def set_balance(self, provider_name: str, balance: int | None, note: str = "") -> None:
        """The provider's balance for the campaign's channel; `note` says why it is unknown."""
        self.provider_name, self.balance, self.balance_note = provider_name, balance, note
        self._show_balance()

    def _show_balance(self) -> None:
        if self.balance is None:
            self.balance_label.setText(self.balance_note)
            return
        text = self.tr("Balance at {provider}: %Ln credit(s).", "", self.balance)
        text = text.format(provider=self.provider_name)
        if self.credits is not None and self.credits > self.balance:
            text += " " + self.tr("%Ln credit(s) missing: ", "", self.credits - self.balance)
            text += reason_text("low_balance", self.provider_name, self.lang)
        elif self.credits is not None:
            text += " " + self.tr("Enough for this campaign.")
        self.balance_label.setText(text)
