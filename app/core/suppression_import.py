"""Numbers and addresses for the suppression list, read from a sheet with the recipients importer.

The sheet's phone column and e-mail column are found as for a campaign; every valid value is
taken in the form the list keeps (international digits without '+', lower-case addresses).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.domain import Channel
from app.core.recipients import RowStatus, inspect_sheet, load_recipients
from app.core.recipients.sheets import SheetError

TAKEN = frozenset({RowStatus.VALID, RowStatus.DUPLICATE, RowStatus.SUPPRESSED})


@dataclass
class SuppressionSheet:
    """What a sheet gave: values per channel, and how many rows had none that could be read."""

    values: dict[Channel, list[str]] = field(default_factory=dict)
    unreadable: int = 0

    @property
    def count(self) -> int:
        return sum(len(values) for values in self.values.values())


def read_suppression_sheet(path: Path, country: str, lang: str | None = None) -> SuppressionSheet:
    """Every number and address in the sheet; `SheetError` when it has no phone or e-mail column."""
    mapping = inspect_sheet(path, country=country, lang=lang).mapping
    channels = [channel for channel, column in ((Channel.SMS, mapping.phone), (Channel.EMAIL, mapping.email))
                if column is not None]  # fmt: skip
    if not channels:
        raise SheetError("no_phone_column", sheet=path.name, columns="—")
    found = SuppressionSheet()
    for channel in channels:
        values: dict[str, None] = {}
        for row in load_recipients(path, channel=channel, country=country, lang=lang):
            if row.status in TAKEN:
                values[row.address] = None
            elif len(channels) == 1:
                found.unreadable += 1
        found.values[channel] = list(values)
    return found
