"""`masivo report CAMPAIGN --out FILE.xlsx`: the original sheet plus what happened to every row."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app.commands._common import find_campaign, open_journal_or_fail
from app.commands._provider import CommandError, emit
from app.commands.texts import TEXTS
from app.core.engine.report import write_report
from app.core.wording import word


def run(args: argparse.Namespace, out: TextIO) -> int:
    return report(args, out)


def report(args: argparse.Namespace, out: TextIO) -> int:
    target = Path(args.out)
    if target.suffix.lower() != ".xlsx":
        raise CommandError(
            word(TEXTS, "report_needs_xlsx"),
            2,
        )
    journal = open_journal_or_fail()
    try:
        campaign = find_campaign(journal, args.campaign)
        try:
            rows = write_report(journal, campaign.id, target)
        except OSError as exc:
            raise CommandError(cannot_write(target, exc), 1) from None
    finally:
        journal.close()
    data = {"campaign": campaign.id, "out": str(target), "rows": rows}
    emit(out, args, data, word(TEXTS, "report_written", rows=rows, target=target))
    return 0


def cannot_write(target: Path, exc: OSError) -> str:
    """Why the report could not be written, and what to do, in one sentence."""
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return word(
            TEXTS, "report_target_is_folder", target=target, example=target / word(TEXTS, "report_file_name")
        )
    if isinstance(exc, PermissionError):
        return word(TEXTS, "report_no_permission", target=target)
    return word(TEXTS, "report_unwritable", target=target, error=exc.strerror or exc)
