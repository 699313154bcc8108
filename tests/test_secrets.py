"""Credentials go to the OS keyring and nowhere else."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app.core.secrets import CredentialStore, KeyringUnavailable
from app.providers.base import Credentials

from .conftest import MemoryKeyring


def test_store_load_delete(memory_keyring: MemoryKeyring, masivo_home: Path) -> None:
    store = CredentialStore()
    store.save("connecta", Credentials({"user": "ana", "password": "pw-123456"}))
    assert CredentialStore().load("connecta") == Credentials({"user": "ana", "password": "pw-123456"})
    assert list(memory_keyring.entries) == [("masivo", "connecta")]
    assert store.delete("connecta") is True
    assert store.load("connecta") is None
    assert store.delete("connecta") is False
    written = [p for p in masivo_home.rglob("*") if p.is_file()] if masivo_home.exists() else []
    assert not any("pw-123456" in p.read_text(errors="ignore") for p in written)


def test_repr_hides_secrets() -> None:
    assert "pw-123456" not in repr(Credentials({"user": "ana", "password": "pw-123456"}))


def test_no_keyring_is_said_and_memory_is_offered() -> None:
    store = CredentialStore(backend=fail.Keyring())
    with pytest.raises(KeyringUnavailable):
        store.save("wavy", Credentials({"user": "u", "token": "t0k3n-xyz"}))
    store.keep_in_memory("wavy", Credentials({"user": "u", "token": "t0k3n-xyz"}))
    assert store.load("wavy") == Credentials({"user": "u", "token": "t0k3n-xyz"})


@pytest.mark.secret_service
@pytest.mark.skipif(
    not os.environ.get("DBUS_SESSION_BUS_ADDRESS"), reason="needs a D-Bus session with Secret Service"
)
def test_real_secret_service_round_trip() -> None:
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    store = CredentialStore(backend=backend)
    store.save("masivo-ci-test", Credentials({"user": "ci", "password": "ci-secret-42"}))
    try:
        assert store.load("masivo-ci-test") == Credentials({"user": "ci", "password": "ci-secret-42"})
        assert keyring.get_keyring() is not backend  # the real one was used explicitly, not the test default
    finally:
        assert store.delete("masivo-ci-test") is True
    assert store.load("masivo-ci-test") is None
