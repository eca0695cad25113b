"""Build the tiny code database the assistant's tests run on.

It comes from the extracts other tests keep, unchanged: the ICD-10-CM
tabular extract (A00, E78.0 and its codes, I21.9, N10, S06.1X7, S30.1,
S72.00, T07 from the CDC April 2026 Tabular List) and the CPT extracts
(99213, 71046, J3301 and others from the CMS RVU25D relative value file,
the I/OCE code table and the PFS status history).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from codedesk._systems import all_loaders
from codedesk.releases import Sources, build_database

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"


def build_tiny_db(folder: Path) -> Path:
    """Lay the extracts out as the real data folder is, and build."""
    for name in ("icd10cm", "mce"):
        shutil.copytree(FIXTURES / name, folder / name)
    for system in (FIXTURES / "systems").iterdir():
        shutil.copytree(system, folder / system.name, dirs_exist_ok=True)
    path = folder / "codes.sqlite3"
    build_database(path, Sources(data_dir=folder), all_loaders())
    return path
