"""The Recipients step: import dialog, import on a worker, filters, rejected rows, a million-row model."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.core.domain import Channel
from app.core.journal import open_journal
from app.core.recipients import RecipientRow, RowStatus
from app.core.recipients.messages import text as sheet_text
from app.core.settings import Settings
from app.gui.models.draft import CampaignDraft
from app.gui.models.recipients_model import RecipientsModel
from app.gui.pages.recipients import RecipientsPage
from app.gui.recipients_import import Batch
from app.gui.worker import Task
from tests.fakes.dialogs import Host, ScriptedDialogs
from tests.fakes.sheets import DUPLICATES, INVALID, ROWS, VALID, write_csv, write_sheet


def make_page(host: Host, settings: Settings, sample: Path | None = None) -> RecipientsPage:
    page = RecipientsPage(CampaignDraft(), settings, None, sample, host)
    host.show()
    page.enter()
    return page


def click(qtbot: QtBot, page: QWidget, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None, f"no button {name}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_import_dialog_shows_the_sheet_then_imports_every_row(
    qtbot: QtBot, host: Host, settings: Settings, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    sheet = write_sheet(tmp_path / "clientes.xlsx", above=1)
    page = make_page(host, settings)
    dialogs.files.append(sheet)
    click(qtbot, page, "openSheetButton")
    dialog = page.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.findChild(QComboBox, "sheetCombo").currentText() == "Clientes"
    assert dialog.findChild(QComboBox, "addressColumnCombo").currentText() == "Teléfono"
    assert dialog.preview is not None and dialog.preview.header_row == 2  # the title row above is skipped
    table = dialog.findChild(QTableView, "previewTable")
    assert table.model().rowCount() == len(ROWS)
    assert table.model().index(0, 0).data() == "Ana Pérez"
    with qtbot.waitSignal(page.import_finished, timeout=10_000):
        click(qtbot, dialog, "importButton")
    assert page.draft.valid_count == VALID
    assert page.draft.columns == ["Nombre", "Teléfono", "Monto"]
    assert page.draft.phone_column == "Teléfono" and page.draft.recipients_path == sheet
    assert page.is_complete()
    assert settings.get("last_folder") == str(tmp_path)
    assert page.findChild(QPushButton, "filterValid").text() == f"Valid: {VALID}"
    assert page.findChild(QPushButton, "filterDuplicate").text() == f"Duplicates: {DUPLICATES}"
    view = page.findChild(QTableView, "recipientsView")
    assert view.model().rowCount() == len(ROWS)
    click(qtbot, page, "filterInvalid")
    assert view.model().rowCount() == INVALID
    assert view.model().index(0, 3).data().startswith("Le faltan dígitos")
    click(qtbot, page, "filterAll")
    assert view.model().rowCount() == len(ROWS)


def test_rejected_rows_export_to_a_sheet_that_can_be_fixed_and_reimported(
    qtbot: QtBot, host: Host, settings: Settings, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page = make_page(host, settings)
    with qtbot.waitSignal(page.import_finished, timeout=10_000):
        page.open_import_dialog(write_sheet(tmp_path / "clientes.xlsx"))
        qtbot.waitUntil(lambda: page.import_dialog is not None and page.import_dialog.preview is not None)
        click(qtbot, page.import_dialog, "importButton")
    target = tmp_path / "rechazadas.xlsx"
    dialogs.files.append(target)
    click(qtbot, page, "exportRejectedButton")
    qtbot.waitUntil(lambda: bool(dialogs.texts("inform")), timeout=10_000)
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0] == ("Nombre", "Teléfono", "Monto", "Motivo del rechazo", "Fila original")
    assert [row[0] for row in rows[1:]] == ["Carla Soto", "Daniel Rojas"]
    assert rows[1][1] == "123" and rows[2][1] == "+56912345678"  # the cell as the user typed it
    assert rows[2][3] == "Repite el destinatario de la fila 2."


def test_the_sample_sheet_is_one_click_away_on_first_run(
    qtbot: QtBot, host: Host, settings: Settings, tmp_path: Path
) -> None:
    sample = write_sheet(tmp_path / "sample_recipients.xlsx")
    page = make_page(host, settings, sample)
    button = page.findChild(QPushButton, "sampleSheetButton")
    assert button.isVisible()
    with qtbot.waitSignal(page.import_finished, timeout=10_000):
        click(qtbot, page, "sampleSheetButton")
    assert page.draft.valid_count == VALID
    assert not button.isVisible()
    assert settings.get("last_folder") == ""  # the bundled sample is not the user's folder


def test_dropping_a_sheet_on_the_step_opens_the_import_dialog_with_it(
    qtbot: QtBot, host: Host, settings: Settings, tmp_path: Path
) -> None:
    page = make_page(host, settings)
    sheet = write_sheet(tmp_path / "arrastrada.xlsx")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(sheet))])
    where = QPointF(page.rect().center())
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(page, drop)
    dialog = page.import_dialog
    assert dialog is not None and dialog.path == sheet
    qtbot.waitUntil(lambda: dialog.preview is not None)


@pytest.mark.logs_errors
def test_a_file_that_is_not_a_sheet_is_explained_not_traced(
    qtbot: QtBot, host: Host, settings: Settings, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    fake = tmp_path / "clientes.xlsx"
    fake.write_bytes(b"%PDF-1.7 not a sheet")
    page = make_page(host, settings)
    page.open_import_dialog(fake)
    dialog = page.import_dialog
    assert dialog is not None
    expected = sheet_text("file_not_sheet", "es", file="clientes.xlsx", kind="PDF")
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "importErrorLabel").text() == expected)
    assert not dialog.findChild(QPushButton, "importButton").isEnabled()


def test_changing_the_country_validates_the_numbers_again(
    qtbot: QtBot, host: Host, settings: Settings, tmp_path: Path
) -> None:
    page = make_page(host, settings, write_sheet(tmp_path / "sample.xlsx"))
    with qtbot.waitSignal(page.import_finished, timeout=10_000):
        click(qtbot, page, "sampleSheetButton")
    combo = page.findChild(QComboBox, "countryCombo")
    with qtbot.waitSignal(page.import_finished, timeout=10_000):
        combo.setCurrentIndex(combo.findData("MX"))
    assert settings.get("country") == "MX"
    assert page.draft.valid_count < VALID  # "9 8765 4321" is no Mexican mobile


@pytest.mark.logs_errors
def test_cancel_stops_the_import_and_loads_nothing(
    qtbot: QtBot, host: Host, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(host, settings)
    from app.gui import recipients_import
    from app.gui.dialogs.import_dialog import ImportChoice

    def held_after_first_batch(request: recipients_import.ImportRequest, task: Task) -> int:
        # The importer is fast: hold it after its first batch until the click, or it may finish first.
        report = task.progress

        def progress(item: object) -> None:
            report(item)
            if isinstance(item, Batch):
                task.cancel.wait(20)

        task.progress = progress
        return recipients_import.import_rows(request, task)

    monkeypatch.setattr("app.gui.pages.recipients.import_rows", held_after_first_batch)
    page.start_import(ImportChoice(write_csv(tmp_path / "grande.csv", 100_000), None, None, None))
    worker = page._worker
    assert worker is not None
    with qtbot.waitSignal(worker.progress, check_params_cb=lambda item: isinstance(item, Batch)):
        pass
    with qtbot.waitSignal(page.import_finished, timeout=20_000):
        click(qtbot, page, "cancelImportButton")
    assert page.model.rowCount() == 0
    assert page.draft.valid_count == 0 and not page.is_complete()
    assert "cancel" in page.findChild(QLabel, "sourceLabel").text().lower()


def test_suppressed_numbers_from_the_journal_are_marked(
    qtbot: QtBot, host: Host, settings: Settings, tmp_path: Path
) -> None:
    journal = open_journal()
    journal.suppression.add("56987654321", Channel.SMS.value, "BAJA")  # stored normalized
    page = RecipientsPage(CampaignDraft(), settings, journal, write_sheet(tmp_path / "s.xlsx"), host)
    with qtbot.waitSignal(page.import_finished, timeout=10_000):
        click(qtbot, page, "sampleSheetButton")
    assert page.model.counts()[RowStatus.SUPPRESSED] == 1
    journal.close()


def test_a_million_rows_fill_and_filter_without_delay(qtbot: QtBot) -> None:
    model = RecipientsModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.reset(["Nombre"])
    shapes = [
        RecipientRow(7, "56912345678", {"Nombre": "Ana"}, RowStatus.VALID),
        RecipientRow(8, "12", {"Nombre": "Bo"}, RowStatus.INVALID, "Teléfono", "corto", "too_short"),
    ]
    batch = [shapes[i % 10 == 0] for i in range(5000)]  # one invalid row in ten
    started = time.perf_counter()
    for _ in range(200):
        model.append(batch)
    filled = time.perf_counter() - started
    assert model.rowCount() == 1_000_000
    started = time.perf_counter()
    model.set_filter(RowStatus.INVALID)
    switched = time.perf_counter() - started
    assert model.rowCount() == 100_000
    assert model.index(99_999, 2).data() == "12"
    assert model.rowCount(QModelIndex()) == 100_000
    print(f"\n1,000,000 rows appended in {filled:.2f} s; filter switched in {switched * 1000:.1f} ms")
    assert switched < 0.05, f"switching the filter took {switched:.3f} s"
    assert filled < 5.0, f"appending 1,000,000 rows took {filled:.1f} s"


def test_a_sheet_of_another_country_for_itcloud_is_said_once_at_the_top(
    qtbot: QtBot, host: Host, settings: Settings, tmp_path: Path
) -> None:
    page = RecipientsPage(CampaignDraft(provider_id="itcloud"), settings, None, None, host)
    host.show()
    combo = page.findChild(QComboBox, "countryCombo")
    combo.setCurrentIndex(combo.findData("CL"))
    page.enter()
    notice = page.findChild(QLabel, "countryNotice")
    assert notice.isVisible() and "Colombia (+57)" in notice.text()
    combo.setCurrentIndex(combo.findData("CO"))
    assert not notice.isVisible()
    page.draft.provider_id = "demo"
    combo.setCurrentIndex(combo.findData("CL"))
    assert not notice.isVisible()
