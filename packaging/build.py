"""Build Masivo's installer for the OS this runs on, into dist/.

    python packaging/build.py                    # Linux: dist/Masivo/, dist/Masivo-<v>-linux-<arch>.tar.gz,
                                                 #   and dist/masivo_<v>_<arch>.deb where dpkg-deb exists
                                                 # Windows: dist\\Masivo-Setup-<v>.exe (needs Inno Setup 6.3+)
                                                 # macOS: dist/Masivo.app, dist/Masivo-<v>.dmg
    python packaging/build.py --no-installer     # only the one-folder build (dist/Masivo)
    python packaging/build.py --dist D --work W  # build somewhere else (the packaging test does)

Steps: compile the translations, render the icons, run PyInstaller on packaging/masivo.spec,
then wrap the folder the OS's way. See packaging/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import plistlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

import icons  # noqa: E402  (packaging/icons.py, beside this file)
import translations  # noqa: E402

from app import __version__  # noqa: E402

SPEC = HERE / "masivo.spec"
ISS = HERE / "windows" / "masivo.iss"
INFO_PLIST = HERE / "macos" / "Info.plist"
LINUX_EXTRAS = (HERE / "linux" / "install.sh", HERE / "linux" / "masivo.desktop")
METAINFO = HERE / "linux" / "com.masivo.Masivo.metainfo.xml"
ICONS = ROOT / "app" / "resources" / "icons"
DEB_MAINTAINER = "Masivo <soporte@masivo.example>"
# What the bundle leaves to the system (packaging/masivo.spec, SYSTEM_LIBRARIES; PyInstaller never
# bundles libGL/libEGL); glib's t64 name is Debian 13's and Ubuntu 24.04's.
DEB_DEPENDS = "libdbus-1-3, libegl1, libfontconfig1, libfreetype6, libgl1, libglib2.0-0t64 | libglib2.0-0"


class BuildError(Exception):
    """A step that cannot go on; the message says what is missing and how to get it."""


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder` (symlinks counted as links, not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def info_plist(version: str = __version__) -> dict[str, object]:
    """The Info.plist keys the spec merges into Masivo.app, with the version filled in."""
    text = INFO_PLIST.read_text(encoding="utf-8").replace("@VERSION@", version)
    data: dict[str, object] = plistlib.loads(text.encode("utf-8"))
    return data


def iscc_command(iscc: str, app_folder: Path, dist: Path, version: str = __version__) -> list[str]:
    """How Inno Setup is called: the version and the folders come from here, never typed in the .iss."""
    return [iscc, f"/DAppVersion={version}", f"/DSourceDir={app_folder}", f"/DOutputDir={dist}", str(ISS)]


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):  # Windows: any case
        candidate = Path(base or "/nonexistent") / "Inno Setup 6" / "ISCC.exe"
        if not found and candidate.exists():
            found = str(candidate)
    return found


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """The one-folder build: dist/Masivo (and dist/Masivo.app on macOS)."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    try:
        subprocess.run(command, check=True, cwd=ROOT)
    except FileNotFoundError:
        raise BuildError("PyInstaller is not installed: pip install pyinstaller") from None
    except subprocess.CalledProcessError as exc:
        raise BuildError(f"PyInstaller failed (exit {exc.returncode}); its messages are above") from None
    return dist / "Masivo"


TARBALL_ONLY = tuple(extra.name for extra in LINUX_EXTRAS)  # the .deb installs its own way


def linux_tarball(app_folder: Path, dist: Path, version: str = __version__) -> Path:
    """Masivo-<v>-linux-<arch>.tar.gz: the folder, with install.sh and the menu entry inside it."""
    for extra in LINUX_EXTRAS:
        shutil.copy2(extra, app_folder / extra.name)
    archive = dist / f"Masivo-{version}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(app_folder, arcname="Masivo")
    return archive


