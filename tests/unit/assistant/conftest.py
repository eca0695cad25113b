"""A tiny code database for the assistant's unit tests.

It is built from the extracts other tests already keep, unchanged: the
ICD-10-CM tabular extract (A00, E78.0 and its codes, I21.9, N10, S06.1X7,
S30.1, S72.00, T07 from the CDC April 2026 Tabular List) and the CPT
extracts (99213, 71046, J3301 and others from the CMS RVU25D relative value
file, the I/OCE code table and the PFS status history).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codedesk import Desk
from codedesk._systems import all_loaders
from codedesk.releases import Sources, build_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="session")
def tiny_desk(tmp_path_factory: pytest.TempPathFactory) -> Desk:
    """A desk on the tiny database, built once per run."""
    data = tmp_path_factory.mktemp("assistant-data")
    for folder in ("icd10cm", "mce"):
        shutil.copytree(FIXTURES / folder, data / folder)
    for folder in (FIXTURES / "systems").iterdir():
        shutil.copytree(folder, data / folder.name)
    path = data / "codes.sqlite3"
    build_database(path, Sources(data_dir=data), all_loaders())
    return Desk(path)
