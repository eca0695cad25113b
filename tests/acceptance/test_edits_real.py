"""The claim checker on the real releases in CODEDESK_DATA_DIR.

Every expected value is read in the test from the release file it comes
from (the NCCI hospital PTP export, the add-on export, the CPT presence
table, the RVU25D and GPCI files) or quoted from the April 2026 Tabular
List.
"""

from __future__ import annotations

import csv
import gzip
import os
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from codedesk.edits import (
    Checker,
    CheckReport,
    claim_from_dict,
    compute_fee,
    pair_edits,
)

pytestmark = pytest.mark.acceptance

DATA = Path(os.environ.get("CODEDESK_DATA_DIR", "."))
PTP = DATA / "ncci" / "ncci_ptp_hospital_outpatient_from_ioce_2019q3_2026q2.csv.gz"
ADDON = DATA / "ncci" / "ncci_addon_code_edits_from_ioce.csv"
PRESENCE = DATA / "cpt" / "ioce_code_presence_2019q3_2026q2_no_descriptors.csv"
RVU = DATA / "pfs_rvu" / "pprrvu_2025_oct_rvu25d_numeric_no_descriptors.csv"
GPCI = DATA / "pfs_rvu" / "GPCI2025.csv"
MODIFIERS = DATA / "ioce" / "ioce_modifiers.csv"


