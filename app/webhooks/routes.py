"""The receiver's routes, their secret tokens (kept in the OS keyring) and the URLs for each console.

Each route's URL ends in `/<provider>/<kind>/<token>`: IT Cloud appends `?mensaje=…&celular=…`
to the URL it is given (seeds/002, section 3), so the token lives in the path, never in the
query. A route has its own token: a URL leaked from one console cannot forge another's events.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from app.core.secrets import CredentialStore
from app.providers.base import Credentials

STORE_ID = "webhooks"  # the keyring entry holding the tokens, beside the providers' credentials


@dataclass(frozen=True)
class Route:
    """One URL a provider posts to."""

    name: str  # what logs and diagnostics say instead of the path
    provider: str
    path: str  # before the token
    methods: frozenset[str]
    label: str  # where it goes in the provider's console (Spanish, as the console says it)


# Connectus says only that its events are "redirigida a través de HTTP" to the URL (seeds/001,
# "Webhooks"), not by which method: the documented fields are taken by POST (JSON or form) and by GET.
ROUTES: tuple[Route, ...] = (
    Route("connectus_status", "connectus", "connectus/status", frozenset({"GET", "POST"}),
          "Connectus: Administración › Empresa y Cuenta › URL de envío de actualizaciones de estado de SMS"),
    Route("connectus_inbound", "connectus", "connectus/inbound", frozenset({"GET", "POST"}),
          "Connectus: Administración › Empresa y Cuenta › URL de reenvío de SMS recibidos"),
    # IT Cloud documents a GET with query parameters; a POST form is accepted as well.
    Route("itcloud_inbound", "itcloud", "itcloud/inbound", frozenset({"GET", "POST"}),
          "IT Cloud: la URL de recepción de mensajes que se informa al comercial (sección 3)"),
)  # fmt: skip
BY_PATH = {route.path: route for route in ROUTES}


def new_token() -> str:
    """An unguessable token: 192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


def load_tokens(store: CredentialStore) -> dict[str, str] | None:
    """The tokens in the keyring, or None before the first set-up (raises KeyringUnavailable)."""
    stored = store.load(STORE_ID)
    if stored is None:
        return None
    tokens = {route.name: stored[route.name] for route in ROUTES}
    return tokens if all(tokens.values()) else None


def ensure_tokens(store: CredentialStore) -> dict[str, str]:
    """The tokens, made and kept on first use."""
    return load_tokens(store) or rotate_tokens(store)


def rotate_tokens(store: CredentialStore) -> dict[str, str]:
    """New tokens for every route (the old URLs stop working at once)."""
    tokens = {route.name: new_token() for route in ROUTES}
    store.save(STORE_ID, Credentials(dict(tokens)))
    return tokens


def urls(base_url: str, tokens: Mapping[str, str]) -> dict[str, str]:
    """Route name -> the URL to paste into the provider's console."""
    base = base_url.strip().rstrip("/")
    return {route.name: f"{base}/{route.path}/{tokens[route.name]}" for route in ROUTES}


def route_for(path: str, tokens: Mapping[str, str]) -> Route | None:
    """The route a request path names with its right token; None for any other path.

    Only the end of the path counts, so a reverse proxy may keep a prefix (`/masivo/...`).
    """
    head, _, token = path.rstrip("/").rpartition("/")
    for route_path, route in BY_PATH.items():
        if head == f"/{route_path}" or head.endswith(f"/{route_path}"):
            expected = tokens.get(route.name, "")
            # Compared in constant time; PATH_INFO is latin-1 text (PEP 3333), the token ASCII.
            given = token.encode("latin-1", "replace")
            if expected and hmac.compare_digest(given, expected.encode("ascii")):
                return route
            return None
    return None
