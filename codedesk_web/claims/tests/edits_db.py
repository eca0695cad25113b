"""Build the tiny code database with edit tables that the edits tests share.

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

from pathlib import Path

from codedesk import cpt, icd10cm
from codedesk.edits import LOADERS
from codedesk.releases import Sources, build_database

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"
DATA = FIXTURES / "edits"
CMS = FIXTURES / "edits_cms"


def build_edits_db(path: Path) -> Path:
    """Build the fixture code database at ``path``."""
    loaders = [*icd10cm.LOADERS, *cpt.SYSTEM.loaders, *LOADERS]
    build_database(path, Sources(data_dir=DATA), loaders)
    return path
