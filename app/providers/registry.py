"""Which providers exist, their capabilities, and how to make an adapter for one.

Adapter modules are imported only when asked for, so listing providers stays cheap.
Each adapter module exposes `CAPABILITIES` and
`create(credentials: Credentials, client: HttpClient) -> Provider`.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from app.providers.base import Capabilities, Credentials, Provider
from app.providers.http import HttpClient
from app.providers.labels import in_language

ADAPTERS: dict[str, str] = {
    "demo": "app.providers.demo",
    "connecta": "app.providers.connecta",
    "connectus": "app.providers.connectus",
    "itcloud": "app.providers.itcloud",
    "wavy": "app.providers.wavy",
    "convergia": "app.providers.convergia",
    "smtp": "app.providers.smtp",
}


class UnknownProvider(ValueError):
    """A provider id that Masivo does not know."""


def _module(provider_id: str) -> ModuleType:
    try:
        return importlib.import_module(ADAPTERS[provider_id])
    except KeyError:
        known = ", ".join(ADAPTERS)
        raise UnknownProvider(f"Unknown provider {provider_id!r}; known providers: {known}.") from None


def capabilities(provider_id: str) -> Capabilities:
    """What the provider can do, its name and form labels in the user's language."""
    caps: Capabilities = _module(provider_id).CAPABILITIES
    return in_language(caps)


def all_capabilities() -> list[Capabilities]:
    return [capabilities(provider_id) for provider_id in ADAPTERS]


def field_hints(provider_id: str, credentials: Credentials) -> dict[str, str]:
    """What an empty field will mean, for the form's placeholders (an adapter's optional `field_hints`)."""
    hints = getattr(_module(provider_id), "field_hints", None)
    return dict(hints(credentials)) if hints is not None else {}


def create(
    provider_id: str,
    credentials: Credentials,
    base_url: str | None = None,
    **http_options: Any,
) -> Provider:
    """An adapter talking to `base_url` (scheme, host and port; documented paths stay)."""
    module = _module(provider_id)
    caps: Capabilities = module.CAPABILITIES
    client = HttpClient(base_url or caps.default_base_url, **http_options)
    provider: Provider = module.create(credentials, client)
    return provider
