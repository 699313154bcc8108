"""Step 4, review and send: the whole campaign on one page, a test message, and the confirmed start.

Entering the page renders every message of the rows the recipients step read, on a
worker (so the totals, the credits and the sample message are the ones that will leave),
without writing anything; the balance is read on another. Sending asks a confirmation
that names the count and the cost; only then is the campaign journaled, from those same
rows, and handed to the runner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QWidget

from app.core.domain import Channel, State
from app.core.engine.campaigns import CampaignError, Created
from app.core.engine.pacing import Pace, estimate
from app.core.journal import Journal
from app.core.reasons import reason_text
from app.core.recipients import ImportCancelled, SheetError, normalize_address
from app.core.settings import Settings
from app.gui.campaign_text import duration, window_text
from app.gui.dialogs import dialogs_for
from app.gui.dialogs.confirm_send import ConfirmSendDialog, SendSummary
from app.gui.formatting import number, ui_lang
from app.gui.gc_pauses import keep_out_of_collections
from app.gui.models.draft import CampaignDraft
from app.gui.pages import Page
from app.gui.pages.message import too_long_text
from app.gui.pages.review_email import EmailReview, expected_seconds, report_lines, review_email, system_check
from app.gui.pages.review_form import ReviewForm, pace_text
from app.gui.pages.review_work import (
    DraftKey,
    NameTaken,
    Prepared,
    create,
    discard,
    draft_key,
    plan_for,
    prepare,
    read_balance,
    send_test,
    sent_key,
)
from app.gui.provider_source import failure_text, read_failure_text
from app.gui.runner import CampaignRunner
from app.gui.worker import Task, Worker
from app.gui.workers import Workers
from app.providers.base import SendResult
from app.providers.registry import capabilities

if TYPE_CHECKING:
    from app.core.deliverability import DeliverabilityCheck


class ReviewPage(Page):
    """Review and send.

    Signals:
        campaign_started(int): the campaign id, once confirmed and handed to the runner.
        completeness_changed(bool): (Page) never complete: the page ends with its own Send button.
    """

    campaign_started = Signal(int)
    title = "Review and send"

    def __init__(
        self,
        draft: CampaignDraft,
        settings: Settings,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        runner: CampaignRunner,
        sender_check: Callable[[], DeliverabilityCheck] = system_check,
    ) -> None:
        super().__init__(draft, parent)
        self.settings, self.journal, self.runner = settings, journal, runner
        self.sender_check = sender_check  # the DNS lookups of the e-mail review (tests ask a local server)
        self.lang = ui_lang(settings)
        self.prepared: Prepared | None = None
        self.email_review: EmailReview | None = None
        self.active = False  # shown, between enter() and leave()
        self.balance: int | None = None
        self.confirm_dialog: ConfirmSendDialog | None = None
        self.workers = Workers(self, self._on_prepare_failed)
        self._preparing: Worker | None = None
        self._again = False  # the draft changed while preparing
        self._confirm_when_ready = False
        self.sent: tuple[DraftKey, str] | None = None  # `sent_key` and the name it was sent as
        self.form = ReviewForm(self)
        self.form.name_edit.textEdited.connect(self._on_name_edited)
        self.form.name_edit.editingFinished.connect(self._on_name_finished)
        self.form.send_button.clicked.connect(self.on_send)
        self.form.test_button.clicked.connect(self.on_test_send)
        self.form.schedule_check.toggled.connect(self._on_schedule_toggled)

    def is_complete(self) -> bool:
        return False

    def enter(self) -> None:
        self.active = True
        self.lang = ui_lang(self.settings)
        self.form.show_draft(self.draft, capabilities(self.draft.provider_id))
        self._prepare_if_changed()
        self._read_balance()
        self._review_email()

    def _prepare_if_changed(self) -> None:
        if self.sent is not None and self.sent[0] == sent_key(self.draft):  # the list and message just sent
            self.form.name_edit.setText("")
            self.form.show_problem(self.tr(
                "This list and this message were already sent as “{name}”. To send them again, give the "
                "campaign a new name.").format(name=self.sent[1]))  # fmt: skip
            return
        if self.prepared is None or self.prepared.key != draft_key(self.draft):
            self._prepare()

    def _on_name_edited(self, text: str) -> None:
        self.draft.name = text.strip()

    def _on_name_finished(self) -> None:
        if self.active:
            self._prepare_if_changed()

    def leave(self) -> None:
        """Going elsewhere without sending: the preview is dropped (nothing was written)."""
        self.active = False
        if self._preparing is not None:
            self._preparing.cancel()
        self.prepared = None
        self._confirm_when_ready = False

    def shutdown(self) -> None:
        """The window is closing: stop preparing, let the workers end."""
        self.leave()
        self.workers.shutdown()

    # --- preparing the campaign -------------------------------------------------------------------
    def _prepare(self) -> None:
        if self._preparing is not None:
            self._again = True
            self._preparing.cancel()
            return
        path, read = self.draft.recipients_path, self.draft.read
        if path is None or read is None:
            self.form.show_problem(self.tr("Choose a recipients sheet first (step Recipients)."))
            return
        key, plan = draft_key(self.draft), plan_for(self.draft)
        self.prepared = None
        journal = self.journal
        self.form.show_preparing()
        keep_out_of_collections()  # the imported recipients must not be scanned while rendering

        def work(task: Task) -> Prepared:
            def progress(done: int) -> None:
                task.progress((done, len(read.rows)))

            return prepare(journal, plan, read, path, key, task.cancel, progress)

        worker = self._preparing = self.workers.run(work, self._on_prepared, self._on_prepare_failed)
        worker.progress.connect(lambda value: self.form.show_prepare_progress(*value))
        worker.done.connect(self._on_prepare_done)

    def _on_prepared(self, result: object) -> None:
        assert isinstance(result, Prepared)
        if not self.active:  # finished just as the user left
            return
        self.prepared = result
        caps = capabilities(self.draft.provider_id)
        guess = estimate(caps, Pace.for_provider(caps, self.draft.interval), result.valid, result.texts)
        pace = pace_text(caps, Pace.for_provider(caps, self.draft.interval))
        slow = guess.one_per_request and caps.same_text_bulk
        self.form.show_prepared(result, self.lang, pace, duration(guess.seconds), slow)
        self._show_account_pace()
        self.form.show_window(window_text(caps))
        if result.over_limit:
            self.form.show_problem(too_long_text(result.over_limit, caps.name, caps.max_length, self.lang))
        self._show_balance()
        if self._confirm_when_ready:
            self._confirm_when_ready = False
            self._confirm()

    def _on_prepare_failed(self, exc: object) -> None:
        self._confirm_when_ready = False
        if isinstance(exc, ImportCancelled):
            return
        if isinstance(exc, NameTaken):
            text = self.tr("There is already a campaign named “{name}”: choose another name.")
            self.form.show_problem(text.format(name=exc.name))
            self.form.name_edit.setFocus()
            return
        if isinstance(exc, SheetError | CampaignError):
            text = str(exc)
        else:
            text = failure_text(exc, self.lang, self.draft.provider_id)
        self.form.show_problem(text)
        dialogs_for(self).warn(self, self.tr("The campaign cannot be prepared"), text)

    def _on_prepare_done(self) -> None:
        self._preparing = None
        if self._again:
            self._again = False
            self._prepare()

    # --- balance ----------------------------------------------------------------------------------
    def _read_balance(self) -> None:
        providers, provider_id, base_url = self.runner.providers, self.draft.provider_id, self.draft.base_url
        channel = self.draft.channel

        def work(task: Task) -> int | None:
            provider = providers(provider_id, base_url)
            try:
                return read_balance(provider, channel)
            finally:
                provider.close()

        self.form.balance_label.setText(self.tr("Asking {provider} for the balance…").format(
            provider=capabilities(provider_id).name))  # fmt: skip
        self.workers.run(work, self._on_balance, self._on_balance_failed)

    def _on_balance(self, balance: object) -> None:
        self.balance = balance if isinstance(balance, int) else None
        self._show_balance(known=capabilities(self.draft.provider_id).has_balance)

    def _on_balance_failed(self, exc: object) -> None:
        self.balance = None
        text = read_failure_text(exc, self.lang, self.draft.provider_id)
        self.form.balance_label.setText(self.tr("The balance could not be read: {why}").format(why=text))

    def _show_balance(self, known: bool = True) -> None:
        caps = capabilities(self.draft.provider_id)
        if not caps.has_balance:
            self.form.balance_label.setText(self.tr("{provider} does not report a balance.").format(
                provider=caps.name))  # fmt: skip
            return
        if self.balance is None:
            return
        text = self.tr("%Ln credit(s) available.", "", self.balance)
        if self.prepared is not None and self.balance < self.prepared.credits:
            text += " " + reason_text("low_balance", caps.name, self.lang)
        self.form.balance_label.setText(text)

    # --- e-mail: the account's pace and the sender domain ---------------------------------------------
    def _review_email(self) -> None:
        self.email_review = None
        self.form.domain_label.setText("—")
        if self.draft.channel is not Channel.EMAIL:
            return
        providers, provider_id, base_url = self.runner.providers, self.draft.provider_id, self.draft.base_url
        sender, make_check = self.draft.sender_email, self.sender_check

        def work(task: Task) -> EmailReview:
            provider = providers(provider_id, base_url)
            try:
                return review_email(provider, sender, make_check())
            finally:
                provider.close()

        self.form.domain_label.setText(self.tr("Checking the sender domain's DNS…"))
        self.workers.run(work, self._on_email_reviewed, self._on_email_review_failed)

    def _on_email_reviewed(self, result: object) -> None:
        assert isinstance(result, EmailReview)
        self.email_review = result
        report = result.report
        if report is None:
            self.form.domain_label.setText(self.tr("{provider} checks its senders itself.").format(
                provider=capabilities(self.draft.provider_id).name))  # fmt: skip
        else:
            self.form.domain_label.setText("\n".join(report_lines(report, self.lang)))
        self._show_account_pace()

    def _on_email_review_failed(self, exc: object) -> None:
        self.form.domain_label.setText(failure_text(exc, self.lang, self.draft.provider_id))

    def _show_account_pace(self) -> None:
        """The expected finish at the account's own pace and daily limit (SMTP presets)."""
        review, prepared = self.email_review, self.prepared
        if review is None or prepared is None:
            return
        caps = review.caps
        seconds, days = expected_seconds(caps, self.draft.interval, prepared.valid)
        self.form.pace_label.setText(pace_text(caps, Pace.for_provider(caps, self.draft.interval)))
        text = duration(seconds)
        if days > 1 and caps.per_day:
            text = self.tr("{days} days: {per_day} a day, the service's daily limit.").format(
                days=number(days, self.lang), per_day=number(caps.per_day, self.lang))  # fmt: skip
        self.form.duration_label.setText(text)

    # --- test message -----------------------------------------------------------------------------
    def on_test_send(self) -> None:
        """Send the sample message to the user's own number or address."""
        prepared = self.prepared
        typed = self.form.test_edit.text().strip()
        address = normalize_address(typed, self.draft.channel, self.draft.country) if typed else None
        if prepared is None or not prepared.sample_text:
            self.form.test_result.setText(self.tr("Wait until the campaign is prepared."))
            return
        if address is None:
            self.form.test_result.setText(
                self.tr("Type your own e-mail address.") if self.draft.channel is Channel.EMAIL
                else self.tr("Type your own mobile number, e.g. +56 9 1234 5678.")
            )  # fmt: skip
            return
        providers, draft = self.runner.providers, self.draft
        text, subject = prepared.sample_text, prepared.sample_subject

        def work(task: Task) -> SendResult:
            provider = providers(draft.provider_id, draft.base_url)
            try:
                return send_test(provider, draft, address, text, subject)
            finally:
                provider.close()

        self.form.test_button.setEnabled(False)
        self.form.test_result.setText(self.tr("Sending the test message…"))
        worker = self.workers.run(work, self._on_test_sent, self._on_test_failed)
        worker.done.connect(lambda: self.form.test_button.setEnabled(True))

    def _on_test_sent(self, result: object) -> None:
        assert isinstance(result, SendResult)
        name = capabilities(self.draft.provider_id).name
        if result.state is State.ACCEPTED:
            text = self.tr("{provider} accepted the test message (id {id}).").format(
                provider=name, id=result.provider_id or "—")  # fmt: skip
        elif result.problem is not None:
            text = reason_text(result.problem.reason, name, self.lang)
        else:
            text = reason_text("answer_lost", name, self.lang)
        self.form.test_result.setText(text)

    def _on_test_failed(self, exc: object) -> None:
        self.form.test_result.setText(failure_text(exc, self.lang, self.draft.provider_id))

    # --- sending ----------------------------------------------------------------------------------
    def _on_schedule_toggled(self, on: bool) -> None:
        caps = capabilities(self.draft.provider_id)
        self.form.show_schedule_note(on, caps.schedules)

    def on_send(self) -> None:
        """Ask for the confirmation (after preparing again if the schedule changed)."""
        chosen = self.form.schedule_edit.dateTime() if self.form.schedule_check.isChecked() else None
        self.draft.start_at = _local(chosen) if chosen is not None else None
        if self.draft.start_at is not None and self.draft.start_at <= dt.datetime.now().astimezone():
            dialogs_for(self).warn(self, self.tr("Schedule"), self.tr(
                "The scheduled time has already passed: choose a later time or send now."))  # fmt: skip
            return
        if self.sent is not None and self.sent[0] == sent_key(self.draft):
            self._prepare_if_changed()  # says why not
            return
        if self.prepared is None or self.prepared.key != draft_key(self.draft):
            self._confirm_when_ready = True
            self._prepare()
            return
        self._confirm()

    def _confirm(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        if prepared.valid == 0:
            dialogs_for(self).warn(
                self,
                self.tr("Nothing to send"),
                self.tr(
                    "No row of the sheet has a valid recipient: check the address column in step Recipients."
                ),
            )
            return  # fmt: skip
        caps = capabilities(self.draft.provider_id)
        if prepared.over_limit:  # the button is disabled then; this guards every other way in
            text = too_long_text(prepared.over_limit, caps.name, caps.max_length, self.lang)
            dialogs_for(self).warn(self, self.tr("The message is too long"), text)
            return
        summary = SendSummary(
            campaign_name=prepared.name, provider_name=caps.name,
            email=self.draft.channel is Channel.EMAIL, count=prepared.valid, credits=prepared.credits,
            balance=self.balance, start_at=self.draft.start_at, stays_open=not caps.schedules,
        )  # fmt: skip
        self.confirm_dialog = ConfirmSendDialog(summary, self)
        self.confirm_dialog.accepted.connect(self._on_confirmed)
        self.confirm_dialog.open()

    def _on_confirmed(self) -> None:
        """Confirmed: journal the campaign from the previewed rows (the first write), then send it."""
        prepared = self.prepared
        if prepared is None:
            return
        if self.runner.is_sending():
            self._warn_another_sending()
            return
        self.prepared = None  # one confirmation makes one campaign; Send is armed again only by a new preview
        self.form.send_button.setEnabled(False)
        journal, path = self.journal, self.draft.recipients_path
        self.workers.run(
            lambda task: create(journal, prepared, path),
            lambda created: self._on_created(prepared, created),
            self._on_create_failed,
        )

    def _on_created(self, prepared: Prepared, created: object) -> None:
        assert isinstance(created, Created)
        if not self.runner.start(created.campaign_id):  # another one started meanwhile: undo, review again
            journal, campaign_id = self.journal, created.campaign_id
            self.workers.run(lambda task: discard(journal, campaign_id), lambda _: self._prepare_again())
            self._warn_another_sending()
            return
        self.sent = (sent_key(self.draft), prepared.name)  # the same list and message do not arm Send again
        self.campaign_started.emit(created.campaign_id)

    def _on_create_failed(self, exc: object) -> None:
        self._on_prepare_failed(exc)
        self._prepare_again()

    def _prepare_again(self) -> None:
        """After a confirmation that sent nothing: the review shows the draft again, ready for another."""
        if self.active:
            self._prepare()

    def _warn_another_sending(self) -> None:
        dialogs_for(self).warn(
            self,
            self.tr("Another campaign is sending"),
            self.tr("Only one campaign sends at a time: wait for it to finish or pause it in Tracking."),
        )


def _local(value: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch()).astimezone()
