"""The site's desk pointed at the tiny code database with edit tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.accounts.testing import api_client

from .edits_db import build_edits_db


@pytest.fixture(scope="session")
def edits_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture code database, built once."""
    return build_edits_db(tmp_path_factory.mktemp("edits-web") / "codes.sqlite3")


@pytest.fixture()
def edits_site(edits_db: Path, settings: Settings, db: None) -> Path:
    """The site reads the fixture database (and has a test site database)."""
    settings.CODEDESK_DB = str(edits_db)
    return edits_db


@pytest.fixture
def client(db: None) -> Client:
    """A client that sends a paid account's API key, as API callers must."""
    return api_client()
