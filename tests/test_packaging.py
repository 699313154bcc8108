"""The installers' scripts: reference files exist, versions come from app.__version__, and (slow) the frozen
Linux build passes its own selftest with the keyring backend the source sees."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "masivo.iss"
SPEC = PACKAGING / "masivo.spec"
RESOURCES = ROOT / "app" / "resources"
ICONS = RESOURCES / "icons"
ICO = PACKAGING / "windows" / "masivo.ico"
ICNS = PACKAGING / "macos" / "masivo.icns"
SIZE_BUDGET_MB = 120


@pytest.fixture
def build_script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """packaging/build.py as a module (it puts packaging/ on sys.path; the fixture puts it back)."""
    monkeypatch.setattr(sys, "path", list(sys.path))
    spec = importlib.util.spec_from_file_location("masivo_build", PACKAGING / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def packaging_module(name: str) -> ModuleType:
    """packaging/<name>.py, loaded by path (on sys.path, `packaging` would shadow the PyPI package)."""
    spec = importlib.util.spec_from_file_location(f"masivo_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def spec_constant(name: str) -> Any:
    """A literal assigned at the top of masivo.spec (which only PyInstaller can run)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets if isinstance(t, ast.Name)] == [name]:
            return ast.literal_eval(node.value)
    raise AssertionError(f"masivo.spec assigns no {name}")


SYSTEM_LIBRARIES: tuple[str, ...] = spec_constant("SYSTEM_LIBRARIES")


def test_spec_bundles_resources_but_not_their_sources() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "resource_files")
    namespace: dict[str, object] = {"ROOT": ROOT, "RESOURCES": RESOURCES, "Path": Path}
    exec(compile(ast.Module([function], []), str(SPEC), "exec"), namespace)
    resource_files = namespace["resource_files"]
    assert callable(resource_files)
    bundled = {Path(source).relative_to(RESOURCES): Path(folder) for source, folder in resource_files()}
    names = {str(path) for path in bundled}
    assert names >= {"sample_recipients.xlsx", "icons/masivo.svg", "translations/masivo_es.qm"}
    assert not [p for p in bundled if p.suffix in (".ts", ".py")], "sources stay out of the bundle"
    # Inside the bundle at the same place as in the package, where importlib.resources looks.
    assert all(folder == Path("app/resources") / source.parent for source, folder in bundled.items())


def test_committed_translations_match_their_sources(build_script: ModuleType, tmp_path: Path) -> None:
    """The wheel ships the committed .qm files: each must be what its .ts compiles to today."""
    outdated = sys.modules["translations"].outdated(tmp_path)
    stale = [path.name for path in outdated]
    assert not stale, f"{stale} are stale: run packaging/translations.py and commit them"


# --- Windows: Inno Setup ---------------------------------------------------------------------------


def iss_sections(text: str) -> dict[str, list[str]]:
    """The script's lines by [Section]; preprocessor lines under '#'. Fails on a line outside any section."""
    sections: dict[str, list[str]] = {"#": []}
    current = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            sections["#"].append(line)
        elif match := re.fullmatch(r"\[(\w+)\]", line):
            current = match[1]
            assert current not in sections, f"section [{current}] twice"
            sections[current] = []
        else:
            assert current, f"masivo.iss line {number} is outside any section: {raw}"
            sections[current].append(line)
    return sections


def iss_entry(line: str) -> dict[str, str]:
    """`Name: "x"; Flags: a b` -> {'Name': 'x', 'Flags': 'a b'}; quotes must balance."""
    assert line.count('"') % 2 == 0, f"unbalanced quotes: {line}"
    entry = {}
    for part in re.findall(r'(?:[^;"]|"[^"]*")+', line):
        key, _, value = part.strip().partition(":")
        assert re.fullmatch(r"[A-Za-z]+", key), f"not a 'Key: value' parameter: {part!r} in {line}"
        entry[key] = value.strip().strip('"')
    return entry


def iss_path(define: str) -> Path:
    """A path #defined relative to the script as `AddBackslash(SourcePath) + "..\\x"`."""
    relative = re.search(r'AddBackslash\(SourcePath\) \+ "([^"]+)"', define)
    assert relative, define
    return (ISS.parent / relative[1].replace("\\", "/")).resolve()


