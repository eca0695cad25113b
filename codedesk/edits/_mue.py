"""Medically Unlikely Edits (MUE): parser and build step.

No MUE release ships in the data folder. A user loads one with
``codedesk data import-edits mue-practitioner FILE`` (or ``mue-hospital``,
``mue-dme``), or stages it under ``ncci/mue_<setting>/`` in the data folder
before a build.
"""

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
    finish_source,
    is_procedure_code,
    register_source,
    sniff_rows,
    text_members,
)

logger = logging.getLogger(__name__)

MUE_SETTINGS: tuple[str, ...] = ("practitioner", "hospital", "dme")

#: (setting, code, mue_value, mai, mai_text, rationale)
MueRow = tuple[str, str, int, int, str, str]

_DATE_IN_NAME = re.compile(r"(\d{2})[-_](\d{2})[-_](\d{4})")


def read_cms_mue(path: Path, setting: str) -> Iterator[MueRow]:
    """Rows of a CMS MUE table in its CSV layout.

    Reads the practitioner, outpatient hospital or DME supplier services
    table (``MCR_MUE_<Setting>Services_Eff_<MM-DD-YYYY>.csv``, or its zip).
    The notice lines before the header are skipped; the columns are
    HCPCS/CPT Code, <Setting> Services MUE Values, MUE Adjudication
    Indicator (text such as "2 Date of Service Edit: Policy", whose first
    digit is the MAI) and MUE Rationale.
    """
    for handle in text_members(path, (".csv", ".txt")):
        for fields in sniff_rows(handle):
            row = _mue_row(fields, setting)
            if row is not None:
                yield row


def _mue_row(fields: list[str], setting: str) -> MueRow | None:
    cells = [field.strip() for field in fields]
    if len(cells) < 4 or not is_procedure_code(cells[0]):
        return None
    if not cells[1].isdigit() or cells[2][:1] not in ("1", "2", "3"):
        raise ReleaseFileError(
            f"MUE row for {cells[0]} has value '{cells[1]}' and indicator"
            f" '{cells[2]}'; expected a number and an indicator 1, 2 or 3."
        )
    return (
        setting,
        cells[0].upper(),
        int(cells[1]),
        int(cells[2][0]),
        cells[2],
        cells[3],
    )


def effective_date_in_name(path: Path) -> str | None:
    """The effective date CMS prints in an MUE file name (``Eff_01-01-2025``)."""
    match = _DATE_IN_NAME.search(path.name)
    if match is None:
        return None
    month, day, year = match.groups()
    return f"{year}-{month}-{day}"


def import_cms_mue(conn: sqlite3.Connection, path: Path, setting: str) -> Release:
    """Load one CMS MUE table for a setting (practitioner, hospital or dme)."""
    if setting not in MUE_SETTINGS:
        raise ReleaseFileError(
            f"'{setting}' is not an MUE table.",
            hint="Use one of: " + ", ".join(MUE_SETTINGS) + ".",
        )
    source = EditSource(
        kind="mue",
        setting=setting,
        name=f"NCCI MUE, {setting}",
        vintage=path.stem,
        path=path,
        effective_from=effective_date_in_name(path),
    )
    return load_mue_file(conn, source, read_cms_mue(path, setting))


def load_mue_file(
    conn: sqlite3.Connection, source: EditSource, rows: Iterable[MueRow]
) -> Release:
    """Register an MUE release, insert its rows and return its record."""
    source_id = register_source(conn, source)
    cursor = conn.executemany(
        "INSERT INTO mue (source, setting, code, mue_value, mai, mai_text,"
        " rationale, effective_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ((source_id, *row, source.effective_from) for row in rows),
    )
    logger.info("loaded %d MUE rows from %s", cursor.rowcount, source.path.name)
    return finish_source(conn, source_id, source, cursor.rowcount)


def load_mues(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Build step: any MUE tables staged under ``ncci/mue_<setting>/``."""
    return [
        import_cms_mue(conn, path, setting)
        for setting in MUE_SETTINGS
        for path in sources.glob(f"ncci/mue_{setting}/*")
    ]
