"""The modifier rule and the I/OCE modifier list.

Rows come from the extract ``tests/fixtures/edits/ioce/ioce_modifiers.csv``
(the I/OCE modifier table rows of 25, 59, 76, 91, 95, RT and XS).
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from typing import Any

from codedesk.edits import Checker, CheckReport, claim_from_dict
from codedesk.edits._modifiers import read_ioce_modifiers
from codedesk_web.claims.tests.edits_db import DATA

MODIFIERS = DATA / "ioce" / "ioce_modifiers.csv"


def listed() -> list[str]:
    with MODIFIERS.open(newline="") as handle:
        return [row["modifier"] for row in csv.DictReader(handle)]


def claim(*modifiers: str) -> Any:
    return claim_from_dict(
        {
            "date_of_service": "2026-01-15",
            "setting": "facility",
            "lines": ["27447", {"code": "20610", "modifiers": list(modifiers)}],
        }
    )


def modifier_findings(report: CheckReport) -> list[tuple[str, str, str]]:
    return [
        (f.severity, f.message, f.source.table if f.source else "")
        for f in report.findings
        if f.rule == "modifier"
    ]


def test_it_reads_the_ioce_modifier_rows() -> None:
    rows = list(read_ioce_modifiers(MODIFIERS))

    # The file's row for 25: ncci 1, versions 76 to 103.
    assert ("25", 1, 76, 103) in rows
    assert len(rows) == len(listed())


def test_numeric_modifiers_in_the_list_are_not_flagged(checker: Checker) -> None:
    numeric = [m for m in listed() if m.isdigit()]

    report = checker.check(claim(*numeric))

    assert numeric
    assert modifier_findings(report) == []


def test_a_modifier_no_list_has_is_flagged_for_review(checker: Checker) -> None:
    unknown = "00"
    assert unknown not in listed()

    report = checker.check(claim("59", unknown))

    assert modifier_findings(report) == [
        (
            "review",
            "Modifier 00 on line 2 (20610) is not a CPT or HCPCS Level II modifier.",
            "ioce_modifier",
        )
    ]


def test_without_a_modifier_list_it_says_modifiers_were_not_checked(
    db_copy: Path,
) -> None:
    with sqlite3.connect(db_copy) as conn:
        conn.execute("DELETE FROM ioce_modifier")
        conn.execute("DELETE FROM edit_source WHERE kind = 'modifier'")
    conn = sqlite3.connect(f"file:{db_copy}?mode=ro", uri=True)

    report = Checker(conn).check(claim("00"))
    conn.close()

    assert [
        (f.severity, f.message) for f in report.findings if f.rule == "modifier"
    ] == [("info", "Modifiers were not checked: no modifier list is loaded.")]
