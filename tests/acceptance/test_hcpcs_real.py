"""HCPCS Level II on the real January 2026 zip."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from codedesk.hcpcs import normalize

pytestmark = pytest.mark.acceptance


@pytest.fixture(scope="module")
def conn(real_db: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{real_db}?mode=ro", uri=True)
    yield conn
    conn.close()


def test_j3301_typed_in_lower_case_has_its_long_description(
    conn: sqlite3.Connection,
) -> None:
    # HCPC2026_JAN_ANWEB_01122026.txt line 10498 (record id 3).
    code = normalize("j3301")

    row = conn.execute(
        "SELECT title FROM code WHERE system = 'hcpcs' AND code = ?", (code,)
    ).fetchone()

    assert row == (
        "Injection, triamcinolone acetonide, not otherwise specified, 10 mg",
    )


def test_a_terminated_code_names_its_cross_reference(conn: sqlite3.Connection) -> None:
    # ANWEB record A4466: XREF1 A4467, termination date 20161231.
    span = conn.execute(
        "SELECT valid_to FROM span WHERE system = 'hcpcs' AND code = 'A4466'"
    ).fetchone()
    replaced_by = conn.execute(
        "SELECT replaced_by FROM replacement WHERE system = 'hcpcs' AND code = 'A4466'"
    ).fetchall()

    assert span == ("2016-12-31",)
    assert replaced_by == [("A4467",)]


def test_every_code_and_modifier_of_the_zip_is_loaded(conn: sqlite3.Connection) -> None:
    # MANIFEST: the ANWEB file holds 8,623 codes and 383 modifiers.
    counts = dict(
        conn.execute(
            "SELECT c.kind, count(*) FROM code c JOIN span s"
            " ON s.system = c.system AND s.code = c.code"
            " WHERE c.system = 'hcpcs' AND s.source LIKE 'HCPCS 2026-01%'"
            " GROUP BY c.kind"
        ).fetchall()
    )

    assert counts == {"code": 8623, "modifier": 383}
