"""The search page has its own daily allowance (issue #5, part 2)."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.conftest import FakeDesk

pytestmark = pytest.mark.django_db


def test_searches_past_the_allowance_ask_to_register(
    client: Client, fake_desk: FakeDesk, settings: Settings
) -> None:
    limits = settings.METER_LIMITS
    settings.METER_LIMITS = {**limits, "search": {**limits["search"], "guest": 2}}
    for _ in range(2):
        assert client.get("/search?q=heart+attack").status_code == 200

    response = client.get("/search?q=heart+attack")

    assert response.status_code == 429
    assert "You have used your 2 searches for today." in response.content.decode()
    assert len(fake_desk.calls) == 2


def test_an_empty_search_box_is_not_counted(
    client: Client, fake_desk: FakeDesk, settings: Settings
) -> None:
    limits = settings.METER_LIMITS
    settings.METER_LIMITS = {**limits, "search": {**limits["search"], "guest": 1}}
    client.get("/search")

    assert client.get("/search?q=heart+attack").status_code == 200
