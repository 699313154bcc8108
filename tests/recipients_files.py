"""Spreadsheets made at test time, in every format import reads, with the libraries that write them."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Rows = Sequence[Sequence[Any]]


def xlsx(
    path: Path,
    rows: Rows,
    *,
    title: str = "Clientes",
    start: str = "A1",
    merges: Sequence[str] = (),
    extra_sheets: Sequence[tuple[str, Rows, bool]] = (),  # (title, rows, hidden), placed before
) -> Path:
    """An .xlsx (or .xlsm by name) written by openpyxl; `start` is the top-left cell of `rows`."""
    from openpyxl import Workbook
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    book = Workbook()
    book.remove(book.active)
    for sheet_title, sheet_rows, hidden in extra_sheets:
        sheet = book.create_sheet(sheet_title)
        for values in sheet_rows:
            sheet.append(list(values))
        if hidden:
            sheet.sheet_state = "hidden"
    sheet = book.create_sheet(title)
    letters, first_row = coordinate_from_string(start)
    first_col = column_index_from_string(letters)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is not None:
                sheet.cell(row=first_row + r, column=first_col + c, value=value)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def with_cached_values(path: Path, values: dict[str, tuple[str, str]]) -> Path:
    """Give formula cells the cached value Excel would have saved: {cell: (type, value)}.

    openpyxl writes formulas without results; Excel and LibreOffice store the last result
    beside the formula, and that is what a reader must show.
    """
    import re

    target = path.with_name(path.stem + "-cached" + path.suffix)
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                xml = data.decode()
                for cell, (kind, value) in values.items():
                    pattern = rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/>(</c>)?'
                    xml = re.sub(pattern, rf'<c r="{cell}" t="{kind}"><f>\2</f><v>{value}</v></c>', xml)
                data = xml.encode()
            new.writestr(item, data)
    return target


def xls(path: Path, rows: Rows, *, title: str = "Hoja1", first_row: int = 0) -> Path:
    """A legacy .xls written by xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(title)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is not None:
                sheet.write(first_row + r, c, value)
    book.save(str(path))
    return path


def ods(path: Path, rows: Rows, *, title: str = "Hoja1") -> Path:
    """An OpenDocument sheet written by odfpy, numbers as float cells like LibreOffice writes them."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name=title)
    for values in rows:
        row = TableRow()
        for value in values:
            if value is None or value == "":
                row.addElement(TableCell())
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
                row.addElement(cell)
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def text_file(path: Path, content: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    """A CSV or text export; `newline` replaces every '\\n' in `content`."""
    path.write_bytes(content.replace("\n", newline).encode(encoding))
    return path


def encrypted_xlsx(path: Path, source: Path, password: str = "secreto") -> Path:
    """What Excel writes for File > Info > Protect Workbook > Encrypt with Password."""
    import pytest

    ooxml = pytest.importorskip("msoffcrypto.format.ooxml", reason="msoffcrypto-tool writes encrypted files")
    with source.open("rb") as plain, path.open("wb") as out:
        ooxml.OOXMLFile(plain).encrypt(password, out)
    return path
