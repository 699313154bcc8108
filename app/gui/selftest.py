"""The window half of `masivo selftest`: proves the bundle's Qt works without showing anything on screen.

Imported only by `app.commands.selftest`, lazily: it is the one headless command that loads
Qt, because a frozen build that cannot open its window is exactly what it must catch.
"""

from __future__ import annotations

import os

from app.core.paths import resources_dir

LANGUAGES = ("es", "en")


class WindowCheckFailed(RuntimeError):
    """Something the window needs is missing from this installation; the message says what."""


def open_window_offscreen() -> str:
    """Open and close the main window on Qt's offscreen platform; returns what it saw, raises if broken.

    Also checks what a broken bundle typically loses: the SVG icon plugin, Masivo's
    compiled translations and Qt's own (standard dialog buttons).
    """
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless: no display needed, nothing flashes

    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtWidgets import QApplication

    from app.core.settings import open_settings
    from app.gui.application import create_application, route_qt_messages
    from app.gui.main_window import MainWindow

    route_qt_messages()  # Qt's warnings go to the log, not into the report
    app = create_application([])
    if app.windowIcon().pixmap(64, 64).isNull():
        raise WindowCheckFailed("the SVG icon does not render (Qt's svg plugins are missing)")
    for language in LANGUAGES:
        if not QTranslator().load(f"masivo_{language}", str(resources_dir() / "translations")):
            raise WindowCheckFailed(f"Masivo's {language} translation (masivo_{language}.qm) is missing")
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_es", qt_translations):
        raise WindowCheckFailed(f"Qt's Spanish translation (qtbase_es.qm) is missing from {qt_translations}")

    window = MainWindow(open_settings())
    try:
        window.show()
        QApplication.processEvents()
        if not window.isVisible():
            raise WindowCheckFailed("the main window did not open")
        title = window.windowTitle()
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return f"«{title}» opened on the {QApplication.platformName()} platform; icon and translations load"
