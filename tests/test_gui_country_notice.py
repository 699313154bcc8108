"""IT Cloud sends to Colombia only (seed 002): a sheet read as another country gets one notice, not a
list of rows each marked invalid for the reason the notice already gives."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from app.core.journal import Journal
from app.core.recipients import RowStatus
from app.core.settings import Settings
from app.gui.main_window import MainWindow
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.gui_campaigns import demo, write_sheet
from tests.gui_window import click, import_sheet, open_window, said


def choose_itcloud(window: MainWindow) -> None:
    page = window.provider_page
    combo = page.findChild(QComboBox, "providerCombo")
    combo.setCurrentIndex(combo.findData("itcloud"))
    for field in page.current.credentials:
        page.findChild(QLineEdit, f"credential_{field.key}").setText("x" * 40)


def test_a_chilean_sheet_for_itcloud_shows_the_notice_alone_and_still_exports_its_rows(
    qtbot: QtBot, settings: Settings, journal: Journal, tmp_path: Path
) -> None:
    settings.set("country", "CL")
    sheet = write_sheet(tmp_path / "clientes.xlsx", 20)  # Chilean mobiles: IT Cloud cannot send them
    window = open_window(qtbot, settings, journal, demo(), sheet)
    choose_itcloud(window)
    import_sheet(qtbot, window, sheet)
    page = window.recipients_page
    notice = page.findChild(QLabel, "countryNotice")
    view = page.findChild(QTableView, "recipientsView")
    assert notice.isVisible() and "Colombia (+57)" in notice.text()
    assert not view.isVisible(), "every row is listed as invalid under a notice that already says why"
    # The rows are still there: counted on the filters, and exported for fixing.
    assert page.model.counts()[RowStatus.INVALID] == 20 and len(page.model.rows) == 20
    exported = tmp_path / "rechazados.xlsx"
    said(window).files.append(exported)
    export = page.findChild(QPushButton, "exportRejectedButton")
    click(qtbot, export)
    qtbot.waitUntil(lambda: bool(said(window).texts("inform")), timeout=10_000)
    rows = list(openpyxl.load_workbook(exported, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 21  # the header and the twenty rows
    # Read as Colombia, the rows are listed again (each with its own verdict).
    combo = page.findChild(QComboBox, "countryCombo")
    with qtbot.waitSignal(page.import_finished, timeout=20_000):
        combo.setCurrentIndex(combo.findData("CO"))
    assert not notice.isVisible() and view.isVisible()
