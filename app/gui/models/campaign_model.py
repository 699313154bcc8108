"""The messages of a campaign as a table: rows read from the journal on a worker, shown by state.

`read_rows` runs on a worker thread and turns journal records into display-ready tuples
(the state and reason already worded), so the model's `data()` only indexes a tuple.
`MessagesModel` holds every row and grows in batches; `StateFilter` is the filter proxy
the view shows: the rows in the chosen states, in the chosen order. It is rebuilt with
Python list operations instead of a QSortFilterProxyModel, because with 100,000 rows
Qt's proxy calls back into Python once per row on every change (seconds, measured),
while a list comprehension takes milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.core.domain import State
from app.core.engine.report import state_name
from app.core.journal import Journal, MessageRecord
from app.core.reasons import REASONS, reason_text
from app.gui.models.table_model import TableModel

# id, sheet row, address, state, state as shown, reason as shown, provider id, last change as shown
MessageRow = tuple[int, int, str, str, str, str, str, str]
ID, ROW, ADDRESS, STATE, STATE_TEXT, REASON, PROVIDER_ID, CHANGED = range(8)
COLUMNS = (ROW, ADDRESS, STATE_TEXT, CHANGED, PROVIDER_ID, REASON)  # what the table shows, in order
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex

# The groups the user filters and counts by, in the order the panel shows them.
STATE_GROUPS: tuple[tuple[str, frozenset[State]], ...] = (
    ("pending", frozenset({State.PENDING, State.SENDING})),
    ("accepted", frozenset({State.ACCEPTED})),
    ("delivered", frozenset({State.DELIVERED, State.OPENED, State.CLICKED})),
    ("failed", frozenset({State.REJECTED, State.UNDELIVERED, State.BOUNCED})),
    ("unknown", frozenset({State.UNKNOWN})),
    ("skipped", frozenset({State.SKIPPED})),
)


def group_label(group: str) -> str:
    """A state group's name in the window's language."""
    labels = {
        "pending": QCoreApplication.translate("StateGroup", "Pending"),
        "accepted": QCoreApplication.translate("StateGroup", "Accepted"),
        "delivered": QCoreApplication.translate("StateGroup", "Delivered"),
        "failed": QCoreApplication.translate("StateGroup", "Failed"),
        "unknown": QCoreApplication.translate("StateGroup", "Unknown"),
        "skipped": QCoreApplication.translate("StateGroup", "Skipped"),
    }
    return labels[group]


def group_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """Rows per state group, from rows per state."""
    return {group: sum(counts.get(state.value, 0) for state in states) for group, states in STATE_GROUPS}


def merge_counts(running: Mapping[str, int], journal: Mapping[str, int]) -> dict[str, int]:
    """The freshest picture from the sender's tally and the journal's counts, read at different times.

    The dispatcher's tally knows only its own answers; rows it counts as accepted may since
    be delivered or failed in the journal: those move out of `accepted` into their state.
    When the journal has seen at least as many rows answered, it is simply the newer picture.
    """
    if _answered(journal) >= _answered(running):
        return dict(journal)
    merged = dict(running)
    for state, count in journal.items():
        if state in (State.PENDING, State.SENDING, State.ACCEPTED):
            continue
        extra = min(count - merged.get(state, 0), merged.get(State.ACCEPTED.value, 0))
        if extra > 0:
            merged[state] = merged.get(state, 0) + extra
            merged[State.ACCEPTED.value] -= extra
    return merged


def _answered(counts: Mapping[str, int]) -> int:
    waiting = counts.get(State.PENDING.value, 0) + counts.get(State.SENDING.value, 0)
    return sum(counts.values()) - waiting


def read_rows(
    journal: Journal,
    campaign_id: int,
    provider_name: str,
    lang: str,
    batch: int = 5000,
    emit: Callable[[list[MessageRow]], None] | None = None,
    previous: list[MessageRow] | None = None,
) -> list[MessageRow]:
    """Every row of a campaign, ready to show; `emit` gets them `batch` at a time as they are read.

    Rows equal to the same row of `previous` (the rows shown now) are that very tuple: when
    the GUI thread drops the old list, only the rows that changed are freed there.
    """
    rows: list[MessageRow] = []
    chunk: list[MessageRow] = []
    old = previous or []
    for record in journal.messages(campaign_id):
        row = _row(record, provider_name, lang)
        index = len(rows) + len(chunk)
        if index < len(old) and old[index] == row:
            row = old[index]
        chunk.append(row)
        if len(chunk) >= batch:
            rows.extend(chunk)
            if emit is not None:
                emit(chunk)
            chunk = []
    rows.extend(chunk)
    if emit is not None and chunk:
        emit(chunk)
    return rows


def _row(record: MessageRecord, provider_name: str, lang: str) -> MessageRow:
    if record.reason in REASONS:
        reason = reason_text(record.reason, provider_name, lang)
    else:  # the importer's own sentence (invalid number, duplicate row, ...)
        reason = record.detail or record.reason
    when = record.final_at or record.answered_at or record.sent_at
    changed = dt.datetime.fromtimestamp(when).strftime("%Y-%m-%d %H:%M:%S") if when else ""
    address = f"+{record.address}" if record.address.isdigit() else record.address  # SMS: international
    return (record.id, record.sheet_row, address, record.state.value, state_name(record.state, lang),
            reason, record.provider_id, changed)  # fmt: skip


class MessagesModel(TableModel):
    """Every row of one campaign; grows in batches while it is read, refreshed in place afterwards."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MessageRow] = []
        self._headers = (self.tr("Row"), self.tr("Recipient"), self.tr("Status"), self.tr("Updated"),
                         self.tr("Provider id"), self.tr("Reason"))  # fmt: skip

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.value(index.row(), index.column(), role)

    def value(self, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What `data` answers for a row and column, without building an index."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][COLUMNS[column]]
        if role == STATE_ROLE:
            return self._rows[row][STATE]
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[column] == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def rows(self) -> list[MessageRow]:
        return self._rows

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def append(self, rows: list[MessageRow]) -> None:
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def replace(self, rows: list[MessageRow]) -> None:
        """Fresh rows of the same campaign: the same rows change in place, anything else resets."""
        same = len(rows) == len(self._rows) and (not rows or (rows[0][ID], rows[-1][ID]) ==
                                                  (self._rows[0][ID], self._rows[-1][ID]))  # fmt: skip
        if not same:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif rows:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))

    def select(self, states: frozenset[str] | None, rows: Iterable[int] | None = None) -> list[int]:
        """Indexes of the rows (all, or those given) in `states` (None: any state)."""
        data = self._rows
        chosen = range(len(data)) if rows is None else rows
        if states is None:
            return list(chosen)
        return [i for i in chosen if data[i][STATE] in states]

    def sort_key(self, column: int) -> Callable[[int], Any]:
        field = COLUMNS[column]
        data = self._rows
        return lambda i: data[i][field]


