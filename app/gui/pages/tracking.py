"""Step 5, tracking: a campaign's live panel, its controls, its messages, and its report at the end.

While the campaign sends, the numbers come from the runner's progress events (no journal
reads); the status poller's passes add what became of accepted messages; the table is
read again on a worker every few seconds, never more than a sixth of the time.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QWidget

from app.core.domain import CampaignStatus, Channel, State, shown_status
from app.core.engine.dispatcher import RunResult
from app.core.engine.progress import Progress
from app.core.journal import Campaign, Journal
from app.core.reasons import reason_text
from app.core.settings import Settings
from app.gui.campaign_text import local_time, status_label
from app.gui.dialogs import dialogs_for
from app.gui.formatting import credits_text, ui_lang
from app.gui.models.campaign_model import MessagesModel, StateFilter, merge_counts
from app.gui.models.draft import CampaignDraft
from app.gui.pages import Page
from app.gui.pages.tracking_export import export_report
from app.gui.pages.tracking_panel import TrackingPanel
from app.gui.pages.tracking_replies import CampaignReplies
from app.gui.pages.tracking_rows import RowsLoader
from app.gui.provider_source import failure_text, provider_name
from app.gui.runner import CampaignRunner, Watch
from app.gui.worker import Task
from app.gui.workers import Workers
from app.providers.base import Balance

ENDED = frozenset({"completed", "paused", "cancelled", "failed", "interrupted"})  # statuses with a summary
QUIET_REASONS = frozenset({"", "paused_by_user", "cancelled_by_user"})  # ends that need no dialog


class TrackingPage(Page):
    """Tracking.

    Signals:
        completeness_changed(bool): (Page) never complete: tracking is the last step.
    """

    title = "Tracking"

    def __init__(
        self, settings: Settings, journal: Journal, parent: QWidget | None = None, *, runner: CampaignRunner
    ) -> None:
        super().__init__(CampaignDraft(), parent)  # tracking reads campaigns from the journal, not the draft
        self.settings, self.journal, self.runner = settings, journal, runner
        self.lang = ui_lang(settings)
        self.campaign: Campaign | None = None
        self.status = ""  # as shown: a `running` campaign whose sender is gone is `interrupted`
        self.campaign_id: int | None = None
        self.counts: dict[str, int] = {}
        self._journal_counts: dict[str, int] = {}
        self._ended: RunResult | None = None  # a stop to explain once the campaign (its provider) is loaded
        self.workers = Workers(self, self._on_error)
        self.model = MessagesModel(self)
        self.rows = RowsLoader(journal, self.model, self)
        self.filter = StateFilter(self.model, self)
        self.panel = TrackingPanel(self)
        self.replies = CampaignReplies(journal, self)  # the campaign's replies, below its messages
        self.layout().addWidget(self.replies)  # type: ignore[union-attr]  # the panel's column
        self.panel.table.setModel(self.filter)
        self.panel.size_columns()
        self.panel.filter_combo.currentIndexChanged.connect(self.on_filter_changed)
        self.panel.pause_button.clicked.connect(self.on_pause)
        self.panel.resume_button.clicked.connect(self.on_resume)
        self.panel.cancel_button.clicked.connect(self.on_cancel)
        self.panel.export_button.clicked.connect(self.on_export)
        runner.progress.connect(self.on_progress)
        runner.watched.connect(self.on_watched)
        runner.finished.connect(self.on_finished)
        runner.failed.connect(self.on_failed)
        runner.started.connect(self.on_started)
        self._show_nothing()

    def is_complete(self) -> bool:
        return False

    def enter(self) -> None:
        self.lang = ui_lang(self.settings)

    def show_campaign(self, campaign_id: int) -> None:
        """Show this campaign's panel and keep it fresh."""
        if campaign_id != self.campaign_id:
            self.campaign_id, self.campaign = campaign_id, None
            self.counts, self._journal_counts = {}, {}
            self.panel.title_label.setText(self.tr("Campaign {id}").format(id=campaign_id))
            self.panel.status_label.setText(self.tr("Loading…"))
            self.panel.reason_label.clear()
            self.panel.summary_box.setVisible(False)
            self.panel.show_speed(None, None)
            self.panel.balance_label.setText("—")
            self.panel.filter_combo.setCurrentIndex(0)  # every row: a filter was chosen for another campaign
        self.runner.watch(campaign_id)
        self._load_campaign()
        self.rows.lang = self.lang
        self.rows.show(campaign_id)
        self.rows.follow(self.sending())
        self.replies.show_campaign(campaign_id)

    def shutdown(self) -> None:
        """The window is closing: let the journal reads end."""
        self.rows.shutdown()
        self.replies.shutdown()
        self.workers.shutdown()

    def sending(self) -> bool:
        return self.campaign_id is not None and self.runner.sending_campaign() == self.campaign_id

    # --- what the runner says ---------------------------------------------------------------------
    def on_started(self, campaign_id: int) -> None:
        if campaign_id == self.campaign_id:
            self.panel.summary_box.setVisible(False)
            self._show_controls()
            self.rows.follow(True)

    def on_progress(self, progress: Progress) -> None:
        if progress.campaign_id != self.campaign_id:
            return
        self.counts = merge_counts(progress.counts, self._journal_counts)
        self.panel.show_counts(self.counts, self.lang)
        self.panel.show_speed(progress.throughput, progress.eta)
        if progress.balance is not None:
            self._show_balance(progress.balance)
        self._show_activity(progress.activity, progress.reason or progress.warning, progress.detail,
                            progress.resume_at)  # fmt: skip

    def on_watched(self, watch: Watch) -> None:
        if watch.campaign_id != self.campaign_id:
            return
        self._journal_counts = watch.counts
        self.counts = merge_counts(self.counts, watch.counts) if self.sending() else dict(watch.counts)
        self.panel.show_counts(self.counts, self.lang)
        self._show_summary()
        if watch.balance is not None:
            self._show_balance(watch.balance)
        if watch.changed and not self.sending():
            self.rows.refresh()

    def on_finished(self, result: RunResult) -> None:
        if result.campaign_id != self.campaign_id:
            return
        self.counts = dict(result.counts)
        self.panel.show_counts(self.counts, self.lang)
        self.panel.show_speed(None, None)
        if result.reason not in QUIET_REASONS and result.status is not CampaignStatus.COMPLETED:
            self._ended = result  # explained with the provider's name, which the loaded campaign gives
        self._load_campaign()
        self.rows.follow(False)
        self.rows.refresh()

    def _explain_end(self) -> None:
        result, self._ended = self._ended, None
        if result is None:
            return
        title = self.tr("The campaign stopped") if result.status is CampaignStatus.FAILED else self.tr(
            "The campaign paused")  # fmt: skip
        dialogs_for(self).warn(self, title, self._reason(result.reason, result.detail))

    def on_failed(self, campaign_id: int, text: str) -> None:
        if campaign_id == self.campaign_id:
            self._load_campaign()
        dialogs_for(self).warn(self, self.tr("The campaign could not start"), text)

    # --- the user's controls ----------------------------------------------------------------------
    def on_pause(self) -> None:
        self.runner.pause()
        self.panel.pause_button.setEnabled(False)
        self.panel.status_label.setText(self.tr("Pausing after the request in flight…"))

    def on_resume(self) -> None:
        if self.campaign_id is None:
            return
        if not self.runner.start(self.campaign_id):
            dialogs_for(self).warn(self, self.tr("Another campaign is sending"), self.tr(
                "Only one campaign sends at a time: wait for it to finish or pause it."))  # fmt: skip

    def on_cancel(self) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        sending = self.sending()
        if sending:
            self.runner.hold()  # nothing more leaves while the user reads the question
        # Live counts: rows claimed but not yet sent go back to pending when the run stops.
        counts = self.counts
        waiting = counts.get(State.PENDING.value, 0) + (counts.get(State.SENDING.value, 0) if sending else 0)
        question = self.tr("Sending is on hold. %Ln recipient(s) not yet sent to will not receive the "
                           "message, and the campaign cannot be resumed.", "", waiting)  # fmt: skip
        yes, no = self.tr("Cancel the campaign"), self.tr("Keep sending")
        if not dialogs_for(self).ask(self, self.tr("Cancel the campaign?"), question, yes=yes, no=no):
            if sending:
                self.runner.release()
            return
        if sending:
            self.runner.cancel()
            return
        journal = self.journal

        def cancel(task: Task) -> None:
            journal.set_status(campaign_id, CampaignStatus.CANCELLED, "cancelled_by_user")

        self.workers.run(cancel, lambda _: self._load_campaign())

    def on_filter_changed(self, index: int) -> None:
        states = self.panel.filter_combo.itemData(index)
        self.filter.set_states(states)

    def on_export(self) -> None:
        """Write the report sheet where the user chooses."""
        if self.campaign is not None:
            export_report(self, self.panel.export_button, self.workers, self.journal, self.settings,
                          self.campaign, self.lang)  # fmt: skip

    # --- reading the journal (on workers) ---------------------------------------------------------
    def _load_campaign(self) -> None:
        campaign_id, journal = self.campaign_id, self.journal
        if campaign_id is None:
            return

        def load(task: Task) -> tuple[Campaign, dict[str, int], str]:
            campaign = journal.require(campaign_id)
            return campaign, journal.counts(campaign_id), shown_status(campaign, holder=journal.leases.holder)

        self.workers.run(load, self._on_campaign_loaded)

    def _on_campaign_loaded(self, loaded: object) -> None:
        campaign, counts, status = cast(tuple[Campaign, dict[str, int], str], loaded)
        if campaign.id != self.campaign_id:
            return
        self.campaign, self.status = campaign, status
        self._explain_end()
        self.panel.title_label.setText(self.tr("Campaign {id}: {name} ({provider})").format(
            id=campaign.id, name=campaign.name, provider=provider_name(campaign.provider)))  # fmt: skip
        if self.sending():
            self._show_controls()
            return
        self.counts = self._journal_counts = dict(counts)
        self.panel.show_counts(self.counts, self.lang)
        self._show_activity(status, campaign.reason, campaign.detail, campaign.resume_at)
        self.panel.summary_box.setVisible(status in ENDED)
        self._show_summary()

    # --- showing ----------------------------------------------------------------------------------
    def _show_activity(self, activity: str, reason: str, detail: str, resume_at: float | None) -> None:
        self.panel.status_label.setText(status_label(activity))
        text = self._reason(reason, detail) if reason else ""
        if activity == "waiting" and resume_at:
            text += " " + self.tr("Continues at {time}.").format(time=local_time(resume_at))
        self.panel.reason_label.setText(text.strip())
        self._show_controls()

    def _show_controls(self) -> None:
        sending = self.sending()
        campaign = self.campaign
        open_ = campaign is not None and campaign.status not in (CampaignStatus.COMPLETED,
                                                                   CampaignStatus.CANCELLED,
                                                                   CampaignStatus.CREATING)  # fmt: skip
        # A campaign `running` with a fresh heartbeat has a live sender elsewhere (a `masivo send`).
        elsewhere = campaign is not None and not sending and self.status == "running"
        resumable = open_ and not self.runner.is_sending() and not elsewhere
        self.panel.show_controls(sending=sending, resumable=resumable, cancellable=sending or resumable)

    def _show_balance(self, balance: Balance) -> None:
        email = self.campaign is not None and self.campaign.channel == Channel.EMAIL.value
        credits = balance.email if email else balance.sms
        if credits is not None:
            self.panel.balance_label.setText(credits_text(credits))

    def _show_nothing(self) -> None:
        self.panel.title_label.setText(self.tr("No campaign to show"))
        self.panel.status_label.setText(self.tr(
            "Send a campaign from Review and send, or open one from History."))  # fmt: skip
        self.panel.show_counts({}, self.lang)
        self.panel.show_speed(None, None)
        self.panel.balance_label.setText("—")
        self.panel.show_controls(sending=False, resumable=False, cancellable=False)

    def _reason(self, reason: str, detail: str = "") -> str:
        name = provider_name(self.campaign.provider) if self.campaign is not None else ""
        text = reason_text(reason, name, self.lang)
        return f"{text} ({detail})" if detail and detail != reason else text

    def _show_summary(self) -> None:
        """The ended campaign in a few lines, kept in step with the counts (statuses keep arriving)."""
        campaign = self.campaign
        if campaign is None or not self.panel.summary_box.isVisible():
            return
        status = self.status
        when = f": {local_time(campaign.finished_at)}" if campaign.finished_at else ""
        lines = [status_label(status) + when, self.panel.counts_label.text()]
        if self.counts.get(State.UNKNOWN.value):
            lines.append(self.tr(
                "Unknown messages may or may not have been sent: check them before re-sending them "
                "from History."))  # fmt: skip
        if status in ("paused", "interrupted"):
            lines.append(self.tr("Resume it to send the pending messages."))
        self.panel.summary_label.setText("\n".join(lines))

    def _on_error(self, exc: object) -> None:
        title = self.tr("Masivo could not read the campaign")
        dialogs_for(self).warn(self, title, failure_text(exc, self.lang))
