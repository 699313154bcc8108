"""Shared fixtures: every test gets its own data folder and an in-memory keyring."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from app.core.settings import Settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The journal on both backends (SQLite, PostgreSQL): `journal`, `journal_url`, `pg_url` (tests/backends.py).
from tests.backends import journal, journal_url, no_team_database, pg_databases, pg_url  # noqa: F401

# A page's scripted dialogs and the widget standing in for the main window: `dialogs`, `host`.
from tests.fakes.dialogs import dialogs, host  # noqa: F401


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything with the test: unit tests never touch the OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError(username)
        del self.entries[(service, username)]


@pytest.fixture(autouse=True)
def masivo_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "masivo-home"
    monkeypatch.setenv("MASIVO_HOME", str(home))
    monkeypatch.setenv("MASIVO_LANG", "es")
    level = logging.getLogger().level
    yield home
    # A command run in-process installs the log file handler of *this* test's data folder: drop it,
    # so that the next test logs into its own folder.
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "masivo", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@pytest.fixture(autouse=True)
def spanish_numbers() -> Iterator[None]:
    """Qt's numbers (%Ln in plural sentences) as a Spanish window writes them (1.234), whatever an earlier
    test installed: the window sets them with its language, a page built alone in a test does not."""
    from PySide6.QtCore import QLocale

    from app.gui.formatting import use_locale

    before = QLocale()
    use_locale("es")
    yield
    QLocale.setDefault(before)


class _Errors(logging.Handler):
    """Keeps the errors logged during a test (and Qt's warnings, routed to the `qt` logger)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.name == "qt":
            self.records.append(record)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """An error logged while a test runs fails it, unless the test says it expects some (`logs_errors`).

    Only the test's own run counts, not its teardown (a window closing under a worker is its own bug).
    """
    errors = _Errors()
    root = logging.getLogger()
    root.addHandler(errors)
    try:
        result = yield
    finally:
        root.removeHandler(errors)
    if errors.records and item.get_closest_marker("logs_errors") is None:
        lines = "\n".join(f"{r.name} {r.levelname}: {r.getMessage()[:300]}" for r in errors.records[:5])
        pytest.fail(f"unexpected errors in the log (mark the test `logs_errors` if expected):\n{lines}")
    return result


@pytest.fixture
def sending_window_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """`masivo send` reads the real clock: IT Cloud's window (08:00-21:00 Bogotá) would make a command
    line test pass or hang by the hour the suite runs. Window tests use a fake clock instead."""
    monkeypatch.setattr("app.core.engine.dispatcher.window_opens_at", lambda window, now: None)


@pytest.fixture
def settings(masivo_home: Path) -> Settings:
    """The settings of this test's data folder (`open_settings()` reads the same file)."""
    return Settings(masivo_home / "settings.json")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def fake_secrets() -> list[str]:
    """The passwords, tokens and keys the fake vendors accept."""
    from tests.fakes import connecta, connectus, convergia, itcloud, wavy

    return [
        connecta.FakeConnecta.password,
        connectus.FakeConnectus.api_key,
        convergia.FakeConvergia.password,
        itcloud.FakeItCloud.token,
        wavy.FakeWavy.token,
    ]


@pytest.fixture(scope="session", autouse=True)
def no_secret_left_behind(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """After the whole run: no data folder or log that a test left holds a vendor secret."""
    yield
    secrets = [s.encode() for s in fake_secrets()]
    leaks = []
    for home in tmp_path_factory.getbasetemp().rglob("masivo-home"):
        for path in (p for p in home.rglob("*") if p.is_file()):
            data = path.read_bytes()
            leaks += [f"{path}: {s.decode()}" for s in secrets if s in data]
    assert not leaks, "secrets written to a data folder or log:\n" + "\n".join(leaks)
