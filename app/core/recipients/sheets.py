"""Open any spreadsheet a user has, list its sheets, and stream a sheet's rows.

The kind of file is told by its content, not its name: a CSV renamed .xlsx is read as
the CSV it is, and a password-protected .xlsx (an OLE2 compound file holding an
"EncryptedPackage" stream) is named as such. python-calamine reads .xlsx/.xlsm/.xlsb,
.xls and .ods: it is about ten times faster than openpyxl's read-only mode (bench/).
Every failure becomes a `SheetError` with one sentence for the user.
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, count
from pathlib import Path
from typing import Any

import python_calamine as calamine

from app.core.recipients.messages import text

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
EXTENSIONS = {"xlsx": (".xlsx", ".xlsm"), "xlsb": (".xlsb",), "xls": (".xls",), "ods": (".ods",)}
_BINARY_KINDS = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7-Zip"),
    (b"\x1f\x8b", "gzip"),
    (b"{\\rtf", "RTF"),
)

Cells = list[Any]
Row = tuple[int, Cells]  # the sheet's own 1-based row number, the cells


class SheetError(Exception):
    """A file or sheet that cannot be read; `str()` is one sentence that says what to do."""

    def __init__(self, message_id: str, **params: object) -> None:
        self.message_id = message_id
        self.params = params
        super().__init__(text(message_id, None, **params))


@dataclass(frozen=True)
class SheetInfo:
    """A sheet as the user sees it in the workbook's tabs."""

    name: str
    hidden: bool = False


class RowStream:
    """The rows of one sheet as (the sheet's own 1-based row number, cells), and a size estimate.

    Rows whose cells are all empty may come too: callers skip them (it is cheaper there).
    """

    def __init__(self, rows: Iterator[Row], total: int | None, column_offset: int = 0) -> None:
        self.rows = rows
        self.column_offset = column_offset  # index of the sheet column the first cell of each row is in
        self._total = total

    def estimate_total(self, done_rows: int, last_row: int) -> int:
        """How many rows the whole stream will likely give, for a progress bar."""
        if self._total is None or last_row <= 0:
            return done_rows
        return max(done_rows, round(done_rows * self._total / last_row))


def sniff_kind(path: Path) -> str:
    """'xlsx', 'xlsb', 'xls', 'ods' or 'csv' from the file's first bytes; SheetError for anything else."""
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except FileNotFoundError:
        raise SheetError("file_missing", file=name) from None
    except IsADirectoryError:
        raise SheetError("file_is_folder", file=name) from None
    except OSError:
        raise SheetError("file_locked", file=name) from None
    if not head:
        raise SheetError("file_empty", file=name)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path)
    if head.startswith(CFB_MAGIC):
        if _holds(path, ENCRYPTED_STREAM):
            raise SheetError("file_password", file=name)
        return "xls"
    for magic, kind in _BINARY_KINDS:
        if head.startswith(magic):
            raise SheetError("file_not_sheet", file=name, kind=kind)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype", b"<html", b"<table", b"<?xml", b"<meta")):
        raise SheetError("file_web_page", file=name)
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in head and not utf16:
        raise SheetError("file_not_sheet", file=name, kind=text("binary_kind"))
    return "csv"


def _zip_kind(path: Path) -> str:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, EOFError, OSError, KeyError):
        raise SheetError("file_damaged", file=name) from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if b"opendocument.spreadsheet" in mimetype:
        return "ods"
    kind = (
        "Word" if "word/document.xml" in names else "PowerPoint" if "ppt/presentation.xml" in names else "ZIP"
    )
    if b"opendocument.text" in mimetype:
        kind = "Writer"
    raise SheetError("file_not_sheet", file=name, kind=kind)


def _holds(path: Path, needle: bytes) -> bool:
    """Whether `needle` occurs in the file, read in chunks so a large file costs no memory."""
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle) :]
    return False


