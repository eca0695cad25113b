"""The ICD-10-PCS loaders on extracts of the real files.

Fixtures in tests/fixtures/systems/icd10pcs are rows copied from the FY2024
CMS code file, the FY2025 Medical and Surgical list and the FY2025
definitions, guidelines and index CSVs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk import ReleaseFileError, icd10pcs
from codedesk.icd10pcs import pcs_guidelines, read_code_file
from codedesk.releases import Sources, build_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "systems"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("pcs") / "codes.sqlite3"
    build_database(path, Sources(data_dir=FIXTURES), icd10pcs.SYSTEM.loaders)
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def span_of(db: sqlite3.Connection, code: str) -> tuple[str, str | None, int]:
    row = db.execute(
        "SELECT valid_from, valid_to, from_floor FROM span WHERE code = ?", (code,)
    ).fetchone()
    return (row[0], row[1], row[2])


def test_a_code_in_both_lists_is_open_from_fy2024(db: sqlite3.Connection) -> None:
    assert span_of(db, "0LB50ZZ") == ("2023-10-01", None, 1)


def test_a_section_0_code_the_fy2025_list_lacks_ended_with_fy2024(
    db: sqlite3.Connection,
) -> None:
    # 0SG604Z is in icd10pcs_codes_fy2024.txt, not in the FY2025 list.
    assert span_of(db, "0SG604Z") == ("2023-10-01", "2024-09-30", 1)


def test_a_code_new_in_fy2025_starts_on_2024_10_01(db: sqlite3.Connection) -> None:
    # 071L0Z4 is in the FY2025 list only.
    assert span_of(db, "071L0Z4") == ("2024-10-01", None, 0)


def test_a_code_of_another_section_stays_open(db: sqlite3.Connection) -> None:
    # The FY2025 list covers section 0 only; B2000ZZ cannot be checked.
    assert span_of(db, "B2000ZZ") == ("2023-10-01", None, 1)


def test_the_table_header_is_named_from_the_definitions(
    db: sqlite3.Connection,
) -> None:
    # body_system row "0,2,Heart and Great Vessels"; root_operation row
    # "0,N,Release,...".
    row = db.execute(
        "SELECT kind, title, billable, parent FROM code WHERE code = '02N'"
    ).fetchone()

    assert row == (
        "table",
        "Medical and Surgical, Heart and Great Vessels, Release",
        0,
        "02",
    )


def test_a_code_hangs_under_its_table(db: sqlite3.Connection) -> None:
    row = db.execute(
        "SELECT parent, parent_kind, billable FROM code WHERE code = '0LB50ZZ'"
    ).fetchone()

    assert row == ("0LB", "table", 1)


def test_the_root_operation_definition_is_a_note_on_the_table(
    db: sqlite3.Connection,
) -> None:
    notes = dict(
        db.execute("SELECT type, text FROM note WHERE code = '02N'").fetchall()
    )

    assert notes["definition"] == (
        "Freeing a body part from an abnormal physical constraint by cutting"
        " or by the use of force"
    )
    assert notes["examples"] == "Adhesiolysis, carpal tunnel release"


def test_body_part_values_are_notes_on_the_body_system(
    db: sqlite3.Connection,
) -> None:
    notes = db.execute(
        "SELECT text FROM note WHERE code = '0L' AND type = 'body_part'"
    ).fetchall()

    assert notes == [
        ("5: Lower Arm and Wrist Tendon, Right",),
        ("6: Lower Arm and Wrist Tendon, Left",),
    ]


def test_guidelines_are_kept_for_the_assistant(db: sqlite3.Connection) -> None:
    found = pcs_guidelines(db, "Root Operation")

    assert [g.guideline_id for g in found] == ["B3.1a"]
    assert found[0].text.startswith("In order to determine the appropriate root")


def test_index_entries_lead_to_codes_and_tables(db: sqlite3.Connection) -> None:
    # Index "Angioscopy": **02JY4ZZ** ...; "Angioplasty": see Dilation,
    # Heart and Great Vessels **027**.
    terms = set(
        db.execute("SELECT code, text FROM term WHERE source = 'index'").fetchall()
    )

    assert ("02JY4ZZ", "Angioscopy") in terms
    assert ("027", "Angioplasty, see Dilation, Heart and Great Vessels") in terms


def test_the_order_file_layout_is_read_too(tmp_path: Path) -> None:
    # The CMS order file: order number (1-5), code (7-13), header flag
    # (15), short title (17-76), long title (78 on). Titles of 0LB50ZZ from
    # the FY2025 list.
    title = "Excision of Right Lower Arm and Wrist Tendon, Open Approach"
    header = f"{'00001':5} {'0LB':7} 0 {'Excision':60} Excision"
    code = f"{'00002':5} {'0LB50ZZ':7} 1 {title[:60]:60} {title}"
    path = tmp_path / "icd10pcs_order_2025.txt"
    path.write_text(f"{header}\n{code}\n")

    codes = read_code_file(path)

    assert [(c.code, c.title) for c in codes] == [("0LB50ZZ", title)]


def test_a_code_file_line_without_a_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "icd10pcs_codes_2025.txt"
    path.write_text("0LB5OZZ Excision\n")

    with pytest.raises(ReleaseFileError) as caught:
        read_code_file(path)

    assert caught.value.message == (
        "icd10pcs_codes_2025.txt line 1 does not start with a PCS code:"
        " '0LB5OZZ Excision'."
    )
