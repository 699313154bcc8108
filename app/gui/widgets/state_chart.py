"""A small bar chart of a campaign's rows per state group, drawn with QPainter (no QtCharts in Essentials)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.gui.models.campaign_model import STATE_GROUPS, group_counts, group_label

# Chart colors are the one place with hard-coded colors: each state group keeps its color everywhere.
COLORS: dict[str, QColor] = {
    "pending": QColor("#9e9e9e"),
    "accepted": QColor("#42a5f5"),
    "delivered": QColor("#43a047"),
    "failed": QColor("#e53935"),
    "unknown": QColor("#fb8c00"),
    "skipped": QColor("#8d6e63"),
}
BAR_HEIGHT = 14
GAP = 6


class StateChart(QWidget):
    """Horizontal bars, one per state group, scaled to the campaign's total rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: dict[str, int] = dict.fromkeys((group for group, _ in STATE_GROUPS), 0)
        self._total = 0
        self._format: Callable[[int], str] = str
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Messages by status"))

    def set_counts(self, counts: Mapping[str, int], total: int | None = None) -> None:
        """Rows per state (journal state names); `total` defaults to their sum."""
        groups = group_counts(counts)
        if groups == self._groups and total == self._total:
            return
        self._groups = groups
        self._total = total if total is not None else sum(counts.values())
        self.setAccessibleDescription(
            ", ".join(f"{group_label(group)}: {count}" for group, count in groups.items())
        )
        self.update()

    def set_number_format(self, fmt: Callable[[int], str]) -> None:
        """How counts are written (the window's thousands separator)."""
        self._format = fmt

    def counts(self) -> dict[str, int]:
        return dict(self._groups)

    def sizeHint(self) -> QSize:
        return QSize(360, len(STATE_GROUPS) * (BAR_HEIGHT + GAP) + GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_width = max(metrics.horizontalAdvance(group_label(group)) for group, _ in STATE_GROUPS) + 8
        number_width = metrics.horizontalAdvance("0000000") + 8
        bar_width = max(10, self.width() - label_width - number_width)
        total = max(self._total, 1)
        text_color = self.palette().windowText().color()
        track = self.palette().mid().color()
        for i, (group, _) in enumerate(STATE_GROUPS):
            top = GAP + i * (BAR_HEIGHT + GAP)
            count = self._groups.get(group, 0)
            painter.setPen(text_color)
            painter.drawText(QRectF(0, top, label_width - 8, BAR_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             group_label(group))  # fmt: skip
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(QRectF(label_width, top, bar_width, BAR_HEIGHT), 3, 3)
            if count:
                width = max(2.0, bar_width * min(count, total) / total)
                painter.setBrush(COLORS[group])
                painter.drawRoundedRect(QRectF(label_width, top, width, BAR_HEIGHT), 3, 3)
            painter.setPen(text_color)
            painter.drawText(QRectF(label_width + bar_width + 6, top, number_width, BAR_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             self._format(count))  # fmt: skip
        painter.end()
