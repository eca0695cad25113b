"""ICD-10-CM diagnosis edits (I/OCE) and MS-DRG CC/MCC lists: build steps."""

from __future__ import annotations

import csv
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from .._errors import ReleaseFileError
from .._records import Release
from ..releases import Sources
from ._files import (
    EditSource,
    finish_source,
    open_text,
    read_layout_rows,
    register_source,
)

logger = logging.getLogger(__name__)

DX_EDIT_FILE = "mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv"
CC_MCC_LEVELS_FILE = "msdrg/msdrg_v43.1_cc_mcc_levels.csv"
MCC_LIST_FILE = "msdrg/fy2026_table6i_mcc_list.txt"
CC_LIST_FILE = "msdrg/fy2026_table6j_cc_list.txt"

#: (code, lo_age, hi_age, sex, manifestation, code_first, unacceptable_pdx,
#: effective_from, effective_to)
DxEditRow = tuple[str, int, int, int, int, int, int, str, str | None]


def dotted(code: str) -> str:
    """An ICD-10-CM code with its dot after the category (``E1142`` → ``E11.42``)."""
    plain = code.strip().upper().replace(".", "")
    return plain if len(plain) <= 3 else f"{plain[:3]}.{plain[3:]}"


def read_dx_edits(path: Path) -> Iterator[DxEditRow]:
    """Rows of the I/OCE ICD-10-CM diagnosis attribute table.

    Reads ``ioce_icd10cm_dx_edits_2019q3_2026q2.csv`` (I/OCE v20.2 to v27.1,
    table data_dx10), columns ``icd10cm_code``, ``lo_age``, ``hi_age``,
    ``sex``, ``manifestation``, ``code_first``, ``unacceptable_pdx``,
    ``effective_from`` and ``effective_to``. A code has one row per period
    in which its attributes held, so rows are chosen by date of service.
    """
    return read_layout_rows(path, "I/OCE diagnosis edit", _dx_edits_row)


def _dx_edits_row(row: dict[str, str]) -> DxEditRow:
    return (
        dotted(row["icd10cm_code"]),
        int(row["lo_age"]),
        int(row["hi_age"]),
        int(row["sex"]),
        int(row["manifestation"]),
        int(row["code_first"]),
        int(row["unacceptable_pdx"]),
        row["effective_from"],
        row["effective_to"] or None,
    )


def load_dx_edits(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Build step: the I/OCE diagnosis edits, when the file is present."""
    path = sources.find(DX_EDIT_FILE)
    if path is None:
        return []
    source = EditSource(
        kind="dx_edit",
        setting=None,
        name="I/OCE ICD-10-CM diagnosis edits",
        vintage="I/OCE v20.2-v27.1 (2019Q3-2026Q2)",
        path=path,
        system="ioce",
        effective_from="2019-07-01",
    )
    source_id = register_source(conn, source)
    cursor = conn.executemany(
        "INSERT INTO dx_edit (source, code, lo_age, hi_age, sex, manifestation,"
        " code_first, unacceptable_pdx, effective_from, effective_to)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((source_id, *row) for row in read_dx_edits(path)),
    )
    (sex_rows,) = conn.execute(
        "SELECT count(*) FROM dx_edit WHERE source = ? AND sex != 0", (source_id,)
    ).fetchone()
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('dx_edit_sex_rows', ?)",
        (str(sex_rows),),
    )
    return [finish_source(conn, source_id, source, cursor.rowcount)]


def read_cc_mcc_levels(path: Path) -> Iterator[tuple[str, str, str | None]]:
    """Rows of the MS-DRG v43.1 CC/MCC levels.

    Reads ``msdrg_v43.1_cc_mcc_levels.csv``, columns ``icd10cm_code``,
    ``severity_level`` (CC or MCC) and ``pdx_exclusion_list``.
    """
    with open_text(path) as handle:
        for row in csv.DictReader(handle):
            level = row["severity_level"].strip()
            if level not in ("CC", "MCC"):
                raise ReleaseFileError(
                    f"{path.name}: severity '{level}' is not CC/MCC."
                )
            yield dotted(row["icd10cm_code"]), level, row["pdx_exclusion_list"] or None


def read_table_6(path: Path, level: str) -> Iterator[tuple[str, str, str | None]]:
    """Rows of FY2026 IPPS Table 6I (MCC list) or 6J (CC list).

    Reads the tab-separated text after its title and header lines: the
    first column is the dotted ICD-10-CM code, the second its description.
    """
    with open_text(path) as handle:
        for line in handle:
            code = line.split("\t", 1)[0].strip()
            if code and code[0].isalpha() and code[1:3].isdigit():
                yield dotted(code), level, None


def load_cc_mcc(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Build step: MS-DRG v43.1 levels and the FY2026 Table 6I/6J lists."""
    plans = [
        (CC_MCC_LEVELS_FILE, "MS-DRG v43.1 CC/MCC levels", "v43.1", None),
        (MCC_LIST_FILE, "FY2026 IPPS Table 6I, MCC list", "FY2026", "MCC"),
        (CC_LIST_FILE, "FY2026 IPPS Table 6J, CC list", "FY2026", "CC"),
    ]
    releases: list[Release] = []
    for relative, name, vintage, level in plans:
        path = sources.find(relative)
        if path is None:
            continue
        source = EditSource(
            kind="cc_mcc",
            setting=vintage,
            name=name,
            vintage=vintage,
            path=path,
            system="msdrg",
        )
        rows = read_cc_mcc_levels(path) if level is None else read_table_6(path, level)
        source_id = register_source(conn, source)
        cursor = conn.executemany(
            "INSERT INTO cc_mcc (source, code, level, pdx_exclusion_list)"
            " VALUES (?, ?, ?, ?)",
            ((source_id, *row) for row in rows),
        )
        releases.append(finish_source(conn, source_id, source, cursor.rowcount))
    return releases
