"""The ``lookup.tree`` build step on the fixture database."""

from __future__ import annotations

import sqlite3


def _tree(conn: sqlite3.Connection, code: str) -> list[tuple[object, ...]]:
    return conn.execute(
        "SELECT pos, last, billable, bill_from, bill_to FROM code_tree"
        " WHERE system = 'icd10cm' AND code = ? ORDER BY bill_from",
        (code,),
    ).fetchall()


def test_the_codes_under_an_entry_are_one_range(icd_conn: sqlite3.Connection) -> None:
    # Tabular: E78.0 > E78.00, E78.01 > E78.010, E78.011, E78.019.
    ((pos, last, *_),) = _tree(icd_conn, "E78.0")

    under = icd_conn.execute(
        "SELECT DISTINCT code FROM code_tree WHERE system = 'icd10cm'"
        " AND pos > ? AND pos <= ? ORDER BY pos",
        (pos, last),
    ).fetchall()

    assert [row[0] for row in under] == [
        "E78.00",
        "E78.01",
        "E78.010",
        "E78.011",
        "E78.019",
    ]


def test_each_billable_period_is_a_row(icd_conn: sqlite3.Connection) -> None:
    # I/OCE dx table: E7801 billable 2019-07-01..2025-09-30, then a header.
    rows = _tree(icd_conn, "E78.01")

    assert [row[2:] for row in rows] == [(1, "2019-07-01", "2025-09-30")]


def test_a_header_never_billable_has_one_row(icd_conn: sqlite3.Connection) -> None:
    rows = _tree(icd_conn, "E78.0")

    assert [row[2:] for row in rows] == [(0, None, None)]
