"""What the campaign commands share: the journal, finding a campaign, counts as printed, a terminal bar."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from app.commands._provider import CommandError
from app.commands.texts import TEXTS
from app.core.domain import FAILED_STATES, SENT_STATES, CampaignStatus, State
from app.core.journal import Campaign, Journal, JournalError
from app.core.reasons import reason_text
from app.core.wording import word
from app.providers import registry


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
            word(TEXTS, "no_such_campaign", ref=ref),
            2,
        )
    return campaign


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
        "completed": word(TEXTS, "status_completed"),
        "paused": word(TEXTS, "status_paused"),
        "cancelled": word(TEXTS, "status_cancelled"),
        "failed": word(TEXTS, "status_failed"),
    }
    status = names.get(summary["status"], summary["status"])
    text = word(
        TEXTS,
        "campaign_summary",
        campaign=summary["campaign"],
        name=summary["name"],
        status=status,
        sent=summary["sent"],
        failed=summary["failed"],
        unknown=summary["unknown"],
        skipped=summary["skipped"],
        pending=summary["pending"],
    )
    if summary["reason"] and summary["status"] != "completed":
        name = registry.capabilities(summary["provider"]).name
        text += "\n" + f"{reason_text(summary['reason'], name)} {detail}".rstrip()
    if summary["status"] == "paused":
        text += "\n" + word(TEXTS, "to_continue") + f"masivo resume {summary['campaign']}"
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
        raise CommandError(word(TEXTS, "no_message_file", file=args.message_file), 2) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(
            word(TEXTS, "message_file_unreadable", file=args.message_file, error=exc),
            2,
        ) from None
