"""ICD-10-CM on the real releases: the cases of issue #2.

Values come from the CDC April 2026 Tabular List
(``icd10cm/icd10c-tabular-April-1-2026.xml``), its billable list
(``icd10cm/icd10cm_billable_codes_2026-04-01.csv``) and the I/OCE diagnosis
table (``mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv``).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import pytest

from codedesk import Desk, MalformedCodeError, UnknownCodeError

pytestmark = pytest.mark.acceptance

#: Inside the April 2026 release, so no "after the newest release" warning.
APRIL = dt.date(2026, 5, 1)
IN_2022 = dt.date(2022, 6, 15)


def _data_file(relative: str) -> Path:
    return Path(os.environ["CODEDESK_DATA_DIR"]) / relative


def test_the_billable_codes_are_the_cdc_list(real_desk: Desk) -> None:
    # icd10cm_billable_codes_2026-04-01.csv: 74,719 rows, column code_dotted.
    path = _data_file("icd10cm/icd10cm_billable_codes_2026-04-01.csv")
    with path.open(newline="") as handle:
        expected = {row["code_dotted"] for row in csv.DictReader(handle)}

    rows = real_desk.conn.execute(
        "SELECT code FROM code WHERE system = 'icd10cm' AND billable = 1"
    ).fetchall()

    assert len(expected) == 74_719
    assert {row[0] for row in rows} == expected


def test_titles_are_the_tabular_titles(real_desk: Desk) -> None:
    # icd10cm_billable_codes_2026-04-01.csv, rows whose description_source is
    # "tabular" (the others were composed by the package that made the list).
    path = _data_file("icd10cm/icd10cm_billable_codes_2026-04-01.csv")
    with path.open(newline="") as handle:
        expected = {
            row["code_dotted"]: row["description"]
            for row in csv.DictReader(handle)
            if row["description_source"] == "tabular"
        }

    rows = real_desk.conn.execute(
        "SELECT code, title FROM code WHERE system = 'icd10cm' AND billable = 1"
    ).fetchall()
    titles = {row[0]: row[1] for row in rows}

    assert len(expected) == 23_414
    assert {code: titles.get(code) for code in expected} == expected


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("I219", "I21.9"), ("i21.9", "I21.9"), ("J069", "J06.9"), ("N10", "N10")],
)
def test_typed_codes_are_one_code(real_desk: Desk, typed: str, canonical: str) -> None:
    record = real_desk.lookup(typed, date=APRIL)

    assert (record.system, record.code, record.status) == (
        "icd10cm",
        canonical,
        "valid",
    )


@pytest.mark.parametrize("typed", ["h33", "E78.0", "S32.2"])
def test_headers_are_not_billable(real_desk: Desk, typed: str) -> None:
    record = real_desk.lookup(typed, date=APRIL)

    assert record.status == "header"
    assert record.billable is False


def test_e78_0_lists_its_codes_and_e78_00_is_billable(real_desk: Desk) -> None:
    # Tabular: E78.0 > E78.00, E78.01 (E78.01 > E78.010, E78.011, E78.019).
    header = real_desk.lookup("E78.0", date=APRIL)
    code = real_desk.lookup("E78.00", date=APRIL)

    assert [c.code for c in header.children] == ["E78.00", "E78.01"]
    assert code.status == "valid"


def test_s32_2_needs_a_seventh_character(real_desk: Desk) -> None:
    # Tabular: S32 defines 7th characters A B D G K S; S32.2 is a leaf.
    record = real_desk.lookup("S32.2", date=APRIL)

    assert [c.code for c in record.billable_descendants] == [
        "S32.2XXA",
        "S32.2XXB",
        "S32.2XXD",
        "S32.2XXG",
        "S32.2XXK",
        "S32.2XXS",
    ]
    assert record.warnings[0].startswith(
        "S32.2 is not billable: it needs a seventh character (S32.2XXA,"
    )


@pytest.mark.parametrize(
    "code",
    [
        "H00.019",
        "D50.1",
        "C4A.70",
        "Z20.818",
        "H40.40X2",
        "R40.2112",
        "S72.001A",
        "S72.001B",
        "S72.001C",
        "T36.0X1A",
        "T07.XXXD",
        "C56.9",
        "K80.00",
    ],
)
def test_billable_codes_are_valid(real_desk: Desk, code: str) -> None:
    record = real_desk.lookup(code, system="icd10cm", date=APRIL)

    assert (record.code, record.status, record.billable) == (code, "valid", True)


def test_t07xxxd_without_a_dot_is_t07_xxxd(real_desk: Desk) -> None:
    assert real_desk.lookup("T07XXXD", date=APRIL).code == "T07.XXXD"


def test_seventh_characters_come_from_up_to_three_levels_up(real_desk: Desk) -> None:
    # Tabular: H40.4 defines them for H40.40X2, R40.21 for R40.2112, S72 for
    # S72.001A, T36 for T36.0X1A.
    sources = {
        code: real_desk.lookup(code, date=APRIL).seventh_characters[0].source_code
        for code in ("H40.40X2", "R40.2112", "S72.001A", "T36.0X1A")
    }

    assert sources == {
        "H40.40X2": "H40.4",
        "R40.2112": "R40.21",
        "S72.001A": "S72",
        "T36.0X1A": "T36",
    }


def test_w21_89a_gets_the_placeholder_fix(real_desk: Desk) -> None:
    with pytest.raises(UnknownCodeError) as caught:
        real_desk.lookup("W21.89A", date=APRIL)

    assert caught.value.suggestions == ("W21.89XA",)


def test_t07xxxxd_gets_the_placeholder_fix(real_desk: Desk) -> None:
    with pytest.raises(MalformedCodeError) as caught:
        real_desk.lookup("T07XXXXD", date=APRIL)

    assert caught.value.suggestions == ("T07.XXXD",)


def test_11646_is_not_icd10cm(real_desk: Desk) -> None:
    with pytest.raises(MalformedCodeError) as caught:
        real_desk.lookup("11646", system="icd10cm", date=APRIL)

    assert "it looks like a CPT code" in caught.value.message


def test_e8015_is_not_icd10cm(real_desk: Desk) -> None:
    # Tabular: E80.1 (Porphyria cutanea tarda) has no subdivisions.
    with pytest.raises(UnknownCodeError) as caught:
        real_desk.lookup("E8015", system="icd10cm", date=APRIL)

    assert caught.value.message.startswith("'E80.15' is not an ICD-10-CM code.")


@pytest.mark.parametrize("code", ["I48.20", "I48.19", "I25.110", "N10", "R41.82"])
def test_codes_valid_in_2022(real_desk: Desk, code: str) -> None:
    # I/OCE dx table: each has a row covering 2022-06-15.
    assert real_desk.lookup(code, date=IN_2022).status == "valid"


@pytest.mark.parametrize(
    "code", ["I63.8", "A04.7", "K56.60", "K56.5", "K35.3", "K35.89"]
)
def test_headers_in_2022(real_desk: Desk, code: str) -> None:
    # I/OCE dx table: billable rows only for their subdivisions in 2022.
    assert real_desk.lookup(code, date=IN_2022).status == "header"


@pytest.mark.parametrize("code", ["T81.4XXA", "N47.9"])
def test_codes_not_valid_in_2022(real_desk: Desk, code: str) -> None:
    with pytest.raises(UnknownCodeError):
        real_desk.lookup(code, system="icd10cm", date=IN_2022)


def test_e78_01_was_billable_and_became_a_header(real_desk: Desk) -> None:
    # I/OCE dx table: E7801 2019-07-01..2025-09-30; E78010 from 2025-10-01.
    before = real_desk.lookup("E78.01", date=IN_2022)
    after = real_desk.lookup("E78.01", date=APRIL)

    assert before.status == "valid"
    assert after.status == "header"
    assert [r.code for r in after.replaced_by] == ["E78.010", "E78.011", "E78.019"]


def test_a_date_after_the_newest_release_warns(real_desk: Desk) -> None:
    # Tabular April 2026 update: in effect to 2026-09-30.
    record = real_desk.lookup("I21.9", date=dt.date(2026, 12, 4))

    assert record.status == "valid"
    assert "after the newest ICD-10-CM release" in record.warnings[-1]


def test_the_tabular_release_is_dated(real_desk: Desk) -> None:
    # The April 1, 2026 update is in effect 2026-04-01 to 2026-09-30.
    row = real_desk.conn.execute(
        "SELECT vintage, effective_from, effective_to FROM release"
        " WHERE system = 'icd10cm' AND name = 'ICD-10-CM Tabular List'"
    ).fetchone()

    assert tuple(row) == ("FY2026 Apr", "2026-04-01", "2026-09-30")


@pytest.mark.parametrize("code", ["C56.9", "K80.00"])
def test_us_codes_are_found_as_icd10cm(real_desk: Desk, code: str) -> None:
    record = real_desk.lookup(code, date=APRIL)

    assert (record.system, record.code, record.status) == ("icd10cm", code, "valid")


def test_block_notes_reach_the_codes_below(real_desk: Desk) -> None:
    # Tabular, section I20-I25: codeAlso "the presence of hypertension
    # (I10-I1A)"; category I21: includes "cardiac infarction".
    record = real_desk.lookup("I21.9", date=APRIL)

    code_also = [(n.text, n.source_code) for n in record.notes["code_also"]]
    includes = [(n.text, n.source_code) for n in record.notes["includes"]]
    assert ("the presence of hypertension (I10-I1A)", "I20-I25") in code_also
    assert includes[0] == ("cardiac infarction", "I21")
