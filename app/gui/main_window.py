"""The main window: the steps of a campaign on the left, the current step on the right, Back and Next below.

It owns what the pages share (the draft, the journal, the campaign runner, the dialogs) and
the menus; each step is its own page module. Closing it while a campaign sends asks first
and pauses the campaign cleanly; it can be resumed on the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.journal import Journal, JournalError, open_journal
from app.core.paths import sample_sheet
from app.core.secrets import CredentialStore
from app.core.settings import Settings
from app.gui.dialogs import Dialogs
from app.gui.draft import CampaignDraft
from app.gui.named import named
from app.gui.pages import Page
from app.gui.pages.history import HistoryPage, offer_resume
from app.gui.pages.inbox import InboxPage
from app.gui.pages.message import MessagePage
from app.gui.pages.provider import ProviderPage
from app.gui.pages.recipients import RecipientsPage
from app.gui.pages.review import ReviewPage
from app.gui.pages.suppression import SuppressionPage
from app.gui.pages.tracking import TrackingPage
from app.gui.provider_source import ProviderSource
from app.gui.receiver_host import ReceiverHost
from app.gui.runner import CampaignRunner
from app.gui.window_menus import WindowMenus

PROVIDER, RECIPIENTS, MESSAGE, REVIEW, TRACKING, HISTORY = range(6)
INBOX, SUPPRESSION = 6, 7  # beside the flow, like the history
FLOW = (PROVIDER, RECIPIENTS, MESSAGE, REVIEW)  # the steps Back and Next walk through


class MainWindow(QMainWindow):
    """Masivo's window.

    Signals: step_changed(int): the step now shown (PROVIDER … HISTORY).
    """

    step_changed = Signal(int)

    def __init__(
        self,
        settings: Settings,
        journal: Journal | None = None,
        *,
        dialogs: Dialogs | None = None,
        store: CredentialStore | None = None,
        sample: Path | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.dialogs = dialogs or Dialogs()  # found by every page through `dialogs_for`
        self.journal = journal or self._open_journal()
        self._owns_journal = journal is None
        self.store = store or CredentialStore()
        self.draft = CampaignDraft(provider_id=settings.get("provider"), country=settings.get("country"))
        self.runner = CampaignRunner(
            self.journal, settings, providers=ProviderSource(settings, self.store), parent=self
        )
        self._offered_resume = False
        self.setWindowTitle("Masivo")
        self._build(sample if sample is not None else sample_sheet())
        self.menus = WindowMenus(self, settings, self.dialogs)
        self.menus.open_sheet_requested.connect(self.on_open_sheet)
        self._restore_geometry()
        self.go_to(PROVIDER)
        self.receiver.start()  # once the webhook URLs are set up, unless the port setting is 0

    def _open_journal(self) -> Journal:
        try:
            return open_journal(self.settings.get("database_url") or None)
        except JournalError as exc:  # the team database is down: work on this computer meanwhile
            text = self.tr("{problem}\n\nMasivo will keep this session's campaigns on this computer.")
            self.dialogs.warn(None, self.tr("Team database unavailable"), text.format(problem=exc))
            return open_journal("")  # "": this computer's own journal, whatever is configured

    # --- building -----------------------------------------------------------------------------------
    def _build(self, sample: Path) -> None:
        self.step_list = named(QListWidget(), "stepList", self.tr("Campaign steps"))
        titles = (
            self.tr("1. Provider"),
            self.tr("2. Recipients"),
            self.tr("3. Message"),
            self.tr("4. Review and send"),
            self.tr("5. Tracking"),
            self.tr("Campaign history"),
            self.tr("Replies"),
            self.tr("Suppression list"),
        )
        for title in titles:
            self.step_list.addItem(QListWidgetItem(title))
        self.step_list.setFixedWidth(self.step_list.sizeHintForColumn(0) + 32)
        self.step_list.currentRowChanged.connect(self.on_step_clicked)
        self.title_label = named(QLabel(), "stepTitleLabel")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)

        self.provider_page = ProviderPage(self.draft, self.settings, self.store)
        self.recipients_page = RecipientsPage(self.draft, self.settings, self.journal, sample)
        self.message_page = MessagePage(
            self.draft, self.settings, self.recipients_page.model, self.runner.providers
        )
        self.review_page = ReviewPage(self.draft, self.settings, self.journal, runner=self.runner)
        self.tracking_page = TrackingPage(self.settings, self.journal, runner=self.runner)
        self.history_page = HistoryPage(self.settings, self.journal, runner=self.runner)
        self.receiver = ReceiverHost(self.journal, self.settings, self.store, self)
        self.inbox_page = InboxPage(self.settings, self.journal, self.receiver)
        self.suppression_page = SuppressionPage(self.settings, self.journal)
        self.receiver.replies_stored.connect(self.tracking_page.replies.on_replies)
        self.pages: list[Page] = [
            self.provider_page,
            self.recipients_page,
            self.message_page,
            self.review_page,
            self.tracking_page,
            self.history_page,
            self.inbox_page,
            self.suppression_page,
        ]
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
            page.completeness_changed.connect(self.update_navigation)
        self.review_page.campaign_started.connect(self.show_campaign)
        self.history_page.open_campaign.connect(self.show_campaign)

        self.back_button = named(QPushButton(self.tr("← &Back")), "backButton", self.tr("Back"))
        self.back_button.clicked.connect(self.on_back_clicked)
        self.next_button = named(QPushButton(self.tr("&Next →")), "nextButton", self.tr("Next"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.on_next_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addWidget(self.title_label)
        right.addWidget(self.stack, 1)
        right.addLayout(buttons)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.step_list)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        # Tab walks: the steps, then the page, then Back and Next.
        self.setTabOrder(self.back_button, self.next_button)

    # --- navigation ---------------------------------------------------------------------------------
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def reachable(self, step: int) -> bool:
        """A flow step opens once every step before it is complete; tracking and history always open."""
        if step not in FLOW:
            return True
        return all(self.pages[before].is_complete() for before in FLOW[:step])

    def go_to(self, step: int) -> bool:
        """Show `step` if it can be reached; the page refreshes itself from the draft."""
        if not self.reachable(step):
            self.update_navigation()
            return False
        leaving = self.pages[self.current_step()] if self.stack.count() else None
        if leaving is not None and leaving is not self.pages[step] and hasattr(leaving, "leave"):
            leaving.leave()
        self.stack.setCurrentIndex(step)
        self.pages[step].enter()
        self.title_label.setText(self.step_list.item(step).text().split(". ", 1)[-1])
        self.update_navigation()
        self.step_changed.emit(step)
        return True

    def update_navigation(self) -> None:
        step = self.current_step()
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(step)
        for index in range(self.step_list.count()):
            item = self.step_list.item(index)
            flags = item.flags()
            enabled = self.reachable(index)
            item.setFlags(
                flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled
            )
        self.step_list.blockSignals(False)
        in_flow = step in FLOW
        self.back_button.setVisible(in_flow)
        self.next_button.setVisible(in_flow and step != REVIEW)
        self.back_button.setEnabled(in_flow and step > PROVIDER)
        self.next_button.setEnabled(step in FLOW[:-1] and self.pages[step].is_complete())

    def on_step_clicked(self, step: int) -> None:
        if step >= 0 and not self.go_to(step):
            self.step_list.blockSignals(True)
            self.step_list.setCurrentRow(self.current_step())
            self.step_list.blockSignals(False)

    def on_next_clicked(self) -> None:
        self.go_to(self.current_step() + 1)

    def on_back_clicked(self) -> None:
        self.go_to(self.current_step() - 1)

    def show_campaign(self, campaign_id: int) -> None:
        """Open a campaign in the Tracking step (just started, or chosen in the history)."""
        self.go_to(TRACKING)
        self.tracking_page.show_campaign(campaign_id)

    # --- menus --------------------------------------------------------------------------------------
    def on_open_sheet(self) -> None:
        if self.go_to(RECIPIENTS):
            self.recipients_page.on_open_clicked()
        else:
            self.dialogs.inform(
                self,
                self.tr("Open sheet"),
                self.tr("First choose the provider and enter its credentials (step 1)."),
            )

    # --- opening and closing ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        saved = self.settings.get("window_geometry")
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(1100, 720)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._offered_resume:
            self._offered_resume = True
            QTimer.singleShot(0, self, lambda: offer_resume(self))  # once the window is on screen

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.is_sending():
            question = self.tr(
                "A campaign is sending. Masivo will pause it after the messages in flight; "
                "next time you open Masivo it offers to resume it where it stopped."
            )
            pause, keep = self.tr("&Pause and close"), self.tr("&Keep sending")
            if not self.dialogs.ask(self, self.tr("Close Masivo?"), question, yes=pause, no=keep):
                event.ignore()
                return
        self.runner.pause_and_wait()
        self.receiver.stop()  # after the requests in flight
        for page in self.pages:
            if hasattr(page, "shutdown"):
                page.shutdown()
        self.settings.set("window_geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        if self._owns_journal:
            self.journal.close()
        event.accept()
