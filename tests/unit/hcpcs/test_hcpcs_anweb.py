"""Parsing the HCPCS quarterly zip by the record layout inside it.

Fixtures in tests/fixtures/hcpcs_zip are unmodified extracts of the January
2026 zip: the whole HCPC2026_recordlayout.txt, fourteen records of
HCPC2026_JAN_ANWEB_01122026.txt and two notes of proc_notes_JAN2026.txt.
"""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk import ReleaseFileError, hcpcs
from codedesk.hcpcs import parse_layout, read_hcpcs_zip
from codedesk.releases import Sources, build_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
MEMBERS = FIXTURES / "hcpcs_zip"
ZIP_NAME = "january-2026-alpha-numeric-hcpcs-file.zip"


def make_zip(folder: Path, records: str | None = None) -> Path:
    """A quarterly zip of the fixture members, optionally other records."""
    path = folder / "hcpcs" / ZIP_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for member in sorted(MEMBERS.iterdir()):
            if records is not None and "ANWEB" in member.name:
                archive.writestr(member.name, records)
            else:
                archive.write(member, member.name)
    return path


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data")
    make_zip(folder)
    shutil.copytree(FIXTURES / "systems" / "ioce", folder / "ioce")
    return folder


@pytest.fixture(scope="module")
def db(data_dir: Path) -> Iterator[sqlite3.Connection]:
    path = data_dir / "codes.sqlite3"
    build_database(path, Sources(data_dir=data_dir), hcpcs.SYSTEM.loaders)
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def test_the_layout_gives_each_field_its_columns() -> None:
    # HCPC2026_recordlayout.txt: "7. HCPCS Long Description 80 12 91 CHAR"
    # and "15. HCPCS Cross Reference Code 5 205 209 CHAR ... OCCURS MAX: 5".
    layout = parse_layout((MEMBERS / "HCPC2026_recordlayout.txt").read_text("latin-1"))

    long = layout.field_named("HCPCS Long Description")
    xref = layout.field_named("HCPCS Cross Reference Code")
    assert (long.begin, long.end, long.length) == (12, 91, 80)
    assert (xref.begin, xref.length, xref.occurs) == (205, 5, 5)
    assert layout.record_length == 320


def test_the_layout_gives_the_meaning_of_coded_values() -> None:
    # Coverage code "I = Not payable by Medicare"; BETOS_TB "O1E = Other drugs".
    layout = parse_layout((MEMBERS / "HCPC2026_recordlayout.txt").read_text("latin-1"))

    coverage = layout.field_named("HCPCS Coverage Code")
    betos = layout.field_named("HCPCS Berenson-Eggers Type Of Service Code")
    assert layout.meaning(coverage, "I") == "Not payable by Medicare"
    assert layout.meaning(betos, "O1E") == "Other drugs"


def test_continuation_records_join_the_long_description(data_dir: Path) -> None:
    parsed = read_hcpcs_zip(data_dir / "hcpcs" / ZIP_NAME)

    ab = next(item for item in parsed.items if item.code == "AB")
    assert ab.kind == "modifier"
    assert ab.long_description == (
        "Audiology service furnished personally by an audiologist without a"
        " physician/npp order for non-acute hearing assessment unrelated to"
        " disequilibrium, or hearing aids, or examinations for the purpose of"
        " prescribing, fitting, or changing hearing aids; service may be"
        " performed once every 12 months, per beneficiary"
    )


def test_a_record_longer_than_the_layout_is_refused(tmp_path: Path) -> None:
    line = "J3301001003" + "x" * 309 + "overflow\r\n"
    path = make_zip(tmp_path, records=line)

    with pytest.raises(ReleaseFileError) as caught:
        read_hcpcs_zip(path)

    assert caught.value.message == (
        "HCPC2026_JAN_ANWEB_01122026.txt line 1 is 328 characters long;"
        " the record layout has 320."
    )


def test_an_unknown_record_id_is_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path, records="J3301001009" + " " * 309 + "\r\n")

    with pytest.raises(ReleaseFileError, match="record identification '9'"):
        read_hcpcs_zip(path)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / ZIP_NAME
    path.write_text("not a zip")

    with pytest.raises(ReleaseFileError) as caught:
        read_hcpcs_zip(path)

    assert caught.value.message == f"{ZIP_NAME} is not a readable zip file."


