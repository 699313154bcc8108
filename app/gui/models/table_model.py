"""The base of the window's table models: one call into Python per painted cell.

Painting asks each visible cell for its roles. Qt's default `multiData` asks `data()` once per
role (seven per cell, over a thousand calls per paint), and each call from C++ into Python must
take the GIL back: while a worker thread runs Python (an import, a send), each take can wait for
the interpreter's switch interval (5 ms), so one repaint took 350-500 ms that way, and the event
loop stalled (bench/bench_gui_responsiveness.py). Here a cell answers all its roles in one call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    """A table model whose `_headers` are its column titles."""

    _headers: Sequence[str]

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        if not index.isValid():
            return
        # Qt always passes a span here (the stub's union is for callers); a span iterates its roles.
        for role_data in cast("Iterable[QModelRoleData]", roleDataSpan):
            role_data.setData(self.data(index, role_data.role()))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
