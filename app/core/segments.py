"""SMS segment counting as the network counts it (3GPP TS 23.038 / GSM 03.38, TS 23.040).

A message whose every character is in the GSM 7-bit default alphabet (or its extension
table, two septets each) travels as GSM-7: 160 septets in one segment, 153 per segment
when concatenated. Any other character makes the whole message UCS-2 (UTF-16 code units):
70 in one segment, 67 per segment concatenated. A segment boundary never splits an escape
pair or a surrogate pair. Counting is for the text as typed: nothing is rewritten unless
the user asks for `to_gsm`.

`count` runs on every keystroke: bytes operations in C classify the text, never a Python loop per character.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from itertools import accumulate
from operator import add, itemgetter
from typing import Literal

Encoding = Literal["GSM-7", "UCS-2"]

# The default alphabet in code order 0x00-0x7F; 0x1B is the escape to the extension table (not a character).
_BASIC_TABLE = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ"
    " !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
assert len(_BASIC_TABLE) == 128
GSM_BASIC: frozenset[str] = frozenset(_BASIC_TABLE) - {"\x1b"}
# The extension table: each costs the escape septet plus its own (code -> character).
GSM_EXTENSION_TABLE: dict[int, str] = {
    0x0A: "\f",
    0x14: "^",
    0x28: "{",
    0x29: "}",
    0x2F: "\\",
    0x3C: "[",
    0x3D: "~",
    0x3E: "]",
    0x40: "|",
    0x65: "€",
}
GSM_EXTENSION: frozenset[str] = frozenset(GSM_EXTENSION_TABLE.values())
GSM_CHARACTERS: frozenset[str] = GSM_BASIC | GSM_EXTENSION

GSM_SINGLE, GSM_MULTI = 160, 153  # septets per segment: alone / in a concatenated message
UCS2_SINGLE, UCS2_MULTI = 70, 67  # UTF-16 code units per segment
# The longest concatenated SMS the networks carry: its header counts the parts in one byte (TS 23.040
# 9.2.3.24.1). Every provider's maximum, on top of the characters its vendor document names, if any.
MAX_SEGMENTS = 255

# Counting classifies each code point into one byte with C-level bytes operations, never a Python
# loop per character: its septet (0x00-0x7F; 0x1B never occurs), 0x80+i for the i-th extension
# character, 0xFF for a character outside GSM.
_NOT_GSM = 0xFF
_CLASS: dict[str, int] = {c: septet for septet, c in enumerate(_BASIC_TABLE) if c != "\x1b"}
_CLASS.update({c: 0x80 + i for i, c in enumerate(GSM_EXTENSION_TABLE.values())})
_LATIN1_CLASS = bytes(_CLASS.get(chr(b), _NOT_GSM) for b in range(256))
# Beyond Latin-1 only the Greek capitals and the euro sign are GSM.
_GREEK = "".join(c for c in _CLASS if 0x0300 <= ord(c) < 0x0400)
_REPLACED_CLASS = _LATIN1_CLASS[:0x3F] + bytes([_NOT_GSM]) + _LATIN1_CLASS[0x40:]  # '?' taken as "not GSM"
_SEPTETS = bytes(range(128))  # deleting these from a class string leaves one byte per extension character
# Marker byte -> the escape septet and the extension character's own septet.
_ESCAPE_PAIRS = tuple((bytes([0x80 + i]), bytes([0x1B, code])) for i, code in enumerate(GSM_EXTENSION_TABLE))


def _classify(text: str) -> tuple[bytes, int]:
    """One class byte per code point (see above), and how many characters take two UTF-16 units."""
    latin1 = text.encode("latin-1", "replace")  # a plain copy for Latin-1 text (nearly all Spanish)
    if latin1.count(b"?") != text.count("?"):  # some character was replaced: beyond Latin-1
        return _classify_wide(text, latin1)
    return latin1.translate(_LATIN1_CLASS), 0


def _classify_wide(text: str, latin1: bytes) -> tuple[bytes, int]:
    """`_classify` for text beyond Latin-1, where each other character was replaced by '?'."""
    # Every '?' is first taken as non-GSM.
    classes = bytearray(latin1.translate(_REPLACED_CLASS))
    utf16 = text.encode("utf-16-le", "surrogatepass")
    # Then the real question marks, the euro signs and Greek capitals get their class back. The byte
    # tests are cheap pre-checks that may say yes wrongly (a byte of another unit), never no wrongly.
    for chars in ("?", "€" if b"\xac\x20" in utf16 else "", _GREEK if b"\x03" in utf16 else ""):
        for char in chars:
            septet, find = _CLASS[char], text.find
            at = find(char)
            while at >= 0:
                classes[at] = septet
                at = find(char, at + 1)
    return bytes(classes), (len(utf16) >> 1) - len(text)


@dataclass(frozen=True, slots=True)
class SegmentCount:
    """What one SMS costs: its encoding, length and segments, and the characters that force UCS-2."""

    encoding: Encoding
    characters: int  # code points, as the user sees the length
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    non_gsm: tuple[tuple[int, str], ...] = ()  # (code-point index, character), in text order

    def over_limit(self, limit: int | None) -> bool:
        """Whether the message is longer than a provider's declared character limit, or than MAX_SEGMENTS."""
        return self.segments > MAX_SEGMENTS or (limit is not None and self.characters > limit)

    def character_limit(self, limit: int | None) -> int:
        """The characters this message may have: the provider's limit, or what MAX_SEGMENTS carry if less.

        In its own encoding (GSM-7 with no two-septet characters: 39,015; UCS-2: 17,085).
        """
        carried = MAX_SEGMENTS * (GSM_MULTI if self.encoding == "GSM-7" else UCS2_MULTI)
        return carried if limit is None else min(limit, carried)


