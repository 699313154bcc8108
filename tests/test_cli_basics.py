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
