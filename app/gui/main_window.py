"""The main window: the steps of a campaign on the left, the current step on the right, Back and Next below.

It owns what the pages share (the draft, the journal, the campaign runner, the dialogs) and
the menus; each step is its own page module. Closing it while a campaign sends asks first
and pauses the campaign cleanly; it can be resumed on the next start.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.core.domain import Channel
from app.core.paths import sample_sheet
from app.core.secrets import CredentialStore
from app.core.settings import Settings
from app.gui.dialogs import Dialogs
from app.gui.lazy_page import LazyPage
from app.gui.models.draft import CampaignDraft
from app.gui.pages import Page
from app.gui.startup import Opened, after_first_paint, open_in_background
from app.gui.widgets.named import named
from app.gui.window_menus import WindowMenus
from app.gui.window_pages import (
    FLOW,
    HISTORY,
    INBOX,
    MESSAGE,
    PROVIDER,
    RECIPIENTS,
    REVIEW,
    STEPS,
    SUPPRESSION,
    TRACKING,
    make_page,
    wire_page,
)
from app.gui.worker import Worker

if TYPE_CHECKING:  # each page's module is imported when the page is first shown (lazy_page.py)
    from app.core.journal import Journal
    from app.gui.pages.history import HistoryPage
    from app.gui.pages.inbox import InboxPage
    from app.gui.pages.message import MessagePage
    from app.gui.pages.provider import ProviderPage
    from app.gui.pages.recipients import RecipientsPage
    from app.gui.pages.review import ReviewPage
    from app.gui.pages.suppression import SuppressionPage
    from app.gui.pages.tracking import TrackingPage
    from app.gui.receiver_host import ReceiverHost
    from app.gui.runner import CampaignRunner


_ICON = QStyle.StandardPixmap
# The style's own icons: they follow its light or dark palette and are crisp at any scale.
STEP_ICONS = (
    _ICON.SP_DriveNetIcon,  # provider
    _ICON.SP_FileDialogDetailedView,  # recipients
    _ICON.SP_FileDialogContentsView,  # message
    _ICON.SP_DialogApplyButton,  # review and send
    _ICON.SP_BrowserReload,  # tracking
    _ICON.SP_FileDialogListView,  # history
    _ICON.SP_MessageBoxInformation,  # replies
    _ICON.SP_DialogCancelButton,  # suppression list
)


class MainWindow(QMainWindow):
    """Masivo's window.

    It paints the Provider step first; then, on a worker, it reads the keyring and opens the
    journal (unless one was given), and only then makes the campaign runner and the webhook
    receiver and lets the other steps open. Each other step is built on its first show.

    Signals:
        step_changed(int): the step now shown (PROVIDER … SUPPRESSION).
        opened(): the journal is open: every step may be shown, the receiver runs if set up.
    """

    step_changed = Signal(int)
    opened = Signal()

    journal: Journal  # these three exist once the journal is open (`is_open()`)
    runner: CampaignRunner
    receiver: ReceiverHost

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
        self._owns_journal = journal is None
        self.store = store or CredentialStore()
        self.draft = CampaignDraft(provider_id=settings.get("provider"), country=settings.get("country"))
        self.saved_sheet = self.draft.restore(settings.get("draft"))  # read by `open_sheet_from_arguments`
        self.sample = sample if sample is not None else sample_sheet()
        self._opener: Worker | None = None
        self._offer: Worker | None = None  # the startup look-up for a campaign to resume (reads the journal)
        self.keyring_read = self._closed = False
        self.setWindowTitle("Masivo")
        self._build()
        self.menus = WindowMenus(self, settings, self.dialogs)
        self.menus.open_sheet_requested.connect(self.on_open_sheet)
        self._restore_geometry()
        if journal is not None:
            self._use_journal(journal)
        self.go_to(PROVIDER)
        after_first_paint(self, lambda: self._open_in_background(journal))

    # --- building -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.step_list = named(QListWidget(), "stepList", self.tr("Campaign steps"))
        style = self.style()
        for icon in STEP_ICONS:
            self.step_list.addItem(QListWidgetItem(style.standardIcon(icon), ""))
        self.step_list.setSpacing(2)
        self.hint_label = named(QLabel(), "stepHintLabel")
        self.hint_label.setWordWrap(True)
        self.step_list.currentRowChanged.connect(self.on_step_clicked)
        self.title_label = named(QLabel(), "stepTitleLabel")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)

        self.stack = QStackedWidget()
        self.holders = [
            LazyPage(functools.partial(make_page, self, step), functools.partial(wire_page, self))
            for step in range(len(STEPS))
        ]
        for holder in self.holders:
            self.stack.addWidget(holder)

        self.back_button = named(QPushButton(), "backButton")
        self.back_button.clicked.connect(self.on_back_clicked)
        self.next_button = named(QPushButton(), "nextButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.on_next_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addWidget(self.title_label)
        right.addWidget(self.hint_label)
        right.addSpacing(4)
        right.addWidget(self.stack, 1)
        right.addLayout(buttons)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.step_list)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        # Tab walks: the steps, then the page, then Back and Next.
        self.setTabOrder(self.back_button, self.next_button)
        self._show_words()

    def _show_words(self) -> None:
        """The window's own texts, in the language installed now (at start, and after a switch)."""
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
        for index, title in enumerate(titles):
            self.step_list.item(index).setText(title)
        self.step_list.setAccessibleName(self.tr("Campaign steps"))
        self.step_list.setFixedWidth(self.step_list.sizeHintForColumn(0) + 32)
        self.step_hints = (
            self.tr("Who sends your messages: choose the provider and check that its credentials work."),
            self.tr("Who receives them: open the Excel sheet; every row is checked."),
            self.tr("What they receive: write it once; merge fields make it personal."),
            self.tr("Check the name, the count and the cost, try a test message, then send."),
            self.tr("The campaign as it goes: sent, delivered, failed, live."),
            self.tr("Every campaign sent from this computer or your team."),
            self.tr("Answers to your messages, and who asked not to get more."),
            self.tr("Numbers and addresses that never receive anything."),
        )
        self.back_button.setText(self.tr("← &Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.next_button.setText(self.tr("&Next →"))
        self.next_button.setAccessibleName(self.tr("Next"))

    def page(self, step: int) -> Page:
        """The page of `step`, built now if it was not yet."""
        return self.holders[step].page

    def built_pages(self) -> list[Page]:
        return [page for holder in self.holders if (page := holder.built()) is not None]

    @property
    def provider_page(self) -> ProviderPage:
        return cast("ProviderPage", self.page(PROVIDER))

    @property
    def recipients_page(self) -> RecipientsPage:
        return cast("RecipientsPage", self.page(RECIPIENTS))

    @property
    def message_page(self) -> MessagePage:
        return cast("MessagePage", self.page(MESSAGE))

    @property
    def review_page(self) -> ReviewPage:
        return cast("ReviewPage", self.page(REVIEW))

    @property
    def tracking_page(self) -> TrackingPage:
        return cast("TrackingPage", self.page(TRACKING))

    @property
    def history_page(self) -> HistoryPage:
        return cast("HistoryPage", self.page(HISTORY))

    @property
    def inbox_page(self) -> InboxPage:
        return cast("InboxPage", self.page(INBOX))

    @property
    def suppression_page(self) -> SuppressionPage:
        return cast("SuppressionPage", self.page(SUPPRESSION))

    # --- after the first paint: the keyring, the journal, the runner and the receiver ----------------
    def _open_in_background(self, journal: Journal | None) -> None:
        if self._closed:
            return
        url = self.settings.get("database_url") or None
        opening = open_in_background(self.store, self.draft.provider_id, journal, url)
        opener = self._opener = Worker(opening, self)
        opener.progress.connect(lambda _: self._on_keyring_read())
        opener.result.connect(self._on_opened)
        opener.error.connect(self._on_open_failed)
        opener.start()

    def _on_keyring_read(self) -> None:
        self.keyring_read = True
        self.provider_page.on_keyring_read()

    def _on_opened(self, value: object) -> None:
        opened = cast(Opened, value)
        self._opener = None
        if not self.is_open():
            self._use_journal(opened.journal)
        if self._closed:  # closed while it opened: `closeEvent` closes the journal
            return
        if opened.problem is not None:  # the team database is down: work on this computer meanwhile
            text = self.tr("{problem}\n\nMasivo will keep this session's campaigns on this computer.")
            self.dialogs.warn(self, self.tr("Team database unavailable"), text.format(problem=opened.problem))
        self.receiver.start()  # once the webhook URLs are set up, unless the port setting is 0
        self.update_navigation()
        self.opened.emit()
        QTimer.singleShot(0, self, self._offer_resume)

    def _on_open_failed(self, exc: object) -> None:
        """Not even this computer's journal opens (a full disk, a folder without permission)."""
        from app.gui.formatting import ui_lang
        from app.gui.provider_source import failure_text

        self._opener = None
        self.dialogs.warn(
            self, self.tr("The journal cannot be opened"), failure_text(exc, ui_lang(self.settings))
        )

    def _use_journal(self, journal: Journal) -> None:
        from app.gui.provider_source import ProviderSource
        from app.gui.receiver_host import ReceiverHost
        from app.gui.runner import CampaignRunner

        self.journal = journal
        providers = ProviderSource(self.settings, self.store)
        self.runner = CampaignRunner(journal, self.settings, providers=providers, parent=self)
        self.receiver = ReceiverHost(journal, self.settings, self.store, self)

    def is_open(self) -> bool:
        """Whether the journal, the runner and the receiver are there (after the first paint, on a worker)."""
        return hasattr(self, "journal")

    def _offer_resume(self) -> None:
        from app.gui.pages.history import offer_resume

        self._offer = offer_resume(self)

    # --- navigation ---------------------------------------------------------------------------------
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def reachable(self, step: int) -> bool:
        """A flow step opens once every step before it is complete; the others once the journal is open."""
        if step != PROVIDER and not self.is_open():
            return False
        if step not in FLOW:
            return True
        return all(self.holders[before].is_complete() for before in FLOW[:step])

    def go_to(self, step: int) -> bool:
        """Show `step` if it can be reached; the page refreshes itself from the draft."""
        if not self.reachable(step):
            self.update_navigation()
            return False
        leaving = self.holders[self.current_step()].built()
        page = self.page(step)  # built before it is shown: the stack never paints an empty step
        if leaving is not None and leaving is not page and hasattr(leaving, "leave"):
            leaving.leave()
        self.stack.setCurrentIndex(step)
        page.enter()
        self.title_label.setText(self.step_list.item(step).text().split(". ", 1)[-1])
        self.hint_label.setText(self.step_hints[step])
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
        self.next_button.setEnabled(step in FLOW[:-1] and self.reachable(step + 1))

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

    # --- the language -------------------------------------------------------------------------------
    def switch_language(self) -> bool:
        """Speak the language chosen in View › Language now: every step is made again in it, the sheet
        is read again and the message kept (the draft). False while a campaign sends or a sheet is read:
        then it takes effect at the next start."""
        from app.gui.application import install_translations, ui_language
        from app.gui.dialogs.import_dialog import ImportChoice

        recipients = self.holders[RECIPIENTS].built()
        busy = recipients is not None and cast("RecipientsPage", recipients).importing()
        if (self.is_open() and self.runner.is_sending()) or busy:
            return False
        app = QCoreApplication.instance()
        language = ui_language(self.settings)
        os.environ["MASIVO_LANG"] = language  # the core's own sentences
        if isinstance(app, QApplication):
            install_translations(app, language)
        step, draft = self.current_step(), self.draft
        sheet = draft.recipients_path if recipients is not None and recipients.is_complete() else None
        column = draft.email_column if draft.channel is Channel.EMAIL else draft.phone_column
        tracking = self.holders[TRACKING].built()
        campaign_id = cast("TrackingPage", tracking).campaign_id if tracking is not None else None
        built = [index for index, holder in enumerate(self.holders) if holder.built() is not None]
        for holder in self.holders:
            holder.drop()
        for index in built:  # made again at once: a flow step counts as done only once made
            self.page(index)
        self.menuBar().clear()
        self.menus.deleteLater()
        self.menus = WindowMenus(self, self.settings, self.dialogs)
        self.menus.open_sheet_requested.connect(self.on_open_sheet)
        self._show_words()
        if sheet is not None and self.is_open():
            self.recipients_page.start_import(ImportChoice(sheet, draft.sheet, draft.header_row, column))
        if campaign_id is not None:
            self.show_campaign(campaign_id)
        if not self.go_to(step):
            self.go_to(RECIPIENTS if sheet is not None else PROVIDER)
        return True

    # --- opening and closing ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        saved = self.settings.get("window_geometry")
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            # The first time: a comfortable size, but never more than the screen shows (a small laptop).
            self.resize(QSize(1100, 720).boundedTo(self.screen().availableGeometry().size()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._finish_opening()
        if self.is_open() and self.runner.is_sending():
            question = self.tr(
                "A campaign is sending. Masivo will pause it after the messages in flight; "
                "next time you open Masivo it offers to resume it where it stopped."
            )
            if self.runner.is_waiting():  # nothing leaves now: say so, not "sending"
                question = self.tr(
                    "A campaign is waiting to send (its start time or the provider's sending hours). "
                    "Masivo will pause it; next time you open Masivo it offers to resume it."
                )
            pause, keep = self.tr("&Pause and close"), self.tr("&Keep sending")
            self.runner.hold()  # nothing more leaves while the user decides
            if not self.dialogs.ask(self, self.tr("Close Masivo?"), question, yes=pause, no=keep):
                self.runner.release()
                event.ignore()
                return
        self._closed = True
        if self.is_open():
            self.runner.pause_and_wait()
            self.receiver.stop()  # after the requests in flight
        for page in self.built_pages():
            if hasattr(page, "shutdown"):
                page.shutdown()
        if self._offer is not None:  # its read of the journal ends before the journal closes
            self._offer.wait()
        self.settings.set("window_geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        self.settings.set("draft", self.draft.saved())
        if self._owns_journal and self.is_open():
            self.journal.close()
        event.accept()

    def _finish_opening(self) -> None:
        """Closed while the journal was opening: take it as it comes, so that it is closed properly."""
        opener = self._opener
        if opener is not None:  # then nothing can be sending: the window closes for sure
            self._closed = True
            opener.wait()
            QCoreApplication.sendPostedEvents(opener)  # its queued result: `_on_opened` runs now