class StateFilter(TableModel):
    """The filter proxy the table shows: the rows of a `MessagesModel` in chosen states, in a chosen order."""

    def __init__(self, source: MessagesModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._shown: list[int] = []  # source rows, in display order
        self._states: frozenset[str] | None = None
        self._order: tuple[int, Qt.SortOrder] | None = None
        source.rowsInserted.connect(self._on_rows_inserted)
        source.modelReset.connect(self._rebuild)
        source.dataChanged.connect(self._on_data_changed)
        self._rebuild()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.source.value(self._shown[index.row()], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self.source.headerData(section, orientation, role)

    def source_row(self, row: int) -> int:
        """The `MessagesModel` row behind a shown row."""
        return self._shown[row]

    def set_states(self, states: Iterable[State] | None) -> None:
        """Show only rows in `states` (None: every row)."""
        self._states = None if states is None else frozenset(state.value for state in states)
        self._rebuild()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order)
        self._rebuild()

    def _select(self) -> list[int]:
        shown = self.source.select(self._states)
        if self._order is not None:
            column, order = self._order
            shown.sort(key=self.source.sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        return shown

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._shown = self._select()
        self.endResetModel()

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if self._order is not None:
            self._rebuild()  # new rows take their sorted places
            return
        added = self.source.select(self._states, range(first, last + 1))
        if added:
            self.beginInsertRows(QModelIndex(), len(self._shown), len(self._shown) + len(added) - 1)
            self._shown.extend(added)
            self.endInsertRows()

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int]) -> None:
        static_order = self._order is None or COLUMNS[self._order[0]] in (ROW, ADDRESS)
        shown = self._shown if self._states is None and static_order else self._select()
        if shown != self._shown:
            self.beginResetModel()
            self._shown = shown
            self.endResetModel()
        elif shown:
            self.dataChanged.emit(self.index(0, 0), self.index(len(shown) - 1, len(COLUMNS) - 1))