def test_a_code_gets_its_long_and_short_description(db: sqlite3.Connection) -> None:
    row = db.execute(
        "SELECT kind, title, short_title, billable FROM code WHERE code = 'J3301'"
    ).fetchone()

    assert row == (
        "code",
        "Injection, triamcinolone acetonide, not otherwise specified, 10 mg",
        "Triamcinolone acet inj nos",
        1,
    )


def test_a_terminated_code_ends_and_names_its_replacement(
    db: sqlite3.Connection,
) -> None:
    # A4466 record: XREF1 A4467, added 20100101, terminated 20161231.
    span = db.execute(
        "SELECT valid_from, valid_to FROM span WHERE code = 'A4466'"
    ).fetchone()
    replaced_by = db.execute(
        "SELECT replaced_by FROM replacement WHERE code = 'A4466'"
    ).fetchall()

    assert span == ("2010-01-01", "2016-12-31")
    assert replaced_by == [("A4467",)]


def test_a_modifier_is_not_billable_alone(db: sqlite3.Connection) -> None:
    row = db.execute("SELECT kind, billable FROM code WHERE code = 'LT'").fetchone()

    assert row == ("modifier", 0)


def test_facts_carry_the_meaning_from_the_layout(db: sqlite3.Connection) -> None:
    # J3301 record: pricing indicator 51, coverage D, BETOS O1E, action N.
    facts = dict(
        db.execute(
            "SELECT name, value FROM fact WHERE code = 'J3301' AND grp = 'HCPCS'"
        ).fetchall()
    )

    assert facts["pricing_indicator"] == "51: Drugs"
    assert facts["coverage"] == "D: Special coverage instructions apply"
    assert facts["betos"] == "O1E: Other drugs"
    assert facts["action"] == "N: No maintenance for this code"
    assert facts["added"] == "1991-01-01"


def test_a_processing_note_is_spelled_out(db: sqlite3.Connection) -> None:
    # S0012 record: processing note 0088; proc_notes_JAN2026.txt note 0088.
    (value,) = db.execute(
        "SELECT value FROM fact WHERE code = 'S0012' AND name = 'processing_note'"
    ).fetchone()

    assert value.startswith('0088: "S" CODES ARE UNIQUE TEMPORARY CODES')
    assert value.endswith("THEY ARE NOT VALID NOR PAYABLE BY MEDICARE.")


def test_a_code_missing_from_the_zip_comes_from_the_code_editor(
    db: sqlite3.Connection,
) -> None:
    # ioce_hcpcs_opps fixture: G0008 rows 2019-07-01..2019-12-31,
    # 2020-01-01..2020-09-30, 2020-10-01..2025-06-30, 2025-07-01..(open).
    spans = db.execute(
        "SELECT valid_from, valid_to, from_floor, source FROM span WHERE code = 'G0008'"
    ).fetchall()

    assert spans == [("2019-07-01", None, 1, "I/OCE v20.2..v27.1")]


def test_the_short_description_is_a_search_term(db: sqlite3.Connection) -> None:
    terms = db.execute("SELECT text, source FROM term WHERE code = 'J3301'").fetchall()

    assert terms == [("Triamcinolone acet inj nos", "short_title")]


def test_a_zero_count_is_not_shown_as_a_fact(db: sqlite3.Connection) -> None:
    # J3301 record: anesthesia base units "  0" (columns 266-268).
    names = {n for (n,) in db.execute("SELECT name FROM fact WHERE code = 'J3301'")}

    assert "anesthesia_units" not in names
    assert "betos" in names


def test_opps_facts_come_from_the_newest_editor_row(db: sqlite3.Connection) -> None:
    # ioce_hcpcs_opps fixture, newest G0008 row: status indicator S, APC
    # 05691, payment indicator 1, 2025-07-01 on; ioce_status_indicators
    # "S,Procedure or service, not discounted when multiple,76,103".
    facts = dict(
        db.execute(
            "SELECT name, value FROM fact WHERE code = 'G0008' AND grp = 'OPPS'"
        ).fetchall()
    )

    assert facts["status_indicator"] == (
        "S: Procedure or service, not discounted when multiple"
    )
    assert facts["apc"] == "05691"
    assert facts["effective"] == "2025-07-01 to current"
