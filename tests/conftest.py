"""Fixtures shared by the whole suite.

``real_db`` builds the code database once per test run from the release
files in ``CODEDESK_DATA_DIR`` (acceptance tests are skipped without it). The
built file is kept under ``var/test/`` and reused while neither the release
files nor the package's source have changed.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk import Desk
from codedesk._systems import all_loaders
from codedesk.releases import Sources, build_database

ROOT = Path(__file__).resolve().parent.parent


def _build_key(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(data_dir)}:{stat.st_size}".encode())
    for path in sorted((ROOT / "codedesk").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _stored_key(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM meta WHERE key = 'test_key'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


@pytest.fixture(scope="session")
def real_db() -> Path:
    """The code database built from the real releases in CODEDESK_DATA_DIR."""
    configured = os.environ.get("CODEDESK_DATA_DIR")
    if not configured or not Path(configured).is_dir():
        pytest.skip("CODEDESK_DATA_DIR is not set to the folder of release files")
    data_dir = Path(configured)
    key = _build_key(data_dir)
    path = ROOT / "var" / "test" / "codes.sqlite3"
    if path.exists() and _stored_key(path) == key:
        return path
    build_database(path, Sources(data_dir=data_dir), all_loaders())
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO meta (key, value) VALUES ('test_key', ?)", (key,))
    conn.commit()
    conn.close()
    return path


@pytest.fixture(scope="session")
def real_desk(real_db: Path) -> Iterator[Desk]:
    """A desk on the real code database."""
    yield Desk(real_db)
