"""Add-on codes (I/OCE add-on extract) and MUE (a fixture in the CMS layout).

Add-on rows: 11045 type 1 with primary 11042; 0054T type 2 (no primaries
listed); 0984T type 3 with primaries 36221-36226, 37215, 37216 from
2025-10-01. The MUE fixture is a test release with invented values; the
per-line (MAI 1) and per-day (MAI 2, 3) rules are the NCCI MUE policy's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from codedesk.edits import Checker, CheckReport, claim_from_dict, import_edits

from .conftest import CMS

MUE_FILE = CMS / "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"


def claim(*lines: Any, date: str = "2026-01-15") -> Any:
    return claim_from_dict(
        {"date_of_service": date, "setting": "practitioner", "lines": list(lines)}
    )


def found(report: CheckReport, rule: str) -> list[tuple[str, tuple[int, ...]]]:
    return [(f.severity, f.lines) for f in report.findings if f.rule == rule]


def test_a_type_1_add_on_without_its_primary_is_denied(checker: Checker) -> None:
    report = checker.check(claim("11045"))

    assert found(report, "addon") == [("deny", (1,))]
    assert report.findings[0].fix == "Bill it with its primary procedure (11042)."


def test_a_type_1_add_on_with_its_primary_passes(checker: Checker) -> None:
    report = checker.check(claim("11042", "11045"))

    assert found(report, "addon") == []


def test_a_type_2_add_on_alone_is_denied_and_with_a_procedure_passes(
    checker: Checker,
) -> None:
    alone = checker.check(claim("0054T"))
    with_other = checker.check(claim("27447", "0054T"))

    assert found(alone, "addon") == [("deny", (1,))]
    assert found(with_other, "addon") == []


def test_a_type_3_add_on_with_an_unlisted_primary_is_for_review(
    checker: Checker,
) -> None:
    report = checker.check(claim("27447", "0984T"))

    assert found(report, "addon") == [("review", (2,))]


def test_without_an_mue_table_mue_is_not_checked(checker: Checker) -> None:
    report = checker.check(claim("11042"))

    assert [f.message for f in report.findings if f.rule == "mue"] == [
        "MUE was not checked: no practitioner MUE table is loaded."
    ]


@pytest.fixture()
def mue_conn(db_copy: Path) -> sqlite3.Connection:
    import_edits(db_copy, "mue-practitioner", MUE_FILE)
    return sqlite3.connect(db_copy)


def test_mai_1_is_judged_per_line(mue_conn: sqlite3.Connection) -> None:
    # 99213: MUE 1, MAI 1 in the fixture.
    checker = Checker(mue_conn)

    two_lines = checker.check(claim("99213", "99213"))
    one_line = checker.check(claim({"code": "99213", "units": 2}))

    assert found(two_lines, "mue") == []
    assert found(one_line, "mue") == [("deny", (1,))]


def test_mai_2_and_3_add_up_the_units_of_the_day(mue_conn: sqlite3.Connection) -> None:
    # 11042: MUE 1, MAI 2; 11045: MUE 3, MAI 3 in the fixture.
    checker = Checker(mue_conn)

    report = checker.check(
        claim("11042", "11042", {"code": "11045", "units": 2}, "11045")
    )

    assert found(report, "mue") == [("deny", (1, 2))]
    finding = [f for f in report.findings if f.rule == "mue"][0]
    assert finding.message == (
        "11042: 2 units on the date of service exceed the MUE of 1"
        " (MAI 2 Date of Service Edit: Policy)."
    )
    assert finding.source is not None
    assert finding.source.effective_from == "2026-01-01"


def test_an_mue_release_does_not_apply_before_its_effective_date(
    mue_conn: sqlite3.Connection,
) -> None:
    report = Checker(mue_conn).check(
        claim({"code": "99213", "units": 3}, date="2025-12-31")
    )

    assert found(report, "mue") == []
