"""Render app/resources/icons/masivo.svg into the other icons: .png (the window, Linux menus), .ico, .icns.

    python packaging/icons.py          # (re)writes only the icons older than the .svg
    python packaging/icons.py --force  # rewrites them all

The .ico and .icns files are written by hand (both are a small header plus PNG images),
so no imaging library is needed beyond Qt, which renders the SVG.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ICONS = ROOT / "app" / "resources" / "icons"  # read at run time: shipped in the package
SVG = ICONS / "masivo.svg"
PNG = ICONS / "masivo.png"
ICO = HERE / "windows" / "masivo.ico"  # only the installers use these two
ICNS = HERE / "macos" / "masivo.icns"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's PNG-carrying icon types: (type code, pixel size). Retina variants reuse the doubled size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG image")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (the format Vista and later read)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        png = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: the 'icns' header, then one (type, length, PNG) chunk per entry."""
    chunks = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def write_icons(
    force: bool = False, svg: Path = SVG, targets: tuple[Path, Path, Path] = (PNG, ICO, ICNS)
) -> list[Path]:
    """Write masivo.png (256 px), .ico and .icns (`targets`, in that order); returns what it wrote."""
    stale = [t for t in targets if force or not t.exists() or t.stat().st_mtime < svg.stat().st_mtime]
    if not stale:
        return []
    sizes = sorted({*ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render_png(svg, size) for size in sizes}
    png, ico, icns = targets
    contents = {
        png: pngs[256],
        ico: ico_bytes({size: pngs[size] for size in ICO_SIZES}),
        icns: icns_bytes(pngs),
    }
    for target in stale:
        target.write_bytes(contents[target])
    return stale


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--force", action="store_true", help="rewrite every icon")
    for path in write_icons(parser.parse_args().force):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
