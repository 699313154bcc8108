"""Phone numbers: Excel's floats, the shapes people type, the rules, the fast path against the full parse."""

from __future__ import annotations

import datetime as dt

import phonenumbers
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.core.domain import Channel
from app.core.recipients import normalize_address
from app.core.recipients.fastphone import fast_phone
from app.core.recipients.messages import text
from app.core.recipients.phones import PhoneChecker, Verdict, normalize_phone

REGIONS = [
    "CL",
    "CO",
    "MX",
    "PE",
    "AR",
    "EC",
    "VE",
    "BR",
    "US",
    "ES",
    "UY",
    "BO",
    "PY",
    "GT",
    "CR",
    "PA",
    "DO",
]
SHARED_CODE = {"DO"}  # +1 belongs to the US first: the full parse decides there


def verdict(value: object, country: str = "CL", **options: object) -> Verdict:
    return PhoneChecker(country, **options).check(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "country", "digits"),
    [
        (56987654321.0, "CL", "56987654321"),  # a number cell: Excel hands a float
        (5.73102111111e11, "CO", "573102111111"),  # shown as 5.73102111111E+11: the float is exact
        (573102111111, "CO", "573102111111"),
        ("5.73102111111E+11", "CO", "573102111111"),  # the same, written out as text by an export
        ("5,73102111111E+11", "CO", "573102111111"),  # ... in a Spanish locale
        ("56987654321.0", "CL", "56987654321"),
        ("+56 9 8765 4321", "CL", "56987654321"),
        ("9 8765 4321", "CL", "56987654321"),
        ("'987654321", "CL", "56987654321"),  # Excel's "this is text" apostrophe
        ("09 8765 4321", "CL", "56987654321"),  # the old trunk zero
        ("(09) 8123 4567", "CL", "56981234567"),  # the old trunk zero, as business cards printed it
        ("(55) 1234-5678", "MX", "525512345678"),
        ("573102111111", "CO", "573102111111"),
        ("310 211 1111", "CO", "573102111111"),
        ("0991234567", "EC", "593991234567"),  # national prefix 0
        ("011 15-2345-6789", "AR", "5491123456789"),  # Buenos Aires mobile the local way
        ("+1 (202) 555-0123", "US", "12025550123"),
        ("612 34 56 78", "ES", "34612345678"),
        ("+34 612 345 678", "CL", "34612345678"),  # another country's number, written in full
        ("9\u00a08765\u00a04321", "CL", "56987654321"),  # non-breaking spaces from a web page
    ],
)
def test_accepted_shapes_give_international_digits(value: object, country: str, digits: str) -> None:
    result = verdict(value, country)
    assert (result.ok, result.address) == (True, digits)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "phone_empty"),
        (None, "phone_empty"),
        ("hola", "phone_not_number"),
        (12.5, "phone_decimals"),
        (dt.date(2024, 3, 15), "phone_is_date"),
        (dt.datetime(2024, 3, 15, 10, 30), "phone_is_date"),
        ("5.69876E+10", "phone_lost_digits"),  # Excel's 6 significant digits: the rest is gone
        ("98765432", "phone_too_short"),
        ("9876543210", "phone_too_long"),
        ("+999 1234 5678", "phone_bad_country_code"),
        (True, "phone_not_number"),
    ],
)
def test_rejections_say_why(value: object, reason: str) -> None:
    result = verdict(value)
    assert (result.ok, result.reason) == (False, reason)
    sentence = text(result.reason, "es", **result.params)
    assert sentence and "{" not in sentence and "?" not in sentence.replace("¿", "")


def test_fixed_lines_are_refused_for_sms_with_their_kind() -> None:
    bogota = verdict("601 234 5678", "CO")
    assert (bogota.ok, bogota.reason, bogota.params["kind"]) == (False, "phone_not_mobile", "fixed_line")
    assert text(bogota.reason, "es", **bogota.params) == "Es un teléfono fijo, no un celular: no recibe SMS."
    assert verdict("800 123 456", "CL").params["kind"] == "toll_free"
    assert normalize_phone("601 234 5678", "CO") == "576012345678"  # the suppression list takes any number


def test_valid_and_possible_rules_and_the_rule_a_row_failed() -> None:
    unlisted = "9 1234 5678"  # a Chilean mobile block phonenumbers' metadata does not list
    strict = verdict(unlisted, rule="valid")
    assert (strict.ok, strict.reason) == (False, "phone_not_valid")
    assert "(regla: válido)" in text(strict.reason, "es", **strict.params)
    lenient = verdict(unlisted, rule="possible")
    assert (lenient.ok, lenient.address, lenient.reason) == (True, "56912345678", "phone_unlisted")
    assert "(rule: possible)" in text(lenient.reason, "en", **lenient.params)
    short = verdict("9123 456", rule="possible")
    assert "Chile (regla: posible)" in text(short.reason, "es", **short.params)


