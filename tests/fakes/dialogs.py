"""A scripted stand-in for `app.gui.dialogs.Dialogs`: answers from a queue, records what was said.

A page's tests import the `dialogs` and `host` fixtures from here (`host`: a widget standing in for
the main window, which the page finds its dialogs on).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.gui.dialogs import Dialogs


@dataclass
class Said:
    kind: str  # "ask", "inform", "warn", "open_file", "save_file", "show_folder"
    title: str
    text: str


@dataclass
class ScriptedDialogs(Dialogs):
    """Give it the answers (`answers` for ask, `files` for the pickers); read `said` afterwards."""

    answers: list[bool] = field(default_factory=list)
    files: list[Path | None] = field(default_factory=list)
    said: list[Said] = field(default_factory=list)

    def ask(self, parent: QWidget | None, title: str, text: str, *, yes: str = "", no: str = "") -> bool:
        self.said.append(Said("ask", title, text))
        assert self.answers, f"the window asked {title!r} ({text!r}) but the test scripted no answer"
        return self.answers.pop(0)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.said.append(Said("inform", title, text))

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.said.append(Said("warn", title, text))

    def open_file(self, parent: QWidget | None, title: str, folder: str, filters: str) -> Path | None:
        self.said.append(Said("open_file", title, folder))
        assert self.files, f"the window asked for a file ({title!r}) but the test scripted none"
        return self.files.pop(0)

    def save_file(self, parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
        self.said.append(Said("save_file", title, str(suggested)))
        assert self.files, f"the window asked where to save ({title!r}) but the test scripted no path"
        return self.files.pop(0)

    def show_folder(self, folder: Path) -> None:
        self.said.append(Said("show_folder", "", str(folder)))

    def texts(self, kind: str) -> list[str]:
        """What was said of one kind, in order."""
        return [s.text for s in self.said if s.kind == kind]


class Host(QWidget):
    """Stands in for the main window: carries the dialogs a page finds by `dialogs_for`."""

    def __init__(self, dialogs: ScriptedDialogs | None = None) -> None:
        super().__init__()
        self.dialogs = dialogs or ScriptedDialogs()


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def host(qtbot: QtBot, dialogs: ScriptedDialogs) -> Host:
    widget = Host(dialogs)
    qtbot.addWidget(widget)
    return widget
