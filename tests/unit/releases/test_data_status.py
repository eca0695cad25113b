"""``data status`` on a database built from the CPT extracts."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from codedesk import cpt
from codedesk.cli import main
from codedesk.releases import Sources, build_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "systems"


def test_it_shows_each_release_with_its_dates_and_source(tmp_path: Path) -> None:
    db = tmp_path / "codes.sqlite3"
    build_database(db, Sources(data_dir=FIXTURES), cpt.SYSTEM.loaders)

    result = CliRunner().invoke(main, ["data", "status", "--db", str(db)])

    lines = result.output.splitlines()
    rvu = lines.index(
        "cpt       2025-10              9 rows  MPFS relative value file,"
        " RVU25D (PPRRVU2025_Oct)"
    )
    assert result.exit_code == 0
    assert lines[rvu + 1] == "          in effect 2025-10-01 to 2025-12-31"
    assert lines[rvu + 2].startswith(
        "          source pfs_rvu/pprrvu_2025_oct_rvu25d_numeric_no_descriptors.csv"
        "  sha256 "
    )
