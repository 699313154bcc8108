"""Replaces PyInstaller's QtGui hook: the same collection, minus the Qt plugins Masivo never loads.

Dropping a plugin here (before PyInstaller follows its library dependencies) also drops
what only it needed: without `platformthemes/libqgtk3.so` the bundle carries no copy of
the build machine's GTK 3, cairo, pango and atk (about 15 MB that could also clash with
the user's own GTK).
"""

from __future__ import annotations

import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# (plugin folder, file-name stem without "lib"/"q" prefixes and extension) -> why it goes.
UNUSED_PLUGINS = {
    ("platforms", "eglfs"): "full-screen embedded displays",
    ("platforms", "minimalegl"): "embedded displays",
    ("platforms", "linuxfb"): "framebuffer consoles",
    ("platforms", "vnc"): "remote display server",
    ("platforms", "vkkhrdisplay"): "bare Vulkan displays",
    ("platforms", "direct2d"): "experimental Windows backend; qwindows is the one used",
    (
        "platformthemes",
        "gtk3",
    ): "pulls in the build machine's GTK stack; the portal theme gives native dialogs",
    ("imageformats", "tiff"): "no TIFF images",
    ("imageformats", "webp"): "no WebP images",
    ("imageformats", "tga"): "no TGA images",
    ("imageformats", "wbmp"): "no WBMP images",
    ("imageformats", "pdf"): "no PDF rendering",
    ("imageformats", "gif"): "no GIF images (icons are SVG and PNG)",
    ("imageformats", "jpeg"): "no JPEG images (icons are SVG and PNG)",
    ("imageformats", "icns"): "the macOS icon is read by Finder, not by Qt",
}
# Whole plugin folders with nothing for a desktop app: embedded input/display drivers.
UNUSED_FOLDERS = {"egldeviceintegrations", "generic"}


def plugin_stem(path: str) -> str:
    stem = os.path.basename(path).split(".")[0]
    stem = stem.removeprefix("lib")
    # Qt's plugins are "q" + name (libqtiff: tiff); the Wayland ones are named "qt-…" and keep it.
    return stem if stem.startswith("qt-") else stem.removeprefix("q")


def wanted(source: str, destination: str) -> bool:
    folder = os.path.basename(os.path.normpath(destination))
    if folder in UNUSED_FOLDERS:
        return False
    return (folder, plugin_stem(source)) not in UNUSED_PLUGINS


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dst) for src, dst in binaries if wanted(src, dst)]
