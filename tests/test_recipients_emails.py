"""E-mail addresses: email-validator's syntax, normalized, and the fast path against it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.recipients.emails import check_email, fast_address, full_check
from app.core.recipients.messages import text


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("ana@correo.cl", "ana@correo.cl"),
        ("  Ana.Perez@Correo.CL ", "ana.perez@correo.cl"),
        ("mailto:luis@empresa.com.mx", "luis@empresa.com.mx"),
        ("ventas+promo@tienda.co", "ventas+promo@tienda.co"),
        ("josé@correo.cl", "josé@correo.cl"),  # internationalized local part (SMTPUTF8)
        ("INFO@Empresa.CL", "info@empresa.cl"),
    ],
)
def test_valid_addresses_are_normalized(value: str, address: str) -> None:
    result = check_email(value)
    assert (result.ok, result.address) == (True, address)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "email_empty"),
        (None, "email_empty"),
        ("ana.correo.cl", "email_no_at"),
        ("ana@correo", "email_no_domain"),
        ("ana@correo.cl; luis@correo.cl", "email_many"),
        ("ana..perez@correo.cl", "email_invalid"),
        ("ana@correo.test", "email_invalid"),  # a special-use domain
        ("ana perez@correo.cl", "email_invalid"),
    ],
)
def test_invalid_addresses_say_why(value: object, reason: str) -> None:
    result = check_email(value)
    assert (result.ok, result.reason) == (False, reason)
    assert "{" not in text(result.reason, "es", **result.params)


ATOM = st.text(alphabet="abcXYZ019._%+-", min_size=1, max_size=12)
LABEL = st.text(alphabet="abcXYZ019-", min_size=1, max_size=10)
TLD = st.text(alphabet="abcdeZ19", min_size=1, max_size=5)


@settings(max_examples=400, deadline=None)
@given(ATOM, st.lists(LABEL, min_size=1, max_size=3), TLD)
def test_property_fast_path_agrees_with_email_validator(local: str, labels: list[str], tld: str) -> None:
    value = f"{local}@{'.'.join([*labels, tld])}"
    quick = fast_address(value)
    if quick is not None:
        full = full_check(value)
        assert (full.ok, full.address) == (True, quick), value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_property_any_text_gets_a_verdict(value: str) -> None:
    result = check_email(value)
    assert result.ok or result.reason
