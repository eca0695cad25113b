from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from codedesk.icd10cm import LOADERS
from codedesk.releases import Sources, build_database


def _spans(conn: sqlite3.Connection, code: str) -> list[tuple[object, ...]]:
    return conn.execute(
        "SELECT valid_from, valid_to, from_floor, billable FROM span"
        " WHERE system = 'icd10cm' AND code = ? ORDER BY valid_from",
        (code,),
    ).fetchall()


def test_a_code_that_became_a_header_has_both_spans(
    icd_conn: sqlite3.Connection,
) -> None:
    # I/OCE dx table: E7801 2019-07-01..2025-09-30; E78010/1/9 from 2025-10-01.
    assert _spans(icd_conn, "E78.01") == [
        ("2019-07-01", "2025-09-30", 1, 1),
        ("2025-10-01", None, 0, 0),
    ]


def test_a_code_that_became_a_header_is_replaced_by_its_children(
    icd_conn: sqlite3.Connection,
) -> None:
    rows = icd_conn.execute(
        "SELECT replaced_by FROM replacement WHERE code = 'E78.01' ORDER BY 1"
    ).fetchall()

    assert [r[0] for r in rows] == ["E78.010", "E78.011", "E78.019"]


def test_a_deleted_code_keeps_a_row_and_its_old_span(
    icd_conn: sqlite3.Connection,
) -> None:
    # Changes file: S301XXA deleted in FY2026; I/OCE: valid to 2025-09-30.
    row = icd_conn.execute(
        "SELECT kind, billable, title, parent FROM code WHERE code = 'S30.1XXA'"
    ).fetchone()

    assert row == ("code", 0, "Contusion of abdominal wall, initial encounter", "S30.1")
    assert _spans(icd_conn, "S30.1XXA") == [("2019-07-01", "2025-09-30", 1, 1)]


def test_a_header_spans_from_its_earliest_code(icd_conn: sqlite3.Connection) -> None:
    # S30.1 was a header over S30.1XXA (from 2019-07-01), then over S30.11XA.
    assert _spans(icd_conn, "S30.1") == [("2019-07-01", None, 1, 0)]
    assert _spans(icd_conn, "S30.11") == [("2025-10-01", None, 0, 0)]


def test_every_code_has_a_span(icd_conn: sqlite3.Connection) -> None:
    (missing,) = icd_conn.execute(
        "SELECT count(*) FROM code c WHERE NOT EXISTS"
        " (SELECT 1 FROM span s WHERE s.system = c.system AND s.code = c.code)"
    ).fetchone()

    assert missing == 0


def test_without_the_ioce_table_codes_start_with_the_tabular(
    tmp_path: Path, tabular_path: Path
) -> None:
    (tmp_path / "icd10cm").mkdir()
    shutil.copy(tabular_path, tmp_path / "icd10cm" / tabular_path.name)
    path = tmp_path / "codes.sqlite3"

    build_database(path, Sources(data_dir=tmp_path), list(LOADERS))

    conn = sqlite3.connect(path)
    assert _spans(conn, "A00.0") == [("2026-04-01", None, 1, 1)]
    assert _spans(conn, "A00") == [("2026-04-01", None, 1, 0)]
    conn.close()
