"""Past campaigns as a table: read on a worker (`read_history`), shown by `HistoryModel`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from app.core.domain import State, shown_status
from app.core.journal import Campaign, Journal
from app.gui.campaign_text import status_label
from app.gui.models.campaign_model import group_counts
from app.gui.models.table_model import TableModel
from app.gui.provider_source import provider_name

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


# Taken by the provider: delivered or not since; refused (`rejected`) and `unknown` rows are not counted.
LEFT_STATES = (State.ACCEPTED, State.DELIVERED, State.OPENED, State.CLICKED, State.UNDELIVERED, State.BOUNCED)


@dataclass(frozen=True)
class HistoryEntry:
    """One campaign with its status as shown (a dead sender's `running` is `interrupted`) and its counts."""

    campaign: Campaign
    status: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def groups(self) -> dict[str, int]:
        return group_counts(self.counts)

    @property
    def sent(self) -> int:
        """Messages that left: the provider took them, whatever became of them after (a bounce too)."""
        return sum(self.counts.get(state.value, 0) for state in LEFT_STATES)

    @property
    def pending(self) -> int:
        return self.counts.get(State.PENDING.value, 0) + self.counts.get(State.SENDING.value, 0)

    @property
    def resumable(self) -> bool:
        return self.status in ("ready", "paused", "interrupted", "failed") and self.pending > 0


def read_history(journal: Journal) -> list[HistoryEntry]:
    """Every campaign, newest first, with its counts (on a worker: it counts every row)."""
    counts = journal.all_counts()
    campaigns = sorted(journal.campaigns(), key=lambda campaign: campaign.id, reverse=True)
    holder = journal.leases.holder
    return [HistoryEntry(c, shown_status(c, holder=holder), counts.get(c.id, {})) for c in campaigns]


class HistoryModel(TableModel):
    """One row per campaign: number, name, provider, date, status and its counts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []
        self._headers = (self.tr("No."), self.tr("Name"), self.tr("Provider"), self.tr("Created"),
                         self.tr("Status"), self.tr("Recipients"), self.tr("Sent"), self.tr("Delivered"),
                         self.tr("Failed"), self.tr("Unknown"), self.tr("Pending"))  # fmt: skip

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entries[index.row()]
        value = self._value(entry, index.column())
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 3:
                return dt.datetime.fromtimestamp(float(value)).strftime("%Y-%m-%d %H:%M")
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int) and index.column() != 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _value(self, entry: HistoryEntry, column: int) -> Any:
        campaign, groups = entry.campaign, entry.groups
        values = (campaign.id, campaign.name, provider_name(campaign.provider), campaign.created_at,
                  status_label(entry.status), sum(entry.counts.values()),
                  entry.sent, groups["delivered"],
                  groups["failed"], groups["unknown"], entry.pending)  # fmt: skip
        return values[column]

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry:
        return self.entries[row]
