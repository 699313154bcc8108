"""Which row holds the headers, what each column is called, and which one is the phone or e-mail.

Headers are not always on row 1: title rows, blank rows and merged banners come first.
The header row is the first of the top rows that names a phone or e-mail column and is
about as wide as the data; failing that, the first row as wide as the data that is all
text. A sheet whose first row already holds numbers or addresses has no header row: its
columns are named by letter. Matching is accent- and case-insensitive.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.core.recipients.cells import column_index, column_letter, display_text
from app.core.recipients.messages import text

SCAN_ROWS = 30  # rows looked at to find the header

# Words of a header, ranked: a "Celular" column beats "Teléfono", which beats a bare "Número".
PHONE_WORDS = {
    "celular": 3, "movil": 3, "whatsapp": 3, "wsp": 3, "mobile": 3, "cell": 3, "cel": 3, "gsm": 3,
    "msisdn": 3,
    "telefono": 2, "fono": 2, "tel": 2, "phone": 2,
    "numero": 1, "nro": 1, "number": 1,
}  # fmt: skip
EMAIL_WORDS = {"email": 3, "correo": 3, "mail": 2, "emails": 3}
NAME_WORDS = {"nombre": 3, "name": 3, "nombres": 3, "cliente": 1, "contacto": 1}
_NOT_A_WORD = re.compile(r"[^a-z0-9]+")
_E_MAIL = re.compile(r"\be[\s_-]+mail")
CONTENT_COLUMNS = 256  # columns whose cells are looked at when no header names the column


@dataclass(frozen=True)
class Header:
    """The header row (0 when the sheet has none) and one name per kept column."""

    row: int
    names: tuple[str, ...]
    indices: tuple[int, ...]  # position of each named column in a row's cells


@lru_cache(maxsize=4096)
def words(header: str) -> tuple[str, ...]:
    """'Teléfono Móvil' -> ('telefono', 'movil'); 'E-mail' -> ('email',)."""
    plain = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode().lower()
    plain = _E_MAIL.sub("email", plain)
    return tuple(word for word in _NOT_A_WORD.split(plain) if word)


def key(header: str) -> str:
    return " ".join(words(header))


def score(header: str, table: dict[str, int]) -> int:
    """How strongly a header names a kind of column: its best word, long ones as prefixes ('Celulares')."""
    prefixes = _prefixes(id(table), tuple(table))
    best = 0
    for word in words(header):
        weight = table.get(word)
        if weight is None:
            match = prefixes.match(word)
            weight = table[match.group()] if match else 0
        best = max(best, weight)
    return best


@lru_cache(maxsize=8)
def _prefixes(_table_id: int, known: tuple[str, ...]) -> re.Pattern[str]:
    long_words = sorted((word for word in known if len(word) > 3), key=len, reverse=True)
    return re.compile("|".join(long_words))


def find_header(rows: Sequence[tuple[int, list[Any]]]) -> int | None:
    """Index in `rows` of the header row, or None when the first row is already data."""
    if not rows:
        return None
    width = max(_filled(cells) for _, cells in rows)
    wide_enough = max(1, (width + 1) // 2)
    for index, (_, cells) in enumerate(rows):
        filled = _filled(cells)
        if filled >= wide_enough and any(
            isinstance(c, str) and len(c) <= 60 and (score(c, PHONE_WORDS) or score(c, EMAIL_WORDS))
            for c in cells
        ):
            return index
    if _looks_like_data(rows[0][1]):
        return None
    for index, (_, cells) in enumerate(rows):
        values = [c for c in cells if c != ""]
        if len(values) >= wide_enough and all(isinstance(c, str) for c in values):
            return index
    return 0


def name_columns(
    header: list[Any] | None, below: Sequence[list[Any]], column_offset: int, lang: str
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Names for the columns kept: every headed column, and unheaded ones that hold data below."""
    width = max([len(header or [])] + [len(cells) for cells in below])
    names: list[str] = []
    indices: list[int] = []
    seen: dict[str, int] = {}
    for index in range(width):
        title = display_text(header[index], lang).strip() if header and index < len(header) else ""
        if not title:
            if not any(index < len(cells) and cells[index] != "" for cells in below):
                continue
            title = text("column_name", lang, letter=column_letter(index + column_offset))
        count = seen.get(key(title), 0) + 1
        seen[key(title)] = count
        names.append(title if count == 1 else f"{title} ({count})")
        indices.append(index)
    return tuple(names), tuple(indices)


def detect(names: Sequence[str], table: dict[str, int]) -> str | None:
    """The best-named column for a kind (phone, e-mail, name); the leftmost wins a tie."""
    best, best_score = None, 0
    for name in names:
        points = score(name, table)
        if points > best_score:
            best, best_score = name, points
    return best


def detect_by_content(names: Sequence[str], rows: Sequence[dict[str, str]], looks_right: Any) -> str | None:
    """The column whose preview cells mostly pass `looks_right`, when no header names it."""
    best, best_hits = None, 0
    for name in names[:CONTENT_COLUMNS]:
        hits = sum(1 for row in rows if row.get(name) and looks_right(row[name]))
        if hits > best_hits and hits * 2 >= len(rows):
            best, best_hits = name, hits
    return best


def choose(names: Sequence[str], indices: Sequence[int], column_offset: int, wanted: str) -> str | None:
    """The column the user named: its header (any case or accents), else its letter ('C')."""
    wanted_key = key(wanted)
    for name in names:
        if name == wanted or key(name) == wanted_key:
            return name
    letter_index = column_index(wanted)
    if letter_index is not None and letter_index - column_offset in indices:
        return names[list(indices).index(letter_index - column_offset)]
    return None


def _filled(cells: list[Any]) -> int:
    return len(cells) - cells.count("")


def _looks_like_data(cells: list[Any]) -> bool:
    for cell in cells:
        if isinstance(cell, float | int) and not isinstance(cell, bool) and cell >= 1000:
            return True
        if isinstance(cell, str) and ("@" in cell or sum(ch.isdigit() for ch in cell) >= 7):
            return True
    return False
