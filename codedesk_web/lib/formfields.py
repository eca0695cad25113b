"""Form fields whose errors name the value typed and the form it should take.

Django's own messages ("Enter a valid date.", "Enter a whole number.") do
not say which value was wrong, which matters when a form has several.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

_SHOWN_CHARS = 40


def shown(value: Any) -> str:
    """The typed value as an error message quotes it, cut to 40 characters."""
    text = "" if value is None else str(value).strip()
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


class DayField(forms.DateField):
    """A date typed as YYYY-MM-DD."""

    def to_python(self, value: Any) -> dt.date | None:
        try:
            return super().to_python(value)
        except ValidationError:
            raise ValidationError(
                f"'{shown(value)}' is not a date; use YYYY-MM-DD.", code="invalid"
            ) from None


class WholeNumberField(forms.IntegerField):
    """A whole number, with its bounds named when it is out of them."""

    def to_python(self, value: Any) -> int | None:
        try:
            return super().to_python(value)
        except ValidationError:
            raise ValidationError(
                f"'{shown(value)}' is not a whole number; use digits only, such as"
                " 45000.",
                code="invalid",
            ) from None

    def run_validators(self, value: Any) -> None:
        try:
            super().run_validators(value)
        except ValidationError as error:
            raise ValidationError(
                self.describe_bound(value, error), code="out_of_range"
            ) from None

    def describe_bound(self, value: Any, error: ValidationError) -> str:
        """The message for a number below ``min_value`` or above ``max_value``."""
        if self.min_value is not None and value < self.min_value:
            return f"{value} is below {self.min_value}; use {self.min_value} or more."
        if self.max_value is not None and value > self.max_value:
            return f"{value} is above {self.max_value}; use {self.max_value} or less."
        return f"{value} is not allowed: {' '.join(error.messages)}"


class EmailAddressField(forms.EmailField):
    """An email address, named in the error when it is not one."""

    def run_validators(self, value: Any) -> None:
        try:
            super().run_validators(value)
        except ValidationError as error:
            if not any(item.code == "invalid" for item in error.error_list):
                raise
            raise ValidationError(
                f"'{shown(value)}' is not an email address; use the form"
                " name@example.org.",
                code="invalid",
            ) from None
