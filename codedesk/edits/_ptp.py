"""NCCI procedure-to-procedure (PTP) edits: parsers and build steps."""

from __future__ import annotations

import csv
import logging
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
    is_procedure_code,
    open_text,
    register_source,
    sniff_rows,
    text_members,
)
from ._schema import PTP_INDEXES

logger = logging.getLogger(__name__)

#: The pairs exported from the outpatient code editor, staged in the data folder.
HOSPITAL_IOCE_FILE = "ncci/ncci_ptp_hospital_outpatient_from_ioce_2019q3_2026q2.csv.gz"

#: The first date the I/OCE export covers: its older edits all show this date.
IOCE_FIRST_DAY = "2019-07-01"

#: Row tuples in ``ptp`` column order, after ``source``.
PtpRow = tuple[str, str, str, int, str, str | None, int | None, str | None]

_INSERT = (
    "INSERT INTO ptp (source, setting, column1, column2, modifier_indicator,"
    " effective_from, effective_to, prior_1996, rationale)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def read_cms_ptp(path: Path, setting: str) -> Iterator[PtpRow]:
    """Rows of an NCCI PTP release in the CMS quarterly layout.

    Reads the tab-delimited text files of the CMS practitioner (``ccipra``)
    and outpatient hospital (``ccioph``) zips, or one of their ``.txt``
    members. Columns, in order: Column 1, Column 2, ``*`` = in existence
    prior to 1996, effective date (YYYYMMDD), deletion date (``*`` = none),
    modifier indicator (0 not allowed, 1 allowed, 9 not applicable), PTP
    edit rationale. The copyright and header lines before the first pair
    are skipped.
    """
    for handle in text_members(path, (".txt", ".csv")):
        for fields in sniff_rows(handle):
            row = _cms_ptp_row(fields, setting)
            if row is not None:
                yield row


def _cms_ptp_row(fields: list[str], setting: str) -> PtpRow | None:
    cells = [field.strip() for field in fields]
    if len(cells) < 6 or not (is_procedure_code(cells[0]) and cells[3].isdigit()):
        return None
    indicator = cells[5]
    if indicator not in ("0", "1", "9"):
        raise ReleaseFileError(
            f"Modifier indicator '{indicator}' for pair {cells[0]}/{cells[1]}"
            " is not 0, 1 or 9."
        )
    effective_from = cms_date(cells[3]) or ""
    rationale = cells[6] if len(cells) > 6 and cells[6] else None
    return (
        setting,
        cells[0].upper(),
        cells[1].upper(),
        int(indicator),
        effective_from,
        cms_date(cells[4]),
        1 if cells[2] == "*" else 0,
        rationale,
    )


def read_ioce_ptp(path: Path) -> Iterator[PtpRow]:
    """Rows of the hospital PTP pairs exported from the I/OCE.

    Reads ``ncci_ptp_hospital_outpatient_from_ioce_2019q3_2026q2.csv.gz``
    (I/OCE v20.2, 2019-07, to v27.1, 2026-04), columns ``column1``,
    ``column2``, ``modifier_indicator``, ``effective_from`` and
    ``effective_to``. Dates are quarter bounds of the I/OCE versions that
    carried the pair, not the NCCI file dates; the file has no rationale
    and no prior-to-1996 flag.
    """
    with open_text(path) as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if header[:5] != [
            "column1",
            "column2",
            "modifier_indicator",
            "effective_from",
            "effective_to",
        ]:
            raise ReleaseFileError(f"{path.name} does not have the I/OCE PTP header.")
        for c1, c2, indicator, start, end, *_ in reader:
            yield ("hospital", c1, c2, int(indicator), start, end or None, None, None)


def insert_ptp(conn: sqlite3.Connection, source_id: int, rows: Iterable[PtpRow]) -> int:
    """Insert PTP rows for one source, then (re)create the pair indexes."""
    count = 0

    def numbered() -> Iterator[tuple[object, ...]]:
        nonlocal count
        for row in rows:
            count += 1
            yield (source_id, *row)

    conn.executemany(_INSERT, numbered())
    for statement in PTP_INDEXES.strip().split(";"):
        if statement.strip():
            conn.execute(statement)
    return count


def load_hospital_ptp(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Build step: the hospital PTP pairs from the I/OCE export, when present."""
    path = sources.find(HOSPITAL_IOCE_FILE)
    releases: list[Release] = []
    if path is not None:
        source = EditSource(
            kind="ptp",
            setting="hospital",
            name="NCCI PTP, outpatient hospital (as carried by the I/OCE)",
            vintage="I/OCE v20.2-v27.1 (2019Q3-2026Q2)",
            path=path,
            effective_from=IOCE_FIRST_DAY,
        )
        releases.append(load_ptp_file(conn, source, read_ioce_ptp(path)))
    for setting in ("practitioner", "hospital"):
        for extra in sources.glob(f"ncci/ptp_{setting}/*"):
            releases.append(import_cms_ptp(conn, extra, setting))
    return releases


def import_cms_ptp(conn: sqlite3.Connection, path: Path, setting: str) -> Release:
    """Load one CMS PTP release (zip or text) for a setting."""
    source = EditSource(
        kind="ptp",
        setting=setting,
        name=f"NCCI PTP, {setting}",
        vintage=path.stem,
        path=path,
    )
    return load_ptp_file(conn, source, read_cms_ptp(path, setting))


def load_ptp_file(
    conn: sqlite3.Connection, source: EditSource, rows: Iterable[PtpRow]
) -> Release:
    """Register a PTP release, insert its rows and return its record."""
    source_id = register_source(conn, source)
    count = insert_ptp(conn, source_id, rows)
    logger.info("loaded %d PTP pairs from %s", count, source.path.name)
    return finish_source(conn, source_id, source, count)
