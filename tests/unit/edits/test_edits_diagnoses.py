"""ICD-10-CM rules, on notes and dates from the April 2026 Tabular List extract.

Notes: G63 Excludes1 "diabetes mellitus (E08-E13 with .42)"; I69 Excludes1
"sequelae of traumatic intracranial injury (S06.-)"; F02 code first
"Alzheimer's (G30.-)". I/OCE diagnosis table: F02.80 manifestation 1; O80
ages 9-64 from 2019-10-01 (12-55 before). FY2026 changes: B88.0 deleted,
B88.01 and B88.09 added.
"""

from __future__ import annotations

from typing import Any

from codedesk.edits import Checker, CheckReport, claim_from_dict


def dx(*codes: str, date: str = "2026-01-15", **extra: Any) -> Any:
    return claim_from_dict({"date_of_service": date, "diagnoses": list(codes), **extra})


def rules(report: CheckReport) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(f.rule, f.severity, f.diagnoses) for f in report.findings if f.diagnoses]


def test_e11_42_with_g63_is_an_excludes1_pair_for_review(checker: Checker) -> None:
    report = checker.check(dx("E11.42", "G63"))

    excludes = [f for f in report.findings if f.rule == "excludes1"]
    assert [(f.severity, f.codes) for f in excludes] == [("review", ("G63", "E11.42"))]
    assert excludes[0].source is not None
    assert excludes[0].source.row["code"] == "G63"
    assert excludes[0].source.row["text"] == "diabetes mellitus (E08-E13 with .42)"


def test_s06_with_i69_is_flagged_for_review_not_denied(checker: Checker) -> None:
    report = checker.check(dx("S06.0X0A", "I69.351"))

    assert rules(report) == [("excludes1", "review", (2, 1))]
    assert report.findings[0].source is not None
    assert report.findings[0].source.row["code"] == "I69"


def test_a_manifestation_listed_before_its_etiology_is_flagged(
    checker: Checker,
) -> None:
    report = checker.check(dx("F02.80", "G30.9"))

    assert rules(report) == [("manifestation_first", "deny", (1, 2))]
    assert report.findings[0].fix == "List G30.9 before F02.80."


def test_the_etiology_first_then_the_manifestation_passes(checker: Checker) -> None:
    report = checker.check(dx("G30.9", "F02.80"))

    assert rules(report) == []


def test_a_manifestation_without_its_etiology_asks_for_it(checker: Checker) -> None:
    report = checker.check(dx("E11.9", "F02.80"))

    assert rules(report) == [("code_first", "review", (2,))]


def test_a_header_code_is_denied_with_the_codes_below_it(checker: Checker) -> None:
    # B88.0 was billable until 2025-09-30; FY2026 split it into B88.01, B88.09.
    report = checker.check(dx("B88.0"))

    assert rules(report) == [("header_code", "deny", (1,))]
    assert report.findings[0].fix == "Use a billable code below it: B88.01, B88.09."


def test_the_same_code_was_billable_before_the_split(checker: Checker) -> None:
    report = checker.check(dx("B88.0", date="2021-06-01"))

    assert rules(report) == []


def test_an_age_outside_the_range_is_denied(checker: Checker) -> None:
    report = checker.check(dx("O80", age=70))

    assert rules(report) == [("age", "deny", (1,))]
    assert report.findings[0].message == "O80 is for ages 9 to 64; the patient is 70."


def test_age_limits_follow_the_date_of_service(checker: Checker) -> None:
    # Age 10 is outside 12-55 (2019 Q3) and inside 9-64 (from 2019-10-01).
    before = checker.check(dx("O80", date="2019-08-01", age=10))
    after = checker.check(dx("O80", date="2019-11-01", age=10))

    assert rules(before) == [("age", "deny", (1,))]
    assert rules(after) == []


def test_sex_is_reported_as_not_checked_without_sex_limits(checker: Checker) -> None:
    report = checker.check(dx("E11.9", sex="F"))

    assert [(f.rule, f.severity) for f in report.findings] == [("sex", "info")]


def test_an_unknown_code_is_invalid(checker: Checker) -> None:
    report = checker.check(dx("E11.99"))

    assert rules(report) == [("code_validity", "deny", (1,))]
    assert report.findings[0].message == "'E11.99' is not an ICD-10-CM code."


def test_a_repeated_diagnosis_is_for_review(checker: Checker) -> None:
    report = checker.check(dx("E11.9", "E11.9"))

    assert rules(report) == [("duplicate", "review", (1, 2))]
    assert report.findings[0].message == "E11.9 is listed 2 times (diagnoses 1, 2)."


def test_more_than_twelve_diagnoses_cites_the_form_limit(checker: Checker) -> None:
    codes = ["E11.9"] + [f"B88.0{n}" for n in (1, 9)] * 6
    report = checker.check(dx(*codes[:13]))

    counted = [f for f in report.findings if f.rule == "diagnosis_count"]
    assert [(f.severity, f.diagnoses) for f in counted] == [("review", (13,))]
    assert counted[0].message == (
        "The claim lists 13 diagnoses; the CMS-1500 form (and the 837P) carries"
        " at most 12, so diagnosis 13 would be dropped."
    )
