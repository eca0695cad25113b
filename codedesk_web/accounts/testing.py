"""Helpers for tests of any app: a client that calls the API with a key."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from .apikeys import create_api_key
from .models import Plan, Profile


def api_client(email: str = "api@example.org", plan: Plan = Plan.PAID) -> Client:
    """A client sending a new account's API key as ``Authorization: Bearer``.

    The account is on the paid plan by default, so the API's allowance does
    not get in a test's way; the test needs the database.
    """
    user = User.objects.create_user(email, email, None)
    Profile.objects.create(user=user, plan=plan)
    _record, key = create_api_key(user, "tests")
    return Client(headers={"Authorization": f"Bearer {key}"})
