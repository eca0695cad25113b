"""A tiny code database for search tests.

Code rows carry titles and inclusion terms copied from the April 2026
ICD-10-CM tabular (``icd10cm/icd10c-tabular-April-1-2026.xml``, the
``<desc>`` and ``<inclusionTerm>`` of each ``<diag>``); index rows come from
the extracts of the FY2025 index files in tests/fixtures/icd10cm.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk import Desk
from codedesk._records import Release
from codedesk.releases import Loader, Sources, build_database
from codedesk.search import LOADERS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

#: (code, kind, title, billable) as the April 2026 tabular prints them.
TABULAR = [
    ("I21", "category", "Acute myocardial infarction", 0),
    ("I21.9", "code", "Acute myocardial infarction, unspecified", 1),
    ("I21.A", "subcategory", "Other type of myocardial infarction", 0),
    ("I21.A9", "code", "Other myocardial infarction type", 1),
    (
        "I21.B",
        "code",
        "Myocardial infarction with coronary microvascular dysfunction",
        1,
    ),
    ("I45.9", "code", "Conduction disorder, unspecified", 1),
    ("I50.9", "code", "Heart failure, unspecified", 1),
    ("K92", "category", "Other diseases of digestive system", 0),
    ("K92.2", "code", "Gastrointestinal hemorrhage, unspecified", 1),
    ("E11.9", "code", "Type 2 diabetes mellitus without complications", 1),
    ("E11.44", "code", "Type 2 diabetes mellitus with diabetic amyotrophy", 1),
    ("R55", "code", "Syncope and collapse", 1),
    (
        "T39.1X1",
        "subcategory",
        "Poisoning by 4-Aminophenol derivatives, accidental (unintentional)",
        0,
    ),
    ("V94.4", "code", "Injury to barefoot water-skier", 1),
    ("V94.11", "code", "Bather struck by powered watercraft", 1),
]

#: ``<inclusionTerm>`` notes of I50.9 in the same tabular.
INCLUSION_TERMS = [
    ("I50.9", "Cardiac, heart or myocardial failure NOS"),
    ("I50.9", "Congestive heart disease"),
    ("I50.9", "Congestive heart failure NOS"),
]


def load_tabular_extract(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Insert the extract above as an ICD-10-CM loader would."""
    conn.executemany(
        "INSERT INTO code (system, code, kind, title, billable)"
        " VALUES ('icd10cm', ?, ?, ?, ?)",
        TABULAR,
    )
    conn.executemany(
        "INSERT INTO term (system, code, text, source)"
        " VALUES ('icd10cm', ?, ?, 'inclusion_term')",
        INCLUSION_TERMS,
    )
    return []


@pytest.fixture(scope="session")
def search_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny database, built with the real search build steps."""
    path = tmp_path_factory.mktemp("search") / "codes.sqlite3"
    loaders = [Loader("icd10cm-extract", load_tabular_extract), *LOADERS]
    build_database(path, Sources(data_dir=FIXTURES), loaders)
    return path


@pytest.fixture(scope="session")
def search_desk(search_db: Path) -> Desk:
    """A desk on the tiny database."""
    return Desk(search_db)


@pytest.fixture
def search_conn(search_db: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection to the tiny database."""
    conn = sqlite3.connect(search_db)
    yield conn
    conn.close()