def count(text: str) -> SegmentCount:
    """Count `text` exactly as the network will; cheap enough to call on every keystroke."""
    classes, astral = _classify(text)
    gsm, units, segments = _measure(text, classes, astral)
    if gsm:
        return SegmentCount("GSM-7", len(text), units, segments)
    # The offsets of the non-GSM class bytes, in C: the k-th is the length of the k pieces before it + k.
    pieces = classes.split(b"\xff")
    positions = list(map(add, accumulate(map(len, pieces[:-1])), itertools.count()))
    characters = itemgetter(*positions)(text) if len(positions) > 1 else (text[positions[0]],)
    non_gsm = tuple(zip(positions, characters, strict=True))
    return SegmentCount("UCS-2", len(text), units, segments, non_gsm)


def over_limit(text: str, limit: int | None) -> bool:
    """`SegmentCount.over_limit` without listing characters: for a campaign's every message."""
    return (limit is not None and len(text) > limit) or measure(text)[2] > MAX_SEGMENTS


def measure(text: str) -> tuple[bool, int, int]:
    """(is GSM-7, units, segments) without listing characters: the fast path for whole campaigns."""
    # `_classify` and `_measure`'s first case inlined: the usual message costs one Python call.
    latin1 = text.encode("latin-1", "replace")
    if latin1.count(b"?") != text.count("?"):
        return _measure(text, *_classify_wide(text, latin1))
    classes = latin1.translate(_LATIN1_CLASS)
    if classes.isascii():
        n = len(text)
        return True, n, 1 if n <= GSM_SINGLE else -(-n // GSM_MULTI)
    return _measure(text, classes, 0)


def _measure(text: str, classes: bytes, astral: int) -> tuple[bool, int, int]:
    n = len(text)
    if classes.isascii():  # plain GSM: one septet per character
        return True, n, 1 if n <= GSM_SINGLE else -(-n // GSM_MULTI)
    if _NOT_GSM not in classes:
        septets = n + len(classes.translate(None, _SEPTETS))
        if septets <= GSM_SINGLE:
            return True, septets, 1
        return True, septets, len(_cuts(_expand(classes), GSM_MULTI))
    units = n + astral
    if units <= UCS2_SINGLE:
        return False, units, 1
    if not astral:  # no surrogate pairs: nothing can straddle a boundary
        return False, units, -(-units // UCS2_MULTI)
    return False, units, len(_cuts(text.encode("utf-16-le", "surrogatepass"), UCS2_MULTI))


def split(text: str) -> list[str]:
    """The texts of the segments `text` is sent as; joined they give `text` back."""
    classes, _ = _classify(text)
    if _NOT_GSM not in classes:
        septets = _expand(classes)
        if len(septets) <= GSM_SINGLE:
            return [text]
        # The cuts never split a pair, so code-point index = septet offset - escapes before it.
        ends = [u - septets.count(0x1B, 0, u) for u in _cuts(septets, GSM_MULTI)]
        return [text[start:end] for start, end in zip([0, *ends], ends, strict=False)]
    utf16 = text.encode("utf-16-le", "surrogatepass")
    if len(utf16) >> 1 <= UCS2_SINGLE:
        return [text]
    ends = _cuts(utf16, UCS2_MULTI)
    pieces = [utf16[2 * s : 2 * e] for s, e in zip([0, *ends], ends, strict=False)]
    return [piece.decode("utf-16-le", "surrogatepass") for piece in pieces]


def _expand(classes: bytes) -> bytes:
    """The GSM septet stream: each extension marker becomes the escape septet and its code."""
    for marker, pair in _ESCAPE_PAIRS:
        classes = classes.replace(marker, pair)
    return classes


def _cuts(stream: bytes, size: int) -> list[int]:
    """Unit offsets where each segment ends, moving a cut back one unit rather than split a pair.

    `stream` is GSM septets (size 153) or UTF-16-LE bytes (size 67); a pair starts at an escape
    septet or at a high surrogate.
    """
    utf16 = size == UCS2_MULTI
    total = len(stream) >> 1 if utf16 else len(stream)
    cuts: list[int] = []
    start = 0
    while total - start > size:
        end = start + size
        last = end - 1
        if (0xD8 <= stream[2 * last + 1] <= 0xDB) if utf16 else stream[last] == 0x1B:
            end = last
        cuts.append(end)
        start = end
    cuts.append(total)
    return cuts


def utf16_spans(text: str, non_gsm: tuple[tuple[int, str], ...]) -> list[tuple[int, int]]:
    """(start, length) in UTF-16 units, as Qt's QTextCursor counts, of each listed character."""
    spans: list[tuple[int, int]] = []
    shift = previous = 0  # UTF-16 units gained by astral characters before `previous`
    for at, char in non_gsm:
        between = text[previous:at]
        shift += (len(between.encode("utf-16-le", "surrogatepass")) >> 1) - len(between)
        width = 2 if ord(char) > 0xFFFF else 1
        spans.append((at + shift, width))
        shift += width - 1
        previous = at + 1
    return spans


# --- The one-click conversion to GSM-7 ------------------------------------------------------------

_EXPLICIT: dict[str, str] = {
    **dict.fromkeys("‘’‚‛′‵`´", "'"),
    **dict.fromkeys("“”„‟″‶«»", '"'),
    **dict.fromkeys("‹›", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys(
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t", " "
    ),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),  # invisible: soft hyphen, zero widths, BOM
    "…": "...",
    "•": "-",
    "·": ".",
    "ª": "a",
    "º": "o",
    "ç": "Ç",  # 0x09: the standard shows an upper-case glyph; Unicode's mapping notes the lower-case intent
    "Œ": "OE",
    "œ": "oe",
    "ẞ": "SS",
    "‰": "%",
}


def _build_to_gsm() -> dict[int, str]:
    table = {ord(c): r for c, r in _EXPLICIT.items()}
    # Accented Latin letters outside GSM lose their accent: á->a, Í->I, ô->o, ã->a, ...
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        if char in GSM_CHARACTERS or code in table:
            continue
        base = unicodedata.normalize("NFD", char)
        if base[0].isascii() and base[0].isalpha() and all(unicodedata.combining(c) for c in base[1:]):
            table[code] = base[0]
    for code in range(0x0300, 0x0370):  # combining accents left over after NFC composition
        table[code] = ""
    return table


_TO_GSM = _build_to_gsm()


def to_gsm(text: str) -> str:
    """`text` with every character that has a sensible GSM-7 equivalent replaced by it; others stay."""
    return unicodedata.normalize("NFC", text).translate(_TO_GSM)


@dataclass(frozen=True, slots=True)
class GsmConversion:
    """The offer shown to the user: the converted text, the cost before and after, what changes."""

    text: str
    before: SegmentCount
    after: SegmentCount
    replacements: tuple[tuple[str, str], ...]  # (character, its replacement), each once, in text order

    @property
    def complete(self) -> bool:
        """Whether the converted text is all GSM-7 (some characters, like emoji, have no equivalent)."""
        return self.after.encoding == "GSM-7"


def gsm_conversion(text: str) -> GsmConversion:
    """What the one-click conversion would do to `text`, without doing it."""
    converted, before = to_gsm(text), count(text)
    seen: dict[str, str] = {}
    for _, char in before.non_gsm:
        if char not in seen:
            seen[char] = to_gsm(char)
    replacements = tuple((c, r) for c, r in seen.items() if r != c)
    return GsmConversion(converted, before, count(converted), replacements)
