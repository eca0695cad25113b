"""CPT on the real releases: code numbers, spans and MPFS facts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk.cpt import rvu_for

pytestmark = pytest.mark.acceptance


@pytest.fixture(scope="module")
def conn(real_db: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{real_db}?mode=ro", uri=True)
    yield conn
    conn.close()


@pytest.mark.parametrize("code", ["01967", "0001U"])
def test_leading_zeros_are_kept(conn: sqlite3.Connection, code: str) -> None:
    # cpt/ioce_code_presence_2019q3_2026q2_no_descriptors.csv rows
    # "01967,CPT Category I,2019-07-01,,,,1" and
    # "0001U,CPT PLA/MAAA,2019-07-01,,2017-02-01,,1": active in 2026 Q2.
    row = conn.execute(
        "SELECT c.title, s.valid_from, s.valid_to FROM code c JOIN span s"
        " ON s.system = c.system AND s.code = c.code"
        " WHERE c.system = 'cpt' AND c.code = ?",
        (code,),
    ).fetchone()

    assert row == ("", "2019-07-01", None)


def test_mpfs_row_of_a_surgical_code_matches_the_rvu_file(
    conn: sqlite3.Connection,
) -> None:
    # pfs_rvu/pprrvu_2025_oct_rvu25d_numeric_no_descriptors.csv, row
    # "27447,,A,,19.60,15.30,NA,15.30,,3.98,38.88,38.88,0,090,0.10,0.69,0.21,
    # 2,1,2,1,0,,32.3465,..."
    row = rvu_for(conn, "27447")

    assert row is not None
    assert (row.status_code, row.work_rvu, row.mp_rvu) == ("A", 19.60, 3.98)
    assert (row.non_fac_na_indicator, row.facility_total) == ("NA", 38.88)
    assert (row.glob_days, row.mult_proc, row.bilat_surg) == ("090", "2", "1")
    assert (row.asst_surg, row.co_surg, row.team_surg) == ("2", "1", "0")


def test_code_page_facts_of_a_surgical_code_match_the_rvu_file(
    conn: sqlite3.Connection,
) -> None:
    # Same row as above: status A, work RVU 19.60, global period 090.
    facts = dict(
        conn.execute(
            "SELECT name, value FROM fact"
            " WHERE system = 'cpt' AND code = '27447' AND grp = 'MPFS'"
        ).fetchall()
    )

    assert facts["status_code"].startswith("A: ")
    assert facts["work_rvu"] == "19.60"
    assert facts["glob_days"].startswith("090: ")
    assert facts["non_fac_pe_rvu"].startswith("15.30 (NA: ")


def test_no_cpt_row_carries_text(conn: sqlite3.Connection) -> None:
    rows = conn.execute(
        "SELECT count(*) FROM code WHERE system = 'cpt' AND title != ''"
    ).fetchone()

    assert rows == (0,)