def debian_architecture() -> str:
    if shutil.which("dpkg"):
        done = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True)
        return done.stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def release_date() -> str:
    """Today, or SOURCE_DATE_EPOCH's day for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return when.date().isoformat()


def deb_control(version: str, architecture: str, installed_kib: int) -> str:
    glibc = platform.libc_ver()[1] or "2.31"
    return "\n".join(
        [
            "Package: masivo",
            f"Version: {version}",
            f"Architecture: {architecture}",
            f"Maintainer: {DEB_MAINTAINER}",
            f"Installed-Size: {installed_kib}",
            f"Depends: libc6 (>= {glibc}), {DEB_DEPENDS}",
            "Section: comm",
            "Priority: optional",
            "Description: SMS and e-mail campaigns from a spreadsheet",
            " Masivo sends SMS and e-mail campaigns to the contacts of an Excel sheet: pick a",
            " provider, load the sheet, compose the message with merge fields, see what it will",
            " cost, send it in paced batches and watch each delivery. Spanish first, and English.",
            "",
        ]
    )


def debian_package(app_folder: Path, dist: Path, version: str = __version__) -> Path:
    """masivo_<v>_<arch>.deb: the bundle in /usr/lib/masivo, /usr/bin/masivo, menu entry, icons, AppStream.

    Built with dpkg-deb alone (no network, no debhelper): the bundle is already built, and dpkg's
    own triggers refresh the menu and icon caches, so the package needs no maintainer scripts.
    """
    architecture = debian_architecture()
    package = dist / f"masivo_{version}_{architecture}.deb"
    with tempfile.TemporaryDirectory(prefix="masivo-deb-", dir=dist) as scratch:
        root = Path(scratch)
        shutil.copytree(
            app_folder, root / "usr/lib/masivo", symlinks=True, ignore=shutil.ignore_patterns(*TARBALL_ONLY)
        )
        (root / "usr/bin").mkdir(parents=True)
        (root / "usr/bin/masivo").symlink_to("../lib/masivo/masivo")
        share = root / "usr/share"
        for source, target in (
            (HERE / "linux" / "masivo.desktop", share / "applications/masivo.desktop"),
            (ICONS / "masivo.svg", share / "icons/hicolor/scalable/apps/masivo.svg"),
            (ICONS / "masivo.png", share / "icons/hicolor/256x256/apps/masivo.png"),
        ):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        metainfo = METAINFO.read_text(encoding="utf-8").replace("@VERSION@", version)
        (share / "metainfo").mkdir()
        (share / "metainfo" / METAINFO.name).write_text(metainfo.replace("@DATE@", release_date()))
        for path in [root, *root.rglob("*")]:  # a umask of 077 must not make the program root-only
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() or path.stat().st_mode & 0o111 else 0o644)
        (root / "DEBIAN").mkdir()
        installed_kib = (folder_size(root) + 1023) // 1024
        (root / "DEBIAN" / "control").write_text(deb_control(version, architecture, installed_kib))
        # gzip, not dpkg-deb's default xz: as fast to install, every dpkg reads it, and it takes
        # seconds instead of a minute on CI's two cores.
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(package)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    return package


def windows_installer(app_folder: Path, dist: Path) -> Path:
    iscc = find_iscc()
    if not iscc:
        raise BuildError(
            "Inno Setup 6.3+ is not installed (https://jrsoftware.org/isdl.php); or use --no-installer"
        )
    subprocess.run(iscc_command(iscc, app_folder, dist), check=True)
    return dist / f"Masivo-Setup-{__version__}.exe"


def macos_dmg(dist: Path) -> Path:
    dmg = dist / f"Masivo-{__version__}.dmg"
    subprocess.run(
        ["bash", str(HERE / "macos" / "make-dmg.sh"), str(dist / "Masivo.app"), str(dmg)], check=True
    )
    return dmg


def build(dist: Path, work: Path, installer: bool = True) -> list[Path]:
    """Every step for this OS; returns what it produced, the app folder first."""
    translations.compile_all()
    icons.write_icons()
    app_folder = run_pyinstaller(dist, work)
    products = [app_folder]
    if installer and sys.platform == "win32":
        products.append(windows_installer(app_folder, dist))
    elif installer and sys.platform == "darwin":
        products += [dist / "Masivo.app", macos_dmg(dist)]
    elif installer:
        products.append(linux_tarball(app_folder, dist))
        if shutil.which("dpkg-deb"):
            products.append(debian_package(app_folder, dist))
        else:
            print("build.py: dpkg-deb is not installed (not Debian or Ubuntu): no .deb", file=sys.stderr)
    return products


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="where the build goes (default dist/)"
    )
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's scratch folder")
    parser.add_argument("--no-installer", action="store_true", help="stop after the one-folder build")
    args = parser.parse_args()
    started = time.monotonic()
    try:
        products = build(args.dist.resolve(), args.work.resolve(), installer=not args.no_installer)
    except BuildError as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"build.py: {Path(exc.cmd[0]).name} failed (exit {exc.returncode}); see above", file=sys.stderr)
        return 1
    print(f"Masivo {__version__} built in {time.monotonic() - started:.0f} s:")
    for product in products:
        size = folder_size(product) if product.is_dir() else product.stat().st_size
        kind = "unpacked" if product.is_dir() else "file"
        print(f"  {product} ({megabytes(size)} {kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
