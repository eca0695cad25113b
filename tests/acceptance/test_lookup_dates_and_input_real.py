"""Lookup on dates outside the data, odd input and modifiers, on real releases.

Values: I21.9 from the I/OCE diagnosis table
(mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv, from 2019-07-01, the table's
first quarter); the FY2026 April tabular (in effect to 2026-09-30); LT from
the January 2026 HCPCS zip (HCPC2026_JAN_ANWEB_01122026.txt, modifier LT,
"Left side (used to identify procedures performed on the left side of the
body)").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from codedesk import Desk, MalformedCodeError
from codedesk.cli import main

pytestmark = pytest.mark.acceptance


def test_icd10cm_before_2015_10_01_is_not_valid(real_desk: Desk) -> None:
    record = real_desk.lookup("I21.9", date=dt.date(1900, 1, 1))

    assert (record.status, record.billable) == ("not_yet", False)
    assert record.warnings == [
        "I21.9 is not valid on 1900-01-01: ICD-10-CM took effect for US claims"
        " on 2015-10-01; earlier claims use ICD-9-CM."
    ]


def test_icd10pcs_before_2015_10_01_is_not_valid(real_desk: Desk) -> None:
    record = real_desk.lookup("0LB50ZZ", date=dt.date(2014, 6, 1))

    assert record.status == "not_yet"


def test_a_date_before_the_ioce_floor_says_validity_is_not_known(
    real_desk: Desk,
) -> None:
    record = real_desk.lookup("I21.9", date=dt.date(2019, 1, 1))

    assert record.from_floor
    assert record.warnings == [
        "Our records of I21.9 start on 2019-07-01; whether it was valid on"
        " 2019-01-01 is not known from the data."
    ]


@pytest.mark.parametrize(
    ("code", "label"),
    [("I21.9", "ICD-10-CM"), ("J3301", "HCPCS Level II"), ("0LB50ZZ", "ICD-10-PCS")],
)
def test_a_date_after_the_newest_release_warns_in_every_system(
    real_desk: Desk, code: str, label: str
) -> None:
    record = real_desk.lookup(code, date=dt.date(2030, 1, 1))

    assert any(
        w.startswith(f"The date of service 2030-01-01 is after the newest {label}")
        for w in record.warnings
    )


@pytest.mark.parametrize("system", [None, "icd10cm"])
def test_i2_is_too_short_and_lists_what_starts_with_it(
    real_desk: Desk, system: str | None
) -> None:
    with pytest.raises(MalformedCodeError) as caught:
        real_desk.lookup("i2", system=system, date=dt.date(2026, 5, 1))

    assert caught.value.message == (
        "'i2' is too short: ICD-10-CM codes have 3 to 7 characters (e.g. I21.9)."
    )
    assert caught.value.hint is not None
    assert caught.value.hint.startswith("ICD-10-CM codes starting with I2: I20-I25,")


@pytest.mark.parametrize("typed", ["\uff29\uff12\uff11.\uff19", "I2\u200b1.9\ufeff"])
def test_full_width_and_zero_width_input_finds_the_code(
    real_desk: Desk, typed: str
) -> None:
    record = real_desk.lookup(typed, date=dt.date(2026, 5, 1))

    assert (record.system, record.code) == ("icd10cm", "I21.9")


def test_an_error_does_not_echo_a_huge_input(real_desk: Desk) -> None:
    with pytest.raises(MalformedCodeError) as caught:
        real_desk.lookup("A" * 100_000, system="hcpcs", date=dt.date(2026, 5, 1))

    assert caught.value.message == (
        "'AAAAAAAAAAAAAAAAAAAA… (100,000 characters)' is too long: it has"
        " 100,000 characters, and a HCPCS Level II code has 5 (e.g. J3301)."
    )


def test_a_hcpcs_modifier_is_a_valid_modifier_not_a_header(real_desk: Desk) -> None:
    record = real_desk.lookup("LT", date=dt.date(2026, 5, 1))

    assert (record.system, record.kind, record.status) == ("hcpcs", "modifier", "valid")
    assert not record.billable
    assert record.title.startswith("Left side")
    assert not [w for w in record.warnings if "header" in w]


def test_the_cli_says_modifier_for_lt(real_db: Path) -> None:
    args = ["lookup", "LT", "--date", "2026-05-01", "--db", str(real_db)]

    result = CliRunner().invoke(main, args)

    assert result.exit_code == 0
    assert "HCPCS Level II modifier · VALID modifier" in result.output
    assert "HEADER" not in result.output


def test_a_header_names_only_billable_codes_to_use(real_desk: Desk) -> None:
    # April 2026 tabular: E78.01 heads E78.010, E78.011 and E78.019.
    record = real_desk.lookup("E78.0", date=dt.date(2026, 5, 1))

    assert record.warnings == [
        "E78.0 is a header, not billable: use a code under it"
        " (E78.00, E78.010, E78.011, E78.019)."
    ]
