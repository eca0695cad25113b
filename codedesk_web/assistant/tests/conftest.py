"""The assistant's pages run on the tiny code database of the library tests.

That database is built from unchanged extracts of the CDC April 2026
Tabular List and the CMS RVU25D relative value file (see
``tests/unit/assistant/tiny.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.assistant.tests.tiny import build_tiny_db


@pytest.fixture(scope="session")
def tiny_site_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny code database, built once per run."""
    return build_tiny_db(tmp_path_factory.mktemp("assistant-site-data"))


@pytest.fixture
def site(db: None, settings: Settings, tiny_site_db: Path) -> Client:
    """A browser on a site whose code database is the tiny one."""
    settings.CODEDESK_DB = str(tiny_site_db)
    settings.CODEDESK_LLM_URL = ""
    return Client()
