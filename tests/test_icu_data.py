"""packaging/icu_data.py: the Linux bundle's smaller ICU data still serves everything Qt asks of ICU."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_icu_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("icu_data", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


icu_data = load_icu_data()


def package(names: list[str]) -> icu_data.CommonData:
    """A common data package: a 16-byte header, items of different lengths (ICU pads each to 16 bytes)."""
    header = bytes([16, 0, 0xDA, 0x27]) + bytes(8) + b"CmnD"
    return icu_data.CommonData(
        header, {name: name.encode().ljust(32 * (i + 1), b".") for i, name in enumerate(names)}
    )


def test_a_package_survives_writing_and_reading_with_its_items_aligned() -> None:
    names = ["icudt73l/coll/es.res", "icudt73l/es.res", "icudt73l/root.res", "icudt73l/zone/en.res"]
    written = icu_data.serialize(package(names))
    assert icu_data.parse(written) == package(names)
    assert icu_data.serialize(icu_data.parse(written)) == written
    table = [int.from_bytes(written[16 + 4 + 8 * i + 4 : 16 + 8 + 8 * i + 4], "little") for i in range(4)]
    assert all((16 + offset) % 16 == 0 for offset in table), table


def test_only_spanish_english_and_root_locale_data_is_kept_and_unused_trees_go() -> None:
    kept = [
        "icudt73l/es.res", "icudt73l/es_CL.res", "icudt73l/en_US_POSIX.res", "icudt73l/root.res",
        "icudt73l/res_index.res", "icudt73l/pool.res", "icudt73l/coll/es__TRADITIONAL.res",
        "icudt73l/coll/ucadata.icu", "icudt73l/zone/en_GB.res", "icudt73l/zone/tzdbNames.res",
        "icudt73l/supplementalData.res", "icudt73l/metaZones.res", "icudt73l/cnvalias.icu",
        "icudt73l/uts46.nrm",
    ]  # fmt: skip
    dropped = [
        "icudt73l/de.res", "icudt73l/pt_BR.res", "icudt73l/coll/zh.res", "icudt73l/coll/de_.res",
        "icudt73l/zone/ja.res", "icudt73l/brkitr/cjdict.dict", "icudt73l/brkitr/root.res",
        "icudt73l/curr/es.res", "icudt73l/lang/en.res", "icudt73l/unit/pool.res",
        "icudt73l/translit/root.res",
        "icudt73l/ibm-1390_P110-2003.cnv",
    ]  # fmt: skip
    assert [n for n in kept if not icu_data.wanted(n)] == []
    assert [n for n in dropped if icu_data.wanted(n)] == []


def qt_library(name: str) -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec and spec.origin
    return Path(spec.origin).parent / "Qt" / "lib" / name


PROBE = """
from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QTimeZone
app = QCoreApplication([])
words = ["zeta", "Ñandú", "árbol", "nube", "Árbol", "ñu", "chile", "cosa", "Ángela", "andén"]
for name in ("es_CL", "es_MX", "en_US", "pt_BR"):
    locale = QLocale(name)
    print(sorted(words, key=QCollator(locale).sortKey))
    print(locale.toUpper("ñandú straße"), locale.toLower("ÑANDÚ ÁRBOL"))
zone = QTimeZone(b"America/Santiago")
for name in ("es_CL", "en_US"):
    print(zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale(name)))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the trimming is for the Linux bundle")
@pytest.mark.skipif(
    not (shutil.which("as") and shutil.which("ld")), reason="binutils (as, ld) is not installed"
)
def test_qt_sorts_cases_and_names_time_zones_the_same_with_the_trimmed_data(tmp_path: Path) -> None:
    full = qt_library("libicudata.so.73")
    if not full.is_file():
        pytest.skip(f"this PySide6 does not ship {full.name}")
    trimmed = tmp_path / full.name
    before, after = icu_data.trim(full, trimmed)
    assert after < before / 5 and trimmed.stat().st_size < full.stat().st_size / 5

    def probe(library_path: str | None) -> str:
        env = dict(os.environ)
        if library_path:  # searched before the RUNPATH ($ORIGIN) of PySide6's libicuuc
            env["LD_LIBRARY_PATH"] = library_path
        done = subprocess.run(
            [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    expected = probe(None)
    assert "'Ñandú', 'ñu', 'zeta'" in expected and "hora estándar de Chile" in expected  # ICU did the work
    assert probe(str(tmp_path)) == expected
