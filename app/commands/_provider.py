"""What every provider-facing command shares: make the adapter, print the answer, fail in one sentence."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from app.core.reasons import reason_text
from app.core.secrets import CredentialStore, KeyringUnavailable
from app.core.settings import open_settings
from app.providers import registry
from app.providers.base import Credentials, Provider, ProviderFailure


class CommandError(Exception):
    """A sentence for the user and the exit code; raised by commands, printed by `guarded`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def base_url_for(provider_id: str, override: str | None) -> str | None:
    """`--base-url` wins; else the one remembered in settings; else the vendor's."""
    return override or open_settings().get(f"base_url.{provider_id}") or None


def open_provider(
    provider_id: str, base_url: str | None = None, store: CredentialStore | None = None
) -> Provider:
    """The adapter with its stored credentials; a clear `CommandError` when they are missing."""
    caps = registry.capabilities(provider_id)
    credentials = Credentials()
    if caps.credentials:
        try:
            stored = (store or CredentialStore()).load(provider_id)
        except KeyringUnavailable:
            raise CommandError(reason_text("no_keyring"), 2) from None
        if stored is None:
            hint = f"masivo credentials set {provider_id} --user USUARIO"
            raise CommandError(f"{reason_text('no_credentials', caps.name)} ({hint})", 2)
        credentials = stored
    return registry.create(provider_id, credentials, base_url_for(provider_id, base_url))


def failure_message(failure: ProviderFailure, provider_name: str) -> str:
    problem = failure.problem
    text = reason_text(problem.reason, provider_name)
    return f"{text} [{problem.code}] {problem.detail}".rstrip()


def emit(out: TextIO, args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    """One JSON object with --json, else the human sentence."""
    if getattr(args, "json", False):
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        out.write(text.rstrip("\n") + "\n")
