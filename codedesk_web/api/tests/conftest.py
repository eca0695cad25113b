"""The API tests call as a paid account with an API key, as a client would."""

from __future__ import annotations

import pytest
from django.test import Client

from codedesk_web.accounts.testing import api_client


@pytest.fixture
def client(db: None) -> Client:
    """A client that sends a paid account's key as a Bearer token."""
    return api_client()
