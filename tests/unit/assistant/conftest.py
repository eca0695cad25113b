"""The tiny code database for the assistant's unit tests (see ``tiny``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from codedesk import Desk
from codedesk_web.assistant.tests.tiny import build_tiny_db


@pytest.fixture(scope="session")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny database file, built once per run."""
    return build_tiny_db(tmp_path_factory.mktemp("assistant-data"))


@pytest.fixture(scope="session")
def tiny_desk(tiny_db: Path) -> Desk:
    """A desk on the tiny database."""
    return Desk(tiny_db)
