from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from codedesk.cli import main


def _run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["lookup", *args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_it_prints_a_code_for_a_coder(icd_db: Path) -> None:
    code, out, _ = _run(icd_db, "t07xxxd", "--date", "2026-04-15")

    assert code == 0
    assert out.splitlines()[:4] == [
        "T07.XXXD  Unspecified multiple injuries, subsequent encounter",
        "ICD-10-CM code · BILLABLE on 2026-04-15",
        "Valid: 2019-07-01 (our records start then; it may be older) to present",
        "In: Chapter 19 Injury, poisoning and certain other consequences of"
        " external causes (S00-T88) > T07-T07 Injuries involving multiple body"
        " regions (T07) > T07 Unspecified multiple injuries",
    ]
    assert "  - injury NOS (T14.90)  [from T07]" in out
    assert "Seventh characters (defined at T07):" in out


def test_it_prints_json(icd_db: Path) -> None:
    code, out, _ = _run(icd_db, "E78.0", "--json", "--date", "2026-04-15")

    data = json.loads(out)
    assert code == 0
    assert data["status"] == "header"
    assert [c["code"] for c in data["children"]] == ["E78.00", "E78.01"]
    assert data["billable"] is False


def test_a_bad_code_exits_1_with_the_fix(icd_db: Path) -> None:
    code, out, err = _run(icd_db, "T07A")

    assert code == 1
    assert out == ""
    assert err == (
        "Error: 'T07A' is not an ICD-10-CM code.\n"
        "\n"
        "Did you mean T07.XXXA? Placeholder X fills every place before a seventh"
        " character.\n"
    )


def test_a_bad_date_exits_1(icd_db: Path) -> None:
    code, _, err = _run(icd_db, "I21.9", "--date", "2026-13-01")

    assert code == 1
    assert err == (
        "Error: '2026-13-01' is not a date.\n"
        "\n"
        "Give the date of service as YYYY-MM-DD.\n"
    )
