from __future__ import annotations

import io
import subprocess
import sys

import pytest

from app import __version__
from app.cli import run


def test_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == f"masivo {__version__}"


def test_help_lists_the_commands() -> None:
    done = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, text=True, timeout=60)
    for command in ("check", "preview", "send", "resume", "status", "campaigns", "report", "credentials"):
        assert command in done.stdout


def test_unknown_command_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as caught:
        run(["frobnicate"], out=io.StringIO())
    assert caught.value.code == 2


def test_the_command_line_answers_in_the_users_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MASIVO_LANG", "en_US.UTF-8")
    out = io.StringIO()
    assert run(["credentials", "delete", "itcloud"], out) == 0
    assert out.getvalue() == "There were no saved credentials.\n"
    assert run(["credentials", "set", "demo", "--user", "x"], out) == 0
    assert capsys.readouterr().err == "Demo (simulator) needs no credentials.\n"
    monkeypatch.setenv("MASIVO_LANG", "es_CL.UTF-8")
    out = io.StringIO()
    assert run(["credentials", "delete", "itcloud"], out) == 0
    assert out.getvalue() == "No había credenciales guardadas.\n"
