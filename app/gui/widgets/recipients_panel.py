"""The controls of the Recipients step: country, open/sample buttons, progress, the status filters, the view.

Only widgets and how they show things; `app.gui.pages.recipients` decides what happens.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.recipients import RowStatus
from app.core.recipients.messages import country_name
from app.gui.formatting import number
from app.gui.widgets.named import buddy, named

# The default countries offered for numbers written without their country code, with their calling
# codes: written out, so that the step shows without importing phonenumbers (~60 ms with the
# regions' metadata); tests/test_gui_start.py checks them against phonenumbers.
COUNTRIES = {"CL": 56, "CO": 57, "MX": 52, "PE": 51, "AR": 54, "EC": 593, "VE": 58, "BR": 55, "US": 1,
             "ES": 34, "UY": 598, "PY": 595, "BO": 591, "GT": 502, "CR": 506, "PA": 507, "DO": 1, "SV": 503,
             "HN": 504, "NI": 505}  # fmt: skip


class RecipientsPanel(QWidget):
    """The step's widgets; `filter_buttons` maps a status (None: every row) to its button."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.country_combo = named(QComboBox(), "countryCombo", self.tr("Country of the numbers"))
        for code, prefix in COUNTRIES.items():
            self.country_combo.addItem(f"{country_name(code, lang)} (+{prefix})", code)
        self.open_button = named(
            QPushButton(self.tr("&Open sheet…")), "openSheetButton", self.tr("Open sheet")
        )
        self.sample_button = named(QPushButton(self.tr("Use the &sample sheet")), "sampleSheetButton")
        self.hint_label = named(QLabel(), "recipientsHintLabel")
        self.hint_label.setWordWrap(True)
        self.source_label = named(QLabel(), "sourceLabel", self.tr("Imported sheet"))
        self.source_label.setWordWrap(True)
        self.progress = named(QProgressBar(), "importProgress", self.tr("Import progress"))
        self.cancel_button = named(QPushButton(self.tr("&Cancel import")), "cancelImportButton")
        self.export_button = named(QPushButton(self.tr("&Export rejected rows…")), "exportRejectedButton")
        self.filters = QButtonGroup(self)
        self._filter_texts = {
            None: (self.tr("All: {n}"), self.tr("Show every row")),
            RowStatus.VALID: (self.tr("Valid: {n}"), self.tr("Show valid rows")),
            RowStatus.INVALID: (self.tr("Invalid: {n}"), self.tr("Show invalid rows")),
            RowStatus.DUPLICATE: (self.tr("Duplicates: {n}"), self.tr("Show duplicate rows")),
            RowStatus.SUPPRESSED: (self.tr("Suppressed: {n}"), self.tr("Show suppressed rows")),
        }
        self.filter_buttons: dict[RowStatus | None, QPushButton] = {}
        for status, (_, spoken) in self._filter_texts.items():
            button = named(QPushButton(), f"filter{(status or 'all').title()}", spoken)
            button.setCheckable(True)
            self.filters.addButton(button)
            self.filter_buttons[status] = button
        self.filter_buttons[None].setChecked(True)
        self.view = named(QTableView(), "recipientsView", self.tr("Recipients"))
        self.view.verticalHeader().setVisible(False)
        # Fixed row heights: the view never measures a million rows.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(buddy(self.tr("Countr&y of the numbers:"), self.country_combo))
        top.addWidget(self.country_combo)
        top.addStretch()
        top.addWidget(self.sample_button)
        top.addWidget(self.open_button)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        summary = QHBoxLayout()
        for button in self.filter_buttons.values():
            summary.addWidget(button)
        summary.addStretch()
        summary.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.source_label)
        layout.addLayout(running)
        layout.addLayout(summary)
        layout.addWidget(self.view, 1)
        layout.addStretch()  # takes the room only while the view is hidden (a country notice says why)

    def country(self) -> str:
        return str(self.country_combo.currentData())

    def choose_country(self, code: str) -> None:
        self.country_combo.setCurrentIndex(max(0, self.country_combo.findData(code)))

    def show_counts(self, counts: dict[RowStatus, int], total: int) -> None:
        """The summary line: each filter button says how many rows it shows."""
        for status, button in self.filter_buttons.items():
            amount = total if status is None else counts[status]
            button.setText(self._filter_texts[status][0].format(n=number(amount, self.lang)))

    def show_state(self, *, busy: bool, empty: bool, sample_offered: bool, sms: bool, rejected: int) -> None:
        """Enable what makes sense now: nothing but Cancel while importing."""
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.open_button.setEnabled(not busy)
        self.sample_button.setVisible(sample_offered)
        self.sample_button.setEnabled(not busy)
        self.country_combo.setEnabled(not busy and sms)
        self.export_button.setEnabled(not busy and rejected > 0)
        self.hint_label.setVisible(empty and not busy)
        hint = self.tr("Open an Excel, LibreOffice or CSV sheet with one recipient per row, or drag it here.")
        if sample_offered:
            hint += " " + self.tr("New here? Try the sample sheet: the Demo provider sends nothing for real.")
        self.hint_label.setText(hint)

    def show_progress(self, done: int, total: int | None) -> None:
        """Rows read so far; an unknown total (a CSV) shows a busy bar."""
        if total is None:
            self.progress.setRange(0, 0)
            return
        # QProgressBar.setValue repaints synchronously, which paints every dirty widget of the window
        # (the growing table) there and then: with updates off, it is painted with the next frame instead.
        self.progress.setUpdatesEnabled(False)
        self.progress.setRange(0, max(total, done))
        self.progress.setValue(done)
        self.progress.setUpdatesEnabled(True)