def test_inno_setup_script_is_well_formed_and_per_user() -> None:
    sections = iss_sections(ISS.read_text(encoding="utf-8"))
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest", "installs without administrator rights"
    assert setup["DefaultDirName"] == r"{autopf}\Masivo"
    assert setup["OutputBaseFilename"] == "Masivo-Setup-{#AppVersion}"
    assert setup["AppVersion"] == "{#AppVersion}" == setup["VersionInfoVersion"]
    assert setup["SetupIconFile"] == "{#IconFile}"
    for name in ("Languages", "Tasks", "Files", "Icons", "Run"):
        for line in sections[name]:
            iss_entry(line)
    icons = [iss_entry(line) for line in sections["Icons"]]
    assert {icon["Name"] for icon in icons} == {r"{autoprograms}\Masivo", r"{autodesktop}\Masivo"}
    assert {icon["Filename"] for icon in icons} == {r"{app}\Masivo.exe"}
    assert [iss_entry(line)["Source"] for line in sections["Files"]] == [r"{#SourceDir}\*"]


def test_inno_setup_paths_point_at_real_files(build_script: ModuleType) -> None:
    defines = {
        line.split()[1]: line for line in iss_sections(ISS.read_text(encoding="utf-8"))["#"] if " " in line
    }
    assert iss_path(defines["IconFile"]) == ICO
    assert ICO.is_file()
    assert iss_path(defines["SourceDir"]) == ROOT / "dist" / "Masivo", "the default matches build.py's dist/"
    assert iss_path(defines["OutputDir"]) == ROOT / "dist"
    # The shortcuts start Masivo.exe: the spec must make a windowed program of that name.
    assert 'executable("Masivo", console=False)' in SPEC.read_text(encoding="utf-8")


def test_the_version_reaches_inno_setup_from_app_version(build_script: ModuleType) -> None:
    command = build_script.iscc_command("iscc", Path("dist/Masivo"), Path("dist"))
    assert f"/DAppVersion={__version__}" in command
    assert command[-1] == str(ISS)
    assert not re.search(r"\d+\.\d+\.\d+", ISS.read_text(encoding="utf-8")), "no version typed into the .iss"


# --- macOS ----------------------------------------------------------------------------------------


def test_info_plist_carries_the_app_version(build_script: ModuleType) -> None:
    plist = build_script.info_plist()
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == __version__
    assert plist["CFBundleName"] == "Masivo"
    assert f'bundle_identifier="{plist["CFBundleIdentifier"]}"' in SPEC.read_text(encoding="utf-8")
    # The template itself must parse (it is merged by PyInstaller's BUNDLE).
    plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())


def test_shell_scripts_parse() -> None:
    for script, shell in (
        (PACKAGING / "macos" / "make-dmg.sh", "bash"),
        (PACKAGING / "linux" / "install.sh", "sh"),
    ):
        done = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, f"{script.name}: {done.stderr}"
        assert os.access(script, os.X_OK), f"{script.name} must be executable"


# --- Linux ----------------------------------------------------------------------------------------


def test_desktop_entry_is_valid() -> None:
    desktop = PACKAGING / "linux" / "masivo.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(desktop, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "masivo", "install.sh rewrites it to the installed program"
    assert entry["Icon"] == "masivo"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    install = (PACKAGING / "linux" / "install.sh").read_text(encoding="utf-8")
    assert "apps/masivo.png" in install and "apps/masivo.svg" in install
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_appstream_metainfo_names_the_menu_entry_and_takes_the_version_from_the_build() -> None:
    metainfo = PACKAGING / "linux" / "com.masivo.Masivo.metainfo.xml"
    component = ET.parse(metainfo).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == metainfo.name.removesuffix(".metainfo.xml")
    launchable = component.find("launchable")
    assert launchable is not None and (PACKAGING / "linux" / str(launchable.text)).is_file()
    release = component.find("releases/release")
    assert release is not None and release.attrib == {"version": "@VERSION@", "date": "@DATE@"}


# --- icons ----------------------------------------------------------------------------------------


def test_icons_hold_every_size(build_script: ModuleType) -> None:
    icons = sys.modules["icons"]
    ico = ICO.read_bytes()
    _, kind, count = struct.unpack_from("<HHH", ico)
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert kind == 1 and sides == list(icons.ICO_SIZES)
    icns = ICNS.read_bytes()
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)
    offset, kinds = 8, []
    while offset < len(icns):
        kinds.append(icns[offset : offset + 4])
        assert icns[offset + 8 : offset + 12] == b"\x89PNG"
        offset += struct.unpack_from(">I", icns, offset + 4)[0]
    assert kinds == [kind for kind, _ in icons.ICNS_TYPES]
    assert (ICONS / "masivo.png").read_bytes()[:4] == b"\x89PNG"


# --- the frozen build -----------------------------------------------------------------------------


