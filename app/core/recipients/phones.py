"""Phone numbers from sheet cells to international digits without '+', with a reason when not.

Two rules decide what a number must be, named in every reason so the user sees which
one a row failed:
- "valid": phonenumbers' `is_valid_number`, the number lies in a range its metadata
  lists as assigned.
- "possible": the number has a possible length for a mobile of its country, and, if
  its range is listed, that range is a mobile one.
SMS uses "possible" by default: the metadata trails the regulators (Chile's
`9 1234 5678` lies in a block it does not list), and refusing real customers is worse
than one undelivered message; such rows are sent with a note. A number whose range
is listed as a fixed line, toll-free or other non-mobile type is always refused.

`parse + is_valid_number + format` costs ~40 µs; `fast_path` answers the common shapes
(digits that already match the country's mobile pattern) from the same metadata in a
few µs and defers everything else to the full parse. A property test proves they agree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Final, NamedTuple

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberType, ValidationResult

from app.core.recipients.fastphone import FastPhone, fast_phone

RULES: Final = ("valid", "possible")
MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
NO_PARAMS: Mapping[str, object] = MappingProxyType({})

# Separators people type or paste (a leading apostrophe, Excel's "this is text" mark, is cut apart).
_SEPARATORS = str.maketrans("", "", " -.()/\t\u00a0\u202f\u2007\u2010\u2011\u2012\u2013\u2014")
# "56912345678.0", "5.73102111111E+11", "5,73102E+11": numbers Excel wrote out as text.
_EXCEL_NUMBER = re.compile(r"'?\+?(\d+)(?:[.,](\d*))?(?:[eE]\+?(\d+))?")

_TYPE_NAMES = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}
_LENGTH_REASONS = {
    ValidationResult.TOO_SHORT: "phone_too_short",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "phone_too_short",  # lacks the area code: dialable nearby only
    ValidationResult.TOO_LONG: "phone_too_long",
    ValidationResult.INVALID_LENGTH: "phone_bad_length",
    ValidationResult.INVALID_COUNTRY_CODE: "phone_bad_country_code",
}
_PARSE_REASONS = {
    NumberParseException.INVALID_COUNTRY_CODE: "phone_bad_country_code",
    NumberParseException.TOO_SHORT_AFTER_IDD: "phone_too_short",
    NumberParseException.TOO_SHORT_NSN: "phone_too_short",
    NumberParseException.TOO_LONG: "phone_too_long",
}


class Verdict(NamedTuple):
    """The outcome for one number: `ok` with its digits, or a reason id and its parameters."""

    ok: bool
    address: str  # the normalized number or address when ok; the cell as text when not
    reason: str = ""
    params: Mapping[str, object] = NO_PARAMS


def known_country(country: str) -> bool:
    return PhoneMetadata.metadata_for_region(country.upper()) is not None


class PhoneChecker:
    """Checks cells against one default country, one rule and the provider's digit count."""

    def __init__(
        self,
        country: str,
        rule: str = "possible",
        *,
        mobile_only: bool = True,
        number_digits: int | None = None,
    ) -> None:
        if rule not in RULES:
            raise ValueError(f"rule must be one of {RULES}, not {rule!r}")
        self.country = country.upper()
        self.rule = rule
        self.mobile_only = mobile_only
        self.number_digits = number_digits
        self.fast: FastPhone | None = fast_phone(self.country) if mobile_only else None
        metadata = PhoneMetadata.metadata_for_region(self.country)
        self._code = metadata.country_code if metadata is not None else None

    def check(self, value: Any) -> Verdict:
        """The verdict for one cell value, as the reader handed it over."""
        result = self.address(value)
        return Verdict(True, result) if isinstance(result, str) else result

    def address(self, value: Any) -> str | Verdict:
        """The digits alone when the number passes without a note (the hot path), else a verdict."""
        fast = self.fast
        text: str | None = None
        if value.__class__ is float and fast is not None and 0 < value < 1e17 and value.is_integer():
            # The common shape of a number cell: int() of the float is exact (5.73102111111E+11 *is*
            # 573102111111.0), where str() of it would give '573102111111.0'.
            core, plus = str(int(value)), False
        else:
            if value.__class__ is str:
                text = value
                if "." in text:  # before '.' goes as a separator: "56912345678.0" is Excel's, not 12 digits
                    excel = excel_number_text(text.strip())
                    if not isinstance(excel, str):
                        return excel
                    text = excel
            else:
                digits_or_verdict = cell_digits(value)
                if not isinstance(digits_or_verdict, str):
                    return digits_or_verdict
                text = digits_or_verdict
            if fast is None:
                return self.slow(text)
            # Spaces first, by replace(): translate() with a table costs five times as much.
            core = (text[1:] if text[:1] == "'" else text).replace(" ", "")
            plus = core[:1] == "+"
            if plus:
                core = core[1:]
            if not core.isdigit():
                core = core.translate(_SEPARATORS)
                if not plus and core[:1] == "+":
                    plus, core = True, core[1:]
            if not (core.isdigit() and core.isascii()):
                return self.slow(text)
        digits = fast.national_mobile(core, plus)
        if digits is not None:
            wanted = self.number_digits
            return digits if wanted is None or len(digits) == wanted else self._count(digits, NO_PARAMS, "")
        if text is None:
            text = core
        reason = fast.impossible_length(core, plus)
        if reason is not None:
            return Verdict(False, shown(text), reason, {"region": self.country, "rule": "possible"})
        return self.slow(text)

    def slow(self, text: str) -> Verdict:
        """The full parse: every rejection is decided here, with its reason."""
        verdict = self._parse(text)
        if not verdict.ok and verdict.reason not in ("phone_empty", "phone_is_date"):
            # A trunk '0' the metadata does not know any more (Chile's old "09 8765 4321"): forgiven
            # when what is left passes on its own.
            # Its parentheses too: "(09) 8123 4567" is how it was printed on business cards.
            stripped = text.lstrip("'").translate(_SEPARATORS)
            if stripped[:1] == "0" and stripped[1:2] != "0":
                retry = self._parse(stripped[1:])
                if retry.ok:
                    return retry
        return verdict

    def _parse(self, text: str) -> Verdict:
        text = shown(text)
        if not text:
            return Verdict(False, "", "phone_empty")
        excel = excel_number_text(text)
        if not isinstance(excel, str):
            return excel
        try:
            number = phonenumbers.parse(excel, self.country)
        except NumberParseException as exc:
            reason = _PARSE_REASONS.get(exc.error_type, "phone_not_number")
            return Verdict(False, text, reason, {"value": text, "rule": "possible", **self._where(None)})
        number = current_mexican_form(number)
        digits = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]
        if phonenumbers.is_valid_number(number):
            kind = phonenumbers.number_type(number)
            if self.mobile_only and kind not in MOBILE_TYPES:
                return Verdict(False, text, "phone_not_mobile", {"kind": _TYPE_NAMES.get(kind, "unknown")})
            return self._count(digits, NO_PARAMS, "")
        wanted = PhoneNumberType.MOBILE if self.mobile_only else PhoneNumberType.UNKNOWN
        length = phonenumbers.is_possible_number_for_type_with_reason(number, wanted)
        if length != ValidationResult.IS_POSSIBLE:
            reason = _LENGTH_REASONS.get(length, "phone_bad_length")
            return Verdict(False, text, reason, {**self._where(number), "rule": "possible"})
        if self.rule == "valid":
            return Verdict(False, text, "phone_not_valid", self._where(number))
        return self._count(digits, self._where(number), "phone_unlisted")

    def _count(self, digits: str, params: Mapping[str, object], note: str) -> Verdict:
        if self.number_digits is not None and len(digits) != self.number_digits:
            return Verdict(
                False, digits, "phone_digits", {"digits": self.number_digits, "count": len(digits)}
            )
        return Verdict(True, digits, note, params)

    def _where(self, number: phonenumbers.PhoneNumber | None) -> dict[str, object]:
        region = self.country
        if number is not None and number.country_code and number.country_code != self._code:
            region = phonenumbers.region_code_for_country_code(number.country_code)
        return {"region": region}


