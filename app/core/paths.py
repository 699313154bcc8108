"""Where Masivo keeps its files: `MASIVO_HOME` if set, else the OS's user data folder."""

from __future__ import annotations

import importlib.resources
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
    """What Masivo reads at run time (translations, icons, the sample sheet): `app/resources`, in the package.

    importlib.resources finds it wherever `app` was imported from: a checkout, an installed
    wheel or a frozen bundle (PyInstaller answers with the folder it unpacked the data to).
    """
    folder = importlib.resources.files("app") / "resources"
    if not isinstance(folder, Path):
        # Qt opens translations and icons by file name: a zipped install would need them copied out first.
        raise RuntimeError(f"Masivo's resources are not files on disk ({folder}): install Masivo unzipped")
    return folder


def sample_sheet() -> Path:
    return resources_dir() / "sample_recipients.xlsx"
