"""Where Masivo keeps its files: `MASIVO_HOME` if set, else the OS's user data folder.

The data folder holds every phone number, message and reply: on POSIX it is made 0700 and
the files in it 0600, whatever the umask, so no other local user can read them (a folder or
file left looser by an older version is tightened when next used). On Windows the user's
profile folder is already private to its owner.
"""

from __future__ import annotations

import importlib.resources
import os
import stat
from pathlib import Path

import platformdirs

APP_NAME = "Masivo"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def data_dir() -> Path:
    """The data folder (journal, settings, logs), created private on first use."""
    home = os.environ.get("MASIVO_HOME")
    folder = Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return private_dir(folder)


def log_dir() -> Path:
    return private_dir(data_dir() / "logs")


def private_dir(folder: Path) -> Path:
    """`folder` (and missing parents), readable by its owner only."""
    folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    _tighten(folder, PRIVATE_DIR)
    return folder


def private_file(path: Path) -> Path:
    """`path`, created empty if missing, readable and writable by its owner only (OSError if it cannot be).

    Made before the file is written: SQLite gives its -wal and -shm files the database's mode,
    a log rotation renames, a workbook overwrites; each keeps the mode set here.
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
    os.close(descriptor)
    _tighten(path, PRIVATE_FILE)
    return path


def _tighten(path: Path, mode: int) -> None:
    if os.name == "nt":
        return
    current = stat.S_IMODE(path.stat().st_mode)
    if current & ~mode:
        path.chmod(current & mode)


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
