"""Register, confirm and sign in, in a real Chromium (issue #5, part 6)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail

from .conftest import PASSWORD, MakeUser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_registers_confirms_and_signs_in(page: Any) -> None:
    page.goto("/accounts/register/")
    page.fill("#id_email", "browser@example.org")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_password_again", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_selector("#check-email")

    link = re.search(r"https?://\S+/accounts/confirm/\S+/", str(mail.outbox[0].body))
    assert link is not None
    page.goto(link.group(0))
    page.wait_for_selector("#account-email")
    assert page.inner_text("#account-email") == "browser@example.org"

    page.click("#nav-sign-out")
    page.wait_for_selector("#nav-sign-in")
    page.click("#nav-sign-in")
    page.fill("#id_email", "browser@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_selector("#nav-account")
    assert page.inner_text("#nav-account") == "browser@example.org"


def test_a_wrong_password_shows_one_clear_sentence(
    page: Any, make_user: MakeUser
) -> None:
    make_user("coder@example.org")

    page.goto("/accounts/signin/")
    page.fill("#id_email", "coder@example.org")
    page.fill("#id_password", "not-the-password")
    page.click("main button[type=submit]")

    error = page.wait_for_selector(".errorlist")
    assert error.inner_text() == "That email and password do not match an account."
