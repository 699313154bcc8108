"""The webhook receiver run by the window while it is open (setting `webhook_port` > 0).

The same `Receiver` as `masivo webhooks serve`, on a `Worker`: it binds 127.0.0.1, stores
events on its own threads, and hands each group of new replies to the GUI thread. It runs
only once the webhook URLs were set up (their tokens are in the keyring); closing the
window stops it cleanly, after the requests in flight.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core.journal import Journal
from app.core.journal.inbox_models import Stored
from app.core.secrets import CredentialStore, KeyringUnavailable
from app.core.settings import Settings
from app.core.unsubscribe import ensure_secret
from app.gui.worker import Task, Worker
from app.webhooks.routes import load_tokens

log = logging.getLogger(__name__)


class ReceiverHost(QObject):
    """Starts and stops the receiver.

    Signals:
        listening(int): the receiver is serving on this port.
        replies_stored(object): a list of new `Reply` records (opt-outs already on the suppression list).
        statuses_stored(int): how many pushed status updates moved rows.
        stopped(str): the receiver stopped; the text says why when it could not run, else "".
    """

    listening = Signal(int)
    replies_stored = Signal(object)
    statuses_stored = Signal(int)
    stopped = Signal(str)

    def __init__(
        self, journal: Journal, settings: Settings, store: CredentialStore, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.journal, self.settings, self.store = journal, settings, store
        self.port: int | None = None
        self._worker: Worker | None = None

    def is_running(self) -> bool:
        return self._worker is not None

    def start(self, port: int | None = None) -> bool:
        """Run the receiver (on `port`, else the setting's); False when off or not set up."""
        if self._worker is not None:
            return True
        if port is None:
            port = int(self.settings.get("webhook_port"))
            if port <= 0:  # 0: the user turned it off
                return False
        try:
            tokens = load_tokens(self.store)
        except KeyringUnavailable:
            log.warning("webhook receiver not started: no keyring")
            return False
        if tokens is None:
            return False
        journal, words = self.journal, str(self.settings.get("opt_out_words"))
        try:
            secret = ensure_secret(self.store)  # e-mail's one-click unsubscribe route
        except KeyringUnavailable:
            secret = ""

        def serve(task: Task) -> None:
            from app.webhooks.server import Receiver  # waitress: only when the receiver runs

            def stored(outcomes: Sequence[Stored]) -> None:
                task.progress(outcomes)  # from the writer thread: queued to the GUI thread

            receiver = Receiver(journal, tokens, port=port, words=words, on_stored=stored,
                                unsubscribe_secret=secret)  # fmt: skip
            receiver.start()
            task.progress(receiver.port)
            try:
                task.cancel.wait()
            finally:
                receiver.stop()

        worker = self._worker = Worker(serve, self)
        worker.progress.connect(self._on_progress)
        worker.error.connect(self._on_error)
        worker.result.connect(lambda _: self.stopped.emit(""))
        worker.done.connect(self._on_done)
        worker.start()
        return True

    def stop(self) -> None:
        """Stop after the requests in flight (the window is closing)."""
        worker = self._worker
        if worker is not None:
            worker.cancel()
            worker.wait()

    def _on_progress(self, value: Any) -> None:
        if isinstance(value, int):
            self.port = value
            self.listening.emit(value)
            return
        outcomes: Sequence[Stored] = value
        replies = [outcome.reply for outcome in outcomes if outcome.new and outcome.reply is not None]
        if replies:
            self.replies_stored.emit(replies)
        moved = sum(outcome.changed for outcome in outcomes)
        if moved:
            self.statuses_stored.emit(moved)

    def _on_error(self, exc: object) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        self.stopped.emit(reason)

    def _on_done(self) -> None:
        self._worker = None
        self.port = None
