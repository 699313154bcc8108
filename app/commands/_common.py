"""What the campaign commands share: the journal, finding a campaign, counts as printed, a terminal bar."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from app.commands._provider import CommandError
from app.core.journal import FAILED_STATES, SENT_STATES, Campaign, CampaignStatus, Journal, JournalError
from app.core.reasons import language, reason_text
from app.providers import registry
from app.providers.base import State

STALE_AFTER = 60.0  # seconds without a heartbeat after which a "running" campaign has no live sender


def say(spanish: str, english: str) -> str:
    """A short CLI sentence in the user's language."""
    return english if language() == "en" else spanish


def open_journal_or_fail() -> Journal:
    from app.core.journal import open_journal

    try:
        return open_journal()
    except JournalError as exc:
        raise CommandError(str(exc), 2) from None


def find_campaign(journal: Journal, ref: str) -> Campaign:
    """A campaign by number or name, or a `CommandError` saying how to list them."""
    campaign = journal.find_campaign(ref)
    if campaign is None:
        raise CommandError(
            say(
                f"No existe la campaña «{ref}»: vea la lista con «masivo campaigns».",
                f"There is no campaign “{ref}”: list them with “masivo campaigns”.",
            ),
            2,
        )
    return campaign


def shown_status(campaign: Campaign, now: float | None = None, journal: Journal | None = None) -> str:
    """The status to show: a `running` campaign whose sender is gone is `interrupted`.

    With the journal, the campaign's lease says it at once: a holder on this machine whose
    process no longer exists (a crash, kill -9), or an expired lease. Without it (or for a
    live lease) a sender that stopped beating for STALE_AFTER seconds is gone too.
    """
    if campaign.status is CampaignStatus.RUNNING:
        if journal is not None and journal.lease_holder(campaign.id) is None:
            return "interrupted"
        beat = campaign.heartbeat_at or campaign.updated_at
        if (now or time.time()) - beat > STALE_AFTER:
            return "interrupted"
    return campaign.status.value


def totals(counts: Mapping[str, int]) -> dict[str, int]:
    """Counts grouped as the CLI prints them."""
    return {
        "recipients": sum(counts.values()),
        "sent": sum(counts.get(state.value, 0) for state in SENT_STATES),
        "failed": sum(counts.get(state.value, 0) for state in FAILED_STATES),
        "unknown": counts.get(State.UNKNOWN.value, 0),
        "skipped": counts.get(State.SKIPPED.value, 0),
        "pending": counts.get(State.PENDING.value, 0) + counts.get(State.SENDING.value, 0),
    }


def run_summary(campaign: Campaign, status: str, reason: str, counts: Mapping[str, int]) -> dict[str, Any]:
    """The object `send` and `resume` print with --json."""
    return {
        "campaign": campaign.id,
        "name": campaign.name,
        "provider": campaign.provider,
        **totals(counts),
        "status": status,
        "reason": reason,
    }


def summary_text(summary: Mapping[str, Any], detail: str = "") -> str:
    """The same, as sentences."""
    names = {
        "completed": say("completada", "completed"),
        "paused": say("pausada", "paused"),
        "cancelled": say("cancelada", "cancelled"),
        "failed": say("detenida por un error", "stopped by an error"),
    }
    status = names.get(summary["status"], summary["status"])
    text = say(
        f"Campaña {summary['campaign']} «{summary['name']}»: {status}. Enviados {summary['sent']}, "
        f"fallidos {summary['failed']}, desconocidos {summary['unknown']}, omitidos {summary['skipped']}, "
        f"pendientes {summary['pending']}.",
        f"Campaign {summary['campaign']} “{summary['name']}”: {status}. Sent {summary['sent']}, "
        f"failed {summary['failed']}, unknown {summary['unknown']}, skipped {summary['skipped']}, "
        f"pending {summary['pending']}.",
    )
    if summary["reason"] and summary["status"] != "completed":
        name = registry.capabilities(summary["provider"]).name
        text += "\n" + f"{reason_text(summary['reason'], name)} {detail}".rstrip()
    if summary["status"] == "paused":
        text += "\n" + say("Para continuar: ", "To continue: ") + f"masivo resume {summary['campaign']}"
    return text


# `send` and `resume` exit codes (README, `masivo send --help`); 2 and 3 are raised as CommandErrors.
EXIT_NOT_CLEAN = 1  # paused, failed, or rows failed or still pending
EXIT_UNKNOWN = 4  # some messages may or may not have been sent: check them before re-sending them


def exit_code(summary: Mapping[str, Any]) -> int:
    """0 only when every valid recipient was accepted; unknown messages first, whatever else happened."""
    if summary["unknown"]:
        return EXIT_UNKNOWN
    clean = summary["failed"] == 0 and summary["pending"] == 0
    return 0 if summary["status"] == CampaignStatus.COMPLETED.value and clean else EXIT_NOT_CLEAN


class TerminalBar:
    """A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal."""

    WIDTH = 28

    def __init__(self, label: str, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.label = label
        self._last = 0.0
        self._shown = False

    def update(self, done: int, total: int, note: str = "", force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1:
            return
        self._last = now
        fraction = min(1.0, done / total) if total else 0.0
        filled = int(self.WIDTH * fraction)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        line = f"\r{self.label} {bar} {done}/{total} {fraction:4.0%} {note}"
        self.stream.write(line[:160].ljust(100))
        self.stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\n")
            self.stream.flush()
            self._shown = False


def duration(seconds: float | None) -> str:
    """1:02:03 / 4:05 for an ETA."""
    if seconds is None:
        return "—"
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def read_message(args: argparse.Namespace) -> str:
    """The template from --message or --message-file (UTF-8, a BOM is dropped)."""
    if args.message is not None:
        return str(args.message)
    try:
        return Path(args.message_file).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CommandError(
            say(f"No existe el archivo {args.message_file}.", f"There is no file {args.message_file}."), 2
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(
            say(
                f"No se puede leer {args.message_file} como texto UTF-8 ({exc}).",
                f"Cannot read {args.message_file} as UTF-8 text ({exc}).",
            ),
            2,
        ) from None
