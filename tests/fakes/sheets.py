"""Small recipient sheets written for tests, with known valid, invalid and duplicate rows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

HEADERS = ("Nombre", "Teléfono", "Monto")
# Chilean mobiles: 9 digits starting with 9 after +56.
ROWS: tuple[tuple[str, str, str], ...] = (
    ("Ana Pérez", "+56 9 1234 5678", "10.000"),
    ("Bruno Díaz", "9 8765 4321", "2.500"),
    ("Carla Soto", "123", "700"),  # invalid: too short
    ("Daniel Rojas", "+56912345678", "1.000"),  # duplicate of Ana's number
    ("Elena Muñoz", "+56 9 5555 0001", "3.000"),
)
VALID, INVALID, DUPLICATES = 3, 1, 1


def write_sheet(
    path: Path,
    rows: Sequence[Sequence[str]] = ROWS,
    headers: Sequence[str] = HEADERS,
    title: str = "Clientes",
    above: int = 0,
) -> Path:
    """An .xlsx with `headers` then `rows` (text cells), `above` blank-ish title rows first."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for index in range(above):
        sheet.append([f"Listado de clientes {index + 1}"])
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def email_sheet(path: Path, rows: int) -> Path:
    """An .xlsx of `rows` customers with their e-mail addresses, cliente<i>@example.com."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Clientes")
    sheet.append(["Nombre", "Correo"])
    for i in range(rows):
        sheet.append([f"Cliente {i}", f"cliente{i}@example.com"])
    book.save(path)
    return path


def write_csv(path: Path, count: int) -> Path:
    """A CSV of `count` distinct valid Chilean mobiles (fast to write, for long imports)."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Nombre,Telefono\n")
        handle.writelines(f"Cliente {i},+569{10000000 + i}\n" for i in range(count))
    return path


def read_rows(path: Path) -> list[tuple[Any, ...]]:
    """The values of every row of the first sheet, and the file closed (read-only mode keeps it open)."""
    book = load_workbook(path, read_only=True)
    try:
        sheet = book.active
        assert sheet is not None
        return list(sheet.iter_rows(values_only=True))
    finally:
        book.close()
