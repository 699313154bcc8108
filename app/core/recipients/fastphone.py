"""The fast path for phone numbers: phonenumbers' own metadata, without its parser.

`FastPhone.national_mobile` takes the digits of a cell (separators gone, '+' noted)
and returns the international digits only when the number is certainly what
`phonenumbers.parse` + `is_valid_number` + `number_type` would call a mobile (or
fixed-line-or-mobile) number of the default country. Anything it is not certain
of, it returns None for, and the caller does the full parse. It follows
`phonenumberutil.parse` step by step: international prefix, the country code of
the default region, the national prefix, then `_number_type_helper`'s order of
number types. `tests/test_recipients_phones.py` checks it against the full parse.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata
from phonenumbers.phonemetadata import PhoneNumberDesc

# Number types `_number_type_helper` tests before fixed line and mobile: a match means "not mobile".
_EARLIER_TYPES = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
)
_Desc = tuple[re.Pattern[str], frozenset[int]]
_MAX_NSN = 17


def _desc(desc: PhoneNumberDesc | None) -> _Desc | None:
    if desc is None or not desc.national_number_pattern:
        return None
    return re.compile(desc.national_number_pattern), frozenset(desc.possible_length or ())


def _mobile_test(general: str, others: list[str], accept: str) -> str:
    """One pattern for "matches general, no earlier type, and the mobile test": one call, not three."""
    earlier = "|".join(f"(?:{p})" for p in others)
    refuse = rf"(?!(?:{earlier})\Z)" if earlier else ""
    return rf"(?=(?:{general})\Z){refuse}(?:{accept})"


class FastPhone:
    """Answers "is this a mobile number of the region, and what are its digits?" for the easy cases.

    Each question is one compiled regex per length, so the common case costs one match:
    - `_national[n]`: n digits typed without a country code are a mobile;
    - `_with_cc[n]`: n digits are the country code followed by a mobile, and parse() would
      strip that code (the whole is too long, or does not match the general pattern);
    - `_after_plus[n]`: the n digits after "+<code>" are a mobile.
    The first two also refuse a start that is the international prefix (parse() would strip it).
    """

    def __init__(self, metadata: PhoneMetadata) -> None:
        self.cc = cc = str(metadata.country_code)
        self._cc_length = len(cc)
        idd = metadata.international_prefix
        not_idd = f"(?!(?:{idd}))" if idd else ""
        npp = metadata.national_prefix_for_parsing
        self._npp = re.compile(npp) if npp else None
        general_desc = metadata.general_desc
        general = _desc(general_desc)
        assert general_desc is not None and general is not None
        lengths = general[1]
        too_long_from = (max(lengths) + 1) if lengths else _MAX_NSN + 1
        self._shortest = min(lengths) if lengths else 2
        self._too_long_from = too_long_from
        self._idd = re.compile(idd) if idd else None
        self._general = general[0]
        mobile_desc = metadata.mobile
        mobile_lengths = (mobile_desc.possible_length if mobile_desc else None) or tuple(sorted(lengths))
        self._mobile_lengths = tuple(sorted(mobile_lengths))
        self._mobile_local = frozenset(
            (mobile_desc.possible_length_local_only if mobile_desc else None) or ()
        )
        local_only = frozenset(general_desc.possible_length_local_only or ())
        same = bool(metadata.same_mobile_and_fixed_line_pattern)
        mobile, fixed = _desc(metadata.mobile), _desc(metadata.fixed_line)
        earlier = [_desc(getattr(metadata, name)) for name in _EARLIER_TYPES]
        self._national: dict[int, re.Pattern[str]] = {}
        self._with_cc: dict[int, re.Pattern[str]] = {}
        self._after_plus: dict[int, re.Pattern[str]] = {}
        if mobile is None:
            return
        for length in range(2, _MAX_NSN + 1):  # a length no mobile can have is absent
            if not _fits(general, length) or not _fits(mobile, length):
                continue
            if same and not _fits(fixed, length):
                continue  # same patterns: only the fixed-line test can say FIXED_LINE_OR_MOBILE
            others = [d[0].pattern for d in earlier if d is not None and _fits(d, length)]
            # A fixed-line match becomes FIXED_LINE_OR_MOBILE when mobile matches too, which it must here.
            accept = fixed[0].pattern if same and fixed is not None else mobile[0].pattern
            test = _mobile_test(general[0].pattern, others, accept)
            self._after_plus[length] = re.compile(test)
            self._national[length] = re.compile(not_idd + test)
            whole = length + len(cc)
            too_long = whole >= too_long_from and whole not in local_only
            keeps_code = "" if too_long else rf"(?!(?:{general[0].pattern})\Z)"
            self._with_cc[whole] = re.compile(f"{not_idd}{keeps_code}{re.escape(cc)}{test}")

    def national_mobile(self, digits: str, plus: bool) -> str | None:
        """International digits for `digits` (ASCII digits only) when surely a mobile; else None."""
        cc_length = self._cc_length
        if plus:
            test = self._after_plus.get(len(digits) - cc_length)
            if test is None or not digits.startswith(self.cc) or not test.fullmatch(digits, cc_length):
                return None
            return digits if self._npp is None or self._no_national_prefix(digits[cc_length:]) else None
        test = self._with_cc.get(len(digits))
        if test is not None and test.fullmatch(digits):
            return digits if self._npp is None or self._no_national_prefix(digits[cc_length:]) else None
        # Not "code + mobile": if parse() would strip the code anyway, the national test fails too,
        # because it demands that the whole match the general pattern.
        test = self._national.get(len(digits))
        if test is None or not test.fullmatch(digits):
            return None
        return self.cc + digits if self._npp is None or self._no_national_prefix(digits) else None

    def impossible_length(self, digits: str, plus: bool) -> str | None:
        """'phone_too_short' / 'phone_too_long' when no reading of `digits` can have a possible length.

        Shorter than any number of the region: whatever prefix parse() strips, less is left. Longer
        than any, and starting with neither the country code, a trunk '0', the international
        prefix nor a national prefix: parse() takes it whole, and it is too long. Anything else: None.
        """
        length = len(digits)
        if plus or length < 3 or (self._idd is not None and self._idd.match(digits)):
            return None
        if length < self._shortest:
            return "phone_too_short"
        if digits[0] == "0" or digits.startswith(self.cc):
            return None
        if self.cc == "52" and length == 11 and digits[0] == "1":
            return None  # maybe a mobile in Mexico's pre-2019 form: phones.current_mexican_form decides
        if self._npp is not None and not self._no_national_prefix(digits):
            return None
        if length >= self._too_long_from:
            return "phone_too_long"
        if length in self._mobile_lengths or self._general.fullmatch(digits):
            return None
        # Taken whole and valid as nothing: is_possible_number_for_type(MOBILE) decides by length.
        return self._mobile_length_reason(length)

    def _mobile_length_reason(self, length: int) -> str | None:
        """`_test_number_length(..., MOBILE)` for a length that is not a mobile one."""
        lengths = self._mobile_lengths
        if length in self._mobile_local or length < lengths[0]:
            return "phone_too_short"
        return "phone_too_long" if length > lengths[-1] else "phone_bad_length"

    def _no_national_prefix(self, number: str) -> bool:
        """True when parsing would leave `number` as it is (no national prefix, no carrier code)."""
        assert self._npp is not None
        match = self._npp.match(number)
        return match is None or (match.end() == 0 and all(group is None for group in match.groups()))


def _fits(desc: _Desc | None, length: int) -> bool:
    return desc is not None and (not desc[1] or length in desc[1])


@lru_cache(maxsize=32)
def fast_phone(region: str) -> FastPhone | None:
    """The fast path for `region`, or None where it cannot be exact (regions sharing a code, not first)."""
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.leading_digits is not None:
        return None
    code = metadata.country_code
    if code is None or phonenumbers.region_code_for_country_code(code) != region:
        return None
    return FastPhone(metadata)
