"""The rooms' rules: only app/gui may import Qt, and headless commands start fast without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
HEADLESS = [p for p in APP.rglob("*.py") if "gui" not in p.relative_to(APP).parts]


def qt_imports(path: Path) -> list[int]:
    """Line numbers in `path` that import PySide6 (or shiboken), at any depth."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in names):
            lines.append(node.lineno)
    return lines


def test_the_scan_finds_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert qt_imports(sample) == [2]


@pytest.mark.parametrize("path", HEADLESS, ids=lambda p: str(p.relative_to(APP)))
def test_headless_module_imports_no_qt(path: Path) -> None:
    assert qt_imports(path) == [], f"{path.relative_to(APP.parent)} imports PySide6: only app/gui may"


def test_importing_every_headless_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(APP.parent).with_suffix("").parts).removesuffix(".__init__") for p in HEADLESS
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    if name != 'app.__main__':\n"
        "        importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"headless modules pulled in Qt: {done.stdout} {done.stderr}"


def test_version_starts_without_qt() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from app.__main__ import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        "        main(['--version'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "assert out.getvalue().startswith('masivo '), out.getvalue()\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
