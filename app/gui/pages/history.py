"""Campaign history: every past campaign with its counts; open, resume, or re-send its unknown or failed rows.

`offer_resume(window)` runs at startup: a campaign left paused by the user (closing the
window during a send pauses it) or interrupted by a crash is offered for resuming.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.domain import Channel, State
from app.core.engine.campaigns import Created, resend_campaign
from app.core.journal import Journal
from app.core.settings import Settings
from app.gui.dialogs import dialogs_for
from app.gui.dialogs.confirm_send import ConfirmSendDialog, SendSummary
from app.gui.formatting import ui_lang
from app.gui.models.draft import CampaignDraft
from app.gui.models.history_model import SORT_ROLE, HistoryEntry, HistoryModel, read_history
from app.gui.pages import Page
from app.gui.pages.review_work import discard
from app.gui.provider_source import failure_text, provider_name
from app.gui.runner import CampaignRunner
from app.gui.widgets.named import named
from app.gui.worker import Task, Worker
from app.gui.workers import Workers

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

FAILED = (State.REJECTED, State.UNDELIVERED, State.BOUNCED)


class HistoryPage(Page):
    """History.

    Signals:
        open_campaign(int): show this campaign's tracking panel.
        completeness_changed(bool): (Page) unused.
    """

    open_campaign = Signal(int)
    title = "History"

    def __init__(
        self, settings: Settings, journal: Journal, parent: QWidget | None = None, *, runner: CampaignRunner
    ) -> None:
        super().__init__(CampaignDraft(), parent)  # history reads the journal, not the draft
        self.settings, self.journal, self.runner = settings, journal, runner
        self.confirm_dialog: ConfirmSendDialog | None = None
        self.workers = Workers(self, self._on_error)
        self.model = HistoryModel(self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(SORT_ROLE)
        self.table = named(QTableView(), "historyTable", self.tr("Campaigns"))
        self.table.setModel(self.sorted)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few hundred rows at most
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.on_open())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_buttons())
        self.empty_label = named(QLabel(self.tr("No campaigns yet.")), "historyEmptyLabel")
        self.open_button = named(QPushButton(self.tr("&Open")), "openCampaignButton")
        self.resume_button = named(QPushButton(self.tr("&Resume")), "resumeCampaignButton")
        self.resend_unknown_button = named(QPushButton(self.tr("Re-send &unknown…")), "resendUnknownButton")
        self.resend_failed_button = named(QPushButton(self.tr("Re-&send failed…")), "resendFailedButton")
        self.open_button.clicked.connect(self.on_open)
        self.resume_button.clicked.connect(self.on_resume)
        self.resend_unknown_button.clicked.connect(lambda: self.on_resend((State.UNKNOWN,)))
        self.resend_failed_button.clicked.connect(lambda: self.on_resend(FAILED))
        buttons = QHBoxLayout()
        for button in (
            self.open_button,
            self.resume_button,
            self.resend_unknown_button,
            self.resend_failed_button,
        ):
            buttons.addWidget(button)  # fmt: skip
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for signal in (runner.started, runner.finished):
            signal.connect(lambda *_: self.refresh())
        self._show_buttons()

    def enter(self) -> None:
        self.refresh()

    def shutdown(self) -> None:
        """The window is closing: let the journal reads end."""
        self.workers.shutdown()

    def refresh(self) -> None:
        """Read the campaigns again (on a worker)."""
        journal = self.journal
        self.workers.run(lambda task: read_history(journal), self._on_history)

    def selected(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.entry(self.sorted.mapToSource(rows[0]).row())

    def select_campaign(self, campaign_id: int) -> None:
        for row, entry in enumerate(self.model.entries):
            if entry.campaign.id == campaign_id:
                self.table.selectRow(self.sorted.mapFromSource(self.model.index(row, 0)).row())
                return

    def _on_history(self, entries: object) -> None:
        chosen = self.selected()
        self.model.set_entries(cast(list[HistoryEntry], entries))
        self.empty_label.setVisible(not self.model.entries)
        if chosen is not None:
            self.select_campaign(chosen.campaign.id)
        elif self.model.entries:
            self.table.selectRow(0)
        self._show_buttons()

    def _show_buttons(self) -> None:
        entry = self.selected()
        sending = self.runner.is_sending()
        self.open_button.setEnabled(entry is not None)
        self.resume_button.setEnabled(entry is not None and entry.resumable and not sending)
        counts = entry.counts if entry is not None else {}
        self.resend_unknown_button.setEnabled(not sending and counts.get(State.UNKNOWN.value, 0) > 0)
        self.resend_failed_button.setEnabled(not sending and any(counts.get(s.value, 0) for s in FAILED))

    # --- actions ----------------------------------------------------------------------------------
    def on_open(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.open_campaign.emit(entry.campaign.id)

    def on_resume(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        if self.runner.start(entry.campaign.id):
            self.open_campaign.emit(entry.campaign.id)
        else:
            dialogs_for(self).warn(self, self.tr("Another campaign is sending"), self.tr(
                "Only one campaign sends at a time: wait for it to finish or pause it."))  # fmt: skip

    def on_resend(self, states: Iterable[State]) -> None:
        """Make a new campaign of the selected one's rows in `states`, then ask to send it."""
        entry = self.selected()
        if entry is None:
            return
        journal, campaign_id, chosen = self.journal, entry.campaign.id, tuple(states)
        name = self.tr("{name} (re-send)").format(name=entry.campaign.name)

        def make(task: Task) -> Created:
            return resend_campaign(journal, campaign_id, chosen, name)

        self.workers.run(make, lambda created: self._confirm_resend(entry, cast(Created, created), name))

    def _confirm_resend(self, entry: HistoryEntry, created: Created, name: str) -> None:
        campaign = entry.campaign
        summary = SendSummary(name, provider_name(campaign.provider), campaign.channel == Channel.EMAIL.value,
                              created.valid, created.credits)  # fmt: skip
        dialog = self.confirm_dialog = ConfirmSendDialog(summary, self)
        dialog.accepted.connect(lambda: self._start_resend(created.campaign_id))
        dialog.rejected.connect(lambda: self._discard(created.campaign_id))
        dialog.open()
        self.refresh()

    def _start_resend(self, campaign_id: int) -> None:
        if self.runner.start(campaign_id):
            self.open_campaign.emit(campaign_id)

    def _discard(self, campaign_id: int) -> None:
        journal = self.journal
        self.workers.run(lambda task: discard(journal, campaign_id), lambda _: self.refresh())

    def _on_error(self, exc: object) -> None:
        dialogs_for(self).warn(self, self.tr("History"), failure_text(exc, ui_lang(self.settings)))


