"""The wheel, installed as a Python user installs it, carries all Masivo reads and passes its selftest."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = {  # what the program opens at run time, as paths inside the wheel
    "app/resources/translations/masivo_es.qm",
    "app/resources/translations/masivo_en.qm",
    "app/resources/icons/masivo.svg",
    "app/resources/icons/masivo.png",
    "app/resources/sample_recipients.xlsx",
}


def clean_clone(target: Path) -> Path:
    """The checkout's files as a fresh clone has them: tracked, or new and not ignored (no build/, .venv)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True, check=True, cwd=ROOT, timeout=60,
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.fail(f"the wheel test copies the files git knows and needs git and a checkout: {exc}")
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted but not yet committed is listed too
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def build_wheel(source: Path, out: Path) -> Path:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"pip wheel failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return next(out.glob(f"masivo-{__version__}-*.whl"))


def venv_with_our_dependencies(folder: Path) -> Path:
    """A new venv without Masivo that sees this test venv's installed packages after its own."""
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(folder)
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout.strip()  # fmt: skip
    # A bare path in a .pth joins sys.path after the venv's own site-packages, and the .pth files *inside*
    # it are not run: the checkout's editable install (a .pth and a finder there) stays invisible.
    (Path(site) / "masivo-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_installed_wheel_passes_its_selftest_outside_the_checkout(tmp_path: Path) -> None:
    """Build the wheel from a clean copy of the checkout, install it, run `masivo selftest` elsewhere.

    Why not `pip install` with its dependencies in a bare venv: that downloads PySide6, psycopg,
    cryptography... (~300 MB) on every CI run. What can break is Masivo's own wheel (a file
    left out, a path that only works in a checkout), not its dependencies, which the rest of
    the suite already exercises. So the wheel goes with --no-deps into a fresh venv outside the
    checkout that reuses this test venv's installed packages through a .pth file; the checkout's
    editable install is not visible there, and the test proves `app` comes from the new venv.
    The copy of the checkout holds only what git tracks (or would), as a clean clone does: a file
    the build needs that exists only here (an ignored .qm) fails the test instead of hiding.
    """
    wheel = build_wheel(clean_clone(tmp_path / "clone"), tmp_path / "wheels")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert names >= RESOURCES, f"missing from the wheel: {sorted(RESOURCES - names)}"
    assert not [n for n in names if n.endswith(".ts")], "the .ts sources stay out of the wheel"

    env_folder = tmp_path / "env"
    python = venv_with_our_dependencies(env_folder)
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps"]
    done = subprocess.run([*install, "--no-index", str(wheel)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr

    elsewhere = tmp_path / "elsewhere"  # the working folder: nothing of the checkout on sys.path
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    where = subprocess.run(
        [str(python), "-c", "import app.core.paths as p; print(p.__file__); print(p.resources_dir())"],
        capture_output=True, text=True, timeout=60, cwd=elsewhere, env=env,
    )  # fmt: skip
    assert where.returncode == 0, where.stderr
    module, resources = (Path(line) for line in where.stdout.split())
    assert module.is_relative_to(env_folder), f"app was imported from {module}, not from the installed wheel"
    assert resources.is_relative_to(env_folder), resources

    program = python.parent / ("masivo.exe" if os.name == "nt" else "masivo")
    done = subprocess.run(
        [str(program), "selftest", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=elsewhere,
        env=env,
    )
    report = json.loads(done.stdout)
    failed = [check for check in report["checks"] if not check["ok"]]
    assert done.returncode == 0 and report["ok"] and not failed, f"{failed}\n{done.stderr[-3000:]}"
    assert [check["name"] for check in report["checks"]] == [
        "resources",
        "journal",
        "campaign",
        "keyring",
        "window",
    ]
    assert report["version"] == __version__
