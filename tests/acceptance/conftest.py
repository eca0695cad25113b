"""Fixtures for acceptance tests of the site on the real code database."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.accounts.apikeys import create_api_key
from codedesk_web.accounts.models import Plan, Profile


@pytest.fixture
def real_site(real_db: Path, settings: Settings, db: None) -> Iterator[Client]:
    """A browser on the site, with the site pointed at the real code database.

    It is signed in to a paid account and sends that account's API key, so
    the allowances of metered pages and the API do not get in the way.
    """
    settings.CODEDESK_DB = str(real_db)
    user = User.objects.create_user("reader@example.org", "reader@example.org")
    Profile.objects.create(user=user, plan=Plan.PAID)
    _record, key = create_api_key(user, "acceptance")
    client = Client(headers={"Authorization": f"Bearer {key}"})
    client.force_login(user)
    yield client


RowFinder = Callable[[str, str, str], dict[str, str]]


@pytest.fixture
def release_row() -> RowFinder:
    """Finds a row of a release file; see ``data_row``."""
    return data_row


def data_row(relative: str, column: str, value: str) -> dict[str, str]:
    """The first row of a CSV release file whose column has the value."""
    path = Path(os.environ["CODEDESK_DATA_DIR"]) / relative
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row[column] == value:
                return row
    raise LookupError(f"{relative} has no row with {column} = {value}")