def current_mexican_form(number: phonenumbers.PhoneNumber) -> phonenumbers.PhoneNumber:
    """`+52 1 55 1234 5678` -> `+52 55 1234 5678`: Mexico dropped the '1' of mobiles dialled from
    abroad in 2019, and Convergia wants "el numero a 12 dígitos (520123456789)" (seeds/004), but
    sheets still hold the old 13-digit form. Every number that is not already a plain mobile
    shape reaches this, in `_parse`: the fast path never accepts 13 digits for Mexico."""
    national = str(number.national_number)
    if number.country_code != 52 or len(national) != 11 or national[0] != "1":
        return number
    current = phonenumbers.PhoneNumber(country_code=52, national_number=int(national[1:]))
    # Only a real old-form mobile is rewritten: any other 11 digits keep their own "too long".
    return current if phonenumbers.is_valid_number(current) else number


def shown(text: str) -> str:
    """A cell's text as a rejected row shows it: spaces collapsed, Excel's leading apostrophe gone."""
    text = " ".join(text.split())
    return text[1:].lstrip() if text[:1] == "'" else text


def cell_digits(value: Any) -> str | Verdict:
    """The text of a non-text cell to parse as a phone number, or why it cannot be one."""
    if value is None or value == "":
        return Verdict(False, "", "phone_empty")
    if isinstance(value, bool):
        return Verdict(False, str(value), "phone_not_number", {"value": str(value)})
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or value < 0:
            return Verdict(False, str(value), "phone_not_number", {"value": str(value)})
        if not value.is_integer():
            shown = format(value, ".15g")
            return Verdict(False, shown, "phone_decimals", {"value": shown})
        # int() of the float is exact: Excel's 5.73102111111E+11 *is* 573102111111.0.
        return str(int(value))
    if isinstance(value, dt.date | dt.datetime):
        shown = value.strftime("%d/%m/%Y")
        return Verdict(False, shown, "phone_is_date", {"value": shown})
    return Verdict(False, str(value), "phone_not_number", {"value": str(value)})


