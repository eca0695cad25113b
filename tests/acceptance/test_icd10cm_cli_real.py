"""``codedesk lookup`` on the real releases: the exact text a coder sees.

Codes and titles from the CDC April 2026 Tabular List
(``icd10cm/icd10c-tabular-April-1-2026.xml``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from codedesk.cli import main

pytestmark = pytest.mark.acceptance


def _run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["lookup", *args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_w21_89a_exits_1_with_the_fix(real_db: Path) -> None:
    code, out, err = _run(real_db, "W21.89A")

    assert (code, out) == (1, "")
    assert err == (
        "Error: 'W21.89A' is not an ICD-10-CM code.\n"
        "\n"
        "Did you mean W21.89XA? Placeholder X fills every place before a seventh"
        " character.\n"
    )


def test_cpt_shaped_input_to_icd10cm_exits_1(real_db: Path) -> None:
    code, _, err = _run(real_db, "11646", "--system", "icd10cm")

    assert code == 1
    assert err.startswith(
        "Error: '11646' is not an ICD-10-CM code: it looks like a CPT code.\n"
    )


def test_n47_9_lists_the_codes_under_n47(real_db: Path) -> None:
    # Tabular: N47 Disorders of prepuce has N47.0 to N47.8, no N47.9.
    code, _, err = _run(real_db, "N47.9", "--system", "icd10cm")

    assert code == 1
    assert err == (
        "Error: 'N47.9' is not an ICD-10-CM code.\n"
        "\n"
        "Codes under N47 (Disorders of prepuce): N47.0, N47.1, N47.2, N47.3,"
        " N47.4, N47.5, N47.6, N47.7.\n"
    )


def test_i219_prints_its_title_and_status(real_db: Path) -> None:
    code, out, _ = _run(real_db, "i219", "--date", "2026-05-01")

    assert code == 0
    assert out.splitlines()[:2] == [
        "I21.9  Acute myocardial infarction, unspecified",
        "ICD-10-CM code · BILLABLE on 2026-05-01",
    ]


def test_h33_json_is_a_header_with_its_children(real_db: Path) -> None:
    # Tabular: H33 > H33.0, H33.1, H33.2, H33.3, H33.4, H33.8.
    code, out, _ = _run(real_db, "h33", "--json", "--date", "2026-05-01")

    data = json.loads(out)
    assert code == 0
    assert (data["code"], data["billable"], data["status"]) == ("H33", False, "header")
    assert [c["code"] for c in data["children"]] == [
        "H33.0",
        "H33.1",
        "H33.2",
        "H33.3",
        "H33.4",
        "H33.8",
    ]
    assert set(data) >= {
        "system",
        "title",
        "valid_from",
        "valid_to",
        "notes",
        "parents",
        "seventh_characters",
        "replaced_by",
        "facts",
        "warnings",
    }
