"""Profile, password reset and deleting an account (issue #5, part 1)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from codedesk_web.accounts.models import ApiKey, Plan, Profile, Usage
from codedesk_web.conftest import FakeDesk

from .conftest import PASSWORD, MakeUser

pytestmark = pytest.mark.django_db


def test_the_profile_needs_a_signed_in_user(client: Client) -> None:
    response = client.get("/accounts/profile/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/signin/?next=/accounts/profile/"


def test_the_profile_shows_role_plan_and_allowance(
    client: Client, make_user: MakeUser
) -> None:
    client.force_login(make_user("boss@example.org", plan=Plan.PAID))

    body = client.get("/accounts/profile/").content.decode()

    assert '<dd id="account-plan">Paid</dd>' in body
    assert '<dd id="account-role">Coder</dd>' in body
    assert "Unlimited code page views on your plan" in body


def test_a_password_reset_link_sets_a_new_password(
    client: Client, make_user: MakeUser
) -> None:
    make_user("coder@example.org")

    client.post("/accounts/password/reset/", {"email": "coder@example.org"})
    link = re.search(
        r"http://testserver(/accounts/password/reset/\S+/)", str(mail.outbox[0].body)
    )
    assert link is not None
    form = client.get(link.group(1), follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "quartz-harbor-19", "new_password2": "quartz-harbor-19"},
    )

    assert mail.outbox[0].subject == "Set a new password for CodeDesk"
    assert User.objects.get(username="coder@example.org").check_password(
        "quartz-harbor-19"
    )


def test_deleting_an_account_needs_its_password(
    client: Client, make_user: MakeUser
) -> None:
    client.force_login(make_user())

    response = client.post("/accounts/delete/", {"password": "wrong"})

    assert "That is not your password." in response.content.decode()
    assert User.objects.count() == 1


def test_deleting_an_account_removes_all_its_data(
    client: Client, make_user: MakeUser, fake_desk: FakeDesk
) -> None:
    user = make_user()
    client.force_login(user)
    client.get("/codes/icd10cm/I21.9")
    client.post("/accounts/profile/keys/", {"label": "laptop"})
    kept = make_user("other@example.org")

    response = client.post("/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert list(User.objects.all()) == [kept]
    assert list(Profile.objects.all()) == [kept.profile]
    assert not ApiKey.objects.exists()
    assert not Usage.objects.filter(subject=f"user:{user.pk}").exists()
    assert "_auth_user_id" not in client.session


def test_staff_see_usage_in_the_admin(
    client: Client, make_user: MakeUser, fake_desk: FakeDesk
) -> None:
    client.get("/codes/icd10cm/I21.9")
    staff = make_user("staff@example.org")
    staff.is_staff = staff.is_superuser = True
    staff.save()
    client.force_login(staff)

    body = client.get("/admin/accounts/usage/").content.decode()

    assert "icd10cm:I21.9" in body
    assert body.count("icd10cm:I21.9") >= 2


def test_staff_set_the_plan_in_the_admin(client: Client, make_user: MakeUser) -> None:
    coder = make_user("coder@example.org")
    staff = make_user("staff@example.org")
    staff.is_staff = staff.is_superuser = True
    staff.save()
    client.force_login(staff)

    body = client.get(f"/admin/auth/user/{coder.pk}/change/").content.decode()

    assert 'name="profile-0-plan"' in body
