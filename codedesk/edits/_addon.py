"""NCCI add-on code (AOC) edits: parsers and build step."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from .._errors import ReleaseFileError
from .._records import Release
from ..releases import Sources
from ._files import (
    EditSource,
    cms_date,
    finish_source,
    read_layout_rows,
    register_source,
    sniff_rows,
    text_members,
)

logger = logging.getLogger(__name__)

IOCE_AOC_FILE = "ncci/ncci_addon_code_edits_from_ioce.csv"

#: (addon_code, aoc_type, primary_code, effective_from, effective_to)
AddonRow = tuple[str, int, str | None, str, str | None]

#: The CMS AOC file prints this in place of a primary code for type 2 edits,
#: whose primaries each contractor defines.
NO_PRIMARY = "CCCCC"

_CMS_COLUMNS = {
    "addoncode": "addon",
    "primarycode": "primary",
    "aocedittype": "type",
    "aocediteffectivedate": "start",
    "aoceditdeletiondate": "end",
}


def read_ioce_addons(path: Path) -> Iterator[AddonRow]:
    """Rows of the add-on code edits exported from the I/OCE.

    Reads ``ncci_addon_code_edits_from_ioce.csv`` (I/OCE v20.2 to v27.1,
    tables map_addon_type1/2/3), columns ``addon_code``, ``aoc_type``,
    ``primary_code`` (blank for type 2), ``effective_from``, ``effective_to``.
    """
    return read_layout_rows(path, "I/OCE add-on", _ioce_addons_row)


def _ioce_addons_row(row: dict[str, str]) -> AddonRow:
    return (
        row["addon_code"].strip(),
        int(row["aoc_type"]),
        row["primary_code"].strip() or None,
        row["effective_from"],
        row["effective_to"] or None,
    )


def read_cms_addons(path: Path) -> Iterator[AddonRow]:
    """Rows of the CMS NCCI add-on code edit file (``AOC_V<yyyy>Q<n>``).

    Reads the tab-delimited text (or CSV) form, locating the header row by
    its "Add-on Code" cell. Columns used: Add-on Code, Primary Code
    (``CCCCC`` for type 2), AOC Edit Type (1, 2, 3), AOC Edit Effective
    Date and AOC Edit Deletion Date (YYYYMMDD, ``*`` = none).
    """
    for handle in text_members(path, (".txt", ".csv")):
        columns: dict[str, int] | None = None
        for fields in sniff_rows(handle):
            if columns is None:
                columns = _cms_header(fields)
                continue
            row = _cms_addon_row(fields, columns)
            if row is not None:
                yield row
        if columns is None:
            raise ReleaseFileError(f"{path.name} has no 'Add-on Code' header row.")


def _cms_header(fields: list[str]) -> dict[str, int] | None:
    names = [re.sub(r"[^a-z]", "", field.lower()) for field in fields]
    if "addoncode" not in names:
        return None
    found = {_CMS_COLUMNS[n]: i for i, n in enumerate(names) if n in _CMS_COLUMNS}
    missing = {"addon", "primary", "type", "start"} - set(found)
    if missing:
        raise ReleaseFileError(
            "The add-on code file lacks the columns: " + ", ".join(sorted(missing))
        )
    return found


def _cms_addon_row(fields: list[str], columns: dict[str, int]) -> AddonRow | None:
    cells = [field.strip() for field in fields]
    if len(cells) <= max(columns.values()) or not cells[columns["addon"]]:
        return None
    primary = cells[columns["primary"]].upper()
    end = cells[columns["end"]] if "end" in columns else ""
    return (
        cells[columns["addon"]].upper(),
        int(cells[columns["type"]]),
        None if primary in ("", NO_PRIMARY) else primary,
        cms_date(cells[columns["start"]]) or "",
        cms_date(end),
    )


def load_addons(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Build step: the I/OCE add-on edits, and any CMS AOC file in ncci/aoc/."""
    releases: list[Release] = []
    path = sources.find(IOCE_AOC_FILE)
    if path is not None:
        source = EditSource(
            kind="addon",
            setting=None,
            name="NCCI add-on code edits (as carried by the I/OCE)",
            vintage="I/OCE v20.2-v27.1 (2019Q3-2026Q2)",
            path=path,
            effective_from="2019-07-01",
        )
        releases.append(load_addon_file(conn, source, read_ioce_addons(path)))
    for extra in sources.glob("ncci/aoc/*"):
        releases.append(import_cms_addons(conn, extra))
    return releases


def import_cms_addons(conn: sqlite3.Connection, path: Path) -> Release:
    """Load one CMS add-on code edit release."""
    source = EditSource(
        kind="addon",
        setting=None,
        name="NCCI add-on code edits",
        vintage=path.stem,
        path=path,
    )
    return load_addon_file(conn, source, read_cms_addons(path))


def load_addon_file(
    conn: sqlite3.Connection, source: EditSource, rows: Iterable[AddonRow]
) -> Release:
    """Register an add-on release, insert its rows and return its record."""
    source_id = register_source(conn, source)
    cursor = conn.executemany(
        "INSERT INTO addon (source, addon_code, aoc_type, primary_code,"
        " effective_from, effective_to) VALUES (?, ?, ?, ?, ?, ?)",
        ((source_id, *row) for row in rows),
    )
    logger.info("loaded %d add-on edits from %s", cursor.rowcount, source.path.name)
    return finish_source(conn, source_id, source, cursor.rowcount)
