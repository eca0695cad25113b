"""A tiny ICD-10-CM code database built from extracts of the real files.

``tests/fixtures/icd10cm/icd10c-tabular-April-1-2026.xml`` keeps, unchanged,
a few entries of the CDC April 2026 Tabular List (A00, E78.0, I21.9, N10,
S06.1X7, S06.1XA, S30.1, S72.00, T07) with their chapters and blocks;
``tests/fixtures/mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv`` keeps the
I/OCE diagnosis-table rows of those codes, and the changes file their
FY2026 additions and deletions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk import Desk
from codedesk._tree import TREE_LOADER
from codedesk.icd10cm import LOADERS
from codedesk.releases import Sources, build_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TABULAR = FIXTURES / "icd10cm" / "icd10c-tabular-April-1-2026.xml"


@pytest.fixture(scope="session")
def tabular_path() -> Path:
    """The extract of the April 2026 Tabular List."""
    return TABULAR


@pytest.fixture(scope="session")
def icd_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture code database, built once."""
    path = tmp_path_factory.mktemp("icd10cm") / "codes.sqlite3"
    build_database(path, Sources(data_dir=FIXTURES), [*LOADERS, TREE_LOADER])
    return path


@pytest.fixture()
def icd_conn(icd_db: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the fixture database."""
    conn = sqlite3.connect(f"file:{icd_db}?mode=ro", uri=True)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def icd_desk(icd_db: Path) -> Desk:
    """A desk on the fixture database."""
    return Desk(icd_db)
