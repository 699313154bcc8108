"""Opens Masivo's window in a fresh process the way `masivo` does, then clicks each step once.

    QT_QPA_PLATFORM=offscreen MASIVO_HOME=/tmp/x python -m tests.window_start

Prints one JSON object: `heavy`, the heavy modules imported once the window is open (journal,
keyring and receiver included), and `first_show_ms`, for each step, the time from the click on it
in the step list to the end of the step's first paint. A fresh process, because in a test
session other tests have imported those modules already (and a page's first show would not pay
for its imports).
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit, QPushButton

HEAVY = ("openpyxl", "python_calamine", "phonenumbers", "psycopg", "waitress")


class Painted(QObject):
    """Quits `loop` once `widget` has painted (its first frame, after the click)."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop, self.at = loop, 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.at:
            self.at = time.perf_counter()
            QTimer.singleShot(0, self.loop.quit)  # the frame is done when the event loop is back
        return False


def wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main() -> None:
    from app.gui.application import open_window
    from app.gui.main_window import (
        HISTORY,
        INBOX,
        MESSAGE,
        RECIPIENTS,
        REVIEW,
        SUPPRESSION,
        TRACKING,
        MainWindow,
    )

    app, window = open_window([])
    assert isinstance(window, MainWindow)
    loop = QEventLoop()
    window.opened.connect(loop.quit)
    QTimer.singleShot(20_000, loop.quit)
    loop.exec()
    assert window.is_open(), "the journal did not open within 20 s"
    wait(300)  # what runs once the journal is open (the offer to resume a campaign) has run
    heavy = sorted(name for name in HEAVY if name in sys.modules)

    def click_step(step: int) -> float:
        loop = QEventLoop()
        painted = Painted(loop)
        holder = window.holders[step]
        holder.installEventFilter(painted)
        QTimer.singleShot(10_000, loop.quit)
        rect = window.step_list.visualItemRect(window.step_list.item(step))
        started = time.perf_counter()
        QTest.mouseClick(window.step_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        loop.exec()
        holder.removeEventFilter(painted)
        assert window.current_step() == step, f"step {step} did not open"
        assert painted.at, f"step {step} was not painted"
        return (painted.at - started) * 1000

    shown = {"recipients": click_step(RECIPIENTS)}
    imported = QEventLoop()
    window.recipients_page.import_finished.connect(imported.quit)
    QTest.mouseClick(window.findChild(QPushButton, "sampleSheetButton"), Qt.MouseButton.LeftButton)
    imported.exec()
    shown["message"] = click_step(MESSAGE)
    QTest.keyClicks(window.findChild(QPlainTextEdit, "messageEdit"), "Hola {Nombre}")
    for name, step in (("review", REVIEW), ("tracking", TRACKING), ("history", HISTORY),
                       ("replies", INBOX), ("suppression", SUPPRESSION)):  # fmt: skip
        shown[name] = click_step(step)
    print(json.dumps({"heavy": heavy, "first_show_ms": shown}), flush=True)
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
