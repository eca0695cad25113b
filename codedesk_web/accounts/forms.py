"""Forms for registering, signing in and managing an account."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.models import User

from codedesk_web.lib.formfields import EmailAddressField

from .models import Role


class RegisterForm(forms.Form):
    """Email, password twice, and whether the person codes or hires."""

    email = EmailAddressField(max_length=150)
    password = forms.CharField(widget=forms.PasswordInput, strip=False)
    password_again = forms.CharField(
        widget=forms.PasswordInput, strip=False, label="Password again"
    )
    role = forms.ChoiceField(
        choices=[(Role.CODER, "I code"), (Role.EMPLOYER, "I hire coders")],
        initial=Role.CODER,
        widget=forms.RadioSelect,
    )

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password")
        if password and password != data.get("password_again"):
            self.add_error("password_again", "The two passwords differ.")
        elif password:
            email = str(data.get("email", ""))
            candidate = User(username=email, email=email)
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class SignInForm(forms.Form):
    """Email and password."""

    email = EmailAddressField(max_length=150)
    password = forms.CharField(widget=forms.PasswordInput, strip=False)

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()


class ApiKeyForm(forms.Form):
    """A label for a new API key."""

    label = forms.CharField(max_length=60)


class DeleteAccountForm(forms.Form):
    """The password again, to delete an account for good."""

    password = forms.CharField(widget=forms.PasswordInput, strip=False)

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
