"""Opt-out replies: a reply that says only an opt-out word ("BAJA", "¡Baja!", " stop. ").

Case, accents, punctuation and surrounding spaces are ignored; a word inside a longer
sentence ("no me den de baja") is not an opt-out. The words are the `opt_out_words` setting.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

DEFAULT_WORDS = "BAJA,STOP,SALIR,CANCELAR,DESUSCRIBIR,UNSUBSCRIBE,ALTO"
_NOT_WORD = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, single spaces: the form words are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", plain.casefold()).strip()


def opt_out_words(setting: str | Iterable[str]) -> frozenset[str]:
    """The words of the setting (comma, semicolon or line separated), normalized."""
    parts = re.split(r"[,;\n]", setting) if isinstance(setting, str) else list(setting)
    return frozenset(word for word in (normalize(part) for part in parts) if word)


def is_opt_out(text: str, words: frozenset[str]) -> bool:
    """Whether the reply says only one of the opt-out words."""
    return normalize(text) in words
