"""Step 2: the recipients: import a sheet, see the status of every row, export the rejected ones."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QAbstractEventDispatcher, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core.domain import Channel
from app.core.journal import Journal
from app.core.reasons import country_notice
from app.core.recipients import ImportCancelled, RecipientRow, RowStatus
from app.core.settings import Settings
from app.gui.dialogs import SHEET_FILTER, dialogs_for
from app.gui.dialogs.import_dialog import ImportChoice, ImportDialog, dropped_file, sheet_error_text
from app.gui.formatting import ui_lang
from app.gui.gc_pauses import keep_out_of_collections
from app.gui.models.draft import CampaignDraft, ReadSheet
from app.gui.models.recipients_model import RecipientsModel
from app.gui.pages import Page
from app.gui.recipients_import import Batch, ImportRequest, Started, import_rows
from app.gui.widgets.named import named
from app.gui.widgets.recipients_panel import RecipientsPanel
from app.gui.worker import Task, Worker
from app.providers import registry

# The table grows at most this often while rows arrive: a growth repaints it whole (~17 ms).
SHOW_EVERY = 0.1


class RecipientsPage(Page):
    """Import the recipients sheet on a worker, fill the view in batches, filter it by status.

    Signals: completeness_changed(bool) (from Page); import_finished(): an import ended, however.
    """

    import_finished = Signal()

    def __init__(
        self,
        draft: CampaignDraft,
        settings: Settings,
        journal: Journal | None,
        sample: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(draft, parent)
        self.title = self.tr("Recipients")
        self.settings, self.journal, self.sample = settings, journal, sample
        self.lang = ui_lang(settings)
        self.model = RecipientsModel(self)
        self.import_dialog: ImportDialog | None = None
        self._choice: ImportChoice | None = None
        self._started: Started | None = None
        self._untaken: Batch | None = None  # appended, not yet shown: the worker waits for it
        self._arrived: list[RecipientRow] = []  # imported rows not yet in the table
        self._shown_at = 0.0  # when the table last grew (time.monotonic)
        self._imported_for: tuple[object, ...] = ()
        self._worker: Worker | None = None
        self._export: Worker | None = None
        self.setAcceptDrops(True)
        self._build()
        self.model.counts_changed.connect(self.on_counts_changed)
        self._update_controls()

    def _build(self) -> None:
        self.panel = RecipientsPanel(self.lang, self)
        self.panel.choose_country(self.settings.get("country"))
        self.panel.country_combo.currentIndexChanged.connect(self.on_country_changed)
        self.panel.open_button.clicked.connect(self.on_open_clicked)
        self.panel.sample_button.clicked.connect(self.on_sample_clicked)
        self.panel.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.panel.export_button.clicked.connect(self.on_export_clicked)
        for status, button in self.panel.filter_buttons.items():
            button.clicked.connect(lambda _=False, s=status: self.model.set_filter(s))
        self.panel.view.setModel(self.model)
        self.country_notice = named(QLabel(wordWrap=True), "countryNotice")
        self.country_notice.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.country_notice)
        layout.addWidget(self.panel)

    # --- state --------------------------------------------------------------------------------------
    def is_complete(self) -> bool:
        return self._worker is None and self.draft.valid_count > 0

    def importing(self) -> bool:
        return self._worker is not None

    def show_country_notice(self) -> None:
        """Once, instead of the rows: the sheet's country is not one the provider sends to (IT Cloud:
        Colombia). The rows stay in the model, counted and exported, but are not listed each as invalid
        for a reason the notice already says (as `masivo check`)."""
        caps = registry.capabilities(self.draft.provider_id)
        sms = self.draft.channel is Channel.SMS
        notice = country_notice(caps.name, caps.countries, self._country(), self.lang) if sms else ""
        self.country_notice.setText(notice)
        self.country_notice.setVisible(bool(notice))
        self.panel.view.setVisible(not notice)

    def enter(self) -> None:
        """A changed channel, country or provider re-validates the sheet already chosen."""
        self.show_country_notice()
        choice = self._choice
        if choice is None or self._worker is not None or self._imported_for == self._conditions():
            return
        same_channel = self._imported_for[0] == self.draft.channel
        column = choice.column if same_channel else None  # the other channel's column is found anew
        self.start_import(ImportChoice(choice.path, choice.sheet, choice.header_row, column))

    def _conditions(self) -> tuple[object, ...]:
        return (self.draft.channel, self.draft.provider_id, self._country())

    def _country(self) -> str:
        return self.panel.country()

    def _update_controls(self) -> None:
        empty = not self.model.rows
        sample_ready = self.sample is not None and self.sample.is_file()
        self.panel.show_state(
            busy=self._worker is not None or self._export is not None,
            empty=empty,
            sample_offered=sample_ready and empty and self._choice is None,
            sms=self.draft.channel is Channel.SMS,
            rejected=len(self.model.rows) - self.model.counts()[RowStatus.VALID],
        )

    def on_counts_changed(self) -> None:
        self.panel.show_counts(self.model.counts(), len(self.model.rows))

    # --- choosing a sheet ---------------------------------------------------------------------------
    def on_open_clicked(self) -> None:
        filters = self.tr("Spreadsheets ({patterns})").format(patterns=SHEET_FILTER)
        folder = self.settings.get("last_folder")
        path = dialogs_for(self).open_file(self, self.tr("Choose the recipients sheet"), folder, filters)
        if path is not None:
            self.open_import_dialog(path)

    def open_import_dialog(self, path: Path | None = None) -> ImportDialog:
        """The import dialog, open (not modal-blocking); it imports when the user accepts it."""
        dialog = ImportDialog(
            self.draft.channel, self._country(), self.lang, self.settings.get("last_folder"), self
        )
        dialog.accepted.connect(lambda: self.start_import(dialog.choice()))
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        if path is not None:
            dialog.load(path)
        return dialog

    def on_sample_clicked(self) -> None:
        if self.sample is not None:
            self.start_import(ImportChoice(self.sample, None, None, None))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._worker is None and dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_import_dialog(path)

    def on_country_changed(self) -> None:
        self.settings.set("country", self._country())
        self.draft.country = self._country()
        self.enter()

    # --- importing ----------------------------------------------------------------------------------
    def start_import(self, choice: ImportChoice) -> None:
        """Read the chosen sheet on a worker; the view fills as rows arrive."""
        if self._worker is not None:
            return
        caps = registry.capabilities(self.draft.provider_id)
        request = ImportRequest(
            choice.path,
            self.draft.channel,
            self._country(),
            choice.sheet,
            choice.header_row,
            choice.column,
            caps.number_digits,
            self.journal.suppression.values() if self.journal else frozenset(),
            self.lang,
        )
        self._choice = choice
        self._imported_for = self._conditions()
        self.draft.valid_count, self.draft.read = 0, None
        self.model.reset()
        self.model.set_filter(None)  # a filter chosen for the last sheet would hide this one's rows
        self.panel.filter_buttons[None].setChecked(True)
        self._started = None
        self.panel.show_progress(0, None)
        self.panel.source_label.setText(self.tr("Reading {name}…").format(name=choice.path.name))
        keep_out_of_collections()  # a collection in the worker must not walk the whole window's objects
        self._untaken = None
        self._arrived, self._shown_at = [], 0.0
        self._dispatcher().aboutToBlock.connect(self.on_window_idle)
        self._worker = Worker(lambda task: import_rows(request, task), self)
        self._worker.progress.connect(self.on_import_progress)
        self._worker.result.connect(self.on_import_done)
        self._worker.error.connect(self.on_import_failed)
        self._worker.done.connect(self.on_import_finished)
        self._worker.start()
        self._update_controls()
        self.completeness_changed.emit(False)

    def on_import_progress(self, item: object) -> None:
        if isinstance(item, Started):
            self.model.reset(item.headers)
            self._started = item
            name = self._choice.path.name if self._choice else ""
            source = self.tr("{file} · sheet «{sheet}» · addresses in column «{column}»")
            self.panel.source_label.setText(source.format(file=name, sheet=item.sheet, column=item.column))
            self.panel.show_progress(0, item.estimated_rows)
        elif isinstance(item, Batch):
            self._arrived += item.rows
            if time.monotonic() - self._shown_at < SHOW_EVERY:
                item.taken.set()  # nothing to paint yet: the worker may read on at once
                return
            self._show_arrived()
            self._untaken = item  # taken once painted, while the worker waits: see on_window_idle
            if self._started is not None and self._started.estimated_rows is not None:
                self.panel.show_progress(item.done, item.total)

    def _show_arrived(self) -> None:
        """Append the rows that arrived since the table last grew (each growth repaints it whole)."""
        self.model.append(self._arrived)
        self._arrived = []
        self._shown_at = time.monotonic()
        keep_out_of_collections()  # rows the table keeps: later collections must not walk them again

    def on_window_idle(self) -> None:
        """The event loop has nothing left to do (the last batch is painted): the worker may read on."""
        if self._untaken is not None:
            self._untaken.taken.set()
            self._untaken = None

    def _dispatcher(self) -> QAbstractEventDispatcher:
        dispatcher = QAbstractEventDispatcher.instance(self.thread())
        assert dispatcher is not None  # the GUI thread runs an event loop
        return dispatcher

    def on_import_done(self, read: int) -> None:
        self._show_arrived()
        started = self._started
        assert self._choice is not None and started is not None
        self.draft.recipients_path = self._choice.path
        self.draft.sheet = started.sheet
        self.draft.header_row = self._choice.header_row
        sms = self.draft.channel is Channel.SMS
        self.draft.phone_column = started.column if sms else None
        self.draft.email_column = None if sms else started.column
        self.draft.columns = list(started.headers)
        self.draft.country = self._country()
        self.draft.valid_count = self.model.counts()[RowStatus.VALID]
        self.draft.read = ReadSheet(self.model.headers, self.model.rows)  # kept: a reset starts a new list
        self._choice = ImportChoice(self._choice.path, started.sheet, self._choice.header_row, started.column)
        if self._choice.path != self.sample:
            self.settings.set("last_folder", str(self._choice.path.parent))

    def on_import_failed(self, exc: object) -> None:
        self._arrived = []
        self.model.reset()
        self.draft.recipients_path, self.draft.read = None, None
        if isinstance(exc, ImportCancelled):
            self.panel.source_label.setText(self.tr("Import cancelled: no recipient was loaded."))
            return
        self._choice = None
        self.panel.source_label.clear()
        text = sheet_error_text(exc if isinstance(exc, BaseException) else Exception(), self.lang)
        dialogs_for(self).warn(self, self.tr("The sheet could not be imported"), text)

    def on_import_finished(self) -> None:
        self._dispatcher().aboutToBlock.disconnect(self.on_window_idle)
        self._untaken = None
        if self._worker is not None:
            self._worker.deleteLater()
        self._worker = None
        self._update_controls()
        self.completeness_changed.emit(self.is_complete())
        self.import_finished.emit()

    def on_cancel_clicked(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    # --- exporting the rejected rows ----------------------------------------------------------------
    def on_export_clicked(self) -> None:
        stem = self._choice.path.stem if self._choice else "destinatarios"
        folder = Path(self.settings.get("last_folder") or Path.home())
        suggested = folder / self.tr("{name}-rejected.xlsx").format(name=stem)
        filters = self.tr("Excel workbook (*.xlsx)")
        path = dialogs_for(self).save_file(self, self.tr("Export rejected rows"), suggested, filters)
        if path is None:
            return
        rows, headers, lang = list(self.model.rows), self.model.headers, self.lang

        def export(task: Task) -> int:
            from app.gui.rejected_export import export_rejected  # openpyxl, imported on first export

            return export_rejected(rows, headers, path, lang)

        self._export = Worker(export, self)
        self._export.result.connect(lambda written: self.on_exported(path, written))
        self._export.error.connect(lambda exc: self.on_export_failed(path))
        self._export.done.connect(self.on_export_done)
        self._export.start()
        self._update_controls()

    def on_exported(self, path: Path, written: int) -> None:
        text = self.tr("%Ln rejected row(s) saved to {path}. Fix them there and import that sheet.", "",
                       written)  # fmt: skip
        dialogs_for(self).inform(self, self.tr("Rejected rows exported"), text.format(path=str(path)))

    def on_export_failed(self, path: Path) -> None:
        text = self.tr(
            "Could not write {path}: it may be open in another program. Close it, or choose "
            "another name, and try again."
        )
        dialogs_for(self).warn(self, self.tr("Export failed"), text.format(path=str(path)))

    def on_export_done(self) -> None:
        if self._export is not None:
            self._export.deleteLater()
        self._export = None
        self._update_controls()

    def shutdown(self) -> None:
        """The window is closing: stop an import (it checks the cancel flag every 2,048 rows)."""
        for worker in (self._worker, self._export):
            if worker is not None:
                worker.cancel()
                worker.wait()
