"""The import as a background function: stream the sheet, hand rows to the window in batches.

`import_rows` runs on a worker thread (no widget is touched here); what it reports through
`task.progress` is a `Started` once the file is open, then `Batch`es of rows. The window
appends the batches to the recipients model on the GUI thread and sets each one's `taken`
once the window has caught up (shown it, and has nothing left to do).

The worker and the window take turns: after handing over a batch, the worker reads no further
row until that batch is taken. Why: painting the table calls Python (`rowCount`, `columnCount`,
`multiData`) from C++ over a thousand times, and PySide takes the GIL back for each call; while
this thread validates rows in Python, each take may wait for the interpreter's switch interval
(5 ms), so one repaint took up to seconds (bench/bench_gui_responsiveness.py). Taking turns,
the window paints while this thread waits with the GIL released, and this thread validates
while the window only needs the GIL now and then.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

from app.core.domain import Channel
from app.core.recipients import ImportCancelled, RecipientRow, load_recipients
from app.gui.worker import Task

# ~10 ms of validation between hand-overs: while this worker runs, each of the window's calls
# into Python may wait for the GIL, so the longest stall grows with it (measured: 25-30 ms of
# stall at 1,000 rows, 35-55 ms at 2,000, 60-75 ms at 5,000).
BATCH_ROWS = 1000
BATCH_SECONDS = 0.25  # a slow sheet still shows rows as they come
TAKEN_SECONDS = 2.0  # never wait longer for the window: a slower import, never a stuck one


@dataclass(frozen=True)
class ImportRequest:
    """Everything the importer needs, captured on the GUI thread."""

    path: Path
    channel: Channel
    country: str
    sheet: str | None = None
    header_row: int | None = None
    column: str | None = None
    number_digits: int | None = None
    suppressed: Container[str] = frozenset()
    lang: str = "es"


@dataclass(frozen=True)
class Started:
    """The file is open: its columns, the address column used, and whether its size is known."""

    headers: tuple[str, ...]
    column: str
    sheet: str
    estimated_rows: int | None


@dataclass(frozen=True)
class Batch:
    """Rows read since the last batch, and how far along the import is; the window sets `taken`."""

    rows: list[RecipientRow]
    done: int
    total: int
    taken: threading.Event = field(default_factory=threading.Event, compare=False, repr=False)


@dataclass
class _Counter:
    done: int = 0
    total: int = 0
    stamp: float = field(default_factory=time.monotonic)


def import_rows(request: ImportRequest, task: Task) -> int:
    """Read every row of the sheet, reporting `Started` and `Batch`es; returns how many rows were read."""
    counter = _Counter()

    def progress(done: int, total: int) -> None:
        counter.done, counter.total = done, total

    sms = request.channel is Channel.SMS
    stream = load_recipients(
        request.path,
        channel=request.channel,
        country=request.country,
        sheet=request.sheet,
        phone_column=request.column if sms else None,
        email_column=None if sms else request.column,
        number_digits=request.number_digits if sms else None,
        suppressed=request.suppressed,
        progress=progress,
        cancel=task.cancel,
        header_row=request.header_row,
        lang=request.lang,
    )
    with stream:
        preview = stream.preview
        task.progress(Started(preview.headers, stream.column, preview.sheet, preview.estimated_rows))
        batch: list[RecipientRow] = []
        read = 0
        for row in stream:
            batch.append(row)
            if len(batch) >= BATCH_ROWS or (len(batch) % 256 == 0 and _due(counter)):
                read += len(batch)
                _hand_over(task, Batch(batch, read, max(counter.total, read)))
                batch = []
        read += len(batch)
        task.progress(Batch(batch, read, read))
    return read


def _hand_over(task: Task, batch: Batch) -> None:
    """Report `batch` and wait until the window has taken it; `ImportCancelled` if cancelled meanwhile."""
    task.progress(batch)
    waited = 0.0
    while not batch.taken.wait(0.05) and waited < TAKEN_SECONDS:
        if task.cancel.is_set():
            raise ImportCancelled()
        waited += 0.05


def _due(counter: _Counter) -> bool:
    now = time.monotonic()
    if now - counter.stamp < BATCH_SECONDS:
        return False
    counter.stamp = now
    return True