def source_keyring_backend() -> str:
    """The backend an unfrozen Masivo picks on this machine (tests swap in a memory keyring in-process)."""
    code = "from app.commands.selftest import keyring_backend; print(keyring_backend())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def qt_modules_used() -> set[str]:
    """PySide6 modules imported anywhere under app/gui, e.g. {'QtCore', 'QtWidgets'}."""
    found: set[str] = set()
    for path in (ROOT / "app" / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "PySide6":
                found.update(a.name for a in node.names)  # from PySide6 import QtSvg
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                found.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6."))
    return found


def megabytes(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink()) / 1e6


@dataclass(frozen=True)
class FrozenBuild:
    """What packaging/build.py made, once for every test that needs it (the build takes about a minute)."""

    dist: Path
    seconds: float

    @property
    def folder(self) -> Path:
        return self.dist / "Masivo"


@pytest.fixture(scope="module")
def frozen_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FrozenBuild]:
    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux build; Windows and macOS build on their own OS")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: it belongs in the [test] extra of pyproject.toml")
    scratch = tmp_path_factory.mktemp("frozen")
    dist, work = scratch / "dist", scratch / "work"
    started = time.monotonic()
    built = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--dist", str(dist), "--work", str(work)],
        capture_output=True, text=True, timeout=840, cwd=ROOT,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    yield FrozenBuild(dist, time.monotonic() - started)
    shutil.rmtree(scratch, ignore_errors=True)  # ~500 MB; pytest would keep it around