@pytest.fixture(scope="module")
def conn(real_db: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{real_db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def checker(conn: sqlite3.Connection) -> Checker:
    return Checker(conn)


@pytest.fixture(scope="module")
def ptp_rows() -> list[dict[str, str]]:
    with gzip.open(PTP, "rt", newline="") as handle:
        return list(csv.DictReader(handle))


def claim(date: str, *lines: Any, setting: str = "facility", **extra: Any) -> Any:
    return claim_from_dict(
        {"date_of_service": date, "setting": setting, "lines": list(lines), **extra}
    )


def pair_findings(report: CheckReport, c1: str, c2: str) -> list[tuple[str, str]]:
    return [
        (f.rule, f.severity)
        for f in report.findings
        if f.codes == (c1, c2) and f.rule in ("ncci_ptp", "modifier")
    ]


def test_every_hospital_pair_is_loaded(
    conn: sqlite3.Connection, ptp_rows: list[dict[str, str]]
) -> None:
    (count,) = conn.execute(
        "SELECT count(*) FROM ptp WHERE setting = 'hospital'"
    ).fetchone()

    # MANIFEST: 1,594,456 rows in the hospital export.
    assert count == len(ptp_rows) == 1_594_456


def _current(rows: list[dict[str, str]], indicator: str) -> dict[str, str]:
    return next(
        r
        for r in rows
        if r["modifier_indicator"] == indicator and not r["effective_to"]
    )


def test_indicator_0_from_the_table_admits_no_modifier(
    checker: Checker, ptp_rows: list[dict[str, str]]
) -> None:
    row = _current(ptp_rows, "0")
    c1, c2 = row["column1"], row["column2"]

    report = checker.check(claim("2026-04-15", c1, {"code": c2, "modifiers": ["59"]}))

    assert pair_findings(report, c1, c2) == [("ncci_ptp", "deny")]


def test_indicator_1_from_the_table_yields_to_a_column_2_modifier_only(
    checker: Checker, ptp_rows: list[dict[str, str]]
) -> None:
    row = _current(ptp_rows, "1")
    c1, c2 = row["column1"], row["column2"]

    on_column2 = checker.check(
        claim("2026-04-15", c1, {"code": c2, "modifiers": ["XS"]})
    )
    on_column1 = checker.check(
        claim("2026-04-15", {"code": c1, "modifiers": ["XS"]}, c2)
    )

    assert pair_findings(on_column2, c1, c2) == [("ncci_ptp", "info")]
    assert pair_findings(on_column1, c1, c2) == [
        ("ncci_ptp", "deny"),
        ("modifier", "review"),
    ]


def test_five_random_pairs_are_reproduced_with_their_indicator_and_dates(
    conn: sqlite3.Connection, checker: Checker, ptp_rows: list[dict[str, str]]
) -> None:
    rows = random.Random(20260401).sample(ptp_rows, 5)

    for row in rows:
        c1, c2 = row["column1"], row["column2"]
        report = checker.check(claim(row["effective_from"], c1, c2))
        found = [
            f for f in report.findings if f.rule == "ncci_ptp" and f.codes == (c1, c2)
        ]
        answer = pair_edits(conn, c2, c1, report.claim.date, "facility")

        assert len(found) == 1, row
        source = found[0].source
        assert source is not None
        assert source.modifier_indicator == int(row["modifier_indicator"])
        assert source.effective_from == row["effective_from"]
        assert source.effective_to == (row["effective_to"] or None)
        assert [(e.column1, e.column2, e.modifier_indicator) for e in answer.ptp] == [
            (c1, c2, int(row["modifier_indicator"]))
        ]


def test_an_add_on_code_without_any_primary_is_denied(checker: Checker) -> None:
    with ADDON.open(newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if not r["effective_to"]]
    first = next(r for r in rows if r["aoc_type"] == "1")
    primaries = sorted(
        r["primary_code"] for r in rows if r["addon_code"] == first["addon_code"]
    )

    report = checker.check(
        claim("2026-04-15", first["addon_code"], setting="practitioner")
    )

    addon = [f for f in report.findings if f.rule == "addon"]
    assert [(f.severity, f.lines) for f in addon] == [("deny", (1,))]
    assert addon[0].fix is not None and primaries[0] in addon[0].fix


def test_a_code_valid_in_2021_that_ended_is_invalid_after(checker: Checker) -> None:
    with PRESENCE.open(newline="") as handle:
        row = next(
            r
            for r in csv.DictReader(handle)
            if r["first_effective_from_in_ioce"] <= "2021-01-01"
            and r["last_effective_to_in_ioce"]
            and r["last_effective_to_in_ioce"] < "2025-01-01"
            and r["code"][:1].isdigit()
        )

    valid = checker.check(claim("2021-01-01", row["code"]))
    ended = checker.check(claim("2026-01-15", row["code"]))

    assert [f.rule for f in valid.findings if f.rule == "code_validity"] == []
    invalid = [f for f in ended.findings if f.rule == "code_validity"]
    assert [f.severity for f in invalid] == ["deny"]
    assert invalid[0].message == (
        f"{row['code']} is not valid on 2026-01-15: it ended on"
        f" {row['last_effective_to_in_ioce']}."
    )


def dx(
    checker: Checker, *codes: str, date: str = "2026-04-15"
) -> list[tuple[str, str]]:
    report = checker.check(
        claim_from_dict({"date_of_service": date, "diagnoses": list(codes)})
    )
    return [(f.rule, f.severity) for f in report.findings if f.rule != "sex"]


def test_e11_42_with_g63_is_flagged_by_the_excludes1_at_g63(checker: Checker) -> None:
    # Tabular, G63 Excludes1: "diabetes mellitus (E08-E13 with .42)".
    assert ("excludes1", "review") in dx(checker, "E11.42", "G63")


def test_s06_0x0a_with_i69_351_is_for_review_not_denial(checker: Checker) -> None:
    # Tabular, I69 Excludes1: "sequelae of traumatic intracranial injury (S06.-)".
    assert dx(checker, "S06.0X0A", "I69.351") == [("excludes1", "review")]


def test_f02_80_before_g30_9_is_a_manifestation_listed_first(checker: Checker) -> None:
    # Tabular, F02 code first: "Alzheimer's (G30.-)"; I/OCE: F0280 manifestation 1.
    assert dx(checker, "F02.80", "G30.9") == [("manifestation_first", "deny")]
    assert dx(checker, "G30.9", "F02.80") == []


def test_a_fee_matches_the_rvu_and_gpci_rows_by_hand(conn: sqlite3.Connection) -> None:
    with RVU.open(newline="") as handle:
        rvu = next(
            r for r in csv.DictReader(handle) if r["hcpcs"] == "99213" and not r["mod"]
        )
    with GPCI.open(newline="") as handle:
        gpci = next(r for r in csv.reader(handle) if r[:3] == ["01112", "CA", "54"])
    work, pe, mp = float(gpci[4]), float(gpci[5]), float(gpci[6])

    fee = compute_fee(conn, "99213", facility=False, locality="01112-54")

    # (work RVU x work GPCI + non-facility PE RVU x PE GPCI + MP RVU x MP GPCI) x CF
    expected = (
        float(rvu["work_rvu"]) * work
        + float(rvu["non_fac_pe_rvu"]) * pe
        + float(rvu["mp_rvu"]) * mp
    ) * float(rvu["conv_factor"])
    assert fee is not None
    assert fee.amount == round(expected, 2)


def test_a_header_diagnosis_fix_names_only_billable_codes(checker: Checker) -> None:
    # icd10cm_billable_codes_2026-04-01.csv: E11.00 and E11.01 are the first
    # billable codes under E11; E11.0 is a subcategory header, not billable.
    report = checker.check(
        claim_from_dict({"date_of_service": "2026-04-15", "diagnoses": ["E11"]})
    )

    fix = report.findings[0].fix or ""
    assert report.findings[0].rule == "header_code"
    assert fix.startswith("Use a billable code below it: E11.00, E11.01, E11.10,")
    assert "E11.0," not in fix


def test_a_mistyped_diagnosis_carries_lookups_suggestion(checker: Checker) -> None:
    # code-list-April-2026.txt has W21.89XA; W21.89A lacks the placeholder X.
    report = checker.check(
        claim_from_dict({"date_of_service": "2026-04-15", "diagnoses": ["W21.89A"]})
    )

    found = report.findings[0]
    assert (found.rule, found.diagnoses) == ("code_validity", (1,))
    assert found.suggestions == ("W21.89XA",)
    assert found.fix is not None and found.fix.startswith("Did you mean W21.89XA?")


def test_a_too_long_diagnosis_is_a_finding_and_the_rest_is_checked(
    checker: Checker,
) -> None:
    # Tabular, G63 Excludes1: "diabetes mellitus (E08-E13 with .42)".
    claim = {
        "date_of_service": "2026-04-15",
        "diagnoses": ["E11.99999", "E11.42", "G63"],
    }

    report = checker.check(claim_from_dict(claim))

    rules = [(f.rule, f.diagnoses) for f in report.findings if f.rule != "sex"]
    assert ("code_validity", (1,)) in rules
    assert ("excludes1", (3, 2)) in rules or ("excludes1", (2, 3)) in rules


def test_numeric_modifiers_from_the_ioce_list_are_not_flagged(
    checker: Checker, ptp_rows: list[dict[str, str]]
) -> None:
    with MODIFIERS.open(newline="") as handle:
        listed = {row["modifier"] for row in csv.DictReader(handle)}
    # Rows 25, 59 and 76 of ioce_modifiers.csv.
    numeric = ["25", "59", "76"]
    row = _current(ptp_rows, "1")

    report = checker.check(
        claim(
            "2026-04-15", row["column1"], {"code": row["column2"], "modifiers": numeric}
        )
    )

    assert set(numeric) <= listed
    assert [f for f in report.findings if f.rule == "modifier"] == []


def test_hcpcs_modifiers_outside_the_ioce_list_are_known(
    conn: sqlite3.Connection, checker: Checker, ptp_rows: list[dict[str, str]]
) -> None:
    with MODIFIERS.open(newline="") as handle:
        listed = {row["modifier"] for row in csv.DictReader(handle)}
    hcpcs = [
        row[0]
        for row in conn.execute(
            "SELECT code FROM code WHERE system = 'hcpcs' AND kind = 'modifier'"
        )
    ]
    only_hcpcs = sorted(set(hcpcs) - listed)[:3]

    row = next(r for r in ptp_rows if not r["effective_to"])

    report = checker.check(
        claim("2026-04-15", {"code": row["column1"], "modifiers": only_hcpcs})
    )

    assert only_hcpcs
    assert [f for f in report.findings if f.rule == "modifier"] == []


def test_a_modifier_in_neither_list_is_flagged_for_review(
    conn: sqlite3.Connection, checker: Checker, ptp_rows: list[dict[str, str]]
) -> None:
    with MODIFIERS.open(newline="") as handle:
        listed = {row["modifier"] for row in csv.DictReader(handle)}
    hcpcs = {
        row[0]
        for row in conn.execute(
            "SELECT code FROM code WHERE system = 'hcpcs' AND kind = 'modifier'"
        )
    }
    unknown = "00"
    row = next(r for r in ptp_rows if not r["effective_to"])

    report = checker.check(
        claim("2026-04-15", {"code": row["column1"], "modifiers": [unknown]})
    )

    assert unknown not in listed | hcpcs
    assert [
        (f.rule, f.severity, f.lines) for f in report.findings if f.rule == "modifier"
    ] == [("modifier", "review", (1,))]
