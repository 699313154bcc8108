"""Running a campaign from a terminal: the dispatcher with a progress bar, Ctrl+C as pause, the summary."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TextIO

from app.commands._common import TerminalBar, duration, exit_code, run_summary, summary_text
from app.commands._provider import CommandError, emit
from app.commands._team import BUSY, busy_message
from app.commands.texts import TEXTS
from app.core.engine.dispatcher import Dispatcher
from app.core.engine.progress import Controls, Progress
from app.core.journal import CampaignBusy, Journal, JournalError
from app.core.reasons import reason_text
from app.core.wording import word
from app.providers import registry
from app.providers.base import Provider


@contextmanager
def ctrl_c_pauses(controls: Controls) -> Iterator[None]:
    """The first Ctrl+C pauses after the request in flight; a second one stops at once.

    SIGTERM (a service manager, `kill`, a closing session) pauses as the first Ctrl+C does:
    no request is cut off, every answer is recorded, the campaign is left paused.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def pause() -> None:
        controls.pause()
        print(
            "\n" + word(TEXTS, "pausing_after_request"),
            file=sys.stderr,
        )

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        if controls.paused:
            raise KeyboardInterrupt
        pause()

    def on_terminate(signum: int, frame: FrameType | None) -> None:
        if not controls.paused:
            pause()

    previous = {
        signal.SIGINT: signal.signal(signal.SIGINT, on_interrupt),
        signal.SIGTERM: signal.signal(signal.SIGTERM, on_terminate),
    }
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def run_in_terminal(command: Callable[[argparse.Namespace, TextIO], int], args: argparse.Namespace,
                    out: TextIO) -> int:  # fmt: skip
    """`command(args, out)`, a second Ctrl+C said as where the campaign is now, and exit code 130."""
    try:
        return command(args, out)
    except KeyboardInterrupt:  # a second Ctrl+C: rows in flight become unknown on the next resume
        print("\n" + interrupted(), file=sys.stderr)
        return 130


def interrupted() -> str:
    return word(TEXTS, "sending_interrupted")


def drive(
    journal: Journal, campaign_id: int, provider: Provider, args: argparse.Namespace, out: TextIO
) -> int:
    """Send the campaign until it ends or pauses; print the summary; return the exit code."""
    name = registry.capabilities(provider.capabilities.id).name  # in the user's language
    controls = Controls()
    bar = TerminalBar(word(TEXTS, "sending_bar"), enabled=not getattr(args, "json", False))
    told: set[str] = set()

    def tell(key: str, sentence: str) -> None:
        if key not in told:
            told.add(key)
            bar.finish()
            print(sentence, file=sys.stderr)

    def on_progress(progress: Progress) -> None:
        if progress.warning:
            tell(progress.warning, reason_text(progress.warning, name))
        if progress.activity == "waiting" and progress.resume_at:
            until = dt.datetime.fromtimestamp(progress.resume_at).strftime("%Y-%m-%d %H:%M")
            tell(
                f"wait-{progress.resume_at}",
                f"{reason_text(progress.reason, name)} " + word(TEXTS, "continues_at", until=until),
            )
        note = f"{progress.throughput:.0f}/s ETA {duration(progress.eta)}"
        bar.update(progress.done, progress.total, note, force=progress.activity != "sending")

    campaign = journal.require(campaign_id)  # read now: the database may be away when the run ends
    with ctrl_c_pauses(controls):
        dispatcher = Dispatcher(journal, campaign_id, provider, controls=controls, progress=on_progress)
        try:
            result = dispatcher.run()
        except CampaignBusy as busy:  # another sender (machine, window) has it: say who, send nothing
            bar.finish()
            raise CommandError(busy_message(busy), BUSY) from None
        except JournalError as exc:  # the team database cannot be reached: nothing was sent
            bar.finish()
            raise CommandError(str(exc), 2) from None
    bar.finish()
    summary = run_summary(campaign, result.status.value, result.reason, result.counts)
    emit(out, args, summary, summary_text(summary, result.detail))
    return exit_code(summary)
