"""Open a sheet, find its header and columns, then stream every row to a `RecipientRow`.

Rows flow one at a time from the reader to the caller: nothing but the set of
addresses already seen (for duplicates) grows with the sheet. `prepare` does all the
checks that can fail for the whole file before the first row is yielded, so a bad
file raises `SheetError` at once, not halfway through.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.core.domain import Channel
from app.core.recipients import columns
from app.core.recipients.cells import display_text
from app.core.recipients.csvfile import CsvBook
from app.core.recipients.emails import check_email
from app.core.recipients.model import ColumnMapping
from app.core.recipients.phones import PhoneChecker
from app.core.recipients.sheets import CalamineBook, Cells, Row, RowStream, SheetError, SheetInfo, sniff_kind

PREVIEW_ROWS = 20


class Book(Protocol):
    kind: str
    sheets: tuple[SheetInfo, ...]

    def has_data(self, name: str) -> bool: ...
    def rows(self, name: str) -> RowStream: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class SheetPreview:
    """What the import dialog shows before importing: sheets, header, mapping, first rows."""

    path: Path
    kind: str  # 'xlsx', 'xlsb', 'xls', 'ods' or 'csv'
    sheets: tuple[SheetInfo, ...]
    sheet: str
    header_row: int  # the sheet's row number of the headers; 0 when the sheet has none
    headers: tuple[str, ...]
    mapping: ColumnMapping
    rows: tuple[tuple[int, dict[str, str]], ...]  # (row number, header -> text) of the first rows
    estimated_rows: int | None  # rows below the header, for the progress bar; None if unknown


@dataclass
class Prepared:
    """An open sheet with its header found, ready to stream."""

    book: Book
    preview: SheetPreview
    indices: tuple[int, ...]
    column_offset: int
    stream: RowStream
    buffered: list[tuple[int, Cells]]  # rows read while looking for the header, not yet yielded


def open_book(path: Path) -> Book:
    """The reader for `path`, chosen by its content."""
    kind = sniff_kind(path)
    if kind == "csv":
        return CsvBook(path)
    return CalamineBook(path, kind)


def prepare(
    path: Path, *, sheet: str | None, header_row: int | None, lang: str, country: str = "CL"
) -> Prepared:
    """Open `path`, choose the sheet and its header row, name and map the columns."""
    book = open_book(path)
    try:
        name = _choose_sheet(book, path, sheet)
        stream = book.rows(name)
        buffered = _first_rows(stream, columns.SCAN_ROWS)
        if not buffered:
            raise SheetError("sheet_empty", sheet=name)
        head = _header_index(buffered, header_row)
        header_cells = buffered[head][1] if head is not None else None
        header_number = buffered[head][0] if head is not None else 0
        below = buffered[head + 1 :] if head is not None else buffered
        if not below:
            below = _first_rows(stream, 1)
            if not below:
                raise SheetError("headers_only", sheet=name, row=header_number)
        names, indices = columns.name_columns(header_cells, [c for _, c in below], stream.column_offset, lang)
        sample = [(number, _fields(names, indices, cells, lang)) for number, cells in below[:PREVIEW_ROWS]]
        mapping = _detect_mapping(names, [fields for _, fields in sample], country)
        last = buffered[-1][0]
        preview = SheetPreview(
            path=path,
            kind=book.kind,
            sheets=book.sheets,
            sheet=name,
            header_row=header_number,
            headers=names,
            mapping=mapping,
            rows=tuple(sample),
            estimated_rows=max(0, stream.estimate_total(len(buffered), last) - (head or 0) - 1)
            if book.kind != "csv"
            else None,
        )
        return Prepared(book, preview, indices, stream.column_offset, stream, below)
    except BaseException:
        book.close()
        raise


def address_column(prepared: Prepared, channel: Channel, chosen: str | None) -> tuple[str, int]:
    """The column that holds the addresses for `channel`, as (header, position in a row)."""
    preview = prepared.preview
    names = preview.headers
    if chosen:
        found = columns.choose(names, prepared.indices, prepared.column_offset, chosen)
        if found is None:
            raise SheetError("column_missing", column=chosen, sheet=preview.sheet, columns=_listing(names))
    else:
        found = preview.mapping.phone if channel is Channel.SMS else preview.mapping.email
        if found is None:
            missing = "no_phone_column" if channel is Channel.SMS else "no_email_column"
            raise SheetError(missing, sheet=preview.sheet, columns=_listing(names))
    return found, prepared.indices[names.index(found)]


def _first_rows(stream: RowStream, limit: int) -> list[Row]:
    """The next `limit` rows that are not empty."""
    found: list[Row] = []
    for number, cells in stream.rows:
        if cells.count("") != len(cells):
            found.append((number, cells))
            if len(found) == limit:
                break
    return found


def _choose_sheet(book: Book, path: Path, wanted: str | None) -> str:
    if wanted is not None:
        for info in book.sheets:
            if info.name == wanted or info.name.casefold() == wanted.strip().casefold():
                return info.name
        listing = ", ".join(info.name for info in book.sheets)
        raise SheetError("sheet_missing", sheet=wanted, file=path.name, sheets=listing)
    ordered = [info for info in book.sheets if not info.hidden] + [
        info for info in book.sheets if info.hidden
    ]
    for info in ordered:
        if book.has_data(info.name):
            return info.name
    raise SheetError("file_no_data", file=path.name)


def _header_index(buffered: list[tuple[int, Cells]], header_row: int | None) -> int | None:
    if header_row is None:
        return columns.find_header(buffered)
    if header_row == 0:
        return None
    for index, (number, _) in enumerate(buffered):
        if number >= header_row:
            return index
    return len(buffered) - 1


def _fields(names: tuple[str, ...], indices: tuple[int, ...], cells: Cells, lang: str) -> dict[str, str]:
    width = len(cells)
    return {
        name: display_text(cells[i], lang) if i < width else ""
        for name, i in zip(names, indices, strict=True)
    }


def _detect_mapping(names: tuple[str, ...], sample: list[dict[str, str]], country: str) -> ColumnMapping:
    phone = columns.detect(names, columns.PHONE_WORDS)
    checker = PhoneChecker(country, mobile_only=False)

    def phone_like(value: str) -> bool:
        return checker.check(value).ok

    weak = phone is None or columns.score(phone, columns.PHONE_WORDS) < 2
    # A bare "Número" may be a document number: trust it only if its cells look like phones.
    if weak and (phone is None or not columns.detect_by_content([phone], sample, phone_like)):
        phone = columns.detect_by_content(names, sample, phone_like) or phone
    email = columns.detect(names, columns.EMAIL_WORDS)
    if email is None:
        email = columns.detect_by_content(names, sample, lambda value: check_email(value).ok)
    name = columns.detect(names, columns.NAME_WORDS)
    return ColumnMapping(phone=phone, email=email, name=name)


def _listing(names: tuple[str, ...]) -> str:
    shown = ", ".join(names[:12])
    return shown + (f", … (+{len(names) - 12})" if len(names) > 12 else "")
