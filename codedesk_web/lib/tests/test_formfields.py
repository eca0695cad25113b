"""Form fields whose errors name the value typed."""

from __future__ import annotations

import pytest
from django import forms

from codedesk_web.accounts.forms import SignInForm
from codedesk_web.lib.formfields import DayField, EmailAddressField, WholeNumberField


def error_of(field: forms.Field, value: str) -> list[str]:
    with pytest.raises(forms.ValidationError) as caught:
        field.clean(value)
    return caught.value.messages


def test_a_bad_date_is_named_with_the_format() -> None:
    assert error_of(DayField(), "2026-02-31") == [
        "'2026-02-31' is not a date; use YYYY-MM-DD."
    ]


def test_a_number_out_of_range_names_the_bound() -> None:
    field = WholeNumberField(min_value=1, max_value=90)

    assert error_of(field, "0") == ["0 is below 1; use 1 or more."]
    assert error_of(field, "91") == ["91 is above 90; use 90 or less."]


def test_a_long_bad_value_is_cut_in_the_message() -> None:
    assert error_of(WholeNumberField(), "9" * 30 + "x" * 30) == [
        f"'{'9' * 30 + 'x' * 9}…' is not a whole number; use digits only, such as"
        " 45000."
    ]


def test_a_bad_email_address_is_named() -> None:
    assert error_of(EmailAddressField(), "pat@") == [
        "'pat@' is not an email address; use the form name@example.org."
    ]


def test_the_sign_in_form_names_a_bad_email_address() -> None:
    form = SignInForm(data={"email": "pat", "password": "x"})

    assert form.errors["email"] == [
        "'pat' is not an email address; use the form name@example.org."
    ]
