"""Does the window's event loop keep beating while it imports 100,000 rows and sends 100,000 messages?

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_responsiveness.py [--rows 100000]

A heartbeat QTimer fires every 10 ms on the GUI thread; the longest gap between two beats,
minus those 10 ms, is the longest the user would have seen the window frozen (a stall).
Phases, each measured on its own, the way the window does them:
  1. import: the Recipients step reads the sheet (GUI-A's page, its worker and model);
  2. prepare: the Review step previews the campaign from the Recipients step's rows (on a worker,
     nothing journaled);
  3. create: Send, then the confirmation's OK: the campaign is journaled from those rows (on a
     worker) and the runner starts it;
  4. send: the runner sends it on the demo provider while the Tracking page shows it live
     (progress, chart, status polls, the 100,000-row table refreshed on its worker), until
     every message is delivered or undelivered.
The quality bar is a maximum stall under 50 ms in every phase.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MASIVO_HOME", tempfile.mkdtemp(prefix="masivo-bench-gui-"))

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

BAR_MS = 50.0


class Heartbeat:
    """Beats every 10 ms on the GUI thread; keeps each gap between beats and the GUI thread's CPU in it.

    A gap with little GUI-thread CPU in it was not our code running on the GUI thread: the
    thread was waiting for the CPU (other processes) or for the GIL (a worker's Python).
    """

    def __init__(self, every_ms: int = 10) -> None:
        self.every_ms = every_ms
        self.gaps: list[tuple[float, float]] = []  # (wall ms, GUI-thread CPU ms)
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(every_ms)
        self._timer.timeout.connect(self._beat)
        self._last = self._last_cpu = 0.0

    def start(self) -> None:
        self.gaps = []
        self._clock.start()
        self._last, self._last_cpu = 0.0, time.thread_time() * 1000
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        now, cpu = self._clock.nsecsElapsed() / 1e6, time.thread_time() * 1000
        self.gaps.append((now - self._last, cpu - self._last_cpu))
        self._last, self._last_cpu = now, cpu

    def stall(self) -> float:
        """The longest gap beyond the beat interval, in ms."""
        return max(0.0, max((wall for wall, _ in self.gaps), default=0.0) - self.every_ms)

    def busy(self) -> float:
        """The most GUI-thread CPU spent within one gap, in ms: our own code's longest block."""
        return max((cpu for _, cpu in self.gaps), default=0.0)

    def p99(self) -> float:
        ordered = sorted(wall for wall, _ in self.gaps)
        return max(0.0, ordered[int(len(ordered) * 0.99)] - self.every_ms) if ordered else 0.0


def run_until(done: Callable[[], bool], limit: float = 1800.0, quiet: bool = False) -> float:
    """Run the real event loop until `done()` (checked every 20 ms); returns the seconds it took."""
    started = time.perf_counter()
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(20)

    def look() -> None:
        if done() or time.perf_counter() - started > limit:
            loop.quit()

    check.timeout.connect(look)
    check.start()
    if not done():
        loop.exec()
    check.stop()
    if not done() and not quiet:
        raise TimeoutError("the phase did not end in time")
    return time.perf_counter() - started


def make_sheet(rows: int) -> Path:
    from openpyxl import Workbook

    path = Path(tempfile.gettempdir()) / f"masivo-bench-gui-{rows}-v1.xlsx"
    if not path.exists():
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Clientes")
        sheet.append(["Nombre", "Celular", "Ciudad", "Monto"])
        for i in range(rows):
            phone = f"+56 9 {1000 + i // 10000:04d} {i % 10000:04d}"
            sheet.append([f"Cliente {i}", phone, "Santiago", i % 997])
        book.save(path)
    return path


def report(name: str, beat: Heartbeat, seconds: float, note: str = "") -> bool:
    ok = beat.stall() < BAR_MS
    print(f"{name:<8} {seconds:6.1f} s  max stall {beat.stall():6.1f} ms (GUI busy {beat.busy():5.1f} ms)"
          f"  p99 {beat.p99():5.1f} ms  {'OK' if ok else 'OVER 50 ms'}  {note}", flush=True)  # fmt: skip
    return ok


def _spin(seconds: float) -> int:
    """Pure-Python work on a worker thread: what any background Python costs the GUI thread."""
    end, count = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        count += sum(i * i for i in range(200))
    return count


def settle(seconds: float = 0.5) -> None:
    """Let the pages lay out and paint before measuring."""
    run_until(lambda: False, limit=seconds, quiet=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--skip-import", action="store_true", help="start at the Review step")
    from app.core.gil import SWITCH_INTERVAL as GIL_SWITCH_INTERVAL

    parser.add_argument("--switch-interval", type=float, default=GIL_SWITCH_INTERVAL,
                        help="sys.setswitchinterval for the run, in seconds (default: the window's own, "
                        f"{GIL_SWITCH_INTERVAL}; Python's is 0.005)")  # fmt: skip
    args = parser.parse_args()
    sys.setswitchinterval(args.switch_interval)
    app = QApplication([])  # noqa: F841 (kept alive for the whole run)
    from app.core.journal import open_journal
    from app.core.settings import Settings
    from app.gui.dialogs.import_dialog import ImportChoice
    from app.gui.models.draft import CampaignDraft
    from app.gui.pages.recipients import RecipientsPage
    from app.gui.pages.review import ReviewPage
    from app.gui.pages.tracking import TrackingPage
    from app.gui.runner import CampaignRunner
    from app.gui.worker import Worker
    from app.providers.demo import DemoProvider

    home = Path(os.environ["MASIVO_HOME"])
    sheet = make_sheet(args.rows)
    settings = Settings(home / "settings.json")
    journal = open_journal(str(home / "journal.sqlite3"))
    provider = DemoProvider(balance=10 * args.rows)
    runner = CampaignRunner(journal, settings, providers=lambda provider_id, base_url: provider)
    template = "Hola {Nombre}, su saldo es {Monto}."
    draft = CampaignDraft(provider_id="demo", country="CL", template_text=template)
    beat = Heartbeat()
    print(f"{args.rows:,} rows; Python {sys.version.split()[0]}; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    results = []
    beat.start()
    took = run_until(lambda: False, limit=3.0, quiet=True)
    beat.stop()
    report("idle", beat, took, "nothing running: the machine's own noise")
    busy = Worker(lambda task: _spin(3.0))
    beat.start()
    busy.start()
    took = run_until(lambda: not busy.is_running())
    beat.stop()
    report("python", beat, took, "a worker spinning in plain Python: the GIL's own share on this machine")

    pages: list[RecipientsPage] = []
    if args.skip_import:
        draft.recipients_path, draft.phone_column = sheet, "Celular"
    else:
        recipients = RecipientsPage(draft, settings, journal, None)
        pages.append(recipients)
        recipients.resize(1000, 700)
        recipients.show()
        settle()
        finished: list[bool] = []
        recipients.import_finished.connect(lambda: finished.append(True))
        beat.start()
        recipients.start_import(ImportChoice(sheet, None, None, None))
        took = run_until(lambda: bool(finished))
        beat.stop()
        results.append(report("import", beat, took, f"{draft.valid_count:,} valid rows, Recipients step"))

    review = ReviewPage(draft, settings, journal, runner=runner)
    review.resize(800, 900)
    review.show()
    settle()
    beat.start()
    review.enter()
    took = run_until(lambda: review.prepared is not None)
    beat.stop()
    prepared = review.prepared
    assert prepared is not None
    results.append(report("prepare", beat, took, f"{prepared.valid:,} messages previewed"))

    tracking = TrackingPage(settings, journal, runner=runner)
    tracking.resize(1000, 800)
    tracking.show()
    settle()
    started: list[int] = []
    review.campaign_started.connect(started.append)
    ended: list[object] = []
    runner.finished.connect(ended.append)
    beat.start()
    review.on_send()
    assert review.confirm_dialog is not None
    review.confirm_dialog.accept()  # the user's OK
    took = run_until(lambda: bool(started))
    beat.stop()
    results.append(report("create", beat, took, f"{prepared.valid:,} messages journaled, sending starts"))

    beat.start()
    tracking.show_campaign(started[0])
    took = run_until(lambda: bool(ended))
    sent = time.perf_counter()
    run_until(lambda: bool(tracking.counts) and not tracking.counts.get("accepted", 0))
    delivered = time.perf_counter() - sent
    beat.stop()
    note = f"sent in {took:.1f} s, final {delivered:.1f} s later; {tracking.model.rowCount():,} table rows"
    results.append(report("send", beat, took + delivered, note))

    runner.pause_and_wait()
    for recipients_page in pages:
        recipients_page.shutdown()
    review.shutdown()
    tracking.shutdown()
    journal.close()
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
