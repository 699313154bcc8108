"""Starts the window: logging, the exception hook, Qt's messages, translations."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QtMsgType, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.core.gil import take_short_turns
from app.core.logs import setup_logging
from app.core.paths import log_dir, resources_dir
from app.core.settings import Settings, open_settings

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

log = logging.getLogger(__name__)
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def route_qt_messages() -> None:
    """Qt's own warnings go to our log file instead of a console nobody sees."""
    qt_log = logging.getLogger("qt")

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def install_exception_hook(log_file: Path) -> None:
    """No traceback ever reaches the user: log it, show a short message with the log's path."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, value, tb))  # the traceback keeps its lines
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                QApplication.translate("Application", "Masivo: unexpected error"),
                QApplication.translate(
                    "Application",
                    "Something went wrong and Masivo could not finish what it was doing. "
                    "Your campaigns are safe in the journal.\n\nDetails were written to:\n{path}",
                ).format(path=str(log_file)),
            )

    sys.excepthook = hook


def ui_language(settings: Settings) -> str:
    """'es' or 'en': the menu override if set, else the OS language; Spanish for anything else."""
    chosen = settings.get("language")
    if chosen in ("es", "en"):
        return str(chosen)
    return "en" if QLocale.system().language() == QLocale.Language.English else "es"


_INSTALLED: list[QTranslator] = []  # the translators in use: a language switch replaces them


def remove_translations(app: QApplication) -> None:
    """Back to the source texts (English): what `install_translations` put in place is taken out."""
    for old in _INSTALLED:
        app.removeTranslator(old)
    _INSTALLED.clear()


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Masivo's own .qm plus Qt's (button texts of standard dialogs), in place of those installed before."""
    remove_translations(app)
    translators = []
    ours = QTranslator(app)
    if ours.load(f"masivo_{language}", str(resources_dir() / "translations")):
        translators.append(ours)
    else:
        log.warning("no compiled translation for %s (run packaging/translations.py)", language)
    qt = LatinAmericanQt(app) if language == "es" else QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    _INSTALLED.extend(translators)
    from app.gui.formatting import use_locale

    use_locale(language)
    return translators


class LatinAmericanQt(QTranslator):
    """Qt's Spanish (Spain's words) as Latin America says them: "archivo", not "fichero"."""

    WORDS = (
        ("ficheros", "archivos"),
        ("Ficheros", "Archivos"),
        ("fichero", "archivo"),
        ("Fichero", "Archivo"),
    )

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) when the catalogue lacks it: Qt then asks the next translator,
        # where an empty string would be taken as the translation and blank every label.
        text = super().translate(context, source, disambiguation, n)  # "" when missing, here
        if not text:
            return None
        if "ichero" in text:
            for spain, ours in self.WORDS:
                text = text.replace(spain, ours)
        return text


def create_application(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication(["masivo", *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("Masivo")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Masivo")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "masivo.svg")))
    return app


def run_window(argv: Sequence[str]) -> int:
    """`masivo` with no command: the main window until it is closed."""
    app, window = open_window(argv)
    open_sheet_from_arguments(window, argv)
    return app.exec()


def open_window(argv: Sequence[str]) -> tuple[QApplication, MainWindow]:
    """Everything `masivo` does before its event loop runs: the window is shown, not yet painted."""
    log_file = setup_logging(log_dir())
    take_short_turns()  # the GUI thread waits less for the GIL while workers run Python
    route_qt_messages()
    install_exception_hook(log_file)
    settings = open_settings()
    app = create_application(argv)
    language = ui_language(settings)
    os.environ["MASIVO_LANG"] = language  # the core's own sentences (sheet errors...) follow the window
    install_translations(app, language)

    from app.gui.main_window import MainWindow

    window = MainWindow(settings)
    window.show()
    return app, window


def open_sheet_from_arguments(window: MainWindow, argv: Sequence[str]) -> Path | None:
    """`masivo gui clientes.xlsx`: the window starts with that sheet loaded, as the sample button does;
    without one, the sheet of the last session's draft, read as it was then."""
    from app.gui.dialogs.import_dialog import ImportChoice

    # Qt takes options too (`-style fusion`): a sheet is the argument with a file extension.
    sheets = [Path(arg) for arg in argv if not arg.startswith("-") and Path(arg).suffix]
    saved = window.saved_sheet
    if sheets:
        choice = ImportChoice(sheets[0], None, None, None)
    elif saved is not None:
        choice = ImportChoice(saved.path, saved.sheet, saved.header_row, saved.column)
    else:
        return None
    sheet = choice.path

    def load() -> None:
        window.recipients_page.start_import(choice)

    # The recipients step reads the suppression list, and the journal opens after the first paint.
    if window.is_open():
        load()
    else:
        window.opened.connect(load, Qt.ConnectionType.SingleShotConnection)
    return sheet
