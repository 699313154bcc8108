"""The one way Masivo runs work in the background.

A `Worker` wraps a plain function from the core, runs it on its own QThread and
always hands back `result` or `error` on the GUI thread, by signals. The function
receives a `Task` with a cancel `threading.Event` and a `progress` callback that
is safe to call from the worker thread (it emits a queued signal). Threads are
never terminated: cancelling sets the event and the core function returns early.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from app.providers.base import ProviderFailure

log = logging.getLogger(__name__)


# Work that only refreshes what the window shows (re-reading the tracking table, a status watch
# pass) takes turns. Two threads running Python at once starve the GUI thread: CPython hands the GIL
# between them, and every call from Qt into Python (a repaint makes dozens: each PySide widget is
# asked for its Python overrides) waits its turn; perf showed one repaint waiting 170 ms that way.
_REFRESH_TURN = threading.Lock()


def refreshing_in_turn(function: Callable[[Task], Any]) -> Callable[[Task], Any]:
    """`function`, run only when no other refresher runs (a refresher is short; waiting frees the GIL)."""

    def in_turn(task: Task) -> Any:
        with _REFRESH_TURN:
            return function(task)

    return in_turn


class Expected(Exception):
    """A failure its page shows in its own words (a name already taken...): not a bug, so no traceback.

    `ProviderFailure` (a vendor's answer, or no answer, mapped to a reason) is taken the same way, and so
    is whatever a cancelled task raises on its way out (`ImportCancelled`...)."""


@dataclass
class Task:
    """What a background function gets: a way to report progress and to notice cancel/pause."""

    progress: Callable[[object], None]
    cancel: threading.Event = field(default_factory=threading.Event)
    pause: threading.Event = field(default_factory=threading.Event)


class _Runner(QObject):
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, function: Callable[[Task], Any], task: Task) -> None:
        super().__init__()
        self._function = function
        self._task = task

    @Slot()
    def run(self) -> None:
        try:
            result = self._function(self._task)
        except Exception as exc:  # delivered to the GUI thread, shown there
            if isinstance(exc, Expected | ProviderFailure) or self._task.cancel.is_set():
                log.info("background task ended: %s", type(exc).__name__)  # said in the page's words
            else:
                log.exception("background task failed")  # a bug: its traceback goes to the log
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        finally:
            # The thread ends itself: `Worker.wait()` on the GUI thread (closing the window) must not
            # depend on the GUI thread first handling the queued `finished` that would quit it.
            self.thread().quit()


class Worker(QObject):
    """Runs `function(task)` on a QThread.

    Signals:
        progress(object): whatever the function passed to `task.progress`, on the GUI thread.
        result(object): the function's return value.
        error(object): the exception it raised.
        done(): after `result` or `error`, once the function has returned (its thread stops then).
    """

    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)
    done = Signal()

    def __init__(self, function: Callable[[Task], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self.task = Task(progress=self._emit_progress)
        self._runner = _Runner(function, self.task)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progress.connect(self.progress)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._thread.finished.connect(self._on_thread_finished)

    def _emit_progress(self, value: object) -> None:
        self._runner.progress.emit(value)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.task.cancel.set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the thread has stopped (used when closing the window)."""
        return self._thread.wait(milliseconds)

    @Slot(object)
    def _on_finished(self, value: object) -> None:
        self.result.emit(value)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self.error.emit(exc)

    @Slot()
    def _on_thread_finished(self) -> None:
        # Queued after `result` or `error` (the runner emits them before its thread ends). Never
        # `wait()` for the thread here: an ending thread still needs the GIL, and while other
        # workers run Python the GUI thread would block for many switch intervals (stalls of
        # 60-180 ms while a campaign sends, bench/bench_gui_responsiveness.py). The thread may
        # still be running its last instructions: it is kept until it has stopped.
        _keep_until_stopped(self._thread)
        self.done.emit()


_ENDING: set[QThread] = set()  # threads that finished their work but may not have stopped yet


def _keep_until_stopped(thread: QThread) -> None:
    """Hold a reference to `thread` until it stops: a QThread destroyed while running aborts the app."""
    if thread.isRunning():
        _ENDING.add(thread)
        QTimer.singleShot(20, _reap)


def _reap() -> None:
    for thread in [thread for thread in _ENDING if not thread.isRunning()]:
        _ENDING.discard(thread)
    if _ENDING:
        QTimer.singleShot(20, _reap)
