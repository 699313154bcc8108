"""How every text outside Qt is worded: a catalogue per subject, one function, one language rule.

A catalogue maps an id to its (Spanish, English) sentence, with `{named}` fields:
`REASONS` (problems the core reports), the recipients' `MESSAGES`, the CLI's `TEXTS`...
`word` picks the user's language and fills the fields. The window words its own texts
with Qt Linguist (`tr()`) and only borrows the catalogues for what the core reports.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping

Catalogue = Mapping[str, tuple[str, str]]


def language() -> str:
    """'es' or 'en', following MASIVO_LANG, then the OS language; Spanish by default."""
    chosen = os.environ.get("MASIVO_LANG") or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    if not chosen:
        chosen = locale.getlocale()[0] or ""
    return "en" if chosen.lower().startswith("en") else "es"


def word(catalogue: Catalogue, text_id: str, /, lang: str | None = None, **fields: object) -> str:
    """The sentence for `text_id` in `lang` ('es'/'en'; the user's language by default).

    An id the catalogue lacks is shown as itself rather than lost; a field the caller did not
    give shows as '?' rather than failing in front of the user."""
    pair = catalogue.get(text_id)
    if pair is None:
        return text_id
    return pair[(lang or language()) == "en"].format_map(_Lenient(fields))


class _Lenient(dict[str, object]):
    """Fields for `str.format_map`: a missing one shows as '?' rather than raising."""

    def __missing__(self, key: str) -> str:
        return "?"
