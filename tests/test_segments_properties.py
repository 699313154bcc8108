"""Properties of segment counting, checked against a plain per-character reference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.segments import (
    GSM_BASIC,
    GSM_CHARACTERS,
    GSM_EXTENSION,
    count,
    measure,
    split,
    to_gsm,
    utf16_spans,
)

# Mostly GSM, with extension characters, accents, curly quotes, Greek, Cyrillic and emoji sprinkled in.
_ALPHABET = st.one_of(
    st.sampled_from(sorted(GSM_BASIC)),
    st.sampled_from(sorted(GSM_EXTENSION)),
    st.sampled_from(list("áíóúÁÚçã“”‘’—–…\u00a0`\tжπ?")),
    st.sampled_from(["😀", "🎉", "\U0001f3fd", "\U0001f1e8", "\u0301"]),
)
texts = st.text(alphabet=_ALPHABET, max_size=400) | st.text(
    alphabet=st.sampled_from(sorted(GSM_BASIC)), min_size=150, max_size=800
)
mostly_gsm = st.builds(
    lambda body, tail: body + tail,
    st.text(alphabet=st.sampled_from(sorted(GSM_CHARACTERS)), max_size=800),
    st.text(alphabet=_ALPHABET, max_size=3),
)


def _unit_cost(char: str, gsm: bool) -> int:
    if gsm:
        return 2 if char in GSM_EXTENSION else 1
    return 2 if ord(char) > 0xFFFF else 1


def reference(text: str) -> tuple[str, int, int, list[int]]:
    """Encoding, units, segments and segment lengths in characters, one character at a time."""
    gsm = all(c in GSM_CHARACTERS for c in text)
    costs = [_unit_cost(c, gsm) for c in text]
    units = sum(costs)
    single, multi = (160, 153) if gsm else (70, 67)
    if units <= single:
        return ("GSM-7" if gsm else "UCS-2"), units, 1, [len(text)]
    lengths, used, chars = [], 0, 0
    for cost in costs:
        if used + cost > multi:
            lengths.append(chars)
            used, chars = 0, 0
        used += cost
        chars += 1
    lengths.append(chars)
    return ("GSM-7" if gsm else "UCS-2"), units, len(lengths), lengths


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, mostly_gsm))
def test_count_agrees_with_the_reference(text: str) -> None:
    encoding, units, segments, lengths = reference(text)
    result = count(text)
    assert (result.encoding, result.characters, result.units, result.segments) == (
        encoding,
        len(text),
        units,
        segments,
    )
    assert measure(text) == (encoding == "GSM-7", units, segments)
    assert [len(part) for part in split(text)] == lengths


@settings(max_examples=200, deadline=None)
@given(st.one_of(texts, mostly_gsm))
def test_split_rejoins_to_the_message_and_no_segment_is_over_its_size(text: str) -> None:
    parts = split(text)
    assert "".join(parts) == text
    assert len(parts) == count(text).segments
    gsm = count(text).encoding == "GSM-7"
    size = (160 if gsm else 70) if len(parts) == 1 else (153 if gsm else 67)
    for part in parts:
        assert sum(_unit_cost(c, gsm) for c in part) <= size


@settings(max_examples=200, deadline=None)
@given(st.one_of(texts, mostly_gsm), st.text(alphabet=_ALPHABET, min_size=1, max_size=40))
def test_appending_never_lowers_the_count(text: str, more: str) -> None:
    before, after = count(text), count(text + more)
    assert after.segments >= before.segments
    assert after.characters > before.characters
    if after.encoding == before.encoding:  # '{' is 2 septets and '{`' 2 UCS-2 units: units may tie
        assert after.units > before.units


@settings(max_examples=200, deadline=None)
@given(st.one_of(texts, mostly_gsm))
def test_non_gsm_lists_exactly_the_characters_outside_gsm(text: str) -> None:
    listed = count(text).non_gsm
    expected = tuple((at, c) for at, c in enumerate(text) if c not in GSM_CHARACTERS)
    assert listed == (expected if count(text).encoding == "UCS-2" else ())
    utf16 = text.encode("utf-16-le", "surrogatepass")
    for (_, char), (start, length) in zip(listed, utf16_spans(text, listed), strict=True):
        assert utf16[2 * start : 2 * (start + length)].decode("utf-16-le", "surrogatepass") == char


@settings(max_examples=200, deadline=None)
@given(st.one_of(texts, mostly_gsm))
def test_to_gsm_is_idempotent_and_leaves_only_what_has_no_equivalent(text: str) -> None:
    converted = to_gsm(text)
    assert to_gsm(converted) == converted
    assert all(to_gsm(char) == char for _, char in count(converted).non_gsm)
    if count(text).encoding == "GSM-7":
        assert converted == text
