"""ICD-10-PCS on the real FY2024 code file and FY2025 lists (issue #2 cases)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk import MalformedCodeError
from codedesk.icd10pcs import normalize

pytestmark = pytest.mark.acceptance


@pytest.fixture(scope="module")
def conn(real_db: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{real_db}?mode=ro", uri=True)
    yield conn
    conn.close()


def test_0lb50zz_is_a_valid_code(conn: sqlite3.Connection) -> None:
    # icd10pcs_codes_fy2024.txt and the FY2025 Medical and Surgical list
    # both carry 0LB50ZZ.
    row = conn.execute(
        "SELECT c.kind, c.billable, s.valid_to FROM code c JOIN span s"
        " ON s.system = c.system AND s.code = c.code"
        " WHERE c.system = 'icd10pcs' AND c.code = '0LB50ZZ'"
    ).fetchone()

    assert row == ("code", 1, None)


def test_02n_is_a_table_header_not_a_code(conn: sqlite3.Connection) -> None:
    kinds = conn.execute(
        "SELECT kind, billable FROM code WHERE system = 'icd10pcs' AND code = '02N'"
    ).fetchall()

    assert kinds == [("table", 0)]


def test_0lb5ozz_with_a_letter_o_is_invalid() -> None:
    with pytest.raises(MalformedCodeError) as caught:
        normalize("0LB5OZZ")

    assert caught.value.suggestions == ("0LB50ZZ",)


def test_every_code_of_the_fy2024_file_is_loaded(conn: sqlite3.Connection) -> None:
    # MANIFEST: icd10pcs_codes_fy2024.txt holds 78,603 codes.
    (count,) = conn.execute(
        "SELECT count(*) FROM span WHERE system = 'icd10pcs'"
        " AND length(code) = 7 AND valid_from = '2023-10-01'"
    ).fetchone()

    assert count == 78603
