"""A tiny code database with edit tables, built from extracts of the real files.

``tests/fixtures/edits`` mirrors the data folder with unchanged rows cut out
of the real releases: the April 2026 Tabular List entries for E11, F02,
G30, G63, I69, O80, S06 and B88 (with their chapters and blocks); their
I/OCE diagnosis-table rows; the FY2026 change rows for B88; the I/OCE
hospital PTP pairs and add-on edits among a handful of procedure codes; the
CPT presence rows, RVU25D rows, GPCI, locality, anesthesia and OPPS-cap
files. ``tests/fixtures/edits_cms`` holds small files in the CMS PTP, AOC
and MUE layouts for the import tests.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk import cpt, icd10cm
from codedesk.edits import LOADERS, Checker
from codedesk.releases import Sources, build_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
DATA = FIXTURES / "edits"
CMS = FIXTURES / "edits_cms"


@pytest.fixture(scope="session")
def edits_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture code database, built once."""
    path = tmp_path_factory.mktemp("edits") / "codes.sqlite3"
    loaders = [*icd10cm.LOADERS, *cpt.SYSTEM.loaders, *LOADERS]
    build_database(path, Sources(data_dir=DATA), loaders)
    return path


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
