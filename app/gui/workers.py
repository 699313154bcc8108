"""The background jobs one page started: kept alive until they end, waited for when the window closes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.gui.worker import Task, Worker


class Workers:
    """Starts `Worker`s for a page and keeps them until they are done."""

    def __init__(self, owner: QObject, on_error: Callable[[object], None]) -> None:
        self.owner = owner
        self.on_error = on_error
        self._running: set[Worker] = set()

    def run(
        self,
        work: Callable[[Task], object],
        on_result: Callable[[object], None],
        on_error: Callable[[object], None] | None = None,
    ) -> Worker:
        """Run `work` on a worker thread; its result or error comes back on the GUI thread."""
        worker = Worker(work, self.owner)
        self._running.add(worker)
        worker.result.connect(on_result)
        worker.error.connect(on_error or self.on_error)
        worker.done.connect(lambda: self._running.discard(worker))
        worker.start()
        return worker

    def shutdown(self) -> None:
        """Ask every job to stop and wait for it (their threads end by themselves)."""
        for worker in list(self._running):
            worker.cancel()
            worker.wait()
