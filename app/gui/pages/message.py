"""Step 3: compose the message, step through what each recipient gets, see its cost against the balance."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from app.core.domain import Channel
from app.core.email_draft import EmailDraft, RenderedEmail
from app.core.preview import preview_campaign
from app.core.reasons import reason_text
from app.core.recipients import RecipientRow, RowStatus
from app.core.segments import MAX_SEGMENTS, to_gsm
from app.core.settings import Settings
from app.core.templates import Template, TemplateError
from app.gui.formatting import number, ui_lang
from app.gui.models.draft import CampaignDraft
from app.gui.models.recipients_model import RecipientsModel
from app.gui.pages import Page
from app.gui.provider_source import ProviderFactory, read_failure_text
from app.gui.sms_mode import SmsModeChooser
from app.gui.widgets.composer import Composer
from app.gui.widgets.message_preview import CampaignCost, CostPanel, RecipientPreview
from app.gui.worker import Task, Worker
from app.providers import registry
from app.providers.base import Balance, ProviderFailure

COST_DELAY_MS = 300  # the whole-campaign count waits for a pause in typing
PREVIEW_DELAY_MS = 40  # the preview redraws once per burst of keys, not per key: the counter comes first


class MessagePage(Page):
    """Compose the SMS or e-mail; preview it per recipient; cost and balance are counted on workers.

    Signals: completeness_changed(bool) (from Page); cost_ready(): the campaign's cost was shown.
    """

    cost_ready = Signal()

    def __init__(
        self,
        draft: CampaignDraft,
        settings: Settings,
        recipients: RecipientsModel,
        providers: ProviderFactory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(draft, parent)
        self.title = self.tr("Message")
        self.settings, self.recipients, self.providers = settings, recipients, providers
        self.lang = ui_lang(settings)
        self.rows: list[RecipientRow] = []
        self._cost_worker: Worker | None = None
        self._cost_again = False
        self._balance_worker: Worker | None = None
        self.over_limit = 0  # recipients whose SMS the provider refuses, at the last whole-campaign count
        self.composer = Composer(self.lang)
        if draft.template_text:  # the last session's message (CampaignDraft.restore)
            self.composer.blockSignals(True)
            self.composer.load(EmailDraft(draft.subject, draft.template_text, draft.html, draft.sender_name,
                                          draft.sender_email))  # fmt: skip
            self.composer.blockSignals(False)
        self.sms_mode = SmsModeChooser()
        self.sms_mode.changed.connect(self.on_sms_mode_changed)
        self.preview = RecipientPreview()
        self.cost = CostPanel(self.lang)
        self._cost_timer = QTimer(self, singleShot=True, interval=COST_DELAY_MS)
        self._cost_timer.timeout.connect(self.count_cost)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(lambda: self._show_recipient(self.preview.position()))
        self.composer.changed.connect(self.on_message_changed)
        self.preview.recipient_changed.connect(self.on_recipient_changed)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.preview, 3)
        side.addWidget(self.cost, 2)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.composer, 1)
        column.addWidget(self.sms_mode)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    # --- entering the step --------------------------------------------------------------------------
    def enter(self) -> None:
        caps = registry.capabilities(self.draft.provider_id)
        self.rows = [row for row in self.recipients.rows if row.status is RowStatus.VALID]
        self.preview.set_count(len(self.rows))
        sms = self.draft.channel is Channel.SMS
        self.composer.blockSignals(True)  # one recount at the end, not one per setting
        self.composer.configure(
            self.draft.channel,
            caps.max_length if sms else None,
            caps.email_sender_required,
            self.draft.columns,
        )
        self.composer.set_sample(self._fields(self.preview.position()))
        self.composer.blockSignals(False)
        self.sms_mode.configure(caps.sms_modes if sms else (), self.draft.sms_mode)
        self.on_message_changed()
        self.fetch_balance()

    def _fields(self, position: int) -> dict[str, str] | None:
        return self.rows[position].fields if 0 <= position < len(self.rows) else None

    def is_complete(self) -> bool:
        compiled = (
            self.composer.template if self.draft.channel is Channel.SMS else self.composer.email_template
        )
        # The shown recipient's count is instant; the whole campaign's comes after a pause in typing
        # (Review counts the prepared campaign again before Send).
        fits = self.draft.channel is Channel.EMAIL or not (self.composer.over_limit or self.over_limit)
        return compiled is not None and not self.composer.problems and bool(self.rows) and fits

    # --- on every change ----------------------------------------------------------------------------
    def on_message_changed(self) -> None:
        composer, draft = self.composer, self.draft
        draft.template_text = composer.text()
        if draft.channel is Channel.EMAIL:
            email = composer.email_draft()
            draft.subject, draft.html = email.subject, email.html
            draft.sender_name, draft.sender_email = email.sender_name, email.sender_email
        self._preview_timer.start()
        self._cost_timer.start()
        self.completeness_changed.emit(self.is_complete())

    def on_sms_mode_changed(self, mode: str) -> None:
        self.draft.sms_mode = mode

    def on_recipient_changed(self, position: int) -> None:
        self.composer.set_sample(self._fields(position))
        self._show_recipient(position)

    def _show_recipient(self, position: int) -> None:
        fields = self._fields(position)
        if fields is None:
            self.preview.show_sms(
                self.tr("No valid recipient yet: import a sheet in the previous step."), "", ()
            )
            return
        row = self.rows[position]
        who = self.tr("Row {row} · {address}").format(row=row.row, address=row.address)
        if self.draft.channel is Channel.SMS:
            template = self.composer.template
            text = template.render(fields) if template is not None else self.composer.text()
            empty = template.empty_fields(fields) if template is not None else ()
            self.preview.show_sms(who, text, empty)
        elif self.composer.email_template is not None:
            email = self.composer.email_template
            self.preview.show_email(who, email.render(fields), email.empty_fields(fields))
        else:  # not an e-mail yet: nothing rather than the last one that compiled
            self.preview.show_email(who, RenderedEmail("", "", False), ())

    # --- the whole campaign, on a worker ------------------------------------------------------------
    def count_cost(self) -> None:
        """Render and count every recipient's message; reruns once more if typing went on meanwhile."""
        if self.draft.channel is Channel.EMAIL:
            self.cost.show_email(len(self.rows))
            self.cost_ready.emit()
            return
        template = self.composer.template
        if template is None or not self.rows:
            return
        if self._cost_worker is not None:
            self._cost_again = True
            return
        limit = registry.capabilities(self.draft.provider_id).max_length
        rows, columns = self.rows, self.draft.columns
        converted = to_gsm(template.text)

        def count(task: Task) -> CampaignCost:
            pairs = [(row.row, row.fields) for row in rows]
            cost = preview_campaign(template, pairs, limit)
            if converted == template.text:
                return CampaignCost(cost)
            try:
                return CampaignCost(cost, preview_campaign(Template(converted, columns), pairs, limit))
            except TemplateError:
                return CampaignCost(cost)

        self.cost.show_computing()
        self._cost_worker = Worker(count, self)
        self._cost_worker.result.connect(lambda cost: self.on_cost(cost, limit))
        self._cost_worker.done.connect(self.on_cost_done)
        self._cost_worker.start()

    def on_cost(self, cost: CampaignCost, limit: int | None) -> None:
        """Show the campaign's figures; a message some recipients cannot receive keeps Next disabled."""
        self.cost.show_sms(cost, limit)
        over = self.over_limit = cost.preview.over_limit_count
        caps = registry.capabilities(self.draft.provider_id)
        blocking = too_long_text(over, caps.name, limit, self.lang) if over else ""
        self.composer.set_blocking(blocking)
        self.completeness_changed.emit(self.is_complete())

    def on_cost_done(self) -> None:
        if self._cost_worker is not None:
            self._cost_worker.deleteLater()
        self._cost_worker = None
        if self._cost_again:
            self._cost_again = False
            self.count_cost()
        else:
            self.cost_ready.emit()

    def fetch_balance(self) -> None:
        """Ask the provider for its balance on a worker; the cost panel compares it with the credits."""
        caps = registry.capabilities(self.draft.provider_id)
        if not caps.has_balance:
            self.cost.set_balance(
                caps.name, None, self.tr("{name} does not report a balance.").format(name=caps.name)
            )
            return
        if self._balance_worker is not None:
            return
        base_url, channel, providers = self.draft.base_url, self.draft.channel, self.providers

        def fetch(task: Task) -> Balance:
            provider = providers(caps.id, base_url)  # reads the keyring here, off the GUI thread
            try:
                return provider.balance()
            finally:
                provider.close()

        self.cost.set_balance(
            caps.name, None, self.tr("Asking {name} for the balance…").format(name=caps.name)
        )
        self._balance_worker = Worker(fetch, self)
        self._balance_worker.result.connect(
            lambda balance: self.cost.set_balance(
                caps.name,
                balance.sms if channel is Channel.SMS else balance.email,
                self.tr("Balance unknown."),
            )
        )
        self._balance_worker.error.connect(lambda exc: self.on_balance_failed(caps.name, exc))
        self._balance_worker.done.connect(self.on_balance_done)
        self._balance_worker.start()

    def on_balance_failed(self, name: str, exc: object) -> None:
        if isinstance(exc, ProviderFailure):
            reason = read_failure_text(exc, self.lang, self.draft.provider_id)
        else:
            reason = reason_text("provider_unreachable", name, self.lang)
        note = self.tr("The balance could not be read: {reason}").format(reason=reason)
        self.cost.set_balance(name, None, note)

    def on_balance_done(self) -> None:
        if self._balance_worker is not None:
            self._balance_worker.deleteLater()
        self._balance_worker = None

    def shutdown(self) -> None:
        """The window is closing: let the counters finish (the balance call times out by itself)."""
        self._cost_timer.stop()
        self._preview_timer.stop()
        for worker in (self._cost_worker, self._balance_worker):
            if worker is not None:
                worker.wait()


def too_long_text(over: int, provider: str, limit: int | None, lang: str) -> str:
    """Why the campaign cannot go: how many personalized messages are over the provider's limit."""
    return _Wording().too_long(over, provider, limit, lang)


class _Wording(QObject):
    """Plural sentences: lupdate marks a string plural ("numerus") only in a `self.tr` call."""

    def too_long(self, over: int, provider: str, limit: int | None, lang: str) -> str:
        if limit is None:
            text = self.tr("%Ln recipient(s) would get a message longer than {provider} accepts "
                           "({segments} segments): shorten it to continue.", "", over)  # fmt: skip
            return text.format(provider=provider, segments=MAX_SEGMENTS)
        text = self.tr("%Ln recipient(s) would get a message over {provider}'s limit of {limit} "
                       "characters (merge fields included): shorten it to continue.", "", over)  # fmt: skip
        return text.format(provider=provider, limit=number(limit, lang))
