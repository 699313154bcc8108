"""The main window's menus: File (open a sheet, team workspace, quit), View (language), Help (about, logs)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app import __version__
from app.core.paths import log_dir
from app.core.settings import Settings
from app.gui.dialogs import Dialogs

LANGUAGES = (("", ""), ("es", "Español"), ("en", "English"))  # each language in its own words


class WindowMenus(QObject):
    """Builds the menu bar of `window`; the language, About and log-folder items act by themselves.

    Signals: open_sheet_requested(): File > Open sheet.
    """

    open_sheet_requested = Signal()

    def __init__(self, window: QMainWindow, settings: Settings, dialogs: Dialogs) -> None:
        super().__init__(window)
        self.window, self.settings, self.dialogs = window, settings, dialogs
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.open_action = self._action(file_menu, self.tr("&Open sheet…"), "openSheetAction",
                                        self.open_sheet_requested.emit)  # fmt: skip
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.workspace_action = self._action(file_menu, self.tr("Team &workspace…"), "workspaceAction",
                                             self.on_workspace)  # fmt: skip
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, self.tr("&Quit"), "quitAction", window.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        language_menu = bar.addMenu(self.tr("&View")).addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            text = name or self.tr("&System language")
            chosen = functools.partial(self.on_language_chosen, code)
            action = self._action(language_menu, text, f"language_{code or 'system'}", chosen)
            action.setCheckable(True)
            action.setChecked(code == settings.get("language"))
            group.addAction(action)
            self.language_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        self.guide_action = self._action(help_menu, self.tr("&User guide"), "guideAction", self.on_guide)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action(help_menu, self.tr("&About Masivo"), "aboutAction", self.on_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._action(help_menu, self.tr("Open the &log folder"), "logFolderAction",
                     lambda: dialogs.show_folder(log_dir()))  # fmt: skip

    def _action(self, menu: QMenu, text: str, name: str, slot: Callable[..., object]) -> QAction:
        action = QAction(text, self)  # owned by the menus: a language switch deletes them together
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def on_language_chosen(self, code: str, checked: bool = True) -> None:
        self.settings.set("language", code)
        # After this slot: the switch remakes the menus, this action with them.
        QTimer.singleShot(0, self.window, self._switch_language)

    def _switch_language(self) -> None:
        switch = getattr(self.window, "switch_language", None)
        if switch is None or not switch():
            text = self.tr("The new language takes effect the next time you start Masivo.")
            self.dialogs.inform(self.window, self.tr("Language"), text)

    def on_workspace(self) -> None:
        """File > Team workspace: which database the team shares (takes effect on the next start)."""
        from app.gui.dialogs.workspace_dialog import WorkspaceDialog

        dialog = WorkspaceDialog(self.settings, self.dialogs, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def on_guide(self) -> None:
        from app.gui.formatting import ui_lang
        from app.gui.guide import GuideDialog

        self.guide = GuideDialog(ui_lang(self.settings), self.window)
        self.guide.show()

    def on_about(self) -> None:
        text = self.tr("Masivo {version}\nSMS and e-mail campaigns from a spreadsheet.\n\nLogs: {folder}")
        self.dialogs.inform(self.window, self.tr("About Masivo"),
                            text.format(version=__version__, folder=str(log_dir())))  # fmt: skip