class CalamineBook:
    """A workbook python-calamine reads; sheets are loaded once, when first asked for."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind
        self._handle = None
        try:
            if path.suffix.lower() in EXTENSIONS[kind]:
                self._book = calamine.CalamineWorkbook.from_path(str(path))
            else:  # the name lies about the content: let calamine sniff it from the bytes
                with path.open("rb") as handle:
                    self._book = calamine.CalamineWorkbook.from_filelike(handle)
            metadata = self._book.sheets_metadata
        except Exception as exc:  # calamine raises its own errors, ValueError and OSError alike
            raise _calamine_error(path, exc) from None
        self.sheets = tuple(
            SheetInfo(sheet.name, sheet.visible != calamine.SheetVisibleEnum.Visible)
            for sheet in metadata
            if sheet.typ in (calamine.SheetTypeEnum.WorkSheet, calamine.SheetTypeEnum.DialogSheet)
        )
        self._loaded: dict[str, calamine.CalamineSheet] = {}

    def has_data(self, name: str) -> bool:
        return self._sheet(name).start is not None

    def rows(self, name: str) -> RowStream:
        sheet = self._sheet(name)
        start, end = sheet.start, sheet.end
        if start is None or end is None:
            return RowStream(iter(()), 0)
        return RowStream(_calamine_rows(sheet, start[0], start[1]), end[0] + 1, start[1])

    def close(self) -> None:
        self._loaded.clear()
        with contextlib.suppress(calamine.CalamineError):  # already closed
            self._book.close()

    def _sheet(self, name: str) -> calamine.CalamineSheet:
        if name not in self._loaded:
            try:
                self._loaded[name] = self._book.get_sheet_by_name(name)
            except Exception as exc:
                raise _calamine_error(self.path, exc) from None
        return self._loaded[name]


def _calamine_rows(sheet: calamine.CalamineSheet, start_row: int, column_offset: int) -> Iterator[Row]:
    """Rows with their sheet row numbers; merged ranges show their value in every cell they cover."""
    rows = sheet.iter_rows()
    first = next(rows, None)
    if first is None:
        return iter(())
    # python-calamine 0.9 pads the rows above the data with empty ones, so a row's index is its
    # sheet row; without padding, the first row given would be `start_row`, which holds data.
    padded = start_row == 0 or first.count("") == len(first)
    numbered = zip(count(1 if padded else start_row + 1), chain((first,), rows), strict=False)
    ranges = sheet.merged_cell_ranges
    if ranges:
        return _merged(numbered, _Merges(ranges, column_offset))
    return numbered  # no Python frame per row: this is most of what reading costs


def _merged(rows: Iterator[Row], merges: _Merges) -> Iterator[Row]:
    for number, cells in rows:
        if merges:
            merges.fill(number - 1, cells)
        yield number, cells


class _Merges:
    """Merged ranges: the top-left value is copied into the other cells, as the user sees it."""

    def __init__(self, ranges: list[tuple[tuple[int, int], tuple[int, int]]], column_offset: int) -> None:
        self._pending = sorted(ranges)
        self._active: list[tuple[int, int, int, Any]] = []  # (last row, first col, last col, value)
        self._offset = column_offset

    def __bool__(self) -> bool:
        return bool(self._pending or self._active)

    def fill(self, row: int, cells: Cells) -> None:
        while self._pending and self._pending[0][0][0] <= row:
            (top, left), (bottom, right) = self._pending.pop(0)
            if bottom >= row and top == row:
                first = left - self._offset
                value = cells[first] if 0 <= first < len(cells) else ""
                self._active.append((bottom, first, right - self._offset, value))
        self._active = [span for span in self._active if span[0] >= row]
        for _, first, last, value in self._active:
            for column in range(max(first, 0), min(last, len(cells) - 1) + 1):
                if cells[column] == "":
                    cells[column] = value


def _calamine_error(path: Path, exc: Exception) -> SheetError:
    if isinstance(exc, calamine.PasswordError):
        return SheetError("file_password", file=path.name)
    if isinstance(exc, calamine.ZipError | calamine.XmlError | EOFError):
        return SheetError("file_damaged", file=path.name)
    if isinstance(exc, PermissionError):
        return SheetError("file_locked", file=path.name)
    detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return SheetError("file_unreadable", file=path.name, detail=detail)
