"""Where the window's campaign code gets provider adapters, and how their failures are worded.

Adapters are made on worker threads (reading the keyring may block). The demo simulator
is one instance for the whole session, so its balance goes down as campaigns send, as a
real account's would.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.core.journal import CampaignBusy, JournalError
from app.core.paths import log_dir
from app.core.provider_access import open_provider
from app.core.reasons import read_text, reason_text
from app.core.secrets import CredentialStore
from app.core.settings import Settings
from app.providers import registry
from app.providers.base import Credentials, Provider, ProviderFailure

log = logging.getLogger(__name__)

ProviderFactory = Callable[[str, "str | None"], Provider]  # (provider id, base URL or None) -> adapter


class ProviderSource:
    """Makes adapters with the stored credentials and the remembered base URL; raises `ProviderFailure`."""

    def __init__(self, settings: Settings, credentials: CredentialStore | None = None) -> None:
        self.settings = settings
        self.credentials = credentials or CredentialStore()
        self._demo: Provider | None = None
        self._lock = threading.Lock()

    def __call__(self, provider_id: str, base_url: str | None = None) -> Provider:
        if provider_id == "demo":
            with self._lock:
                if self._demo is None:
                    self._demo = registry.create("demo", Credentials())
                return self._demo
        return open_provider(provider_id, self.credentials, self.settings, base_url)


def provider_name(provider_id: str) -> str:
    try:
        return registry.capabilities(provider_id).name
    except registry.UnknownProvider:
        return provider_id


def read_failure_text(exc: object, lang: str, provider_id: str) -> str:
    """A failed read (a connection test, a balance) in one sentence: nothing was sent, whatever failed."""
    if not isinstance(exc, ProviderFailure):
        return failure_text(exc, lang, provider_id)
    problem = exc.problem
    return read_text(problem.code, problem.reason, problem.detail, provider_name(provider_id), lang)


def failure_text(exc: object, lang: str, provider_id: str = "") -> str:
    """One paragraph for a dialog: what happened and what to do; never a traceback."""
    if isinstance(exc, ProviderFailure):
        text = reason_text(exc.problem.reason, provider_name(provider_id) if provider_id else "", lang)
        return f"{text} ({exc.problem.detail})" if exc.problem.detail else text
    if isinstance(exc, ValueError | OSError) and str(exc):
        return str(exc)  # the core's own sentences (a sheet it cannot read, a file it cannot write)
    if isinstance(exc, CampaignBusy):  # another operator (or window) sends it: say who, since when
        holder, since = exc.holder, time.strftime("%H:%M", time.localtime(exc.holder.since))
        return f"{reason_text('campaign_busy', '', lang)} ({holder.user}@{holder.machine}, {since})"
    if isinstance(exc, JournalError) and str(exc):
        return str(exc)  # the journal's own sentences (the team database cannot be reached)
    log.error("unexpected error in the window: %r", exc)
    return QCoreApplication.translate(
        "ProviderSource",
        "Masivo could not finish this because of an unexpected error. "
        "Your campaigns are safe in the journal. Details were written to the log in {folder}.",
    ).format(folder=str(log_dir()))
