"""The per-row loop: cells to fields, the address checked, duplicates and suppression applied.

This loop is the budget: at 100,000 rows every microsecond here is 0.1 s. The common
shape (a rectangle of cells, a number that the fast path knows) takes no detour.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Container, Iterator
from functools import lru_cache, partial
from itertools import chain
from typing import Any

from app.core.reasons import reason_text
from app.core.recipients.cells import column_letter, display_text
from app.core.recipients.emails import email_address
from app.core.recipients.importer import Prepared
from app.core.recipients.messages import text
from app.core.recipients.model import ImportCancelled, RecipientRow, RowStatus
from app.core.recipients.phones import NO_PARAMS, PhoneChecker, Verdict
from app.core.recipients.sheets import Cells

PROGRESS_EVERY = 2048  # rows between progress reports and cancel checks
Progress = Callable[[int, int], None]


class RecipientStream(Iterator[RecipientRow]):
    """The rows of one sheet, with what was found before the first: headers and the address column.

    The rows generator closes the file when it ends, is closed, or is collected; `close()`
    (or a `with` block) does it at once when the caller stops early.
    """

    def __init__(self, prepared: Prepared, column: str, rows: Iterator[RecipientRow]) -> None:
        self.preview = prepared.preview
        self.column = column
        self._rows = rows
        self._book = prepared.book

    def __iter__(self) -> Iterator[RecipientRow]:
        return self._rows  # the generator itself: no extra call per row in a for loop

    def __next__(self) -> RecipientRow:
        return next(self._rows)

    def close(self) -> None:
        close = getattr(self._rows, "close", None)
        if close is not None:
            close()
        self._book.close()

    def __enter__(self) -> RecipientStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def stream_rows(
    prepared: Prepared,
    *,
    column: str,
    position: int,
    check: Callable[[Any], str | Verdict],
    suppressed: Container[str],
    progress: Progress | None,
    cancel: threading.Event | None,
    lang: str,
) -> Iterator[RecipientRow]:
    """Every non-empty row below the header, in sheet order, each with its status."""
    general = _general_fields(prepared, lang)
    names = prepared.preview.headers
    width = len(names) if prepared.indices == tuple(range(len(names))) else -1
    rectangle = rectangle_fields(width)
    show = partial(display_text, lang=lang)
    stream = prepared.stream
    seen: dict[str, int] = {}  # address -> the row it first appeared on
    valid, invalid, duplicate = RowStatus.VALID, RowStatus.INVALID, RowStatus.DUPLICATE
    done = 0
    next_report = PROGRESS_EVERY
    try:
        for number, cells in chain(prepared.buffered, stream.rows):
            if len(cells) == width:
                value = cells[position]
                fields = None
            else:
                value = cells[position] if position < len(cells) else ""
                fields = general(cells)
            if value == "" and cells.count("") == len(cells):
                continue  # an empty row: not a recipient, and not worth a reason
            done += 1
            if done >= next_report:
                next_report += PROGRESS_EVERY
                if cancel is not None and cancel.is_set():
                    raise ImportCancelled()
                if progress is not None:
                    progress(done, stream.estimate_total(done, number))
            if fields is None:
                fields = rectangle(cells, names, show)
            result = check(value)
            note, params = "", NO_PARAMS
            if isinstance(result, str):
                address = result
            elif result[0]:
                address, note, params = result[1], result[2], result[3]
            else:
                reason = result[2]
                yield RecipientRow(
                    number, result[1], fields, invalid, column, text(reason, lang, **result[3]), reason
                )
                continue
            if address in suppressed:
                yield RecipientRow(
                    number,
                    address,
                    fields,
                    RowStatus.SUPPRESSED,
                    column,
                    reason_text("suppressed", lang=lang),
                    "suppressed",
                )
                continue
            first = seen.setdefault(address, number)
            if first != number:
                reason = text("duplicate", lang, row=first)
                yield RecipientRow(number, address, fields, duplicate, column, reason, "duplicate", first)
            elif note:
                yield RecipientRow(number, address, fields, valid, column, text(note, lang, **params), note)
            else:
                yield RecipientRow(number, address, fields, valid, column)
        if progress is not None:
            progress(done, done)
    finally:
        prepared.book.close()


def checker_for(
    channel_is_sms: bool, country: str, rule: str, number_digits: int | None
) -> Callable[[Any], str | Verdict]:
    """The check for the channel's address column: the address alone when it passes plainly."""
    if channel_is_sms:
        return PhoneChecker(country, rule, number_digits=number_digits).address
    return email_address


@lru_cache(maxsize=16)
def rectangle_fields(width: int) -> Callable[[Cells, tuple[str, ...], Callable[[Any], str]], dict[str, str]]:
    """`fields(cells, names, show)` for rows of `width` cells: one dict display, compiled once.

    `{k[0]: c[0], k[1]: c[1], ...}` costs a third of `dict(zip(names, texts))` per row, and the
    row loop's budget is a few microseconds. The source holds only indices, never sheet text.
    """
    if width <= 0 or width > 256:
        return lambda cells, names, show: dict(
            zip(names, [c if c.__class__ is str else show(c) for c in cells], strict=True)
        )
    entries = ", ".join(f"k[{i}]: v if (v := c[{i}]).__class__ is str else s(v)" for i in range(width))
    built: Callable[[Cells, tuple[str, ...], Callable[[Any], str]], dict[str, str]] = eval(
        f"lambda c, k, s: {{{entries}}}"
    )
    return built


def _general_fields(prepared: Prepared, lang: str) -> Callable[[Cells], dict[str, str]]:
    """Fields of a row that is not a plain rectangle of the named columns (ragged CSV, gaps)."""
    names = prepared.preview.headers
    indices = prepared.indices
    offset = prepared.column_offset
    known = set(indices)

    def general(cells: Cells) -> dict[str, str]:
        width = len(cells)
        fields = {
            name: display_text(cells[i], lang) if i < width else ""
            for name, i in zip(names, indices, strict=True)
        }
        if width > len(indices):
            # Data in a column with no header and none in the first rows: kept under its letter.
            for i, cell in enumerate(cells):
                if cell != "" and i not in known:
                    column = text("column_name", lang, letter=column_letter(i + offset))
                    fields[column] = display_text(cell, lang)
        return fields

    return general
