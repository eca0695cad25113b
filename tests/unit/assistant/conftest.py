"""The tiny code database for the assistant's unit tests (see ``tiny``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codedesk import Desk
from codedesk._systems import all_loaders
from codedesk.releases import Sources, build_database
from codedesk_web.assistant.tests.tiny import FIXTURES, build_tiny_db


@pytest.fixture(scope="session")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny database file, built once per run."""
    return build_tiny_db(tmp_path_factory.mktemp("assistant-data"))


@pytest.fixture(scope="session")
def tiny_desk(tiny_db: Path) -> Desk:
    """A desk on the tiny database."""
    return Desk(tiny_db)


@pytest.fixture(scope="session")
def edits_desk(tmp_path_factory: pytest.TempPathFactory) -> Desk:
    """A desk on the claim checker's extracts (``tests/fixtures/edits``).

    They keep, unchanged, rows of the I/OCE hospital PTP and add-on tables,
    the RVU25D relative value file, and the whole GPCI2025 and 25LOCCO files.
    """
    folder = tmp_path_factory.mktemp("assistant-edits")
    shutil.copytree(FIXTURES / "edits", folder, dirs_exist_ok=True)
    path = folder / "codes.sqlite3"
    build_database(path, Sources(data_dir=folder), all_loaders())
    return Desk(path)
