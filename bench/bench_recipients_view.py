"""A large sheet through the Recipients step: total import time, and the longest GUI-thread pause per batch.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_recipients_view.py [rows]
The import runs on its worker; the GUI thread only appends each batch to the model. The
figure that matters for the user is the longest time one batch holds the GUI thread.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    app = QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="masivo-bench-"))
    os.environ["MASIVO_HOME"] = str(folder)

    from app.core.recipients import RowStatus
    from app.core.settings import Settings
    from app.gui.dialogs.import_dialog import ImportChoice
    from app.gui.models.draft import CampaignDraft
    from app.gui.pages.recipients import RecipientsPage
    from tests.fakes.sheets import write_csv

    sheet = write_csv(folder / "big.csv", rows)
    page = RecipientsPage(CampaignDraft(), Settings(folder / "settings.json"), None, None)
    page.resize(1000, 700)
    page.show()
    pauses: list[float] = []
    original = page.on_import_progress

    def timed(item: object) -> None:
        started = time.perf_counter()
        original(item)
        app.processEvents()  # include the view's repaint of the new rows
        pauses.append(time.perf_counter() - started)
        if "--each" in sys.argv:
            print(type(item).__name__, f"{pauses[-1] * 1000:.1f} ms")

    page.on_import_progress = timed  # type: ignore[method-assign]
    loop = QEventLoop()
    page.import_finished.connect(loop.quit)
    started = time.perf_counter()
    page.start_import(ImportChoice(sheet, None, None, None))
    page._worker.progress.disconnect()  # type: ignore[union-attr]
    page._worker.progress.connect(timed)  # type: ignore[union-attr]
    loop.exec()
    total = time.perf_counter() - started
    valid = page.model.counts()[RowStatus.VALID]
    print(
        f"{rows:,} rows imported into the view in {total:.2f} s ({valid:,} valid); "
        f"{len(pauses)} batches, longest GUI-thread pause {max(pauses) * 1000:.1f} ms"
    )
    started = time.perf_counter()
    page.model.set_filter(RowStatus.VALID)
    print(f"filter switch: {(time.perf_counter() - started) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
