"""What each part of a one-folder build weighs, unpacked: where the megabytes of the bundle go.

    python packaging/bundle_size.py dist/Masivo

The frozen-build test prints this table; packaging/README.md keeps the figures.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from collections import Counter
from pathlib import Path

# (part, patterns of paths under _internal/); the first part whose pattern matches takes the file.
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ICU data (libicudata)", ("PySide6/Qt/lib/libicudata*",)),
    ("ICU code (libicuuc, libicui18n)", ("PySide6/Qt/lib/libicu*",)),
    ("Qt libraries (libQt6*)", ("PySide6/Qt/lib/*",)),
    ("Qt plugins", ("PySide6/Qt/plugins/*",)),
    ("Qt translations", ("PySide6/Qt/translations/*",)),
    ("PySide6 bindings and shiboken", ("PySide6/*", "shiboken6/*", "libpyside6*", "libshiboken6*")),
    ("psycopg's libraries (libpq, OpenSSL, Kerberos)", ("psycopg_binary*",)),
    ("cryptography (Secret Service sessions)", ("cryptography*", "_cffi_backend*")),
    ("Python (libpython, extension modules)", ("libpython*", "python3*/*", "base_library.zip")),
    ("Masivo's resources", ("app/*",)),
    ("other Python packages' files", ("*/*",)),
    ("system libraries (OpenSSL, X11/xcb, SQLite, libstdc++...)", ("lib*.so*",)),
)
PROGRAMS = "programs (the Python code, compressed inside each)"


def weigh(folder: Path) -> Counter[str]:
    """Bytes by part; a symlink counts as a link, not as what it points to."""
    internal = folder / "_internal"
    parts: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if not (path.is_file() or path.is_symlink()) or path.is_dir():
            continue
        size = path.lstat().st_size
        if not path.is_relative_to(internal):
            parts[PROGRAMS if path.stat().st_mode & 0o111 else "other"] += size
            continue
        relative = path.relative_to(internal).as_posix()
        part = next(
            (name for name, patterns in PARTS if any(fnmatch.fnmatch(relative, p) for p in patterns)), None
        )
        parts[part or "other"] += size
    return parts


def python_code(program: Path) -> Counter[str]:
    """Compressed bytes of the Python code inside the program, by top-level package (PyInstaller's PYZ)."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(program)).open_embedded_archive("PYZ.pyz")
    packages: Counter[str] = Counter()
    for name, entry in archive.toc.items():
        first = name.split(".")[0]
        key = ".".join(name.split(".")[:2]) if first == "phonenumbers" else first
        packages[key] += entry[2]
    return packages


def report(folder: Path) -> str:
    parts = weigh(folder)
    lines = [f"{size / 1e6:7.1f} MB  {name}" for name, size in parts.most_common()]
    lines.append(f"{sum(parts.values()) / 1e6:7.1f} MB  in all, unpacked")
    program = folder / "masivo"
    if program.is_file():
        try:
            code = python_code(program)
        except Exception as exc:  # an archive format PyInstaller no longer reads: say so, keep the table
            lines.append(f"(the program's Python code could not be read: {exc})")
        else:
            phonenumbers = sum(size for name, size in code.items() if name.startswith("phonenumbers"))
            lines.append(
                f"{phonenumbers / 1e6:7.1f} MB  of it phonenumbers, metadata included (in {program.name})"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path, help="the one-folder build, e.g. dist/Masivo")
    folder = parser.parse_args().folder
    if not (folder / "_internal").is_dir():
        sys.exit(f"{folder} is not a one-folder build (no _internal inside)")
    print(report(folder))


if __name__ == "__main__":
    main()
