"""Screenshots of every step of the window at 1024×700: docs/screenshots/NN-step.png (English: en-NN-step.png).

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/make_screenshots.py [--lang es|en]

Under a real X server (Xvfb) the window is laid out as on a desktop; offscreen works too.

It drives the real window through a demo campaign of the sample sheet, as a user would
(the demo's deliveries are sped up), and grabs the window at each step. Nothing is sent
anywhere and nothing is written outside a temporary data folder and docs/screenshots.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MASIVO_HOME"] = tempfile.mkdtemp(prefix="masivo-screenshots-")

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QPushButton, QWidget  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def wait_until(done: Callable[[], bool], limit: float = 30.0) -> None:
    """Run the event loop until `done()`."""
    started = time.monotonic()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if done() or time.monotonic() - started > limit else None)
    timer.start(20)
    if not done():
        loop.exec()
    timer.stop()
    if not done():
        raise TimeoutError("the window did not get there in time")


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() > end)


PREFIX = [""]  # "en-" for the English set


def grab(widget: QWidget, name: str) -> None:
    settle()
    path = OUT / f"{PREFIX[0]}{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT)}")


def click(widget: QWidget | None) -> None:
    assert isinstance(widget, QPushButton) and widget.isEnabled(), f"cannot click {widget}"
    widget.click()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("es", "en"), default="es")
    args = parser.parse_args()
    os.environ["MASIVO_LANG"] = args.lang
    PREFIX[0] = "en-" if args.lang == "en" else ""

    from app.core.journal import open_journal
    from app.core.paths import sample_sheet
    from app.core.settings import open_settings
    from app.gui.application import create_application, install_translations
    from app.gui.main_window import MainWindow
    from tests.fakes.dialogs import ScriptedDialogs
    from tests.gui_campaigns import Gated, demo, write_sheet

    # The window loads the compiled translation: compile it from the .ts sources first, as the build does.
    subprocess.run([sys.executable, str(ROOT / "packaging" / "translations.py")], check=True)
    app = create_application([])
    settings = open_settings()
    settings.set("language", args.lang)
    install_translations(app, args.lang)
    OUT.mkdir(parents=True, exist_ok=True)
    sample = sample_sheet()
    if not sample.is_file():
        sample = write_sheet(Path(os.environ["MASIVO_HOME"]) / "clientes.xlsx", 40, invalid=[4, 17])
    journal = open_journal(None)
    provider = Gated(demo(), hold_at=0, hold_for=120)
    dialogs = ScriptedDialogs()
    window = MainWindow(settings, journal, dialogs=dialogs, sample=sample)
    window.runner.providers = lambda provider_id, base_url: provider
    window.runner.poll_every = 0.3
    window.runner.dispatcher_options = {"batch_size": 6}
    window.resize(1024, 700)
    window.show()
    grab(window, "01-provider")

    click(window.next_button)
    click(window.recipients_page.findChild(QPushButton, "sampleSheetButton"))
    wait_until(window.recipients_page.is_complete)
    grab(window, "02-recipients")

    click(window.next_button)
    editor = window.message_page.findChild(QPlainTextEdit, "messageEdit")
    fields = window.message_page.findChild(QListWidget, "mergeFieldList")
    assert editor is not None and fields is not None
    editor.setFocus()
    editor.insertPlainText("Hola ")
    fields.setCurrentItem(fields.findItems("Nombre", Qt.MatchFlag.MatchExactly)[0])
    click(window.message_page.findChild(QPushButton, "insertFieldButton"))
    editor.insertPlainText(", este fin de semana tenemos 20% de descuento en toda la tienda. ¡Te esperamos!")
    costed: list[bool] = []  # the edits above ran without the event loop: one cost count follows them
    window.message_page.cost_ready.connect(lambda: costed.append(True))
    wait_until(lambda: bool(costed) and window.next_button.isEnabled())
    grab(window, "03-message")

    click(window.next_button)
    review = window.review_page
    wait_until(lambda: review.form.send_button.isEnabled() and review.balance is not None)
    review.form.test_edit.setText("+56 9 8765 4321")
    click(review.form.test_button)
    wait_until(lambda: review.form.test_button.isEnabled())
    grab(window, "04-review")

    provider.sends, provider.hold_at = 0, 3  # the campaign's third request waits for the screenshot
    click(review.form.send_button)
    assert review.confirm_dialog is not None
    grab(review.confirm_dialog, "04b-confirm")
    click(review.confirm_dialog.findChild(QPushButton, "confirmSendButton"))
    tracking = window.tracking_page
    wait_until(lambda: provider.reached.is_set() and tracking.counts.get("delivered", 0) > 0)
    wait_until(lambda: any(row[3] == "delivered" for row in tracking.model.rows()))
    grab(window, "05-tracking")

    provider.release.set()
    wait_until(lambda: tracking.panel.export_button.isVisible() and not tracking.counts.get("accepted"))
    grab(window, "05b-tracking-completed")

    window.step_list.setCurrentRow(5)
    wait_until(lambda: window.history_page.model.rowCount() == 1)
    grab(window, "06-history")

    window.close()
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
