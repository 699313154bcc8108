"""Replies: every reply received, newest appearing as it arrives, opt-outs marked; export to a sheet.

Replies come from the receiver this window runs (at once, by signal) and from one that runs
elsewhere on the same journal (read again every few seconds while the page is shown).
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from app.core.journal import Journal
from app.core.journal.inbox_models import Reply
from app.core.settings import Settings
from app.gui.dialogs import dialogs_for
from app.gui.formatting import number, ui_lang
from app.gui.models.draft import CampaignDraft
from app.gui.models.inbox_models import SORT_ROLE, RepliesModel
from app.gui.pages import Page
from app.gui.pages.tracking_export import safe_name
from app.gui.provider_source import failure_text
from app.gui.receiver_host import ReceiverHost
from app.gui.widgets.named import named
from app.gui.worker import Task
from app.gui.workers import Workers

REFRESH_EVERY_MS = 10_000  # replies a receiver elsewhere stored: read again this often while shown


def replies_table(model: RepliesModel, name: str, parent: QWidget) -> QTableView:
    """A sortable table of replies, oldest first."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = named(QTableView(), name, QCoreApplication.translate("InboxPage", "Replies"))
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    digits = table.fontMetrics().horizontalAdvance("0")
    for column, width in enumerate((19, 13, 36, 12, 18, 5, 14)):  # in digits; "To" takes the rest
        header.resizeSection(column, width * digits + 12)
    return table


class InboxPage(Page):
    """Replies.

    Signals:
        completeness_changed(bool): (Page) unused.
    """

    title = "Replies"

    def __init__(
        self, settings: Settings, journal: Journal, receiver: ReceiverHost, parent: QWidget | None = None
    ) -> None:
        super().__init__(CampaignDraft(), parent)  # the inbox reads the journal, not the draft
        self.settings, self.journal, self.receiver = settings, journal, receiver
        self.workers = Workers(self, self._on_error)
        self.model = RepliesModel(self)
        self.explanation = named(QLabel(self.tr(
            "When someone answers one of your SMS, the provider can pass the answer on to Masivo: it "
            "appears here, beside the campaign and the sheet row it answers. Whoever answers only with a "
            "word like STOP or BAJA goes on the suppression list and gets no more messages. For this, "
            "Masivo keeps a small receiver running while it is open, and your provider must be told its "
            "address once (the technical set-up, for whoever manages your network, is in docs/webhooks.md)."
        )), "repliesExplanation")  # fmt: skip
        self.explanation.setWordWrap(True)
        self.status_label = named(QLabel(), "receiverStatusLabel")
        self.status_label.setWordWrap(True)
        self.count_label = named(QLabel(), "repliesCountLabel")
        self.table = replies_table(self.model, "repliesTable", self)
        self.export_button = named(QPushButton(self.tr("E&xport…")), "exportRepliesButton")
        self.export_button.clicked.connect(self.on_export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        receiver.listening.connect(lambda _: self._show_receiver())
        receiver.stopped.connect(self._show_receiver)
        receiver.replies_stored.connect(self.on_replies)
        self._show_receiver()
        self._show_count()

    def enter(self) -> None:
        self.refresh()
        self.timer.start(REFRESH_EVERY_MS)

    def leave(self) -> None:
        self.timer.stop()

    def shutdown(self) -> None:
        """The window is closing: let the journal reads end."""
        self.timer.stop()
        self.workers.shutdown()

    def refresh(self) -> None:
        """Read replies stored since the last one shown (on a worker)."""
        journal, after = self.journal, self.model.last_id
        self.workers.run(lambda task: journal.inbox.replies(after_id=after), self._on_loaded)

    def on_replies(self, replies: object) -> None:
        """New replies from the receiver this window runs."""
        self.model.append(cast(list[Reply], replies))
        self._show_count()

    def _on_loaded(self, replies: object) -> None:
        self.on_replies(replies)

    def _show_count(self) -> None:
        lang = ui_lang(self.settings)
        total = self.model.rowCount()
        opt_outs = sum(1 for reply in self.model.replies if reply.opt_out)
        text = self.tr("%Ln reply(ies); opted out: {opt_outs}.", "", total)
        self.count_label.setText(text.format(opt_outs=number(opt_outs, lang)))
        self.export_button.setEnabled(total > 0)

    def _show_receiver(self, problem: str = "") -> None:
        port = self.receiver.port
        if port is not None and self.receiver.is_running():
            text = self.tr("Receiving replies and delivery updates on port {port} while this window is open.")
            self.status_label.setText(text.format(port=port))
        elif problem:
            text = self.tr("The receiver could not run ({problem}): another program may be using port "
                           "{port}.")  # fmt: skip
            self.status_label.setText(text.format(problem=problem, port=self.settings.get("webhook_port")))
        else:
            self.status_label.setText(self.tr(
                "This window is not receiving replies. Replies received by the server's receiver appear "
                "here; to set one up, see “masivo webhooks urls” in docs/webhooks.md."))  # fmt: skip

    def on_export(self) -> None:
        """Write the replies shown to a sheet where the user chooses."""
        lang = ui_lang(self.settings)
        folder = Path(self.settings.get("last_folder") or Path.home())
        suggested = folder / f"{safe_name(self.tr('Replies'))}.xlsx"
        target = dialogs_for(self).save_file(self, self.tr("Export replies"), suggested,
                                             self.tr("Excel workbook (*.xlsx)"))  # fmt: skip
        if target is None:
            return
        target = target if target.suffix.lower() == ".xlsx" else target.with_suffix(".xlsx")
        self.settings.set("last_folder", str(target.parent))
        replies = list(self.model.replies)

        def export(task: Task) -> int:
            from app.core.replies_sheet import write_replies  # openpyxl, imported on first export

            return write_replies(replies, target, lang)

        def exported(count: object) -> None:
            text = self.tr("%Ln reply(ies) saved in {path}.", "", cast(int, count)).format(path=str(target))
            dialogs_for(self).inform(self, self.tr("Replies saved"), text)

        self.export_button.setEnabled(False)
        worker = self.workers.run(export, exported)
        worker.done.connect(lambda: self.export_button.setEnabled(True))

    def _on_error(self, exc: object) -> None:
        dialogs_for(self).warn(self, self.tr("Replies"), failure_text(exc, ui_lang(self.settings)))
