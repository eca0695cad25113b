"""Register, confirm and sign in, in a real Chromium (issue #5, part 6)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail

from codedesk_web.conftest import FakeDesk

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


def test_a_guest_hits_the_allowance_then_registers_for_more(
    page: Any, fake_desk: FakeDesk
) -> None:
    # Issue #5: a guest may open 1 code page, a free account 5 more.
    page.goto("/codes/icd10cm/I21.9")
    assert page.inner_text("#meter") == "0 code page views remaining"

    page.goto("/codes/icd10cm/E78.0")
    assert page.inner_text("h1") == "E78.0 Pure hypercholesterolemia"
    assert page.locator(".badges").count() == 0
    page.click("#meter-limit >> text=Register")

    page.fill("#id_email", "reader@example.org")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_password_again", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_selector("#check-email")
    link = re.search(r"https?://\S+/accounts/confirm/\S+/", str(mail.outbox[0].body))
    assert link is not None
    page.goto(link.group(0))

    page.goto("/codes/icd10cm/E78.0")
    assert page.inner_text("#meter") == "5 code page views remaining"
    assert page.locator("#meter-limit").count() == 0
    assert page.locator(".badges").count() == 1


def test_staff_set_a_plan_in_the_admin_under_the_policy(
    page: Any, make_user: MakeUser
) -> None:
    coder = make_user("coder@example.org")
    staff = make_user("staff@example.org")
    staff.is_staff = staff.is_superuser = True
    staff.save()

    page.goto("/admin/")
    page.fill("#id_email", "staff@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_selector("#site-name")
    page.goto(f"/admin/auth/user/{coder.pk}/change/")
    page.select_option("#id_profile-0-plan", "paid")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist")

    coder.profile.refresh_from_db()
    assert coder.profile.plan == "paid"
