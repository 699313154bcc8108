"""Every non-secret setting, declared once as data, and the one file that keeps them.

The window and the CLI share this store (`settings.json` in the data folder), so a
country chosen in the window is the default in `masivo check` too. Secrets never
come here: they live in the OS keyring (`app.core.secrets`).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
VERSION = 1  # bump with an upgrade step in `_upgrade` when a key changes meaning


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    type: type
    label: str  # English; the window translates it


SETTINGS: tuple[Setting, ...] = (
    Setting("provider", "demo", str, "Provider"),
    Setting("country", "CL", str, "Default country for numbers"),
    Setting("last_folder", "", str, "Last folder"),
    Setting("language", "", str, "Language (empty: follow the system)"),
    Setting("window_geometry", "", str, "Window geometry"),
    Setting("webhook_port", 8787, int, "Port of the receiver the window runs (0: off)"),
    Setting(
        "opt_out_words",
        "BAJA,STOP,SALIR,CANCELAR,DESUSCRIBIR,UNSUBSCRIBE,ALTO",
        str,
        "Reply words that put a number on the suppression list",
    ),
    Setting("database_url", "", str, "Team database (empty: this computer only)"),
    Setting("plain_http_warned", "", str, "Providers already warned about plain HTTP"),
    Setting("draft", "", str, "The campaign being prepared when the window closed (JSON)"),
)
_BY_KEY = {setting.key: setting for setting in SETTINGS}
# Provider base URLs are per provider: "base_url.<provider id>", a str, default "" (the vendor's).
_PREFIXES = {"base_url.": Setting("base_url.", "", str, "Provider base URL")}


class Settings:
    """Typed access to the declared settings, saved atomically on every change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._values = self._read()

    def get(self, key: str) -> Any:
        setting = _declared(key)
        value = self._values.get(key, setting.default)
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, key: str, value: Any) -> None:
        setting = _declared(key)
        with self._lock:
            self._values[key] = setting.type(value)
            self._write()

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"version": VERSION}
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable (%s); starting from defaults", exc)
            return {"version": VERSION}
        return _upgrade(data) if isinstance(data, dict) else {"version": VERSION}

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self._values, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, self.path)


def _declared(key: str) -> Setting:
    if key in _BY_KEY:
        return _BY_KEY[key]
    for prefix, setting in _PREFIXES.items():
        if key.startswith(prefix):
            return setting
    raise KeyError(f"undeclared setting {key!r}")


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings file up to VERSION (none yet: version 1 is the first)."""
    data["version"] = VERSION
    return data


def open_settings() -> Settings:
    from app.core.paths import data_dir

    return Settings(data_dir() / "settings.json")
