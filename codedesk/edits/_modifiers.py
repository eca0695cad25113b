"""The I/OCE modifier list: CPT and HCPCS Level II modifiers, build step."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from .._records import Release
from ..releases import Sources
from ._files import (
    EditSource,
    finish_source,
    read_layout_rows,
    register_source,
)

MODIFIER_FILE = "ioce/ioce_modifiers.csv"

MODIFIER_SCHEMA = """
-- Modifiers the I/OCE knows (numeric CPT modifiers and HCPCS Level II), with
-- the NCCI flag and the I/OCE internal versions each row held in.
CREATE TABLE ioce_modifier (
    source INTEGER NOT NULL,
    modifier TEXT NOT NULL,
    ncci INTEGER NOT NULL,
    lo_version INTEGER NOT NULL,
    hi_version INTEGER NOT NULL
);
CREATE INDEX ioce_modifier_by_code ON ioce_modifier (modifier);
"""

#: (modifier, ncci, lo_version, hi_version)
ModifierRow = tuple[str, int, int, int]


def read_ioce_modifiers(path: Path) -> Iterator[ModifierRow]:
    """Rows of the I/OCE modifier table.

    Reads ``ioce_modifiers.csv`` (I/OCE internal versions 76 to 103, July
    2019 to June 2026), columns ``modifier``, ``ncci``, ``lo_version`` and
    ``hi_version``. The file lists modifier codes only, no descriptors.
    """
    return read_layout_rows(path, "I/OCE modifier", _ioce_modifiers_row)


def _ioce_modifiers_row(row: dict[str, str]) -> ModifierRow:
    return (
        row["modifier"].strip().upper(),
        int(row["ncci"]),
        int(row["lo_version"]),
        int(row["hi_version"]),
    )


def load_ioce_modifiers(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Build step: the I/OCE modifier list, when the file is present."""
    path = sources.find(MODIFIER_FILE)
    if path is None:
        return []
    source = EditSource(
        kind="modifier",
        setting=None,
        name="I/OCE modifier list",
        vintage="I/OCE v20.2-v27.1 (2019Q3-2026Q2)",
        path=path,
        system="ioce",
        effective_from="2019-07-01",
    )
    source_id = register_source(conn, source)
    cursor = conn.executemany(
        "INSERT INTO ioce_modifier (source, modifier, ncci, lo_version, hi_version)"
        " VALUES (?, ?, ?, ?, ?)",
        ((source_id, *row) for row in read_ioce_modifiers(path)),
    )
    return [finish_source(conn, source_id, source, cursor.rowcount)]
