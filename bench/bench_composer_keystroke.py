"""Keystroke to counter line in the Message step, for a 1,000-character SMS (budget: one frame, 16 ms).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_composer_keystroke.py [--profile]
Each key press goes through Qt's event delivery, the editor, the highlighter, the template
compile, the render for the previewed recipient, the segment count and the labels.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

KEYS = 200


def press(widget: QWidget, char: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        )


def main() -> None:
    app = QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="masivo-bench-"))
    os.environ["MASIVO_HOME"] = str(folder)

    from app.core.domain import Channel
    from app.core.recipients import load_recipients
    from app.core.settings import Settings
    from app.gui.models.draft import CampaignDraft
    from app.gui.models.recipients_model import RecipientsModel
    from app.gui.pages.message import MessagePage
    from app.gui.provider_source import ProviderSource
    from tests.fakes.sheets import write_sheet

    settings = Settings(folder / "settings.json")
    host = QWidget()
    model = RecipientsModel(host)
    with load_recipients(write_sheet(folder / "s.xlsx"), channel=Channel.SMS, country="CL") as rows:
        model.reset(rows.preview.headers)
        model.append(list(rows))
    page = MessagePage(
        CampaignDraft(columns=list(model.headers)), settings, model, ProviderSource(settings), host
    )
    host.resize(1100, 700)
    host.show()
    page.enter()
    edit = page.composer.message_edit
    for text, char in (
        ("Hola {Nombre}, su saldo es ${Monto}: pague en linea. ", "a"),
        ("Hola {Nombre}, su saldo es ${Monto}: pague en línea. ", "á"),
    ):
        edit.setPlainText((text * 20)[:1000])
        edit.moveCursor(QTextCursor.MoveOperation.End)
        app.processEvents()
        profile = cProfile.Profile() if "--profile" in sys.argv else None
        times = []
        for _ in range(KEYS):
            started = time.perf_counter()
            if profile:
                profile.enable()
            press(edit, char)
            if profile:
                profile.disable()
            times.append((time.perf_counter() - started) * 1000)
            app.processEvents()  # let the coalesced preview redraw between keys, as a typing user would
        times.sort()
        encoding = "GSM-7" if char == "a" else "UCS-2"
        print(
            f"{encoding} text, 1,000 characters, {KEYS} keys: median {statistics.median(times):.2f} ms, "
            f"p95 {times[int(KEYS * 0.95)]:.2f} ms, worst {times[-1]:.2f} ms"
        )
        if profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(15)
    page.shutdown()


if __name__ == "__main__":
    main()
