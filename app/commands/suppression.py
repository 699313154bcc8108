"""`masivo suppression list|add|remove`: numbers and addresses that must never receive anything."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any, TextIO

from app.commands._common import open_journal_or_fail
from app.commands._provider import CommandError, emit
from app.commands.texts import TEXTS
from app.core.domain import Channel
from app.core.journal import SuppressionEntry
from app.core.printable import printable
from app.core.settings import open_settings
from app.core.wording import word


def run(args: argparse.Namespace, out: TextIO) -> int:
    return suppression(args, out)


def suppression(args: argparse.Namespace, out: TextIO) -> int:
    journal = open_journal_or_fail()
    try:
        if args.action == "list":
            entries = journal.suppression.entries()
            # A reason may quote an opt-out reply: printed escaped, like `masivo replies`.
            lines = [f"{e.value}  {e.channel}  {_when(e.added_at)}  {printable(e.reason)}" for e in entries]
            emit(out, args, {"entries": [_entry(e) for e in entries]}, "\n".join(lines) or "—")
            return 0
        # An opt-out keeps the digits the provider sent, even ones the importer refuses: removed as written.
        stored = journal.suppression.entry(args.value.strip().removeprefix("+"))
        if args.action == "remove" and stored is not None:
            channel, value = Channel(stored.channel), stored.value
        else:
            channel, value = normalized(args.value, args.country)
        if args.action == "add":
            entry = journal.suppression.add(value, channel.value, args.reason or "")
            emit(
                out,
                args,
                {"entries": [_entry(entry)]},
                word(TEXTS, "suppression_added", value=value),
            )
            return 0
        removed = journal.suppression.remove(value)
        text = (
            word(TEXTS, "suppression_removed", value=value)
            if removed
            else word(TEXTS, "suppression_not_listed", value=value)
        )
        emit(out, args, {"value": value, "removed": removed}, text)
        return 0 if removed else 1
    finally:
        journal.close()


def normalized(raw: str, country: str | None) -> tuple[Channel, str]:
    """The channel and the stored form of a value: phone digits with country code, or a lower-case address."""
    from app.core.recipients import normalize_address

    channel = Channel.EMAIL if "@" in raw else Channel.SMS
    region = (country or open_settings().get("country") or "CL").upper()
    value = normalize_address(raw, channel, region)
    if not value:
        raise CommandError(
            word(TEXTS, "not_number_nor_email", raw=raw, region=region),
            2,
        )
    return channel, value


def _entry(entry: SuppressionEntry) -> dict[str, Any]:
    return {
        "value": entry.value,
        "channel": entry.channel,
        "reason": entry.reason,
        "added_at": _when(entry.added_at),
    }


def _when(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch).isoformat(timespec="seconds")
