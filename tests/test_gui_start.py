"""How the window starts: `masivo gui FILE` (what ./scripts/run-app does with the sample sheet)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.paths import sample_sheet
from app.core.recipients.model import RowStatus
from app.core.settings import open_settings
from app.gui.application import open_sheet_from_arguments
from app.gui.main_window import PROVIDER, MainWindow
from tests.fakes.dialogs import ScriptedDialogs


def new_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(open_settings(), dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_sheet_named_at_start_is_loaded_while_the_window_opens_on_the_demo_provider(
    qtbot: QtBot,
) -> None:
    window = new_window(qtbot)
    with qtbot.waitSignal(window.recipients_page.import_finished, timeout=10_000):
        opened = open_sheet_from_arguments(window, ["-style", "fusion", str(sample_sheet())])
    assert opened == sample_sheet()
    assert window.current_step() == PROVIDER and window.draft.provider_id == "demo"
    counts = window.recipients_page.model.counts()
    assert counts[RowStatus.VALID] == window.draft.valid_count > 0
    assert counts[RowStatus.INVALID] > 0, "the sample shows how a rejected row looks, too"


def test_without_a_sheet_nothing_is_loaded(qtbot: QtBot, tmp_path: Path) -> None:
    window = new_window(qtbot)
    assert open_sheet_from_arguments(window, ["-style", "fusion"]) is None
    assert window.draft.valid_count == 0 and not window.recipients_page.model.rows
