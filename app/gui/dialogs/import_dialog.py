"""The import dialog: pick or drop a file, choose its sheet, header row and address column, see its rows.

Reading the first rows runs on a worker (a large workbook takes a moment to open); the
dialog only shows what `app.core.recipients.inspect_sheet` found and lets the user correct it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.domain import Channel
from app.core.recipients import SheetError, inspect_sheet
from app.core.recipients.messages import text as sheet_text
from app.gui.dialogs import SHEET_FILTER, dialogs_for
from app.gui.widgets.named import buddy, named
from app.gui.worker import Task, Worker

if TYPE_CHECKING:
    from app.core.recipients.importer import SheetPreview


@dataclass(frozen=True)
class ImportChoice:
    """What the user chose: the importer's arguments."""

    path: Path
    sheet: str | None
    header_row: int | None  # None: let the importer find it; 0: the sheet has no header row
    column: str | None  # the address column (phones for SMS, e-mails for e-mail)


def sheet_error_text(exc: BaseException, lang: str) -> str:
    """A failure to read a sheet as one sentence in the window's language."""
    if isinstance(exc, SheetError):
        return sheet_text(exc.message_id, lang, **exc.params)
    return sheet_text("file_failed", lang)


def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The local file being dragged, if it is exactly one."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) == 1 and urls[0].isLocalFile():
        return Path(urls[0].toLocalFile())
    return None


