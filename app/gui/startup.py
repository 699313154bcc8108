"""What the window opens once it is on screen: the keyring, then the journal.

Both can take long (keyring finds its backend and talks to the Secret Service over D-Bus; a
team's PostgreSQL may be slow to answer or down), so neither runs before the first paint nor
on the GUI thread: `open_in_background` is the function the window runs on a `Worker`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.core.secrets import CredentialStore, KeyringUnavailable
from app.gui.worker import Task

if TYPE_CHECKING:
    from app.core.journal import Journal, JournalError

KEYRING_READ = "keyring read"  # the worker's one progress report


@dataclass(frozen=True)
class Opened:
    """The journal to use, and why it is this computer's own when the team database failed."""

    journal: Journal
    problem: JournalError | None = None


def open_in_background(
    store: CredentialStore, provider_id: str, journal: Journal | None, database_url: str | None
) -> Callable[[Task], Opened]:
    """The worker's function: read the chosen provider's credentials, then open the journal (if not given)."""

    def open_all(task: Task) -> Opened:
        with contextlib.suppress(KeyringUnavailable):  # the Provider step says so when it reads again
            store.load(provider_id)  # the slow part of the first read: importing and finding the backend
        task.progress(KEYRING_READ)
        if journal is not None:
            return Opened(journal)
        from app.core.journal import JournalError, open_journal

        try:
            return Opened(open_journal(database_url))
        except JournalError as exc:  # the team database is down: this computer's own journal meanwhile
            return Opened(open_journal(""), exc)

    return open_all


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once `widget` has painted its first frame (when the event loop is back)."""
    _FirstPaint(widget, callback)


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._callback)
        return False
