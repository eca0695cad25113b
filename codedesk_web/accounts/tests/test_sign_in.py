"""Signing in and out, and the limits on failed sign-ins (issue #5, part 1)."""

from __future__ import annotations

import os

import pytest
import redis
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.accounts.models import SignInFailure

from .conftest import PASSWORD, MakeUser

pytestmark = pytest.mark.django_db


def sign_in(client: Client, email: str, password: str = PASSWORD, **meta: str) -> int:
    data = {"email": email, "password": password}
    return client.post("/accounts/signin/", data, **meta).status_code  # type: ignore[arg-type]


def test_it_signs_in_with_email_and_password(
    client: Client, make_user: MakeUser
) -> None:
    user = make_user("coder@example.org")

    response = client.post(
        "/accounts/signin/?next=/accounts/profile/",
        {"email": "Coder@Example.org", "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_it_ignores_a_next_url_on_another_site(
    client: Client, make_user: MakeUser
) -> None:
    make_user("coder@example.org")

    response = client.post(
        "/accounts/signin/?next=https://elsewhere.example/",
        {"email": "coder@example.org", "password": PASSWORD},
    )

    assert response["Location"] == "/"


def test_it_refuses_a_wrong_password(client: Client, make_user: MakeUser) -> None:
    make_user("coder@example.org")

    response = client.post(
        "/accounts/signin/", {"email": "coder@example.org", "password": "nope"}
    )

    assert response.status_code == 400
    assert "That email and password do not match an account." in (
        response.content.decode()
    )


def test_an_unconfirmed_account_gets_a_new_link(
    client: Client, make_user: MakeUser
) -> None:
    make_user("late@example.org", active=False)

    response = client.post(
        "/accounts/signin/", {"email": "late@example.org", "password": PASSWORD}
    )

    assert "Confirm your email address first" in response.content.decode()
    assert mail.outbox[0].to == ["late@example.org"]


def test_it_locks_an_account_after_repeated_failures(
    client: Client, make_user: MakeUser, settings: Settings
) -> None:
    make_user("coder@example.org")
    for _ in range(settings.SIGNIN_FAILURES_PER_ACCOUNT):
        assert sign_in(client, "coder@example.org", "wrong") == 400

    status = sign_in(client, "coder@example.org")

    assert status == 429
    assert "_auth_user_id" not in client.session


def test_the_account_lock_does_not_block_other_accounts(
    client: Client, make_user: MakeUser, settings: Settings
) -> None:
    make_user("coder@example.org")
    make_user("other@example.org")
    for _ in range(settings.SIGNIN_FAILURES_PER_ACCOUNT):
        sign_in(client, "coder@example.org", "wrong")

    assert sign_in(client, "other@example.org") == 302


def test_it_limits_failures_from_one_address(
    client: Client, make_user: MakeUser, settings: Settings
) -> None:
    settings.SIGNIN_FAILURES_PER_ADDRESS = 3
    make_user("coder@example.org")
    for number in range(3):
        sign_in(client, f"guess{number}@example.org", "wrong")

    from_there = sign_in(client, "coder@example.org")
    from_elsewhere = sign_in(client, "coder@example.org", REMOTE_ADDR="10.0.0.9")

    assert from_there == 429
    assert from_elsewhere == 302


def test_a_success_clears_the_account_failures(
    client: Client, make_user: MakeUser, settings: Settings
) -> None:
    make_user("coder@example.org")
    for _ in range(settings.SIGNIN_FAILURES_PER_ACCOUNT - 1):
        sign_in(client, "coder@example.org", "wrong")
    sign_in(client, "coder@example.org")
    client.logout()

    assert sign_in(client, "coder@example.org", "wrong") == 400
    assert sign_in(client, "coder@example.org") == 302


def test_sign_out_takes_a_post(client: Client, make_user: MakeUser) -> None:
    client.force_login(make_user())

    refused = client.get("/accounts/signout/")
    response = client.post("/accounts/signout/")

    assert refused.status_code == 405
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_inactive_users_cannot_sign_in_even_when_throttle_allows(
    client: Client, make_user: MakeUser
) -> None:
    make_user("late@example.org", active=False)

    sign_in(client, "late@example.org")

    assert not User.objects.get(username="late@example.org").is_active
    assert "_auth_user_id" not in client.session


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="REDIS_URL names no Redis server"
)
def test_with_redis_the_limit_is_counted_in_redis(
    client: Client, make_user: MakeUser, settings: Settings
) -> None:
    settings.REDIS_URL = os.environ["REDIS_URL"]
    make_user("coder@example.org")
    for _ in range(settings.SIGNIN_FAILURES_PER_ACCOUNT):
        sign_in(client, "coder@example.org", "wrong")

    status = sign_in(client, "coder@example.org")

    assert status == 429
    assert not SignInFailure.objects.exists()
    keys = redis.Redis.from_url(settings.REDIS_URL).keys(
        settings.RATELIMIT_KEY_PREFIX + "ratelimit:signin:*"
    )
    assert len(keys) == 2


def test_the_admin_signs_in_through_the_throttled_form(client: Client) -> None:
    response = client.get("/admin/login/?next=/admin/accounts/usage/")

    assert response.status_code == 302
    assert response["Location"] == (
        "/accounts/signin/?next=%2Fadmin%2Faccounts%2Fusage%2F"
    )


def test_a_signed_in_non_staff_user_is_refused_the_admin(
    client: Client, make_user: MakeUser
) -> None:
    client.force_login(make_user())

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert "Your account is not a staff account." in response.content.decode()
