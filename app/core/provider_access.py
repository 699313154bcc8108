"""Making a provider adapter the way every layer needs it: stored credentials, remembered base URL."""

from __future__ import annotations

from app.core import unsubscribe
from app.core.secrets import CredentialStore, KeyringUnavailable
from app.core.settings import Settings
from app.providers import registry
from app.providers.base import Credentials, Effect, Problem, Provider, ProviderFailure


def base_url_for(provider_id: str, settings: Settings, override: str | None = None) -> str | None:
    """An explicit URL wins; else the one remembered in settings; else None (the vendor's own)."""
    return override or settings.get(f"base_url.{provider_id}") or None


def open_provider(
    provider_id: str, store: CredentialStore, settings: Settings, base_url: str | None = None
) -> Provider:
    """The adapter with its keyring credentials; `ProviderFailure` (STOP) when they cannot be had."""
    caps = registry.capabilities(provider_id)
    credentials = Credentials()
    if caps.credentials:
        try:
            stored = store.load(provider_id)
        except KeyringUnavailable:
            raise ProviderFailure(Problem("no_keyring", Effect.STOP, "no_keyring")) from None
        if stored is None:
            raise ProviderFailure(Problem("no_credentials", Effect.STOP, "no_credentials"))
        credentials = stored
    if caps.unsubscribe_links:  # the receiver's secret signs each message's unsubscribe link
        try:
            secret = unsubscribe.ensure_secret(store)
        except KeyringUnavailable:
            raise ProviderFailure(Problem("no_keyring", Effect.STOP, "no_keyring")) from None
        credentials = Credentials({**credentials.values, "unsubscribe_secret": secret})
    return registry.create(provider_id, credentials, base_url_for(provider_id, settings, base_url))
