"""The CPT loaders on extracts of the real files.

Every expected value is copied from the fixture rows, which are unmodified
lines of the CMS files in tests/fixtures/systems (same names as the data
folder).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk import cpt
from codedesk.cpt import rvu_for
from codedesk.releases import Sources, build_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "systems"


@pytest.fixture(scope="module")
def cpt_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """A code database built by the CPT loaders from tiny extracts."""
    path = tmp_path_factory.mktemp("cpt") / "codes.sqlite3"
    build_database(path, Sources(data_dir=FIXTURES), cpt.SYSTEM.loaders)
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def test_every_rvu_column_lands_typed(cpt_db: sqlite3.Connection) -> None:
    # pprrvu_2025_oct...csv, row "99213,,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,0,XXX,..."
    row = rvu_for(cpt_db, "99213")

    assert row is not None
    assert (row.status_code, row.work_rvu, row.non_fac_pe_rvu) == ("A", 1.30, 1.35)
    assert (row.facility_pe_rvu, row.mp_rvu) == (0.57, 0.10)
    assert (row.non_facility_total, row.facility_total) == (2.75, 1.97)
    assert (row.glob_days, row.conv_factor) == ("XXX", 32.3465)


def test_modifier_rows_are_kept_apart(cpt_db: sqlite3.Connection) -> None:
    # pprrvu_2025_oct...csv has rows for 71046 with mod "", "26" and "TC".
    mods = cpt_db.execute(
        "SELECT mod FROM mpfs_rvu WHERE hcpcs = '71046' ORDER BY mod"
    ).fetchall()

    assert [m for (m,) in mods] == ["", "26", "TC"]


def test_cpt_rows_carry_no_descriptor(cpt_db: sqlite3.Connection) -> None:
    titles = cpt_db.execute(
        "SELECT DISTINCT title FROM code WHERE system = 'cpt'"
    ).fetchall()

    assert titles == [("",)]


def test_leading_zeros_are_kept_in_the_code_table(cpt_db: sqlite3.Connection) -> None:
    codes = {c for (c,) in cpt_db.execute("SELECT code FROM code WHERE system='cpt'")}

    assert {"01967", "0001U", "0001F", "0596T"} <= codes


def test_a_code_the_editor_ended_has_its_last_day(cpt_db: sqlite3.Connection) -> None:
    # ioce_code_presence: "0001A,CPT vaccine admin (A suffix),2020-10-01,2023-12-31,..."
    span = cpt_db.execute(
        "SELECT valid_from, valid_to, from_floor FROM span WHERE code = '0001A'"
    ).fetchone()

    assert span == ("2020-10-01", "2023-12-31", 0)


def test_a_code_known_since_the_first_quarter_is_floored(
    cpt_db: sqlite3.Connection,
) -> None:
    # ioce_code_presence: "0001U,CPT PLA/MAAA,2019-07-01,,2017-02-01,,1"
    span = cpt_db.execute(
        "SELECT valid_from, valid_to, from_floor FROM span WHERE code = '0001U'"
    ).fetchone()

    assert span == ("2019-07-01", None, 1)


def test_a_code_dropped_from_the_pfs_ends_before_the_next_release(
    cpt_db: sqlite3.Connection,
) -> None:
    # pfs_status_code_history: "15819,,A,A,A,,,2022_jan,2024_jan," and the
    # January 2025 RVU file took effect on 2025-01-01.
    span = cpt_db.execute(
        "SELECT valid_from, valid_to, from_floor FROM span WHERE code = '15819'"
    ).fetchone()

    assert span == ("2022-01-01", "2024-12-31", 1)


def test_mpfs_facts_give_the_value_and_its_meaning(cpt_db: sqlite3.Connection) -> None:
    # pprrvu row for 01967: status J, global XXX.
    facts = dict(
        cpt_db.execute(
            "SELECT name, value FROM fact WHERE code = '01967' AND grp = 'MPFS'"
        ).fetchall()
    )

    assert facts["status_code"].startswith("J: Anesthesia")
    assert facts["glob_days"].startswith("XXX: ")


def test_hcpcs_codes_in_the_rvu_file_get_facts_on_hcpcs(
    cpt_db: sqlite3.Connection,
) -> None:
    systems = cpt_db.execute(
        "SELECT DISTINCT system FROM fact WHERE code = 'J3301' AND grp = 'MPFS'"
    ).fetchall()

    assert systems == [("hcpcs",)]


def test_dental_codes_get_no_facts(cpt_db: sqlite3.Connection) -> None:
    # D-codes are the ADA's CDT; the RVU row stays in mpfs_rvu only.
    facts = cpt_db.execute("SELECT count(*) FROM fact WHERE code = 'D0120'").fetchone()

    assert facts == (0,)
    assert rvu_for(cpt_db, "D0120") is not None


def test_opps_status_indicator_comes_with_its_meaning(
    cpt_db: sqlite3.Connection,
) -> None:
    # ioce_hcpcs_opps: newest 99213 row has status indicator B (effective
    # 2024-01-01, version 94..103); ioce_status_indicators: "B,Non-allowed
    # item or service for OPPS,76,103".
    value = cpt_db.execute(
        "SELECT value FROM fact WHERE code = '99213' AND name = 'status_indicator'"
    ).fetchone()

    assert value == ("B: Non-allowed item or service for OPPS",)
