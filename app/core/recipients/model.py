"""What import produces: one `RecipientRow` per sheet row, and the counts a summary shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class ImportCancelled(Exception):
    """The user pressed Cancel: raised by the row iterator at its next check."""


class RowStatus(StrEnum):
    """Every row ends in exactly one of these; nothing is dropped without a reason."""

    VALID = "valid"
    INVALID = "invalid"
    DUPLICATE = "duplicate"
    SUPPRESSED = "suppressed"


class RecipientRow(NamedTuple):
    """One sheet row after validation.

    A NamedTuple rather than a frozen dataclass: it is just as immutable, and creating
    one costs 0.7 µs instead of 3.4 µs, which is a third of the budget per row.
    """

    row: int  # the sheet's own row number, 1-based
    address: str  # international digits without '+', or the e-mail address; the cell's text when invalid
    fields: dict[str, str]  # every column header -> the cell as the user sees it
    status: RowStatus
    column: str | None = None  # the column a reason is about
    reason: str = ""  # a sentence in the user's language; on a valid row, a note ("range not listed")
    reason_id: str = ""  # key of `app.core.recipients.messages.MESSAGES` ("suppressed" from app.core.reasons)
    duplicate_of: int | None = None  # the row this one repeats


@dataclass(frozen=True)
class ColumnMapping:
    """Which column holds what; the user can change every one of them."""

    phone: str | None = None
    email: str | None = None
    name: str | None = None


@dataclass(slots=True)
class Summary:
    """Counts over rows as they stream by; `as_dict()` is what `masivo check --json` prints.

    `errors` lists every row that will not be sent (invalid, duplicate, suppressed) with its reason.
    """

    rows: int = 0
    valid: int = 0
    invalid: int = 0
    duplicates: int = 0
    suppressed: int = 0
    notes: int = 0  # valid rows sent with a note (a number in a range the metadata does not list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, row: RecipientRow) -> None:
        self.rows += 1
        status = row.status
        if status is RowStatus.VALID:
            self.valid += 1
            if row.reason:
                self.notes += 1
            return
        if status is RowStatus.INVALID:
            self.invalid += 1
        elif status is RowStatus.DUPLICATE:
            self.duplicates += 1
        else:
            self.suppressed += 1
        self.errors.append({"row": row.row, "column": row.column, "reason": row.reason})

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "valid": self.valid,
            "invalid": self.invalid,
            "duplicates": self.duplicates,
            "suppressed": self.suppressed,
            "errors": self.errors,
        }
