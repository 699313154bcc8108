"""The suppression list: numbers and addresses that never receive anything; add, remove, import a sheet.

Customers who replied an opt-out word are added by the receiver; here the user adds and
removes entries by hand or imports a sheet. Every campaign skips these rows, even one
already sending (its next group is checked against the list).
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.domain import Channel
from app.core.journal import Journal, SuppressionEntry
from app.core.recipients import normalize_address
from app.core.recipients.sheets import SheetError
from app.core.settings import Settings
from app.core.suppression_import import SuppressionSheet, read_suppression_sheet
from app.gui.dialogs import SHEET_FILTER, dialogs_for
from app.gui.formatting import ui_lang
from app.gui.models.draft import CampaignDraft
from app.gui.models.inbox_models import ADDED, SORT_ROLE, SuppressionModel
from app.gui.pages import Page
from app.gui.provider_source import failure_text
from app.gui.widgets.named import buddy, named
from app.gui.worker import Task
from app.gui.workers import Workers


class SuppressionPage(Page):
    """Suppression list.

    Signals:
        completeness_changed(bool): (Page) unused.
    """

    title = "Suppression list"

    def __init__(self, settings: Settings, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(CampaignDraft(), parent)  # the list lives in the journal, not the draft
        self.settings, self.journal = settings, journal
        self.workers = Workers(self, self._on_error)
        self.model = SuppressionModel(self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(SORT_ROLE)
        self.table = named(QTableView(), "suppressionTable", self.tr("Suppression list"))
        self.table.setModel(self.sorted)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ADDED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_buttons())
        self.value_edit = named(QLineEdit(), "suppressionValueEdit", self.tr("Number or address"))
        self.value_edit.setPlaceholderText(self.tr("+56 9 1234 5678 or name@example.com"))
        self.reason_edit = named(QLineEdit(), "suppressionReasonEdit", self.tr("Reason"))
        self.add_button = named(QPushButton(self.tr("&Add")), "addSuppressionButton")
        self.remove_button = named(QPushButton(self.tr("&Remove…")), "removeSuppressionButton")
        self.import_button = named(QPushButton(self.tr("&Import sheet…")), "importSuppressionButton")
        self.count_label = named(QLabel(), "suppressionCountLabel")
        self.value_edit.returnPressed.connect(self.on_add)
        self.add_button.clicked.connect(self.on_add)
        self.remove_button.clicked.connect(self.on_remove)
        self.import_button.clicked.connect(self.on_import)
        adding = QHBoxLayout()
        adding.addWidget(buddy(self.tr("&Number or address:"), self.value_edit))
        adding.addWidget(self.value_edit, 2)
        adding.addWidget(buddy(self.tr("R&eason:"), self.reason_edit))
        adding.addWidget(self.reason_edit, 2)
        adding.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(adding)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._show_buttons()

    def enter(self) -> None:
        self.refresh()

    def shutdown(self) -> None:
        """The window is closing: let the journal reads end."""
        self.workers.shutdown()

    def refresh(self) -> None:
        journal = self.journal
        self.workers.run(lambda task: journal.suppression.entries(), self._on_entries)

    def selected(self) -> list[SuppressionEntry]:
        rows = self.table.selectionModel().selectedRows()
        return [self.model.entry(self.sorted.mapToSource(index).row()) for index in rows]

    # --- actions ----------------------------------------------------------------------------------
    def on_add(self) -> None:
        raw = self.value_edit.text().strip()
        if not raw:
            return
        channel = Channel.EMAIL if "@" in raw else Channel.SMS
        country = str(self.settings.get("country") or "CL").upper()
        value = normalize_address(raw, channel, country)
        if value is None:
            text = self.tr("“{value}” is neither a phone number of {country} nor an e-mail address. Write "
                           "numbers of other countries with their prefix (+57…).")  # fmt: skip
            dialogs_for(self).warn(self, self.tr("Not added"), text.format(value=raw, country=country))
            return
        journal, reason = self.journal, self.reason_edit.text().strip()
        self.value_edit.clear()
        self.reason_edit.clear()
        self.workers.run(lambda task: journal.suppression.add(value, channel.value, reason),
                         lambda _: self.refresh())  # fmt: skip

    def on_remove(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        question = self.tr("%Ln number(s) or address(es) will receive messages of new campaigns again.", "",
                           len(chosen))  # fmt: skip
        if not dialogs_for(self).ask(self, self.tr("Remove from the suppression list?"), question,
                                     yes=self.tr("Remove"), no=self.tr("Keep them")):  # fmt: skip
            return
        journal, values = self.journal, [entry.value for entry in chosen]

        def remove(task: Task) -> None:
            for value in values:
                journal.suppression.remove(value)

        self.workers.run(remove, lambda _: self.refresh())

    def on_import(self) -> None:
        """Add every number and address of a sheet the user chooses."""
        folder = str(self.settings.get("last_folder") or Path.home())
        filters = self.tr("Spreadsheets ({patterns})").format(patterns=SHEET_FILTER)
        title = self.tr("Import a sheet to the suppression list")
        path = dialogs_for(self).open_file(self, title, folder, filters)
        if path is None:
            return
        self.settings.set("last_folder", str(path.parent))
        journal, lang = self.journal, ui_lang(self.settings)
        country = str(self.settings.get("country") or "CL").upper()
        reason = self.tr("Imported from {file}").format(file=path.name)

        def load(task: Task) -> SuppressionSheet:
            found = read_suppression_sheet(path, country, lang)
            now = journal.clock()
            for channel, values in found.values.items():
                journal.inbox.suppress_many(values, channel.value, reason, now)
            return found

        self.import_button.setEnabled(False)
        worker = self.workers.run(load, self._on_imported, self._on_import_failed)
        worker.done.connect(lambda: self.import_button.setEnabled(True))

    def _on_imported(self, result: object) -> None:
        found = cast(SuppressionSheet, result)
        text = self.tr("%Ln number(s) or address(es) on the suppression list now.", "", found.count)
        if found.unreadable:
            text += " " + self.tr("%Ln row(s) had no number or address that could be read.", "",
                                  found.unreadable)  # fmt: skip
        dialogs_for(self).inform(self, self.tr("Sheet imported"), text)
        self.refresh()

    def _on_import_failed(self, exc: object) -> None:
        text = str(exc) if isinstance(exc, SheetError) else failure_text(exc, ui_lang(self.settings))
        dialogs_for(self).warn(self, self.tr("The sheet was not imported"), text)

    # --- showing ----------------------------------------------------------------------------------
    def _on_entries(self, entries: object) -> None:
        self.model.set_entries(cast(list[SuppressionEntry], entries))
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%Ln number(s) and address(es) never receive anything.", "", count))
        self._show_buttons()

    def _show_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _on_error(self, exc: object) -> None:
        dialogs_for(self).warn(self, self.tr("Suppression list"), failure_text(exc, ui_lang(self.settings)))
