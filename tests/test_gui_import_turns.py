"""The importer and the window take turns with the GIL, and the table answers a cell's roles in one call.

bench/bench_gui_responsiveness.py measures the stalls; these tests pin the mechanisms down:
the worker reads no further row until the window took its last batch, and what `multiData`
gives a painted cell is what `data()` gives.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from app.core.domain import Channel
from app.core.recipients import ImportCancelled, RecipientRow, RowStatus
from app.gui.models.recipients_model import RecipientsModel
from app.gui.recipients_import import BATCH_ROWS, Batch, ImportRequest, Started, import_rows
from app.gui.worker import Task
from tests.fakes.sheets import write_csv

pytestmark = pytest.mark.timeout(60)


def start(path: Path) -> tuple[queue.Queue[object], Task, threading.Thread, list[BaseException]]:
    """`import_rows` on a thread of its own; what it reports arrives in the queue."""
    reported: queue.Queue[object] = queue.Queue()
    task = Task(progress=reported.put)
    failures: list[BaseException] = []

    def run() -> None:
        try:
            import_rows(ImportRequest(path, Channel.SMS, "CL"), task)
        except BaseException as exc:  # handed to the test, not to pytest's thread hook
            failures.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return reported, task, thread, failures


def next_batch(reported: queue.Queue[object]) -> Batch:
    item = reported.get(timeout=20)
    assert isinstance(item, Batch), item
    return item


def test_the_importer_reads_on_only_once_the_window_took_its_batch(tmp_path: Path) -> None:
    reported, _task, thread, failures = start(write_csv(tmp_path / "lista.csv", 3 * BATCH_ROWS))
    assert isinstance(reported.get(timeout=20), Started)
    first = next_batch(reported)
    assert first.done == BATCH_ROWS
    with pytest.raises(queue.Empty):
        reported.get(timeout=0.3)  # waiting for the window, with the GIL free
    first.taken.set()
    rows = len(first.rows)
    while True:
        batch = next_batch(reported)
        rows += len(batch.rows)
        batch.taken.set()
        if batch.done == batch.total == 3 * BATCH_ROWS and rows == batch.done:
            break
    thread.join(20)
    assert not failures and rows == 3 * BATCH_ROWS


def test_cancel_while_the_importer_waits_for_the_window(tmp_path: Path) -> None:
    reported, task, thread, failures = start(write_csv(tmp_path / "lista.csv", 3 * BATCH_ROWS))
    assert isinstance(reported.get(timeout=20), Started)
    next_batch(reported)
    task.cancel.set()
    thread.join(20)
    assert not thread.is_alive()
    assert [type(exc) for exc in failures] == [ImportCancelled]


def test_a_painted_cell_shows_what_data_gives(qapp: QApplication) -> None:
    model = RecipientsModel()
    model.reset(["Nombre"])
    model.append(
        [
            RecipientRow(7, "56912345678", {"Nombre": "Ana"}, RowStatus.VALID),
            RecipientRow(8, "12", {"Nombre": "Bo"}, RowStatus.INVALID, "Teléfono", "corto", "too_short"),
        ]
    )
    delegate = QStyledItemDelegate()  # what a view paints with: it asks `multiData` for every role at once
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            assert option.text == str(model.data(index)), (row, column)
