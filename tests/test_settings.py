from __future__ import annotations

from pathlib import Path

import pytest

from app.core.settings import Settings, open_settings


def test_defaults_then_persisted(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    assert settings.get("country") == "CL"
    settings.set("country", "CO")
    settings.set("base_url.itcloud", "http://127.0.0.1:8000")
    again = Settings(tmp_path / "settings.json")
    assert again.get("country") == "CO"
    assert again.get("base_url.itcloud") == "http://127.0.0.1:8000"


def test_undeclared_keys_are_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        Settings(tmp_path / "s.json").set("password", "x")


def test_corrupt_file_falls_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert Settings(path).get("provider") == "demo"


def test_open_settings_uses_masivo_home(masivo_home: Path) -> None:
    open_settings().set("provider", "wavy")
    assert (masivo_home / "settings.json").exists()
