"""The review page's widgets, and how they show the draft and the prepared campaign (no work here)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.domain import Channel
from app.core.engine.pacing import Pace
from app.gui.formatting import credits_text, number
from app.gui.models.draft import CampaignDraft
from app.gui.pages.review_work import Prepared
from app.gui.widgets.named import named
from app.providers.base import Capabilities

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def pace_text(caps: Capabilities, pace: Pace) -> str:
    """How the campaign will be paced, in one sentence."""
    wait = pace.interval(caps.bulk_size)
    if caps.bulk_size > 1:
        text = translate("ReviewForm", "Up to {size} messages per request").format(size=caps.bulk_size)
    else:
        text = translate("ReviewForm", "One message per request")
    if wait > 0:
        return text + translate("ReviewForm", ", one request every {seconds} s.").format(seconds=f"{wait:g}")
    return text + translate("ReviewForm", ", with no wait between requests.")


def _label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReviewForm:
    """Builds the review page's widgets on `page` and fills them in."""

    def __init__(self, page: QWidget) -> None:
        name = translate("ReviewForm", "Campaign name")
        self.name_edit = named(QLineEdit(), "campaignNameEdit", name)  # the page writes it to the draft
        self.provider_label, self.list_label = _label(), _label()
        self.totals_label, self.credits_label, self.balance_label = _label(), _label(), _label()
        self.sample_label = _label()
        self.domain_label = named(_label(), "deliverabilityLabel")
        first = translate("ReviewForm", "Message of the first recipient")
        self.sample_edit = named(QPlainTextEdit(), "sampleText", first)
        self.sample_edit.setReadOnly(True)
        self.sample_edit.setMaximumHeight(self.sample_edit.fontMetrics().lineSpacing() * 5 + 12)
        self.pace_label, self.duration_label, self.window_label = _label(), _label(), _label()
        schedule = translate("ReviewForm", "S&chedule the start for")
        self.schedule_check = named(QCheckBox(schedule), "scheduleCheck")
        start = translate("ReviewForm", "Start date and time")
        self.schedule_edit = named(QDateTimeEdit(), "scheduleEdit", start)
        self.schedule_edit.setEnabled(False)
        self.schedule_edit.setCalendarPopup(True)
        self.schedule_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.schedule_check.toggled.connect(self.schedule_edit.setEnabled)
        self.schedule_note = _label()
        test_address = translate("ReviewForm", "Your number or address for a test")
        self.test_edit = named(QLineEdit(), "testAddressEdit", test_address)
        self.test_button = named(QPushButton(translate("ReviewForm", "Send a &test")), "testSendButton")
        self.test_button.setEnabled(False)
        self.test_result = named(_label(), "testResultLabel")
        self.status_label = named(_label(), "reviewStatusLabel")
        preparing = translate("ReviewForm", "Preparing the campaign")
        self.progress = named(QProgressBar(), "prepareProgress", preparing)
        self.progress.setVisible(False)
        send, send_name = translate("ReviewForm", "&Send…"), translate("ReviewForm", "Send the campaign")
        self.send_button = named(QPushButton(send), "sendButton", send_name)
        self.send_button.setEnabled(False)
        self._lay_out(page)

    def _lay_out(self, page: QWidget) -> None:
        campaign = QFormLayout()
        for label, widget in (
            (translate("ReviewForm", "&Name:"), self.name_edit),
            (translate("ReviewForm", "Provider:"), self.provider_label),
            (translate("ReviewForm", "List:"), self.list_label),
            (translate("ReviewForm", "Recipients:"), self.totals_label),
            (translate("ReviewForm", "Cost:"), self.credits_label),
            (translate("ReviewForm", "Balance:"), self.balance_label),
            (translate("ReviewForm", "Sender domain:"), self.domain_label),
        ):
            campaign.addRow(label, widget)
        message = QVBoxLayout()
        message.addWidget(self.sample_label)
        message.addWidget(self.sample_edit)
        timing = QFormLayout()
        timing.addRow(translate("ReviewForm", "Pace:"), self.pace_label)
        timing.addRow(translate("ReviewForm", "Estimated time:"), self.duration_label)
        timing.addRow(translate("ReviewForm", "Sending hours:"), self.window_label)
        schedule = QHBoxLayout()
        schedule.addWidget(self.schedule_check)
        schedule.addWidget(self.schedule_edit)
        schedule.addStretch()
        timing.addRow(schedule)
        timing.addRow(self.schedule_note)
        test = QHBoxLayout()
        test.addWidget(self.test_edit, 1)
        test.addWidget(self.test_button)
        tests = QVBoxLayout()
        tests.addLayout(test)
        tests.addWidget(self.test_result)
        inner = QWidget()
        column = QVBoxLayout(inner)
        for title, layout in (
            (translate("ReviewForm", "Campaign"), campaign),
            (translate("ReviewForm", "Message"), message),
            (translate("ReviewForm", "Pace and schedule"), timing),
            (translate("ReviewForm", "Test message"), tests),
        ):
            box = QGroupBox(title)
            box.setLayout(layout)
            column.addWidget(box)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.send_button)
        outer = QVBoxLayout(page)
        outer.addWidget(scroll, 1)
        outer.addLayout(bottom)

    def show_draft(self, draft: CampaignDraft, caps: Capabilities) -> None:
        unnamed = translate("ReviewForm", "(named after the sheet and today's date)")
        self.name_edit.setPlaceholderText(unnamed)
        if draft.name:
            self.name_edit.setText(draft.name)
        email = draft.channel is Channel.EMAIL
        channel = translate("ReviewForm", "E-mail") if email else translate("ReviewForm", "SMS")
        self.provider_label.setText(f"{caps.name} — {channel}")
        path = draft.recipients_path
        listed = path.name if path is not None else "—"
        self.list_label.setText(f"{listed} ({draft.sheet})" if draft.sheet else listed)
        example = translate("ReviewForm", "+56 9 1234 5678")
        if email:
            example = translate("ReviewForm", "you@example.com")
        self.test_edit.setPlaceholderText(example)
        if not self.schedule_check.isChecked():
            self.schedule_edit.setDateTime(QDateTime.currentDateTime().addSecs(3600))
        self.schedule_edit.setMinimumDateTime(QDateTime.currentDateTime())
        self.show_schedule_note(self.schedule_check.isChecked(), caps.schedules)

    def show_preparing(self) -> None:
        self.send_button.setEnabled(False)
        self.test_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status_label.setText(translate("ReviewForm", "Preparing the campaign: composing every message…"))

    def show_prepare_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, done, 1))
        self.progress.setValue(done)

    def show_prepared(self, prepared: Prepared, lang: str, pace: str, took: str, slow: bool) -> None:
        self.progress.setVisible(False)
        self.name_edit.setText(prepared.name)  # the name it will have, the default one too
        self.totals_label.setText(_TotalsWording().totals(prepared, lang))
        self.credits_label.setText(credits_text(prepared.credits))
        if prepared.sample_text:
            address = prepared.sample_address
            address = f"+{address}" if address.isdigit() else address  # SMS numbers are international
            row_to = translate("ReviewForm", "Row {row}, to {address}:")
            self.sample_label.setText(row_to.format(row=prepared.sample_row, address=address))
            subject = translate("ReviewForm", "Subject: {subject}\n\n")
            subject = subject.format(subject=prepared.sample_subject)
            self.sample_edit.setPlainText((subject if prepared.sample_subject else "") + prepared.sample_text)
        else:
            self.sample_label.setText(translate("ReviewForm", "No row has a valid recipient."))
            self.sample_edit.clear()
        self.pace_label.setText(pace)
        personalized = translate(
            "ReviewForm", " The message is personalized: it goes one number per request (slower)."
        )
        self.duration_label.setText(took + (personalized if slow else ""))
        self.status_label.setText(translate("ReviewForm", "Ready to send."))
        self.send_button.setEnabled(prepared.valid > 0)
        self.test_button.setEnabled(bool(prepared.sample_text))

    def show_window(self, text: str) -> None:
        self.window_label.setText(text)

    def show_problem(self, text: str) -> None:
        self.progress.setVisible(False)
        self.status_label.setText(text)
        self.send_button.setEnabled(False)

    def show_schedule_note(self, on: bool, provider_schedules: bool) -> None:
        if not on:
            self.schedule_note.setText(translate("ReviewForm", "Sending starts as soon as you confirm."))
        elif provider_schedules:
            self.schedule_note.setText(
                translate("ReviewForm", "The provider holds the messages until then: you may close Masivo.")
            )
        else:
            self.schedule_note.setText(translate("ReviewForm", "Masivo waits until then and must stay open."))


class _TotalsWording(QObject):
    """Who receives the campaign, in plural sentences: lupdate marks a string plural only in `self.tr`."""

    def totals(self, prepared: Prepared, lang: str) -> str:
        # One count per sentence can choose its forms: the recipients' verb, then the rows' noun.
        rows = self.tr("%Ln row(s)", "", prepared.rows)
        text = self.tr("%Ln will receive the message ({skipped} of {rows} skipped).", "", prepared.valid)
        return text.format(skipped=number(prepared.skipped, lang), rows=rows)
