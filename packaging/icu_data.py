"""A smaller libicudata for the Linux bundle: only the ICU data that Qt asks for, in Spanish and English.

PySide6's libicudata.so.73 is 32 MB, a fifth of the bundle: every locale's names of languages,
countries, currencies and units, line-breaking dictionaries for Chinese, Thai or Khmer, 200
legacy code pages. Qt calls ICU for four things only (its undefined `*_73` symbols say so:
ucnv_*, ucol_*, ucal_*, u_strToLower/Upper): code-page conversion, collation, time-zone
display names and case mapping. This keeps the data those need, for the root locale, Spanish
and English, and drops the rest; ICU falls back to the root locale for any other language.

The library is one exported symbol (`icudt73_dat`) holding ICU's "common data" package: a
header, a table of contents sorted by item name, then the items. This reads the package out of
the library, writes a package with fewer items, and assembles it back into a library of the
same name with binutils' `as` and `ld` (which PyInstaller's `strip` already needs).
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = frozenset({"es", "en"})
# Trees of locale data Qt never reads: display names (lang, region, curr, unit), spelled-out
# numbers (rbnf), transliteration, and break iteration with its dictionaries (Qt has its own).
DROPPED_TREES = frozenset({"brkitr", "curr", "lang", "region", "unit", "rbnf", "translit"})
ALWAYS_KEPT = frozenset({"root.res", "pool.res", "res_index.res"})
LOCALE_FILE = re.compile(r"(?P<language>[a-z]{2,3})(_\w*)?\.res")
ALIGNMENT = 16  # ICU expects every item 16-byte aligned


class IcuDataError(Exception):
    """The library does not hold ICU common data in the expected form; the message says what."""


@dataclass(frozen=True)
class CommonData:
    """ICU's common data package: its header as found, and its items by name (in table-of-contents order)."""

    header: bytes
    items: dict[str, bytes]


def parse(blob: bytes) -> CommonData:
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise IcuDataError("not an ICU common data package (no 'CmnD' header)")
    (count,) = struct.unpack_from("<I", blob, header_size)
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in entries[1:]] + [len(blob) - header_size]
    items = {}
    for (name_at, data_at), end in zip(entries, ends, strict=True):
        start = header_size + name_at
        name = blob[start : blob.index(b"\0", start)].decode("ascii")
        items[name] = blob[header_size + data_at : header_size + end]
    return CommonData(blob[:header_size], items)


def serialize(data: CommonData) -> bytes:
    """The package again: the same header, a new table of contents, each item aligned."""
    header_size = len(data.header)
    if header_size % ALIGNMENT:
        raise IcuDataError(f"a header of {header_size} bytes would misalign the items")
    names = list(data.items)
    table_size = 4 + 8 * len(names)
    name_blob, name_offsets = b"", []
    for name in names:
        name_offsets.append(table_size + len(name_blob))
        name_blob += name.encode("ascii") + b"\0"
    body = bytearray(name_blob)
    data_offsets = []
    for name in names:
        body += b"\0" * (-(table_size + len(body)) % ALIGNMENT)
        data_offsets.append(table_size + len(body))
        body += data.items[name]
    table = struct.pack("<I", len(names)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    return data.header + table + bytes(body)


def wanted(name: str) -> bool:
    """Whether Qt can need the item `icudt73l/<tree>/<file>` (or `icudt73l/<file>`) for Spanish or English."""
    parts = name.split("/")[1:]
    tree, file = (parts[0], parts[-1]) if len(parts) > 1 else ("", parts[0])
    if tree in DROPPED_TREES or file.endswith(".cnv"):  # code pages: Masivo decodes files in Python
        return False
    locale = LOCALE_FILE.fullmatch(file)
    return file in ALWAYS_KEPT or locale is None or locale["language"] in LANGUAGES


def subset(data: CommonData, keep: Callable[[str], bool] = wanted) -> CommonData:
    return CommonData(data.header, {name: item for name, item in data.items.items() if keep(name)})


def exported_data(library: Path) -> tuple[str, bytes]:
    """(symbol, bytes) of the one data symbol the library exports, read through its ELF section table."""
    listing = run(["nm", "-D", "--defined-only", "--print-size", str(library)])
    symbols = [line.split() for line in listing.splitlines() if line.strip()]
    found = [s for s in symbols if len(s) == 4 and s[2] in "RD" and s[3].startswith("icudt")]
    if len(found) != 1:
        raise IcuDataError(f"{library.name} exports {len(found)} icudt*_dat symbols, expected one")
    address, size, _, symbol = found[0]
    offset = file_offset(library, int(address, 16))
    with library.open("rb") as stream:
        stream.seek(offset)
        return symbol, stream.read(int(size, 16))


def file_offset(library: Path, address: int) -> int:
    """Where the byte at virtual `address` sits in the file, from `readelf -S`."""
    sections = run(["readelf", "-S", "-W", str(library)])
    for match in re.finditer(r"\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", sections):
        start, offset, size = (int(group, 16) for group in match.groups())
        if start <= address < start + size:
            return offset + address - start
    raise IcuDataError(f"no section of {library.name} holds address {address:#x}")


def assemble(package: bytes, symbol: str, soname: str, target: Path) -> Path:
    """A shared library named `soname` exporting `symbol` = `package`, as ICU's own build makes it."""
    with tempfile.TemporaryDirectory(prefix="icudata-") as scratch:
        folder = Path(scratch)
        (folder / "data.bin").write_bytes(package)
        (folder / "data.s").write_text(
            "\n".join(
                [
                    ".section .rodata",
                    f".globl {symbol}",
                    f".type {symbol}, @object",
                    f".balign {ALIGNMENT}",
                    f"{symbol}:",
                    f'.incbin "{folder / "data.bin"}"',
                    f".size {symbol}, . - {symbol}",
                    '.section .note.GNU-stack,"",@progbits',
                    "",
                ]
            )
        )
        run(["as", "-o", str(folder / "data.o"), str(folder / "data.s")])
        run(["ld", "-shared", "-soname", soname, "-o", str(target), str(folder / "data.o")])
    return target


def trim(library: Path, target: Path) -> tuple[int, int]:
    """Write the trimmed copy of `library` to `target`; returns (items before, items after)."""
    symbol, blob = exported_data(library)
    full = parse(blob)
    kept = subset(full)
    assemble(serialize(kept), symbol, library.name, target)
    return len(full.items), len(kept.items)


def run(command: Iterable[str]) -> str:
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, check=True, timeout=120)
    except FileNotFoundError as exc:
        raise IcuDataError(f"{exc.filename} is missing: install binutils") from None
    except subprocess.CalledProcessError as exc:
        raise IcuDataError(f"{' '.join(exc.cmd)} failed: {exc.stderr.strip()}") from None
    return done.stdout
