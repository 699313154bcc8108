"""Replaces PyInstaller's QtCore hook: the same collection, but Qt's translations in Spanish and English only.

Masivo's interface is Spanish or English; Qt's own strings (standard dialog buttons) in
the other ~30 languages would add about 7 MB for nothing.
"""

from __future__ import annotations

import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

LANGUAGES = ("es", "en")


def wanted(source: str) -> bool:
    name = os.path.basename(source)
    if not name.endswith(".qm"):
        return True
    # qtbase_es.qm, qt_es.qm; qt_help_* is Qt Assistant's, never used.
    return not name.startswith("qt_help_") and name.rsplit("_", 1)[-1][:-3] in LANGUAGES


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
datas = [(src, dst) for src, dst in datas if wanted(src)]
