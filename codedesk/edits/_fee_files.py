"""Physician fee schedule geography files (RVU25D bundle): build step."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from .._errors import ReleaseFileError
from .._records import Release
from ..releases import Sources
from ._files import EditSource, finish_source, open_text, register_source

GPCI_FILE = "pfs_rvu/GPCI2025.csv"
LOCALITY_FILE = "pfs_rvu/25LOCCO.csv"
ANES_FILE = "pfs_rvu/ANES2025.csv"
OPPS_CAP_FILE = "pfs_rvu/OPPSCAP_Oct2025.csv"

Row = tuple[object, ...]


def _mac(text: str) -> str:
    return text.strip().zfill(5)


def _locality(text: str) -> str:
    return text.strip().zfill(2)


def _data_rows(path: Path) -> Iterator[list[str]]:
    """Rows whose first cell is a contractor number (title and notes skipped)."""
    with open_text(path) as handle:
        for row in csv.reader(handle):
            if row and row[0].strip().isdigit():
                yield [cell.strip() for cell in row]


def read_gpci(path: Path) -> Iterator[Row]:
    """Rows of CY2025 PFS Addendum E (``GPCI2025.csv``, RVU25D).

    Columns: Medicare Administrative Contractor, State, Locality Number,
    Locality Name, 2025 PW GPCI (with 1.0 floor), 2025 PE GPCI, 2025 MP GPCI.
    """
    for mac, state, locality, name, work, pe, mp, *_ in _data_rows(path):
        yield (
            _mac(mac),
            state,
            _locality(locality),
            name,
            float(work),
            float(pe),
            float(mp),
        )


def read_localities(path: Path) -> Iterator[Row]:
    """Rows of the CY2025 locality county list (``25LOCCO.csv``, RVU25D).

    Columns: Medicare Administrative Contractor, Locality Number, State
    (printed once per state, carried down here), Fee Schedule Area, Counties.
    """
    state = ""
    for mac, locality, state_cell, area, counties, *_ in _data_rows(path):
        state = state_cell or state
        yield _mac(mac), _locality(locality), state, area, counties


def read_anesthesia(path: Path) -> Iterator[Row]:
    """Rows of the CY2025 anesthesia conversion factors (``ANES2025.csv``).

    Columns: Contractor, Locality, Locality Name, and the locality's
    anesthesia conversion factor (the header names the national one).
    """
    for mac, locality, name, cf, *_ in _data_rows(path):
        yield _mac(mac), _locality(locality), name, float(cf)


def read_opps_cap(path: Path) -> Iterator[Row]:
    """Rows of the OPPS payment caps (``OPPSCAP_Oct.csv``, RVU25D, 2025 Q4).

    Columns: HCPCS, MOD, PROCSTAT, CARRIER, LOCALITY, FACILITY PRICE,
    NON-FACILTY PRICE (sic).
    """
    with open_text(path) as handle:
        for row in csv.DictReader(handle):
            if not row["HCPCS"].strip():
                continue
            yield (
                row["HCPCS"].strip(),
                row["MOD"].strip(),
                row["PROCSTAT"].strip(),
                _mac(row["CARRIER"]),
                _locality(row["LOCALITY"]),
                float(row["FACILITY PRICE"]),
                float(row["NON-FACILTY PRICE"]),
            )


_PLANS: tuple[tuple[str, str, str, str, Callable[[Path], Iterator[Row]]], ...] = (
    (GPCI_FILE, "gpci", "CY2025 PFS GPCIs (Addendum E)", "gpci", read_gpci),
    (
        LOCALITY_FILE,
        "locality",
        "CY2025 PFS localities",
        "locality_county",
        read_localities,
    ),
    (
        ANES_FILE,
        "anes_cf",
        "CY2025 anesthesia conversion factors",
        "anes_cf",
        read_anesthesia,
    ),
    (
        OPPS_CAP_FILE,
        "opps_cap",
        "OPPS payment caps, October 2025",
        "opps_cap",
        read_opps_cap,
    ),
)


def load_fee_files(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Build step: GPCIs, localities, anesthesia CFs and OPPS caps."""
    releases: list[Release] = []
    for relative, kind, name, table, reader in _PLANS:
        path = sources.find(relative)
        if path is None:
            continue
        source = EditSource(
            kind=kind,
            setting=None,
            name=name,
            vintage="RVU25D",
            path=path,
            system="mpfs",
            effective_from="2025-01-01",
            effective_to="2025-12-31",
        )
        releases.append(_load_table(conn, source, table, reader))
    return releases


def _load_table(
    conn: sqlite3.Connection,
    source: EditSource,
    table: str,
    reader: Callable[[Path], Iterator[Row]],
) -> Release:
    source_id = register_source(conn, source)
    try:
        rows = [(source_id, *row) for row in reader(source.path)]
    except (KeyError, ValueError) as error:
        raise ReleaseFileError(
            f"{source.path.name} is not in the CMS layout ({error})."
        ) from None
    marks = ", ".join("?" * len(rows[0])) if rows else ""
    if rows:
        conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    return finish_source(conn, source_id, source, len(rows))
