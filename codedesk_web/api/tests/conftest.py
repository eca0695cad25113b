"""The API tests call as a paid account with an API key, as a client would."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from codedesk_web.accounts.apikeys import create_api_key
from codedesk_web.accounts.models import Plan, Profile


@pytest.fixture
def client(db: None) -> Client:
    """A client that sends a paid account's key as a Bearer token."""
    user = User.objects.create_user("api@example.org", "api@example.org", None)
    Profile.objects.create(user=user, plan=Plan.PAID)
    _record, key = create_api_key(user, "tests")
    return Client(headers={"Authorization": f"Bearer {key}"})
