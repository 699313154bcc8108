"""Table models of the inbox: the replies (appended as they arrive) and the suppression list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.core.journal import SuppressionEntry
from app.core.journal.inbox_models import Reply
from app.gui.models.table_model import TableModel
from app.gui.provider_source import provider_name

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex
RECEIVED, SENDER, TEXT, OPT_OUT, CAMPAIGN, ROW, PROVIDER, RECIPIENT = range(8)  # what matters first
OPT_OUT_COLOR = QColor(170, 30, 30)
ADDED = 2  # the suppression list's date column


def local_time(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch).strftime("%Y-%m-%d %H:%M:%S")


class RepliesModel(TableModel):
    """One row per reply, oldest first; opt-outs in bold red with a mark in their own column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.replies: list[Reply] = []
        self._ids: set[int] = set()
        self._headers = (self.tr("Received"), self.tr("From"), self.tr("Text"), self.tr("Opt-out"),
                         self.tr("Campaign"), self.tr("Row"), self.tr("Provider"), self.tr("To"))  # fmt: skip

    @property
    def last_id(self) -> int:
        return max(self._ids, default=0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self.replies)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        reply = self.replies[index.row()]
        column = index.column()
        if role == SORT_ROLE:
            return self._sort_value(reply, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(reply, column)
        if reply.opt_out and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(OPT_OUT_COLOR)
        if reply.opt_out and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, reply: Reply, column: int) -> str:
        if column == RECEIVED:
            return local_time(reply.received_at)
        if column == PROVIDER:
            return provider_name(reply.provider)
        if column == CAMPAIGN:
            return f"{reply.campaign_id}: {reply.campaign_name}" if reply.campaign_id is not None else "—"
        if column == ROW:
            return str(reply.sheet_row) if reply.sheet_row is not None else "—"
        if column == OPT_OUT:
            return self.tr("Opted out") if reply.opt_out else ""
        return {SENDER: reply.sender, TEXT: reply.text, RECIPIENT: reply.recipient}[column]

    def _sort_value(self, reply: Reply, column: int) -> Any:
        if column == RECEIVED:
            return reply.received_at
        if column in (CAMPAIGN, ROW):
            value = reply.campaign_id if column == CAMPAIGN else reply.sheet_row
            return -1 if value is None else value
        if column == OPT_OUT:
            return int(reply.opt_out)
        return self._text(reply, column)

    def set_replies(self, replies: Sequence[Reply]) -> None:
        self.beginResetModel()
        self.replies = list(replies)
        self._ids = {reply.id for reply in replies}
        self.endResetModel()

    def append(self, replies: Sequence[Reply]) -> int:
        """Add replies not shown yet at the end (one insert notification); returns how many."""
        fresh = [reply for reply in replies if reply.id not in self._ids]
        if not fresh:
            return 0
        start = len(self.replies)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self.replies.extend(fresh)
        self._ids.update(reply.id for reply in fresh)
        self.endInsertRows()
        return len(fresh)


class SuppressionModel(TableModel):
    """One row per suppressed number or address: value, channel, reason, when it was added."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[SuppressionEntry] = []
        self._headers = (self.tr("Number or address"), self.tr("Channel"), self.tr("Added"),
                         self.tr("Reason"))  # fmt: skip

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entries[index.row()]
        if role == SORT_ROLE and index.column() == ADDED:
            return entry.added_at
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            return (entry.value, self._channel(entry.channel), local_time(entry.added_at),
                    self._reason(entry.reason))[index.column()]  # fmt: skip
        return None

    def _channel(self, channel: str) -> str:
        return self.tr("E-mail") if channel == "email" else self.tr("SMS")

    def _reason(self, reason: str) -> str:
        if reason.startswith("opt_out: "):
            return self.tr("Replied “{text}”").format(text=reason.removeprefix("opt_out: "))
        return reason

    def set_entries(self, entries: Sequence[SuppressionEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> SuppressionEntry:
        return self.entries[row]
