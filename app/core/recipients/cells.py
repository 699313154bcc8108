"""Cell values as the user sees them: the text a merge field shows, and column letters.

Readers hand over str, float, int, bool, date, datetime, time or timedelta. Excel keeps
every number as a float, so `56912345678` arrives as `56912345678.0`: integers are
shown without the `.0`, never through `str(float)`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.recipients.messages import text

# Beyond 2**53 a float no longer holds every integer, and Excel itself keeps 15 digits.
EXACT_LIMIT = 2.0**53


def display_text(value: Any, lang: str = "es") -> str:
    """The text of one cell for a merge field: numbers, dates and booleans as a user reads them."""
    kind = value.__class__
    if kind is float:  # the common case first: numbers are floats, text rarely comes here
        if value.is_integer() and -9007199254740992.0 < value < 9007199254740992.0:  # 2**53: exact
            return str(int(value))
        shortest = repr(value)
        return shortest if len(shortest) <= 15 else float_text(value)
    if kind is str:
        return str(value)
    if value is None:
        return ""
    if kind is bool:
        return text("cell_true" if value else "cell_false", lang)
    if kind is int:
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M:%S" if value.second else "%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, dt.timedelta):
        seconds = int(value.total_seconds())
        sign = "-" if seconds < 0 else ""
        hours, rest = divmod(abs(seconds), 3600)
        return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return str(value)


def float_text(value: float) -> str:
    """`56912345678.0` -> '56912345678'; `1.5` -> '1.5'; 15 significant digits, like Excel."""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value.is_integer() and abs(value) < EXACT_LIMIT:
        return str(int(value))
    return format(value, ".15g")


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA', 16383 -> 'XFD'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int | None:
    """'A' -> 0, 'XFD' -> 16383; None when `letters` is not a column letter."""
    letters = letters.strip().upper()
    if not letters.isascii() or not letters.isalpha() or len(letters) > 3:
        return None
    index = 0
    for char in letters:
        index = index * 26 + (ord(char) - 64)
    return index - 1 if index <= 16384 else None
