"""Where Masivo keeps its files: `MASIVO_HOME` if set, else the OS's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Masivo"


def data_dir() -> Path:
    """The data folder (journal, settings, logs), created on first use."""
    home = os.environ.get("MASIVO_HOME")
    folder = Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_dir() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(exist_ok=True)
    return folder


def journal_path() -> Path:
    return data_dir() / "journal.sqlite3"


def resources_dir() -> Path:
    """Bundled resources: beside the package in a checkout, inside the bundle when frozen."""
    import sys

    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def sample_sheet() -> Path:
    return resources_dir() / "sample_recipients.xlsx"
