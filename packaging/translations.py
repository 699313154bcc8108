"""Compile the Qt Linguist sources (app/resources/translations/*.ts) into .qm files beside them.

python packaging/translations.py            # compile (the build and the run scripts do this)
python packaging/translations.py --update   # refresh the .ts files from the code's tr() strings

The .qm files are committed with their .ts sources, so that a wheel built from a clean clone
(`pip install .`, an sdist, a git URL) carries them without compiling anything: compiling at
wheel-build time would make PySide6 (hundreds of MB) a build requirement of every install.
lrelease's output is byte-for-byte reproducible, and tests/test_packaging.py recompiles every
.ts and fails when a committed .qm differs: commit both after `--update`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "app" / "resources" / "translations"
LANGUAGES = ("es", "en")


def tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python, else from PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def ts_files() -> list[Path]:
    """The Qt Linguist sources, one per language."""
    return [TRANSLATIONS / f"masivo_{lang}.ts" for lang in LANGUAGES]


def update(targets: Sequence[Path] = (), *, silent: bool = False) -> None:
    """Refresh `targets` (default: every .ts file) with the tr() strings of app/gui; translations are kept."""
    sources = sorted(str(p) for p in (ROOT / "app" / "gui").rglob("*.py"))
    files = [str(t) for t in targets or ts_files()]
    quiet = ["-silent"] if silent else []
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", *quiet, "-ts", *files], check=True)


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_all() -> None:
    """Compile every .ts whose .qm is missing or older."""
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        compile_ts(ts, qm)


def outdated(scratch: Path) -> list[Path]:
    """The committed .qm files that differ from what their .ts compiles to now (compiled into `scratch`)."""
    found = []
    for ts in ts_files():
        fresh = scratch / ts.with_suffix(".qm").name
        compile_ts(ts, fresh)
        committed = ts.with_suffix(".qm")
        if not committed.exists() or committed.read_bytes() != fresh.read_bytes():
            found.append(committed)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from the code first")
    args = parser.parse_args()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if args.update:
        update()
    compile_all()


if __name__ == "__main__":
    main()