class ImportDialog(QDialog):
    """Choose what to import; `choice()` after `accepted`.

    Signals: preview_ready(): the first rows of the chosen file are shown (or its error is).
    """

    preview_ready = Signal()

    def __init__(
        self, channel: Channel, country: str, lang: str, folder: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import recipients"))
        self.setAcceptDrops(True)
        self.channel, self.country, self.lang, self.folder = channel, country, lang, folder
        self.path: Path | None = None
        self.preview: SheetPreview | None = None
        self._worker: Worker | None = None
        self._again = False  # the user changed something while a preview was being read
        self._header_row: int | None = None  # None: let the importer find it
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self._build()

    def _build(self) -> None:
        self.file_label = named(QLabel(self.tr("Choose a sheet, or drag it here.")), "fileLabel")
        self.file_label.setWordWrap(True)
        self.choose_button = named(QPushButton(self.tr("&Choose file…")), "chooseFileButton")
        self.choose_button.setAccessibleName(self.tr("Choose file"))
        self.choose_button.clicked.connect(self.on_choose_clicked)
        self.sheet_combo = named(QComboBox(), "sheetCombo")
        self.sheet_combo.setAccessibleName(self.tr("Sheet"))
        self.sheet_combo.activated.connect(self.on_sheet_chosen)
        self.header_spin = named(QSpinBox(minimum=0, maximum=1_000_000), "headerRowSpin")
        self.header_spin.setSpecialValueText(self.tr("No header row"))
        self.header_spin.setAccessibleName(self.tr("Header row"))
        self.header_spin.valueChanged.connect(self.on_header_row_changed)
        self.column_combo = named(QComboBox(), "addressColumnCombo")
        self.column_combo.setAccessibleName(self.tr("Address column"))
        self.column_combo.currentIndexChanged.connect(self._update_ok)
        self.table_model = QStandardItemModel(self)
        self.table = named(QTableView(), "previewTable")
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(self.tr("First rows of the sheet"))
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.error_label = named(QLabel(wordWrap=True), "importErrorLabel")
        self.error_label.setAccessibleName(self.tr("Problem with the file"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        form = QFormLayout()
        column_text = self.tr("&Phone column:") if self.channel is Channel.SMS else self.tr("&E-mail column:")
        for text, widget in (
            (self.tr("&Sheet:"), self.sheet_combo),
            (self.tr("&Header row:"), self.header_spin),
            (column_text, self.column_combo),
        ):
            form.addRow(buddy(text, widget), widget)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("First rows:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(760, 520)

    # --- choosing the file --------------------------------------------------------------------------
    def on_choose_clicked(self) -> None:
        filters = self.tr("Spreadsheets ({patterns})").format(patterns=SHEET_FILTER)
        path = dialogs_for(self).open_file(self, self.tr("Choose the recipients sheet"), self.folder, filters)
        if path is not None:
            self.load(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.load(path)

    def load(self, path: Path) -> None:
        """Show `path`'s first rows, finding its sheet and header row anew."""
        self.path = path
        self.file_label.setText(str(path))
        self.sheet_combo.clear()
        self._set_header_row(None)
        self.refresh()

    def on_sheet_chosen(self) -> None:
        self._set_header_row(None)  # another sheet has its own header row
        self.refresh()

    def _set_header_row(self, row: int | None) -> None:
        self._header_row = row
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(row or 0)
        self.header_spin.blockSignals(False)

    def on_header_row_changed(self, row: int) -> None:
        self._header_row = row
        self._debounce.start()  # typing "12" must not read the sheet for row 1 first

    # --- reading the preview ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the first rows again with the current choices (on a worker)."""
        if self.path is None:
            return
        if self._worker is not None:
            self._again = True
            return
        path, channel, country = self.path, self.channel, self.country
        sheet = self.sheet_combo.currentText() or None
        header_row = self._header_row
        self.error_label.setText(self.tr("Reading {name}…").format(name=path.name))
        self.import_button.setEnabled(False)

        def inspect(task: Task) -> SheetPreview:
            return inspect_sheet(path, channel=channel, country=country, sheet=sheet, header_row=header_row)

        self._worker = Worker(inspect, self)
        self._worker.result.connect(self.on_preview)
        self._worker.error.connect(self.on_preview_failed)
        self._worker.done.connect(self.on_preview_done)
        self._worker.start()

    def on_preview(self, preview: SheetPreview) -> None:
        self.preview = preview
        self.error_label.clear()
        self.sheet_combo.clear()
        self.sheet_combo.addItems([info.name for info in preview.sheets])
        self.sheet_combo.setCurrentText(preview.sheet)
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(preview.header_row)
        self.header_spin.blockSignals(False)
        self.column_combo.clear()
        self.column_combo.addItems(list(preview.headers))
        found = preview.mapping.phone if self.channel is Channel.SMS else preview.mapping.email
        self.column_combo.setCurrentIndex(preview.headers.index(found) if found in preview.headers else -1)
        self._fill_table(preview)
        if found is None:
            self.error_label.setText(self.tr("Choose the column that holds the addresses."))
        self._update_ok()

    def _fill_table(self, preview: SheetPreview) -> None:
        self.table_model.clear()
        self.table_model.setHorizontalHeaderLabels(list(preview.headers))
        for number, fields in preview.rows:
            items = [QStandardItem(fields.get(header, "")) for header in preview.headers]
            self.table_model.appendRow(items)
            self.table_model.setVerticalHeaderItem(
                self.table_model.rowCount() - 1, QStandardItem(str(number))
            )

    def on_preview_failed(self, exc: object) -> None:
        self.preview = None
        self.table_model.clear()
        self.column_combo.clear()
        self.error_label.setText(
            sheet_error_text(exc if isinstance(exc, BaseException) else Exception(), self.lang)
        )
        self._update_ok()

    def on_preview_done(self) -> None:
        if self._worker is not None:
            self._worker.deleteLater()
        self._worker = None
        if self._again:
            self._again = False
            self.refresh()
        else:
            self.preview_ready.emit()

    def _update_ok(self) -> None:
        self.import_button.setEnabled(self.preview is not None and self.column_combo.currentIndex() >= 0)

    def choice(self) -> ImportChoice:
        assert self.path is not None and self.preview is not None
        return ImportChoice(
            self.path, self.preview.sheet, self.preview.header_row, self.column_combo.currentText() or None
        )

    def done(self, result: int) -> None:
        if self._worker is not None:
            self._worker.wait()
        super().done(result)
