"""`masivo check FILE`: read a recipients sheet and report every row that would not be sent to.

Exit codes: 0 the sheet was read (whatever its rows say), 1 the file cannot be read,
2 a wrong option (unknown country, sheet or column), 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from app.commands.texts import TEXTS
from app.core.domain import Channel
from app.core.wording import language, word

if TYPE_CHECKING:
    from app.core.recipients import Summary

SHOWN_ERRORS = 100  # rows listed in the text output; --json lists them all
USAGE_ERRORS = frozenset({"unknown_country", "sheet_missing", "column_missing"})


def run(args: argparse.Namespace, out: TextIO) -> int:
    from app.core.recipients import ImportCancelled, SheetError, Summary, load_recipients

    lang = language()
    channel = Channel(args.channel)
    country = (args.country or _remembered_country()).strip().upper()
    digits = _provider_digits(args.provider) if channel is Channel.SMS else None
    bar = None if args.json or not sys.stderr.isatty() else ProgressBar(sys.stderr, lang)
    summary = Summary()
    try:
        suppressed = _suppressed_values(lang)
        stream = load_recipients(
            args.file,
            channel=channel,
            country=country,
            sheet=args.sheet,
            phone_column=args.phone_column,
            email_column=args.email_column,
            number_digits=digits,
            suppressed=suppressed,
            progress=bar.update if bar else None,
        )
        with stream:
            for row in stream:
                summary.add(row)
    except SheetError as exc:
        _clear(bar)
        print(str(exc), file=sys.stderr)
        return 2 if exc.message_id in USAGE_ERRORS else 1
    except (KeyboardInterrupt, ImportCancelled):
        _clear(bar)
        print(word(TEXTS, "check_interrupted", lang=lang), file=sys.stderr)
        return 130
    _clear(bar)
    notice = _country_notice(args.provider, country, lang) if channel is Channel.SMS else ""
    if args.json:
        data = summary.as_dict()
        if notice:
            data["notice"] = notice
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        preview = stream.preview
        where = (preview.path.name, preview.sheet, preview.header_row, stream.column)
        out.write(report_text(summary, *where, lang, notice))
    return 0


def _country_notice(provider: str | None, country: str, lang: str) -> str:
    """One sentence when the provider serves other countries only (IT Cloud: Colombia)."""
    if not provider:
        return ""
    from app.core.reasons import country_notice
    from app.providers import registry

    caps = registry.capabilities(provider)
    return country_notice(caps.name, caps.countries, country, lang)


def report_text(
    summary: Summary, file: str, sheet: str, header_row: int, column: str, lang: str, notice: str = ""
) -> str:
    """The human report: where the addresses were found, the counts, then each rejected row.

    With a `notice` (the sheet's country is not the provider's) it comes first, and the rows it
    explains are not listed one by one: --json lists them."""
    if header_row:
        header = word(TEXTS, "check_header_row", row=header_row, lang=lang)
    else:
        header = word(TEXTS, "check_no_header_row", lang=lang)
    where = word(TEXTS, "check_where", sheet=sheet, header=header, column=column, lang=lang)
    lines = [f"{file}, {where}", *([notice] if notice else [])]
    lines += [
        word(
            TEXTS,
            "check_counts",
            rows=summary.rows,
            valid=summary.valid,
            invalid=summary.invalid,
            duplicates=summary.duplicates,
            suppressed=summary.suppressed,
            lang=lang,
        ),
    ]
    if summary.notes:
        lines.append(word(TEXTS, "check_unlisted_ranges", notes=summary.notes, lang=lang))
    if notice:
        return "\n".join(lines) + "\n"
    for error in summary.errors[:SHOWN_ERRORS]:
        lines.append(
            word(
                TEXTS,
                "check_row_error",
                row=error["row"],
                column=error["column"],
                reason=error["reason"],
                lang=lang,
            )
        )
    hidden = len(summary.errors) - SHOWN_ERRORS
    if hidden > 0:
        more = word(TEXTS, "check_more_rows", hidden=hidden, lang=lang)
        lines.append(more)
    return "\n".join(lines) + "\n"


class ProgressBar:
    """A one-line bar on a terminal's stderr, redrawn at most ten times a second."""

    def __init__(self, stream: TextIO, lang: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.label = word(TEXTS, "check_bar_rows", lang=lang)
        self.clock = clock
        self._last = float("-inf")
        self.drawn = False

    def update(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        share = done / total if total else 1.0
        filled = int(share * 30)
        line = f"\r[{'#' * filled}{' ' * (30 - filled)}] {share:4.0%}  {done:,}/{total:,} {self.label}"
        self.stream.write(line)
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * 70 + "\r")
            self.stream.flush()
            self.drawn = False


def _clear(bar: ProgressBar | None) -> None:
    if bar is not None:
        bar.clear()


def _remembered_country() -> str:
    """The country last chosen in the window (settings), else Chile."""
    from app.core.settings import open_settings

    return str(open_settings().get("country") or "CL")


def _provider_digits(provider: str | None) -> int | None:
    """The exact digit count the provider demands of a number (IT Cloud and Convergia: 12)."""
    if not provider:
        return None
    from app.providers import registry

    return registry.capabilities(provider).number_digits


def _suppressed_values(lang: str) -> frozenset[str]:
    """The journal's suppression list; an unreadable journal is reported and the check goes on."""
    from app.core.journal import JournalError, open_journal
    from app.core.journal.location import configured_url
    from app.core.paths import journal_path

    if not configured_url() and not journal_path().exists():  # a team database is always asked
        return frozenset()  # nothing suppressed yet; a check creates no files
    try:
        journal = open_journal()
    except JournalError as exc:
        warning = word(TEXTS, "suppression_unreadable", error=exc, lang=lang)
        print(warning, file=sys.stderr)
        return frozenset()
    try:
        return journal.suppression.values()
    finally:
        journal.close()