def excel_number_text(text: str) -> str | Verdict:
    """Undo Excel's number-as-text forms ('56912345678.0', '5.73102111111E+11'); other text as is."""
    match = _EXCEL_NUMBER.fullmatch(text)
    if match is None:
        return text
    whole, decimals, exponent = match.group(1), match.group(2) or "", match.group(3)
    if exponent is None:
        # "2345.6789" is a number with a dot between groups, not a decimal: only ".0" is Excel's.
        return whole if decimals and not decimals.strip("0") else text
    mantissa = whole + decimals
    shift = int(exponent) - len(decimals)
    if shift < 0:
        exact = Decimal(mantissa).scaleb(shift)
        if exact != exact.to_integral_value():
            return Verdict(False, text, "phone_decimals", {"value": text})
        return str(int(exact))
    if shift > 0 and len(mantissa.lstrip("0")) < 15:
        # Excel shows ~6 significant digits in this notation: the zeros are lost digits, not digits.
        return Verdict(False, text, "phone_lost_digits", {"value": text})
    return mantissa + "0" * shift


@lru_cache(maxsize=32)
def _normalizer(country: str) -> PhoneChecker:
    return PhoneChecker(country, "possible", mobile_only=False)


def normalize_phone(value: Any, country: str) -> str | None:
    """International digits without '+' for any possible number ('+56 9 1234 5678' -> '56912345678')."""
    verdict = _normalizer(country.upper()).check(value)
    return verdict.address if verdict.ok else None
