"""A keyring for CLI subprocesses in tests: fake credentials from an environment variable, never a file.

Set `PYTHON_KEYRING_BACKEND=tests.engine_keyring.EnvKeyring` and `MASIVO_TEST_KEYRING` to a JSON
object of `"service/username": "secret"` entries. It refuses to store anything.
"""

from __future__ import annotations

import json
import os

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError

VARIABLE = "MASIVO_TEST_KEYRING"


class EnvKeyring(KeyringBackend):
    """Read-only entries from `MASIVO_TEST_KEYRING`."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        entries = json.loads(os.environ.get(VARIABLE) or "{}")
        value = entries.get(f"{service}/{username}")
        return str(value) if value is not None else None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("the test keyring is read-only")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("the test keyring is read-only")


def environment(entries: dict[str, dict[str, str]]) -> dict[str, str]:
    """Environment variables that give a subprocess these providers' credentials."""
    flat = {f"masivo/{provider}": json.dumps(values) for provider, values in entries.items()}
    return {"PYTHON_KEYRING_BACKEND": f"{__name__}.EnvKeyring", VARIABLE: json.dumps(flat)}
