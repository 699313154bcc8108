"""CSV and text exports: the encoding and the delimiter are sniffed, rows are streamed.

Excel in a Spanish locale writes `;`-separated cp1252 ("CSV (delimitado por comas)"),
LibreOffice and Google Sheets write `,`-separated UTF-8, Excel's "Texto Unicode" is
tab-separated UTF-16 with a BOM. The encoding is UTF-8 only if the whole file decodes
as UTF-8 (checked in chunks), else cp1252, else latin-1 (which decodes anything).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Generator
from pathlib import Path

from app.core.recipients.sheets import Cells, RowStream, SheetError, SheetInfo

DELIMITERS = (",", ";", "\t", "|")
SAMPLE_BYTES = 64 * 1024
SAMPLE_LINES = 50


def sniff_encoding(path: Path) -> str:
    """The codec that reads `path` right; Spanish text must come out with its accents."""
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        for encoding in ("utf-8", "cp1252"):
            handle.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                while chunk := handle.read(1 << 20):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return encoding
    return "latin-1"


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the sample's lines into the most consistent number of columns."""
    lines = sample.splitlines()
    if len(lines) > 1:
        lines = lines[:-1]  # the sample may cut the last line in half
    lines = [line for line in lines[:SAMPLE_LINES] if line.strip()]
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not counts:
            continue
        width, hits = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = (hits / len(counts), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


class CsvBook:
    """A text file as a one-sheet workbook named after the file."""

    kind = "csv"

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.encoding = sniff_encoding(path)
            with path.open("rb") as handle:
                sample = handle.read(SAMPLE_BYTES).decode(self.encoding, errors="replace")
        except OSError:
            raise SheetError("file_locked", file=path.name) from None
        self.delimiter = sniff_delimiter(sample.lstrip("\ufeff"))
        self.size = path.stat().st_size
        self.sheets: tuple[SheetInfo, ...] = (SheetInfo(path.stem),)
        self._streams: list[_CsvStream] = []

    def has_data(self, name: str) -> bool:
        return self.size > 0

    def rows(self, name: str) -> RowStream:
        stream = _CsvStream(self.path, self.encoding, self.delimiter, self.size)
        self._streams.append(stream)
        return stream

    def close(self) -> None:
        for stream in self._streams:
            stream.close()
        self._streams.clear()


class _CsvStream(RowStream):
    """Rows numbered as Excel numbers them when it opens the file: one record, one row.

    The file is opened by the row generator itself, so closing the generator (or its
    garbage collection) closes the file.
    """

    def __init__(self, path: Path, encoding: str, delimiter: str, size: int) -> None:
        self._records = self._read(path, encoding, delimiter)
        super().__init__(self._records, None)
        self._raw: io.BufferedReader | None = None
        self._size = size

    def estimate_total(self, done_rows: int, last_row: int) -> int:
        position = self._raw.tell() if self._raw is not None and not self._raw.closed else 0
        if position <= 0 or position >= self._size:
            return done_rows
        return max(done_rows, round(done_rows * self._size / position))

    def close(self) -> None:
        self._records.close()

    def _read(self, path: Path, encoding: str, delimiter: str) -> Generator[tuple[int, Cells], None, None]:
        number = 0
        with path.open("rb") as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as handle:
            self._raw = raw
            try:
                for cells in csv.reader(handle, delimiter=delimiter):
                    number += 1
                    if number == 1 and cells and cells[0].startswith("\ufeff"):
                        cells[0] = cells[0][1:]  # a BOM the codec did not take (UTF-16 from some tools)
                    if cells and cells.count("") != len(cells):
                        yield number, cells
            except csv.Error as exc:
                raise SheetError("csv_broken", file=path.name, row=number + 1, detail=str(exc)) from None
            except UnicodeDecodeError:
                raise SheetError("csv_broken", file=path.name, row=number + 1, detail="encoding") from None
