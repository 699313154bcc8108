"""SMS segment counting: the GSM 03.38 table, the boundaries, and the conversion to GSM-7."""

from __future__ import annotations

import pytest

from app.core.segments import (
    GSM_BASIC,
    GSM_CHARACTERS,
    GSM_EXTENSION,
    count,
    gsm_conversion,
    measure,
    split,
    to_gsm,
    utf16_spans,
)


def test_the_basic_table_is_exactly_gsm_03_38() -> None:
    assert len(GSM_BASIC) == 127  # 128 codes, one of which is the escape to the extension table
    for char in "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà":
        assert char in GSM_BASIC, repr(char)
    for char in "áíóúÁÍÓÚç`\t\x1b\x00ÀÈ":
        assert char not in GSM_BASIC, repr(char)
    assert frozenset("^{}\\[~]|€\f") == GSM_EXTENSION


@pytest.mark.parametrize(
    ("length", "segments"),
    [(0, 1), (1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (765, 5), (766, 6)],
)
def test_gsm_boundaries(length: int, segments: int) -> None:
    result = count("a" * length)
    assert (result.encoding, result.characters, result.units) == ("GSM-7", length, length)
    assert result.segments == segments


@pytest.mark.parametrize(("length", "segments"), [(70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4)])
def test_ucs2_boundaries(length: int, segments: int) -> None:
    result = count("á" * length)
    assert (result.encoding, result.units, result.segments) == ("UCS-2", length, segments)


def test_the_empty_message_is_one_segment() -> None:
    assert count("") == count("") and count("").segments == 1
    assert (count("").encoding, count("").units) == ("GSM-7", 0)
    assert split("") == [""]


@pytest.mark.parametrize("char", list("^{}\\[~]|€\f"))
def test_extension_characters_cost_two_septets(char: str) -> None:
    result = count(f"a{char}b")
    assert (result.encoding, result.characters, result.units) == ("GSM-7", 3, 4)
    assert count("a" * 158 + char).segments == 1  # 160 septets
    assert count("a" * 159 + char).segments == 2  # 161 septets


def test_an_escape_pair_never_straddles_a_segment_boundary() -> None:
    # 152 septets, then the pair would be septets 153-154: it moves whole to the second segment.
    text = "a" * 152 + "€" + "b" * 10
    assert count(text).units == 164
    assert split(text) == ["a" * 152, "€" + "b" * 10]
    # 151 + pair fits exactly in 153.
    assert split("a" * 151 + "€" + "b" * 10) == ["a" * 151 + "€", "b" * 10]


def test_moving_an_escape_pair_can_add_a_segment() -> None:
    # 306 septets would be 2 segments of 153, but the pair at 152-153 pushes one septet over.
    text = "a" * 152 + "{" + "b" * 152
    assert count(text).units == 306
    assert count(text).segments == 3
    assert split(text) == ["a" * 152, "{" + "b" * 151, "b"]
    assert count("a" * 151 + "{" + "b" * 153).segments == 2


def test_an_emoji_never_straddles_a_segment_boundary() -> None:
    text = "á" * 66 + "😀" + "é" * 10  # units 66 + 2 + 10 = 78
    result = count(text)
    assert (result.encoding, result.characters, result.units, result.segments) == ("UCS-2", 77, 78, 2)
    assert split(text) == ["á" * 66, "😀" + "é" * 10]
    assert split("á" * 65 + "😀" + "é" * 10) == ["á" * 65 + "😀", "é" * 10]
    pushed = "á" * 66 + "😀" + "é" * 66  # 134 units, but the pair moves: 3 segments
    assert (count(pushed).units, count(pushed).segments) == (134, 3)


def test_an_emoji_costs_two_units_and_lists_as_one_character() -> None:
    result = count("Hola 😀")
    assert (result.encoding, result.characters, result.units) == ("UCS-2", 6, 7)
    assert result.non_gsm == ((5, "😀"),)
    assert measure("Hola 😀") == (False, 7, 1)


def test_one_accent_switches_the_whole_message_to_ucs2() -> None:
    text = "Hola, su cuota vence mañana. Pague aqui." * 4  # 160 GSM characters (ñ is GSM)
    assert (count(text).encoding, count(text).segments) == ("GSM-7", 1)
    typed = text.replace("aqui", "aquí", 1)
    result = count(typed)
    assert (result.encoding, result.segments) == ("UCS-2", 3)
    assert result.non_gsm == ((typed.index("í"), "í"),)


def test_non_gsm_lists_every_occurrence_with_its_position() -> None:
    text = "“Oferta” — ¿ya la vió? ¡Sí! Ω€ ok?"
    result = count(text)
    assert [c for _, c in result.non_gsm] == ["“", "”", "—", "ó", "í"]
    assert all(text[at] == char for at, char in result.non_gsm)
    assert "?" not in {c for _, c in result.non_gsm}


def test_greek_capitals_and_euro_beyond_latin1_stay_gsm() -> None:
    result = count("ΔΦΓΛΩΠΨΣΘΞ 10€ ¿?")
    assert (result.encoding, result.units) == ("GSM-7", 18)
    assert count("Ωμέγα").non_gsm == ((1, "μ"), (2, "έ"), (3, "γ"), (4, "α"))


def test_control_characters_are_not_gsm_except_newlines_and_form_feed() -> None:
    assert count("a\r\nb").encoding == "GSM-7"
    assert count("a\fb").units == 4
    for char in "\t\x00\x1b\x7f`":
        assert count(f"a{char}b").encoding == "UCS-2", repr(char)


def test_lone_surrogates_count_one_unit_each() -> None:
    assert count("a\ud83d").units == 2
    assert count("😀\ude00").units == 3


def test_over_limit_follows_the_providers_characters() -> None:
    assert not count("a" * 765).over_limit(765)
    assert count("a" * 766).over_limit(765)
    assert not count("a" * 5000).over_limit(None)


@pytest.mark.parametrize(
    ("typed", "converted"),
    [
        ("¿Cómo está? Aquí, José. Último día", "¿Como esta? Aqui, José. Ultimo dia"),
        ("“Hola” ‘chao’ — 10–20 …", "\"Hola\" 'chao' - 10-20 ..."),
        ("Crème brûlée à São Paulo", "Crème brulée à Sao Paulo"),
        ("1.º 2.ª a\u00a0b\u200bc", "1.o 2.a a bc"),
        ("cafe\u0301 lápiz", "café lapiz"),
        ("Gracias 😀", "Gracias 😀"),
    ],
)
def test_to_gsm_replaces_only_what_has_an_equivalent(typed: str, converted: str) -> None:
    assert to_gsm(typed) == converted


def test_to_gsm_leaves_gsm_text_as_is() -> None:
    text = "".join(sorted(GSM_CHARACTERS))
    assert to_gsm(text) == text


def test_the_conversion_offer_shows_cost_before_and_after() -> None:
    text = "Estimado cliente: su próxima cuota vence el día 5. Pague aquí: www.ejemplo.cl — gracias. " * 2
    offer = gsm_conversion(text)
    assert (offer.before.encoding, offer.before.segments) == ("UCS-2", 3)
    assert (offer.after.encoding, offer.after.segments) == ("GSM-7", 2)
    assert offer.complete
    assert offer.replacements == (("ó", "o"), ("í", "i"), ("—", "-"))
    assert offer.text == to_gsm(text)


def test_the_conversion_offer_says_when_something_is_left() -> None:
    offer = gsm_conversion("Oferta 😀 válida")
    assert not offer.complete
    assert offer.after.non_gsm == ((7, "😀"),)


def test_utf16_spans_are_what_qt_counts() -> None:
    text = "😀 á🎉b€ó"
    assert count(text).non_gsm == ((0, "😀"), (2, "á"), (3, "🎉"), (6, "ó"))
    assert utf16_spans(text, count(text).non_gsm) == [(0, 2), (3, 1), (4, 2), (8, 1)]
    assert utf16_spans("ñó", count("ñó").non_gsm) == [(1, 1)]