def selftest_report(program: str) -> dict[str, Any]:
    """`program selftest --json`, asserted to pass every check."""
    done = subprocess.run([program, "selftest", "--json"], capture_output=True, text=True, timeout=180)
    report: dict[str, Any] = json.loads(done.stdout)
    failed = [check for check in report["checks"] if not check["ok"]]
    assert done.returncode == 0 and report["ok"], f"selftest failed: {failed} {done.stderr[-2000:]}"
    return report


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_frozen_linux_build_passes_its_selftest(
    frozen_build: FrozenBuild, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, dist = frozen_build.folder, frozen_build.dist
    program = folder / "masivo"
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"masivo {__version__}", version.stderr
    report = selftest_report(str(program))

    # keyring finds its backends through metadata a frozen app can lose: it must see what the source sees.
    expected = source_keyring_backend()
    assert report["keyring"] == expected, f"frozen keyring {report['keyring']}, source {expected}"
    if "SecretService" in expected:
        assert report["keyring"] == "keyring.backends.SecretService.Keyring"

    check_bundle_contents(folder)
    check_tarball(dist)
    check_install_script(folder, tmp_path / "home")
    size = megabytes(folder)
    tarball = next(dist.glob("Masivo-*.tar.gz")).stat().st_size / 1e6
    with capsys.disabled():
        print(
            f"\nfrozen Linux build: {size:.1f} MB unpacked, {tarball:.1f} MB tarball, "
            f"built in {frozen_build.seconds:.0f} s; keyring {report['keyring']}\n"
            + packaging_module("bundle_size").report(folder)
        )
    assert size <= SIZE_BUDGET_MB, f"the bundle grew to {size:.1f} MB (budget {SIZE_BUDGET_MB} MB)"


def check_bundle_contents(folder: Path) -> None:
    internal = folder / "_internal"
    libraries = {p.name for p in internal.iterdir()}
    assert not any(name.startswith(("libgtk-3", "libgdk-3")) for name in libraries), "GTK came in again"
    system = [name for name in libraries if name.startswith(SYSTEM_LIBRARIES)]
    assert not system, f"left to the system, yet bundled: {system}"
    icu_data = internal / "PySide6" / "Qt" / "lib" / "libicudata.so.73"
    assert icu_data.stat().st_size < 8_000_000, "ICU's data was not trimmed (packaging/icu_data.py)"
    translations = {p.name for p in (internal / "PySide6" / "Qt" / "translations").iterdir()}
    assert translations and all(re.search(r"_(es|en)\.qm$", name) for name in translations), translations
    bundled = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.so")}
    assert bundled <= qt_modules_used() | {"QtCore", "QtGui", "QtWidgets"}, "unused Qt modules came in"
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt")), "keyring's metadata is missing"
    assert (internal / "app" / "resources" / "translations" / "masivo_es.qm").is_file()
    assert not list((internal / "app" / "resources").rglob("*.ts")), "the .ts sources stay out"


def check_tarball(dist: Path) -> None:
    with tarfile.open(next(dist.glob(f"Masivo-{__version__}-linux-*.tar.gz"))) as tar:
        names = set(tar.getnames())
        assert {"Masivo/masivo", "Masivo/install.sh", "Masivo/masivo.desktop"} <= names
        assert tar.getmember("Masivo/masivo").mode & 0o111, "the program must stay executable"


def check_install_script(folder: Path, home: Path) -> None:
    """install.sh puts the program, menu entry and icons under the home folder; --uninstall removes them."""
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    done = subprocess.run(
        ["sh", str(folder / "install.sh")], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    installed = home / ".local" / "opt" / "masivo" / "masivo"
    menu = (home / "data" / "applications" / "masivo.desktop").read_text(encoding="utf-8")
    assert f'Exec="{installed}"' in menu
    assert (home / "data" / "icons" / "hicolor" / "256x256" / "apps" / "masivo.png").is_file()
    linked = home / ".local" / "bin" / "masivo"
    version = subprocess.run([str(linked), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"masivo {__version__}"
    done = subprocess.run(
        ["sh", str(installed.parent / "install.sh"), "--uninstall"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert not installed.parent.exists() and not linked.is_symlink()


# --- Debian/Ubuntu: the .deb ----------------------------------------------------------------------


DEB_FILES = (
    "/usr/bin/masivo",
    "/usr/lib/masivo/masivo",
    "/usr/lib/masivo/_internal/app/resources/translations/masivo_es.qm",
    "/usr/share/applications/masivo.desktop",
    "/usr/share/icons/hicolor/scalable/apps/masivo.svg",
    "/usr/share/icons/hicolor/256x256/apps/masivo.png",
    "/usr/share/metainfo/com.masivo.Masivo.metainfo.xml",
)


def run_as_root(
    *command: str, timeout: int = 600, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(list(command), capture_output=True, text=True, env=env, timeout=timeout, cwd=cwd)


def installed_version(package: str) -> str | None:
    done = run_as_root("dpkg-query", "-W", "-f=${Status} ${Version}", package)
    return (
        done.stdout.split()[-1] if done.returncode == 0 and "installed" in done.stdout.split()[:3] else None
    )


def deb_paths(deb: Path) -> list[Path]:
    """Every path the package holds, as installed ('./usr/bin/masivo' -> /usr/bin/masivo)."""
    done = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True)
    listing = subprocess.run(["tar", "-t"], input=done.stdout, capture_output=True, check=True)
    return [Path("/", name.decode().removeprefix("./")) for name in listing.stdout.splitlines()]


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_deb_installs_with_apt_runs_and_purges_without_a_trace(frozen_build: FrozenBuild) -> None:
    """What a Debian or Ubuntu user does: `apt-get install ./masivo_*.deb`, use it, `apt-get purge`."""
    if not (shutil.which("apt-get") and shutil.which("dpkg-deb")):
        pytest.skip("not Debian or Ubuntu: no apt-get/dpkg-deb to build and install a .deb with")
    if os.geteuid() != 0:
        pytest.skip("installing a package needs root (CI runs as root)")
    if installed_version("masivo"):
        pytest.skip("masivo is installed from a package on this machine; the test would remove it")
    deb = next(frozen_build.dist.glob(f"masivo_{__version__}_*.deb"))
    paths = deb_paths(deb)
    existed = {path for path in paths if path.exists()}  # /usr, /usr/share/icons...: not ours to remove
    files = {Path(name) for name in DEB_FILES}
    assert files <= set(paths), f"missing from the package: {sorted(map(str, files - set(paths)))}"

    lock = "-o", "DPkg::Lock::Timeout=300"  # another apt-get on the machine: wait, do not fail
    install = run_as_root(
        "apt-get", "install", "-y", "--no-install-recommends", *lock, f"./{deb.name}", cwd=deb.parent
    )  # fmt: skip
    try:
        assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
        assert installed_version("masivo") == __version__
        assert shutil.which("masivo", path="/usr/bin") == "/usr/bin/masivo"
        version = run_as_root("/usr/bin/masivo", "--version", timeout=60)
        assert version.stdout.strip() == f"masivo {__version__}", version.stderr
        selftest_report("/usr/bin/masivo")
        if shutil.which("appstreamcli"):
            metainfo = "/usr/share/metainfo/com.masivo.Masivo.metainfo.xml"
            valid = run_as_root("appstreamcli", "validate", "--no-net", metainfo, timeout=60)
            assert valid.returncode == 0, valid.stdout + valid.stderr
    finally:
        purge = run_as_root("apt-get", "purge", "-y", *lock, "masivo")
    assert purge.returncode == 0, purge.stdout[-3000:] + purge.stderr[-3000:]
    assert installed_version("masivo") is None
    left = sorted(str(path) for path in paths if path not in existed and os.path.lexists(path))
    assert not left, f"left behind after apt-get purge: {left}"
