"""Keeps the tracking table in step with the journal, on workers, without hogging the machine.

The first read of a campaign streams its rows into the model as they come; later reads
replace them in place. Reads never overlap (a request during one runs once after it),
and while a campaign sends they take at most a sixth of the time.
"""

from __future__ import annotations

import time
from typing import cast

from PySide6.QtCore import QObject, QTimer

from app.core.journal import Journal
from app.gui.models.campaign_model import MessageRow, MessagesModel, read_rows
from app.gui.provider_source import provider_name
from app.gui.worker import Task, Worker, refreshing_in_turn

REFRESH_EVERY = 3.0  # seconds between reads while following a sending campaign, at least
Loaded = tuple[int, list[MessageRow]]


class RowsLoader(QObject):
    """Reads a campaign's rows into `model` on a worker, now and (while following) every few seconds."""

    def __init__(self, journal: Journal, model: MessagesModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal, self.model = journal, model
        self.lang = "es"
        self.campaign_id: int | None = None
        self._worker: Worker | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setInterval(int(1000 * REFRESH_EVERY))
        self._timer.timeout.connect(self.refresh)

    def show(self, campaign_id: int) -> None:
        """Read this campaign's rows (from scratch if it is another campaign)."""
        if campaign_id != self.campaign_id:
            self.campaign_id = campaign_id
            self.model.clear()
        self.refresh()

    def follow(self, on: bool) -> None:
        """Read again every few seconds (while the campaign sends)."""
        if on and not self._timer.isActive():
            self._timer.start()
        elif not on:
            self._timer.stop()

    def shutdown(self) -> None:
        self._timer.stop()
        if self._worker is not None:
            self._worker.wait()

    def is_loading(self) -> bool:
        return self._worker is not None

    def refresh(self) -> None:
        campaign_id, journal, lang = self.campaign_id, self.journal, self.lang
        if campaign_id is None:
            return
        if self._worker is not None:
            self._again = True
            return
        stream = self.model.rowCount() == 0  # the first read shows rows as they come
        shown = self.model.rows()  # read, never changed, by the worker: the model swaps in a new list

        def load(task: Task) -> Loaded:
            name = provider_name(journal.require(campaign_id).provider)

            def emit(chunk: list[MessageRow]) -> None:
                task.progress((campaign_id, chunk))

            if stream:
                return campaign_id, read_rows(journal, campaign_id, name, lang, emit=emit)
            return campaign_id, read_rows(journal, campaign_id, name, lang, previous=shown)

        started = time.monotonic()
        worker = self._worker = Worker(refreshing_in_turn(load), self)
        worker.progress.connect(self._on_chunk)
        worker.result.connect(self._on_rows)
        worker.error.connect(lambda exc: None)  # logged by the worker; the next refresh tries again
        worker.done.connect(lambda: self._on_done(time.monotonic() - started))
        worker.start()

    def _on_chunk(self, loaded: object) -> None:
        campaign_id, chunk = cast(Loaded, loaded)
        if campaign_id == self.campaign_id:
            self.model.append(chunk)

    def _on_rows(self, loaded: object) -> None:
        campaign_id, rows = cast(Loaded, loaded)
        if campaign_id == self.campaign_id:
            self.model.replace(rows)  # after a streamed first read, the same rows: changes in place

    def _on_done(self, took: float) -> None:
        self._worker = None
        self._timer.setInterval(int(1000 * max(REFRESH_EVERY, 5 * took)))
        if self._again:
            self._again = False
            self.refresh()
