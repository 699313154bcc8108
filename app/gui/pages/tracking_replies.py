"""The replies of the campaign shown in the tracking panel (read on a worker, new ones added live)."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from app.core.journal import Journal
from app.core.journal.inbox_models import Reply
from app.gui.models.inbox_models import CAMPAIGN, RepliesModel
from app.gui.pages.inbox import replies_table
from app.gui.workers import Workers

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls
HEIGHT_ROWS = 6  # the panel's own table keeps the room; replies show a few rows and scroll


class CampaignReplies(QGroupBox):
    """'Replies (n)': one campaign's replies, opt-outs marked."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignRepliesBox")
        self.journal = journal
        self.campaign_id: int | None = None
        self.workers = Workers(self, lambda exc: None)  # the tracking page reports journal failures
        self.model = RepliesModel(self)
        self.table = replies_table(self.model, "campaignRepliesTable", self)
        self.table.setColumnHidden(CAMPAIGN, True)
        self.table.setMaximumHeight(self.table.fontMetrics().height() * (HEIGHT_ROWS + 2) + 12)
        QVBoxLayout(self).addWidget(self.table)
        self._show_count()

    def show_campaign(self, campaign_id: int) -> None:
        if campaign_id != self.campaign_id:
            self.campaign_id = campaign_id
            self.model.set_replies([])
            self._show_count()
        self.refresh()

    def refresh(self) -> None:
        campaign_id, journal, after = self.campaign_id, self.journal, self.model.last_id
        if campaign_id is not None:
            self.workers.run(lambda task: (campaign_id, journal.inbox.replies(campaign_id, after)),
                             self._on_loaded)  # fmt: skip

    def on_replies(self, replies: object) -> None:
        """New replies from the receiver: those answering this campaign join the table."""
        mine = [reply for reply in cast(list[Reply], replies) if reply.campaign_id == self.campaign_id]
        if mine:
            self.model.append(mine)
            self._show_count()

    def shutdown(self) -> None:
        self.workers.shutdown()

    def _on_loaded(self, loaded: object) -> None:
        campaign_id, replies = cast(tuple[int, list[Reply]], loaded)
        if campaign_id == self.campaign_id:
            self.model.append(replies)
            self._show_count()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        opt_outs = sum(1 for reply in self.model.replies if reply.opt_out)
        self.setTitle(translate("TrackingPage", "Replies: {count} (opt-outs: {opt_outs})").format(
            count=count, opt_outs=opt_outs))  # fmt: skip
