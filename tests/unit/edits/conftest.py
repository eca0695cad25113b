"""Fixtures of the edits tests: the tiny code database with edit tables.

See ``codedesk_web/claims/tests/edits_db.py`` for what the extracts hold.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk.edits import Checker
from codedesk_web.claims.tests.edits_db import CMS, build_edits_db

__all__ = ["CMS"]


@pytest.fixture(scope="session")
def edits_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture code database, built once."""
    return build_edits_db(tmp_path_factory.mktemp("edits") / "codes.sqlite3")


@pytest.fixture()
def edits_conn(edits_db: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the fixture database."""
    conn = sqlite3.connect(f"file:{edits_db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


@pytest.fixture()
def checker(edits_conn: sqlite3.Connection) -> Checker:
    """A checker on the fixture database."""
    return Checker(edits_conn)


@pytest.fixture()
def db_copy(edits_db: Path, tmp_path: Path) -> Path:
    """A private copy of the fixture database, for tests that import into it."""
    path = tmp_path / "codes.sqlite3"
    shutil.copyfile(edits_db, path)
    return path
