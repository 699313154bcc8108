"""The tracking page's widgets and how they show a campaign's numbers (no work, no journal here)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.domain import State
from app.gui.campaign_text import duration
from app.gui.formatting import number
from app.gui.models.campaign_model import STATE_GROUPS, group_counts, group_label
from app.gui.widgets.named import buddy, named
from app.gui.widgets.state_chart import StateChart

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def _label(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TrackingPanel:
    """Builds the tracking page's widgets on `page` and fills them in."""

    def __init__(self, page: QWidget) -> None:
        self.title_label = _label("campaignTitleLabel")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_label = _label("campaignStatusLabel")
        self.reason_label = _label("campaignReasonLabel")
        self.progress = named(QProgressBar(), "campaignProgress", translate("TrackingPanel", "Messages sent"))
        self.progress.setFormat("%v / %m (%p%)")
        self.chart = named(StateChart(), "stateChart", translate("TrackingPanel", "Messages by status"))
        self.counts_label = _label("countsLabel")
        self.throughput_label = _label("throughputLabel")
        self.eta_label = _label("etaLabel")
        self.balance_label = _label("balanceLabel")
        self.pause_button = named(QPushButton(translate("TrackingPanel", "&Pause")), "pauseButton")
        self.resume_button = named(QPushButton(translate("TrackingPanel", "&Resume")), "resumeButton")
        cancel = translate("TrackingPanel", "&Cancel campaign…")
        self.cancel_button = named(QPushButton(cancel), "cancelButton")
        self.summary_label = _label("summaryLabel")
        export = translate("TrackingPanel", "E&xport report…")
        self.export_button = named(QPushButton(export), "exportReportButton")
        self.summary_box = QGroupBox(translate("TrackingPanel", "Summary"))
        show = translate("TrackingPanel", "Show messages")
        self.filter_combo = named(QComboBox(), "stateFilterCombo", show)
        self.filter_combo.addItem(translate("TrackingPanel", "All"), None)
        for group, states in STATE_GROUPS:
            self.filter_combo.addItem(group_label(group), tuple(states))
        self.table = named(QTableView(), "messagesTable", translate("TrackingPanel", "Messages"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._lay_out(page)

    def _lay_out(self, page: QWidget) -> None:
        numbers = QFormLayout()
        numbers.addRow(translate("TrackingPanel", "Progress:"), self.progress)
        numbers.addRow(translate("TrackingPanel", "Messages:"), self.counts_label)
        numbers.addRow(translate("TrackingPanel", "Speed:"), self.throughput_label)
        numbers.addRow(translate("TrackingPanel", "Time left:"), self.eta_label)
        numbers.addRow(translate("TrackingPanel", "Balance:"), self.balance_label)
        top = QHBoxLayout()
        top.addLayout(numbers, 3)
        top.addWidget(self.chart, 2)
        buttons = QHBoxLayout()
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch()
        summary = QHBoxLayout(self.summary_box)
        summary.addWidget(self.summary_label, 1)
        summary.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        self.summary_box.setVisible(False)
        filters = QHBoxLayout()
        filters.addWidget(buddy(translate("TrackingPanel", "&Show:"), self.filter_combo))
        filters.addWidget(self.filter_combo)
        filters.addStretch()
        column = QVBoxLayout(page)
        for widget in (self.title_label, self.status_label, self.reason_label):
            column.addWidget(widget)
        column.addLayout(top)
        column.addLayout(buttons)
        column.addWidget(self.summary_box)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        page.setTabOrder(self.pause_button, self.resume_button)
        page.setTabOrder(self.resume_button, self.cancel_button)
        page.setTabOrder(self.cancel_button, self.export_button)
        page.setTabOrder(self.export_button, self.filter_combo)
        page.setTabOrder(self.filter_combo, self.table)

    def size_columns(self) -> None:
        header = self.table.horizontalHeader()
        digits = self.table.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate((7, 18, 14, 20, 26)):  # in digits: row, address, status, time, id
            header.resizeSection(column, width * digits + 12)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def show_counts(self, counts: Mapping[str, int], lang: str) -> None:
        """Progress bar, chart and the counts line from rows per state."""
        total = sum(counts.values())
        pending = counts.get(State.PENDING.value, 0) + counts.get(State.SENDING.value, 0)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(total - pending)
        self.chart.set_counts(counts, total)
        self.chart.set_number_format(lambda value: number(value, lang))
        groups = group_counts(counts)
        self.counts_label.setText(
            " · ".join(f"{group_label(group)} {number(groups[group], lang)}" for group, _ in STATE_GROUPS)
        )

    def show_speed(self, throughput: float | None, eta: float | None) -> None:
        if not throughput:  # unknown, or too early to tell
            self.throughput_label.setText("—")
            self.eta_label.setText("—")
            return
        rate = f"{throughput:.0f}" if throughput >= 10 else f"{throughput:.1f}"
        speed = translate("TrackingPanel", "{rate} messages per second")
        self.throughput_label.setText(speed.format(rate=rate))
        self.eta_label.setText(duration(eta))

    def show_controls(self, *, sending: bool, resumable: bool, cancellable: bool) -> None:
        self.pause_button.setEnabled(sending)
        self.resume_button.setEnabled(resumable and not sending)
        self.cancel_button.setEnabled(cancellable)
