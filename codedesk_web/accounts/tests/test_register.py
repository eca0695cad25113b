"""Registering and confirming an email address (issue #5, part 1)."""

from __future__ import annotations

import re

import pytest
from django.conf import global_settings
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.accounts.models import Role

from .conftest import PASSWORD, MakeUser

pytestmark = pytest.mark.django_db


def register(client: Client, email: str = "new@example.org", **extra: str) -> str:
    data = {
        "email": email,
        "password": PASSWORD,
        "password_again": PASSWORD,
        "role": "coder",
        **extra,
    }
    return client.post("/accounts/register/", data).content.decode()


def confirmation_path(body: str) -> str:
    found = re.search(r"https?://[^/\s]+(/accounts/confirm/\S+/)", body)
    assert found, body
    return found.group(1)


def test_it_registers_an_inactive_account_and_mails_a_link(
    client: Client, settings: Settings
) -> None:
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS

    page = register(client, "New@Example.org", role="employer")

    user = User.objects.get(username="new@example.org")
    assert "We sent a message to <strong>new@example.org</strong>" in page
    assert not user.is_active
    assert user.profile.role == Role.EMPLOYER
    assert user.password.startswith("pbkdf2_sha256$")
    assert mail.outbox[0].to == ["new@example.org"]
    assert "/accounts/confirm/" in mail.outbox[0].body


def test_the_link_confirms_the_address_and_signs_in(client: Client) -> None:
    register(client)

    response = client.get(confirmation_path(str(mail.outbox[0].body)), follow=True)

    user = User.objects.get(username="new@example.org")
    assert user.is_active
    assert user.profile.email_confirmed_at is not None
    assert response.context["user"] == user
    assert "Your email address is confirmed." in response.content.decode()


def test_it_rejects_an_altered_link(client: Client) -> None:
    register(client)
    path = confirmation_path(str(mail.outbox[0].body))

    response = client.get(path.replace(":", "x", 1), follow=True)

    assert "This confirmation link is not valid." in response.content.decode()
    assert not User.objects.get(username="new@example.org").is_active


def test_it_does_not_say_an_address_is_taken(
    client: Client, make_user: MakeUser
) -> None:
    make_user("taken@example.org")

    page = register(client, "taken@example.org")

    assert "We sent a message to <strong>taken@example.org</strong>" in page
    assert User.objects.filter(username="taken@example.org").count() == 1
    assert "already has an account" in mail.outbox[0].body


def test_it_asks_for_the_same_password_twice(client: Client) -> None:
    page = register(client, password_again=PASSWORD + "x")

    assert "The two passwords differ." in page
    assert not User.objects.exists()


def test_it_refuses_a_common_password(client: Client) -> None:
    page = register(client, password="password123", password_again="password123")

    assert "This password is too common." in page
    assert not User.objects.exists()


def test_it_offers_only_coder_and_employer(client: Client) -> None:
    page = register(client, role="consultant")

    assert "Select a valid choice. consultant is not one of" in page
    assert not User.objects.exists()


def test_one_address_may_register_only_so_often(
    client: Client, settings: Settings
) -> None:
    settings.REGISTRATIONS_PER_ADDRESS = 2
    register(client, "one@example.org")
    register(client, "two@example.org")

    page = register(client, "three@example.org")

    assert "Too many registrations from here; try again in 60 min." in page
    assert not User.objects.filter(username="three@example.org").exists()
    assert len(mail.outbox) == 2


def test_a_bad_email_address_is_named_in_the_error(client: Client) -> None:
    page = register(client, email="pat.example.org")

    assert "&#x27;pat.example.org&#x27; is not an email address; use the form" in page
    assert not User.objects.exists()
