"""Build step ``icd10cm.tabular``: the Tabular List into the code database."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from .._records import Release
from ..releases import Sources, embedded_tabular, sha256_of
from ._tabular import SYSTEM, Tabular, parse_tabular, release_dates

logger = logging.getLogger(__name__)

#: Where tabular files sit under the data folder: the simple-icd-10-cm and
#: CDC April-update names, and the CDC fiscal-year names.
TABULAR_PATTERNS = (
    "icd10cm/icd10c-tabular-*.xml",
    "icd10cm/icd10cm-tabular-*.xml",
    "icd10cm/icd10cm_tabular_*.xml",
)


def find_tabular(sources: Sources) -> Path:
    """The newest tabular file in the data folder, else the embedded one."""
    found = [path for pattern in TABULAR_PATTERNS for path in sources.glob(pattern)]
    if not found:
        return embedded_tabular()
    return max(found, key=lambda path: release_dates(path, "")[0])


def load_tabular(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Insert the newest tabular's codes, notes, seventh characters and terms."""
    path = find_tabular(sources)

    tabular = parse_tabular(path)
    insert_tabular(conn, tabular)

    start, end = release_dates(path, tabular.version)
    update = "" if start.month == 10 else f" {start:%b}"
    logger.info("loaded %s: %d codes", path.name, len(tabular.codes))
    return [
        Release(
            system=SYSTEM,
            name="ICD-10-CM Tabular List",
            vintage=f"FY{end.year}{update}",
            source=str(path),
            sha256=sha256_of(path),
            rows=len(tabular.codes),
            effective_from=start,
            effective_to=end,
        )
    ]


def insert_tabular(conn: sqlite3.Connection, tabular: Tabular) -> None:
    """Write a parsed tabular's rows into the shared tables."""
    conn.executemany(
        "INSERT INTO code (system, code, kind, title, short_title, parent,"
        " parent_kind, billable, depth, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        tabular.codes,
    )
    conn.executemany(
        "INSERT INTO note (system, code, kind, type, seq, text)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        tabular.notes,
    )
    conn.executemany(
        "INSERT INTO seventh_char (system, code, kind, character, meaning, seq)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        tabular.sevenths,
    )
    conn.executemany(
        "INSERT INTO term (system, code, text, source, path) VALUES (?, ?, ?, ?, ?)",
        tabular.terms,
    )
