"""Provider credentials, kept only in the OS keyring (service `masivo`, one entry per provider).

If the machine has no keyring backend (a headless Linux box without Secret Service),
`KeyringUnavailable` says so and the caller may keep the secret in memory for this
session only: it is never written to a file.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

from app.core.logs import REDACTOR, Redactor
from app.providers.base import Credentials

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "masivo"
log = logging.getLogger(__name__)


class KeyringUnavailable(RuntimeError):
    """No usable OS keyring: secrets can only be kept in memory for this session."""


class CredentialStore:
    """Reads and writes credentials; every secret it touches is registered for redaction."""

    def __init__(self, backend: KeyringBackend | None = None, redactor: Redactor = REDACTOR) -> None:
        self._backend = backend
        self._redactor = redactor
        self._memory: dict[str, Credentials] = {}

    @property
    def backend(self) -> KeyringBackend:
        import keyring  # on first use (the window reads it after its first paint): ~50 ms to import

        backend = self._backend or keyring.get_keyring()
        if _is_unusable(backend):
            raise KeyringUnavailable(f"no keyring backend available ({type(backend).__name__})")
        return backend

    def load(self, provider_id: str) -> Credentials | None:
        import keyring.errors

        if provider_id in self._memory:
            return self._memory[provider_id]
        try:
            stored = self.backend.get_password(SERVICE, provider_id)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(str(exc)) from None
        if stored is None:
            return None
        credentials = Credentials(json.loads(stored))
        self._register(provider_id, credentials)
        return credentials

    def save(self, provider_id: str, credentials: Credentials) -> None:
        import keyring.errors

        self._register(provider_id, credentials)
        try:
            self.backend.set_password(SERVICE, provider_id, json.dumps(credentials.values))
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(str(exc)) from None
        self._memory.pop(provider_id, None)
        log.info("credentials for %s stored in the keyring", provider_id)

    def keep_in_memory(self, provider_id: str, credentials: Credentials) -> None:
        """The user's choice when there is no keyring: for this session only."""
        self._register(provider_id, credentials)
        self._memory[provider_id] = credentials

    def delete(self, provider_id: str) -> bool:
        """Forget a provider's credentials; False if there were none."""
        import keyring.errors

        had_memory = self._memory.pop(provider_id, None) is not None
        try:
            self.backend.delete_password(SERVICE, provider_id)
        except keyring.errors.PasswordDeleteError:
            return had_memory
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(str(exc)) from None
        return True

    def _register(self, provider_id: str, credentials: Credentials) -> None:
        public = _public_fields(provider_id)
        for key, value in credentials.values.items():
            if key not in public:
                self._redactor.add(value)


def _public_fields(provider_id: str) -> frozenset[str]:
    """Fields a provider declares unmasked (`CredentialField.masked`): SMTP's preset, port, limits."""
    from app.providers import registry

    if provider_id not in registry.ADAPTERS:  # the receiver's tokens, the unsubscribe secret
        return frozenset()
    fields = registry.capabilities(provider_id).credentials
    return frozenset(field.key for field in fields if not field.secret and not field.masked)


def _is_unusable(backend: KeyringBackend) -> bool:
    # keyring's fail backend and the chainer with nothing behind it both mean "no keyring here".
    name = type(backend).__module__ + "." + type(backend).__name__
    if name.startswith("keyring.backends.fail"):
        return True
    if name.startswith("keyring.backends.chainer"):
        return not getattr(backend, "backends", [])
    return False
