"""What every provider-facing command shares: make the adapter, print the answer, fail in one sentence."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from app.commands._errors import CommandError
from app.core import provider_access
from app.core.reasons import read_reason, reason_text
from app.core.secrets import CredentialStore
from app.core.settings import open_settings
from app.providers import registry
from app.providers.base import Provider, ProviderFailure


def open_provider(
    provider_id: str, base_url: str | None = None, store: CredentialStore | None = None
) -> Provider:
    """The adapter with its stored credentials; a `CommandError` saying what to do when they are missing."""
    try:
        return provider_access.open_provider(
            provider_id, store or CredentialStore(), open_settings(), base_url
        )
    except ProviderFailure as failure:
        text = reason_text(failure.problem.reason, registry.capabilities(provider_id).name)
        if failure.problem.reason == "no_credentials":
            text += f" (masivo credentials set {provider_id} --user USUARIO)"
        raise CommandError(text, 2) from None


def failure_message(failure: ProviderFailure, provider_name: str) -> str:
    """A failed read (balance, credentials test, statuses) in one sentence, with the vendor's code."""
    problem = failure.problem
    text = reason_text(read_reason(problem.code, problem.reason, problem.detail), provider_name)
    return f"{text} [{problem.code}] {problem.detail}".rstrip()


def emit(out: TextIO, args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    """One JSON object with --json, else the human sentence."""
    if getattr(args, "json", False):
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        out.write(text.rstrip("\n") + "\n")