def test_provider_digit_count() -> None:
    chile = verdict("+56 9 8765 4321", number_digits=12)
    assert (chile.ok, chile.reason, chile.params) == (False, "phone_digits", {"digits": 12, "count": 11})
    assert "12 dígitos" in text(chile.reason, "es", **chile.params)
    assert verdict("310 211 1111", "CO", number_digits=12).ok


@pytest.mark.parametrize(
    "value", ["+52 1 55 1234 5678", "5215512345678", "+52 1 5512345678", 5215512345678.0, "52 1 55 1234 5678"]
)
def test_the_old_mexican_mobile_form_is_rewritten_to_12_digits(value: object) -> None:
    """Mexico dropped the mobile '1' in 2019; Convergia wants 12 digits (seeds/004)."""
    # A Chilean sheet reads it so only with the '+': without it the digits are a (too long) Chilean number.
    for country in ("MX", "CL") if str(value).startswith("+") else ("MX",):
        mexican = verdict(value, country, number_digits=12)
        assert (mexican.ok, mexican.address) == (True, "525512345678"), (country, mexican)
    assert normalize_phone(value, "MX") == "525512345678"


def test_normalize_for_the_suppression_list() -> None:
    assert normalize_phone("+56 9 1234 5678", "CL") == "56912345678"
    assert normalize_phone("hola", "CL") is None
    assert normalize_address(" Ana.Perez@Correo.CL ", Channel.EMAIL) == "ana.perez@correo.cl"
    assert normalize_address("(55) 1234-5678", Channel.SMS, "MX") == "525512345678"


def test_the_fast_path_knows_the_common_shapes_of_every_listed_country() -> None:
    for region in REGIONS:
        fast = fast_phone(region)
        if region in SHARED_CODE:
            assert fast is None
            continue
        assert fast is not None, region
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        national = phonenumbers.national_significant_number(example)
        cc = str(example.country_code)
        assert fast.national_mobile(cc + national, True) == cc + national, region
        hits = [fast.national_mobile(shape, False) for shape in (national, cc + national)]
        assert cc + national in hits, region


def _shapes() -> st.SearchStrategy[str]:
    """Numbers as people write them: an example mobile with some digits changed, prefixes, separators."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        region = draw(st.sampled_from(REGIONS))
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        digits = list(phonenumbers.national_significant_number(example))
        for _ in range(draw(st.integers(0, 3))):
            digits[draw(st.integers(0, len(digits) - 1))] = draw(st.sampled_from("0123456789"))
        cut = draw(st.integers(-2, 2))
        body = "".join(digits[:cut] if cut < 0 else digits + [draw(st.sampled_from("0159"))] * cut)
        cc = str(example.country_code)
        prefix = draw(st.sampled_from(["", "", cc, "+" + cc, "00" + cc, "0", "+", "15", "1", cc + "0"]))
        raw = prefix + body
        out = ""
        for char in raw:
            out += char + draw(st.sampled_from(["", "", "", " ", "-", ".", "(", ")", "\u00a0"]))
        return f"{region}|{out}"

    return build()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_shapes())
@example("MX|12221234567")  # a mobile in Mexico's old form: the fast path must not call it too long
def test_property_fast_path_agrees_with_the_full_parse(case: str) -> None:
    region, value = case.split("|", 1)
    for rule in ("possible", "valid"):
        checker = PhoneChecker(region, rule)
        quick = checker.address(value)
        full = checker.slow(value)
        got = Verdict(True, quick) if isinstance(quick, str) else quick
        assert (got.ok, got.address, got.reason) == (full.ok, full.address, full.reason), (region, value)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(REGIONS), st.integers(min_value=10**5, max_value=10**13))
@example("MX", 10_000_000_000)  # eleven digits after a '1' that are no old-form mobile
@example("MX", 12_000_000_000)
def test_property_number_cells_agree_with_their_digits_as_text(region: str, number: int) -> None:
    checker = PhoneChecker(region)
    from_float = checker.check(float(number))
    from_text = checker.slow(str(number))
    assert (from_float.ok, from_float.address, from_float.reason) == (
        from_text.ok,
        from_text.address,
        from_text.reason,
    )


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(REGIONS), st.text(alphabet="0123456789+ -", min_size=1, max_size=19))
def test_property_any_digits_get_the_full_parse_verdict(region: str, value: str) -> None:
    # Too short, too long, stray '+' signs: the quick length verdicts must be the full parse's.
    checker = PhoneChecker(region)
    quick = checker.address(value)
    full = checker.slow(value)
    got = Verdict(True, quick) if isinstance(quick, str) else quick
    assert (got.ok, got.address, got.reason) == (full.ok, full.address, full.reason), (region, value)
