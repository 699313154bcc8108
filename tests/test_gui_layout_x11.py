"""The layout test again under a real X server (Xvfb): there the window manager-free xcb platform applies
size hints, which the offscreen platform does not ("does not support propagateSizeHints")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (scripts/setup.sh)")
@pytest.mark.skipif(os.environ.get("MASIVO_IN_XVFB") == "1", reason="already under Xvfb")
def test_every_step_fits_1024_by_700_under_xvfb() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "MASIVO_IN_XVFB": "1"}
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "-m", "pytest",
               str(ROOT / "tests" / "test_gui_layout.py"), "-q", "-p", "no:cacheprovider"]  # fmt: skip
    ran = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-2000:]
