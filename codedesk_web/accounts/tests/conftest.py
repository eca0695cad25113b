"""Fixtures for the accounts tests: people with fixed roles and plans."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from pytest_django.fixtures import Settings

from codedesk_web.accounts.models import Plan, Profile, Role

PASSWORD = "plum-ledger-47-orbit"

MakeUser = Callable[..., User]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Settings) -> None:
    """Hash with MD5 in tests: the default takes a deliberate 0.3 s a password."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db: None) -> MakeUser:
    """Make a confirmed user with a role and plan."""

    def make(
        email: str = "coder@example.org",
        *,
        role: Role = Role.CODER,
        plan: Plan = Plan.FREE,
        active: bool = True,
    ) -> User:
        user = User.objects.create_user(email, email, PASSWORD)
        user.is_active = active
        user.save()
        Profile.objects.create(user=user, role=role, plan=plan)
        return user

    return make