_OFFERS: set[Worker] = set()  # startup look-ups, kept alive until they end


def offer_resume(window: QWidget) -> Worker:
    """At startup: offer to resume the newest campaign left paused by the user or interrupted.

    Returns the worker that looks for one (its `done` says the offer, if any, was made).
    """
    journal: Journal = getattr(window, "journal")  # noqa: B009 (the window's agreed attribute)
    runner: CampaignRunner = getattr(window, "runner")  # noqa: B009

    def find(task: Task) -> HistoryEntry | None:
        for entry in read_history(journal):
            paused_by_user = entry.status == "paused" and entry.campaign.reason == "paused_by_user"
            if (paused_by_user or entry.status == "interrupted") and entry.pending:
                return entry
        return None

    def ask(found: object) -> None:
        if not isinstance(found, HistoryEntry) or runner.is_sending():
            return
        campaign = found.campaign
        question = _ResumeWording().question(campaign.name, found.pending)
        title = translate("HistoryPage", "Resume the campaign?")
        yes, no = translate("HistoryPage", "Resume"), translate("HistoryPage", "Later")
        if not dialogs_for(window).ask(window, title, question, yes=yes, no=no):
            return
        runner.start(campaign.id)
        getattr(window, "show_campaign")(campaign.id)  # noqa: B009 (the window's agreed method)

    worker = Worker(find, window)
    _OFFERS.add(worker)
    worker.result.connect(ask)
    worker.done.connect(lambda: _OFFERS.discard(worker))
    worker.start()
    return worker


class _ResumeWording(QObject):
    """The plural sentence of `offer_resume`: lupdate marks a string plural ("numerus") only in `self.tr`."""

    def question(self, name: str, pending: int) -> str:
        text = self.tr("The campaign “{name}” stopped with %Ln message(s) still to send. Resume it now?", "",
                       pending)  # fmt: skip
        return text.format(name=name)
