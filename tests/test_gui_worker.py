"""The one background mechanism: results come back on the GUI thread, and a worker's end never blocks it."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from app.gui.worker import Worker, refreshing_in_turn


@pytest.fixture
def busy_python() -> Iterator[None]:
    """A thread spinning in Python: the GIL is contended, as while a campaign sends and is tracked."""
    stop = threading.Event()
    spinner = threading.Thread(target=lambda: [None for _ in iter(stop.is_set, True)])
    spinner.start()
    yield
    stop.set()
    spinner.join()


def test_result_then_done_without_waiting_for_the_thread(
    qtbot: QtBot, busy_python: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An ending thread still needs the GIL: waiting for it on the GUI thread froze the window
    # for up to 180 ms (bench/bench_gui_responsiveness.py).
    waits: list[object] = []
    original = QThread.wait

    def spied(thread: QThread, *args: object) -> bool:
        waits.append(thread)
        return original(thread, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QThread, "wait", spied)
    events: list[str] = []
    for i in range(20):
        run_and_drop(qtbot, i, events)
        assert events[-2:] == [f"result {i * 2}", "done"]
    assert waits == []


def run_and_drop(qtbot: QtBot, i: int, events: list[str]) -> None:
    held: list[Worker] = [Worker(lambda task: i * 2)]
    held[0].result.connect(lambda value: events.append(f"result {value}"))

    def drop() -> None:
        events.append("done")
        held.clear()  # the last reference: its QThread must outlive its own last instructions

    held[0].done.connect(drop)
    held[0].start()
    qtbot.waitUntil(lambda: not held, timeout=10_000)


def test_refreshers_take_turns(qtbot: QtBot) -> None:
    # Two threads running Python at once starve the GUI thread of the GIL: refreshers never overlap.
    inside: list[int] = []
    overlaps: list[int] = []

    def refresh(task: object) -> None:
        inside.append(1)
        if len(inside) > 1:
            overlaps.append(len(inside))
        sum(range(300_000))  # Python work, long enough for the other to try
        inside.pop()

    workers = [Worker(refreshing_in_turn(refresh)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        qtbot.waitUntil(lambda worker=worker: not worker.is_running(), timeout=10_000)
    assert overlaps == []
