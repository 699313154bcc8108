"""The imported recipients as a table model: every row with its status, filtered by status instantly.

A QSortFilterProxyModel would call our Python `data()` once per row to filter: about two seconds
at 1,000,000 rows. Here each status keeps the positions of its rows in an array as rows arrive,
so switching the filter is a model reset over a ready-made list, whatever the size.

Painting asks for a cell's roles in one call into Python (see `app.gui.models.table_model`).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.core.recipients import RecipientRow, RowStatus
from app.gui.models.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex
ROW, STATUS, ADDRESS, REASON = range(4)
FIXED_COLUMNS = 4


class RecipientsModel(TableModel):
    """Rows of the sheet in sheet order: number, status, address, reason, then the sheet's own columns.

    Signals:
        counts_changed(): rows were added or cleared; read `counts()`.
    """

    counts_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: tuple[str, ...] = ()
        self.rows: list[RecipientRow] = []
        self._by_status: dict[RowStatus, array[int]] = {status: array("q") for status in RowStatus}
        self._filter: RowStatus | None = None
        self._status_names = {
            RowStatus.VALID: self.tr("Valid"),
            RowStatus.INVALID: self.tr("Invalid"),
            RowStatus.DUPLICATE: self.tr("Duplicate"),
            RowStatus.SUPPRESSED: self.tr("Suppressed"),
        }
        self._titles = (self.tr("Row"), self.tr("Status"), self.tr("Address"), self.tr("Reason"))

    # --- filling ------------------------------------------------------------------------------------
    def reset(self, headers: Sequence[str] = ()) -> None:
        """Forget every row; `headers` are the sheet's columns of the import that follows."""
        self.beginResetModel()
        self.headers = tuple(headers)
        self.rows = []
        self._by_status = {status: array("q") for status in RowStatus}
        self.endResetModel()
        self.counts_changed.emit()

    def append(self, batch: Sequence[RecipientRow]) -> None:
        """Add a batch of imported rows at the end (one insert notification for the whole batch)."""
        if not batch:
            return
        start = len(self.rows)
        positions: dict[RowStatus, list[int]] = {status: [] for status in RowStatus}
        for offset, row in enumerate(batch):
            positions[row.status].append(start + offset)
        shown = len(batch) if self._filter is None else len(positions[self._filter])
        first = self.rowCount()
        if shown:
            self.beginInsertRows(QModelIndex(), first, first + shown - 1)
        self.rows.extend(batch)
        for status, found in positions.items():
            self._by_status[status].extend(found)
        if shown:
            self.endInsertRows()
        self.counts_changed.emit()

    # --- reading ------------------------------------------------------------------------------------
    def set_filter(self, status: RowStatus | None) -> None:
        """Show only rows of `status` (None: every row)."""
        if status == self._filter:
            return
        self.beginResetModel()
        self._filter = status
        self.endResetModel()

    def counts(self) -> dict[RowStatus, int]:
        return {status: len(found) for status, found in self._by_status.items()}

    def row_at(self, visible: int) -> RecipientRow:
        """The row shown at position `visible` under the current filter."""
        if self._filter is None:
            return self.rows[visible]
        return self.rows[self._by_status[self._filter][visible]]

    def rejected(self) -> Iterator[RecipientRow]:
        """Every row that will not be sent, in sheet order."""
        return (row for row in self.rows if row.status is not RowStatus.VALID)

    def status_name(self, status: RowStatus) -> str:
        return self._status_names[status]

    # --- QAbstractTableModel ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        if parent.isValid():
            return 0
        return len(self.rows) if self._filter is None else len(self._by_status[self._filter])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._display(self.row_at(index.row()), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.row_at(index.row()).reason or None
        return None

    def _display(self, row: RecipientRow, column: int) -> Any:
        if column == ROW:
            return row.row
        if column == STATUS:
            return self._status_names[row.status]
        if column == ADDRESS:
            return row.address
        if column == REASON:
            return row.reason
        return row.fields.get(self.headers[column - FIXED_COLUMNS], "")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section < FIXED_COLUMNS:
            return self._titles[section]
        return self.headers[section - FIXED_COLUMNS]
