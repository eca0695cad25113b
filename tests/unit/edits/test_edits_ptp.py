"""NCCI PTP rule: modifier indicator semantics and dates.

Pairs come from the hospital I/OCE export extract in
``tests/fixtures/edits/ncci/``: 29881/29877 indicator 0 since 2019-07-01;
27447/20610 indicator 1 since 2019-07-01; 99213/G0444 indicator 1 from
2019-07-01 to 2019-12-31 and again from 2020-10-01. The rule itself is the
NCCI Policy Manual's, chapter I.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from codedesk.edits import Checker, CheckReport, claim_from_dict, import_edits

from .conftest import CMS


def claim(*lines: Any, date: str = "2026-01-15", setting: str = "facility") -> Any:
    return claim_from_dict(
        {"date_of_service": date, "setting": setting, "lines": list(lines)}
    )


def ptp(report: CheckReport) -> list[tuple[str, str, tuple[int, ...]]]:
    return [
        (f.rule, f.severity, f.lines)
        for f in report.findings
        if f.rule in ("ncci_ptp", "modifier") and f.lines
    ]


def test_indicator_0_denies_column_2_even_with_a_modifier(checker: Checker) -> None:
    report = checker.check(claim("29881", {"code": "29877", "modifiers": ["59"]}))

    assert ptp(report) == [("ncci_ptp", "deny", (1, 2))]
    finding = report.findings[0]
    assert finding.source is not None
    assert finding.source.modifier_indicator == 0
    assert finding.source.effective_from == "2019-07-01"
    assert finding.message.endswith("Modifier 59 cannot bypass it.")


def test_indicator_1_denies_column_2_without_a_modifier(checker: Checker) -> None:
    report = checker.check(claim("27447", "20610"))

    assert ptp(report) == [("ncci_ptp", "deny", (1, 2))]
    assert report.denied_lines == (2,)


def test_a_modifier_on_the_column_2_line_bypasses_indicator_1(checker: Checker) -> None:
    report = checker.check(claim("27447", {"code": "20610", "modifiers": ["XS"]}))

    assert ptp(report) == [("ncci_ptp", "info", (1, 2))]
    assert report.denied_lines == ()


def test_a_modifier_on_the_column_1_line_does_not_bypass(checker: Checker) -> None:
    report = checker.check(claim({"code": "27447", "modifiers": ["59"]}, "20610"))

    assert ptp(report) == [("ncci_ptp", "deny", (1, 2)), ("modifier", "review", (1, 2))]


def test_an_anatomic_modifier_on_column_1_is_not_called_misplaced(
    checker: Checker,
) -> None:
    report = checker.check(claim({"code": "27447", "modifiers": ["RT"]}, "20610"))

    assert ptp(report) == [("ncci_ptp", "deny", (1, 2))]


def test_a_modifier_that_is_not_ncci_associated_does_not_bypass(
    checker: Checker,
) -> None:
    # 76 (repeat procedure) is not in the NCCI-associated list.
    report = checker.check(claim("27447", {"code": "20610", "modifiers": ["76"]}))

    assert ptp(report) == [("ncci_ptp", "deny", (1, 2))]


def test_the_order_of_lines_does_not_matter(checker: Checker) -> None:
    report = checker.check(claim("20610", "27447"))

    assert ptp(report) == [("ncci_ptp", "deny", (2, 1))]


def test_a_pair_outside_its_dates_is_not_an_edit(checker: Checker) -> None:
    # 99213/G0444 was out of the table from 2020-01-01 to 2020-09-30.
    inside = checker.check(claim("99213", "G0444", date="2019-12-31"))
    gap = checker.check(claim("99213", "G0444", date="2020-05-01"))

    assert ptp(inside) == [("ncci_ptp", "deny", (1, 2))]
    assert ptp(gap) == []


def test_lines_on_different_dates_are_not_paired(checker: Checker) -> None:
    report = checker.check(claim("27447", {"code": "20610", "date": "2026-01-16"}))

    assert ptp(report) == []


def test_a_practitioner_claim_says_it_used_the_hospital_table(checker: Checker) -> None:
    report = checker.check(claim("27447", "20610", setting="practitioner"))

    notes = [f.message for f in report.findings if f.severity == "info"]
    assert notes[0].startswith("No practitioner PTP table is loaded")


def test_an_imported_practitioner_table_is_used_and_9_is_not_an_edit(
    db_copy: Path,
) -> None:
    import sqlite3

    import_edits(db_copy, "ptp-practitioner", CMS / "ptp_practitioner_sample.txt")
    conn = sqlite3.connect(db_copy)

    # The fixture's last row: 27447/99213, indicator 9.
    nine = Checker(conn).check(claim("27447", "99213", setting="practitioner"))
    zero = Checker(conn).check(claim("29881", "29877", setting="practitioner"))

    assert ptp(nine) == []
    assert ptp(zero) == [("ncci_ptp", "deny", (1, 2))]
    assert zero.findings[0].source is not None
    assert zero.findings[0].source.release == "NCCI PTP, practitioner"
    assert all(f.severity != "info" or f.rule != "ncci_ptp" for f in zero.findings)
